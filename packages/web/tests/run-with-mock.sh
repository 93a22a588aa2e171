#!/bin/sh
# Runs nango-web's browser tests with a nango-mock on a free loopback port (auto-approving
# fake OAuth provider), so the mock-backed tests (tests/mock_flows.rs) run instead of skipping.
#
#   packages/web/tests/run-with-mock.sh [extra cargo test args]
#
# NANGO_MOCK_BIN: a built nango-mock binary (default: `cargo run --release -p nango-mock`).
set -eu
cd "$(dirname "$0")/../../.."
log=$(mktemp)
if [ -n "${NANGO_MOCK_BIN:-}" ]; then
    "$NANGO_MOCK_BIN" --port 0 --auto-approve >"$log" 2>/dev/null &
else
    cargo run --quiet --release -p nango-mock -- --port 0 --auto-approve >"$log" 2>/dev/null &
fi
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true; rm -f "$log"' EXIT INT TERM
url=""
for _ in $(seq 1 600); do
    url=$(sed -n 's/^nango-mock listening on \(http:[^ ]*\)$/\1/p' "$log")
    [ -n "$url" ] && break
    kill -0 "$mock_pid" 2>/dev/null || { echo "nango-mock exited" >&2; exit 1; }
    sleep 0.2
done
[ -n "$url" ] || { echo "nango-mock did not start" >&2; exit 1; }
echo "nango-mock at $url"
NANGO_MOCK_URL="$url" cargo test -p nango-web --target wasm32-unknown-unknown --release "$@"
