#!/usr/bin/env bash
# Starts the release nango-mock on a free port, waits for its listening line, runs the official
# @nangohq/node client tests (node:test) against it, and stops it. Used by `cargo xtask test`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
# NANGO_MOCK_BIN: a nango-mock binary already built (cargo xtask test passes its debug build).
bin="${NANGO_MOCK_BIN:-$target/release/nango-mock}"
if [[ -z "${NANGO_MOCK_BIN:-}" && "${NANGO_MOCK_SKIP_BUILD:-}" != "1" ]]; then
    (cd "$root" && cargo build --release -p nango-mock --bin nango-mock)
fi
secret="2f1e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"
log="$(mktemp)"
"$bin" --port 0 --secret-key "$secret" >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap cleanup EXIT
url=""
for _ in $(seq 1 100); do
    url="$(sed -n 's/^nango-mock listening on \(http:\/\/[^ ]*\)$/\1/p' "$log" | head -n1)"
    [[ -n "$url" ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 0.1
done
if [[ -z "$url" ]]; then echo "nango-mock did not start" >&2; cat "$log" >&2; exit 1; fi
cd "$here"
if [[ ! -d node_modules/@nangohq/node ]]; then npm ci --no-audit --no-fund; fi
NANGO_MOCK_URL="$url" NANGO_MOCK_SECRET_KEY="$secret" node --test test/
