// Shared harness of the end-to-end tests: starts nango-mock on a free loopback port, serves the
// host pages and dist/ from a second (cross-origin) port, creates sessions with the secret key,
// launches Debian's Chromium through playwright-core, takes screenshots and runs axe-core.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** This folder (tests/e2e). */
export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
/** The workspace root. */
export const ROOT = resolve(E2E_DIR, '..', '..');
/** The web build output (`cargo xtask build-web`). */
export const DIST_DIR = join(ROOT, 'dist');
/** The standalone Connect UI app, when it has been built. */
export const CONNECT_APP_DIR = join(DIST_DIR, 'connect-app');
/** The plain-JS SDK module (`@nangohq/frontend` API), when it has been built. */
export const KIT_JS_MODULE = join(DIST_DIR, 'js', 'nango.js');
/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = join(ROOT, 'tests', 'artifacts', 'screenshots');
/** Where the click-through screenshots of the web apps go, light and dark (gitignored). */
export const WEB_ARTIFACT_DIR = join(ROOT, 'tests', 'artifacts', 'web');
/** The secret key every harness-started mock uses. */
export const SECRET_KEY = 'e2e00000-0000-4000-8000-000000000001';
/** Chromium from Debian's packages. */
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** Whether the standalone Connect UI app has been built into dist/connect-app. */
export function connectAppBuilt() {
    return existsSync(join(CONNECT_APP_DIR, 'index.html'));
}

/** Whether the plain-JS SDK module has been built into dist/js. */
export function kitJsBuilt() {
    return existsSync(KIT_JS_MODULE);
}

/** The nango-mock binary: `NANGO_MOCK_BIN`, else the debug build in the cargo target dir. */
export function mockBinary() {
    if (process.env.NANGO_MOCK_BIN) return process.env.NANGO_MOCK_BIN;
    const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
    return join(target, 'debug', 'nango-mock');
}

let mockHelp;
/** Whether this nango-mock binary knows a flag (read once from `--help`). */
export function mockSupports(flag) {
    if (mockHelp === undefined) {
        try {
            mockHelp = execFileSync(mockBinary(), ['--help'], { encoding: 'utf8' });
        } catch {
            mockHelp = ''; // No binary yet: startMock reports that when a test starts it.
        }
    }
    return mockHelp.includes(flag);
}

/**
 * Starts nango-mock on a free port and resolves once it prints its listening line.
 * `options.args`: extra flags; `options.connectUi` (default true): serve dist/connect-app at
 * /connect/ when it is built and the binary supports it.
 */
export async function startMock(options = {}) {
    const args = ['--port', '0', '--secret-key', SECRET_KEY, ...(options.args ?? [])];
    if ((options.connectUi ?? true) && connectAppBuilt() && mockSupports('--connect-ui-dir')) {
        args.push('--connect-ui-dir', CONNECT_APP_DIR);
    }
    const child = spawn(mockBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`nango-mock did not start in 30 s: ${Buffer.concat(stderr)}`)), 30_000);
        child.once('error', (error) => { clearTimeout(timer); reject(error); });
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`nango-mock exited (${code}): ${Buffer.concat(stderr)}`)); });
        lines.on('line', (line) => {
            const match = /^nango-mock listening on (http:\/\/\S+)$/.exec(line);
            if (match) { clearTimeout(timer); resolveUrl(match[1]); }
        });
    });
    child.removeAllListeners('exit');
    const stop = () => new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
    });
    process.once('exit', () => child.kill('SIGKILL'));
    return new MockServer(url, stop);
}

/** A running nango-mock and the secret-key calls a backend makes to it. */
export class MockServer {
    constructor(url, stop) {
        /** Base URL, `http://127.0.0.1:PORT`. */
        this.url = url;
        /** Stops the process. */
        this.stop = stop;
    }

    /** Calls the mock with the secret key; resolves with `{ status, body }`. */
    async api(method, path, body) {
        const response = await fetch(`${this.url}${path}`, {
            method,
            headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        const text = await response.text();
        let json;
        try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
        return { status: response.status, body: json };
    }

    /** `POST /connect/sessions`; resolves with the session token. */
    async createSession(body = {}) {
        const { status, body: answer } = await this.api('POST', '/connect/sessions', { end_user: { id: 'e2e-user' }, ...body });
        if (status !== 201) throw new Error(`POST /connect/sessions answered ${status}: ${JSON.stringify(answer)}`);
        return answer.data.token;
    }

    /** `POST /connect/sessions/reconnect` for an existing connection; resolves with the token. */
    async createReconnectSession(connectionId, integrationId, body = {}) {
        const { status, body: answer } = await this.api('POST', '/connect/sessions/reconnect', {
            connection_id: connectionId,
            integration_id: integrationId,
            ...body
        });
        if (status !== 201) throw new Error(`POST /connect/sessions/reconnect answered ${status}: ${JSON.stringify(answer)}`);
        return answer.data.token;
    }

    /** `GET /connections` (optionally filtered); resolves with the list. */
    async connections(query = {}) {
        const search = new URLSearchParams(query).toString();
        const { status, body } = await this.api('GET', `/connections${search ? `?${search}` : ''}`);
        if (status !== 200) throw new Error(`GET /connections answered ${status}: ${JSON.stringify(body)}`);
        return body.connections;
    }
}

const CONTENT_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ftl': 'text/plain; charset=utf-8',
    '.woff2': 'font/woff2'
};

/**
 * The folders the static server maps: URL prefix → folder. Host pages at `/pages/`, the web
 * build at `/dist/`, axe-core and the official SDK at `/npm/…`.
 */
export const STATIC_MOUNTS = {
    '/pages/': join(E2E_DIR, 'pages'),
    '/dist/': DIST_DIR,
    '/npm/frontend/': dirname(require.resolve('@nangohq/frontend')),
    '/npm/axe-core/': dirname(require.resolve('axe-core'))
};

/**
 * Starts a static file server on a second free loopback port (cross-origin from the mock).
 * `routes` maps `"METHOD /path"` to `async (request, response) => …`: an app's own backend
 * endpoints (e.g. `POST /api/session-token`), answered before the static mounts.
 * `cacheControl` is the files' `Cache-Control` (default `no-cache`; benchmarks of warm loads
 * pass a `max-age`).
 */
export async function startStaticServer(mounts = STATIC_MOUNTS, { routes = {}, cacheControl = 'no-cache' } = {}) {
    const server = createServer((request, response) => {
        const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
        const route = routes[`${request.method} ${path}`];
        if (route) {
            Promise.resolve(route(request, response)).catch((error) => {
                if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
                response.end(String(error?.message ?? error));
            });
            return;
        }
        const prefix = Object.keys(mounts).find((candidate) => path.startsWith(candidate));
        if (!prefix) { response.writeHead(404).end('not found'); return; }
        const base = mounts[prefix];
        let file = normalize(join(base, path.slice(prefix.length)));
        if (file !== base && !file.startsWith(base + sep)) { response.writeHead(403).end('forbidden'); return; }
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (!existsSync(file)) { response.writeHead(404).end('not found'); return; }
        response.writeHead(200, {
            'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'Cache-Control': cacheControl
        });
        createReadStream(file).pipe(response);
    });
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); })
    };
}

/** The Chromium flags every test uses (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/**
 * Launches headless Chromium. Chromium's popup blocker stays on (Playwright turns it off by
 * default), so a popup opened outside a user gesture is blocked as in a real browser.
 */
export async function launchBrowser() {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        ignoreDefaultArgs: ['--disable-popup-blocking']
    });
}

/**
 * Writes a full-page screenshot to `dir`/NAME.png (default tests/artifacts/screenshots);
 * returns the path.
 */
export async function screenshot(page, name, { dir = SCREENSHOT_DIR } = {}) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
}

/**
 * Waits until the finite animations and transitions of the page and of every frame in it
 * (e.g. the Connect UI's iframe) have finished, at most 2 s, so a screenshot shows the
 * settled screen.
 */
export async function settleAnimations(page) {
    await Promise.all(page.frames().map((frame) => frame.evaluate(() => Promise.race([
        Promise.all(document.getAnimations()
            .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
            .map((animation) => animation.finished.catch(() => null))),
        new Promise((done) => setTimeout(done, 2_000))
    ])).catch(() => null)));
}

/** The WCAG tags every axe run checks (WCAG 2.2 AA and everything below it). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in a page (or frame) and resolves with its violations. */
export async function axeViolations(frame, context) {
    // Let entrance transitions finish: axe would sample colours half-way through a fade.
    // Infinite ones (spinners) never finish: skip them, and never wait more than 2 s.
    await frame.evaluate(() => Promise.race([
        Promise.all(document.getAnimations()
            .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
            .map((animation) => animation.finished.catch(() => null))),
        new Promise((done) => setTimeout(done, 2_000))
    ]));
    if (!(await frame.evaluate(() => typeof window.axe === 'object'))) {
        await frame.evaluate(AXE_SOURCE);
    }
    return frame.evaluate(
        async ([tags, scope]) => {
            const result = await window.axe.run(scope ?? document, { runOnly: { type: 'tag', values: tags } });
            return result.violations.map((violation) => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary }))
            }));
        },
        [AXE_TAGS, context]
    );
}

/** Formats axe violations for a failure message, one rule and its nodes per block. */
export function formatViolations(violations) {
    return violations
        .map((violation) => [
            `${violation.id} (${violation.impact}): ${violation.help}`,
            ...violation.nodes.map((node) => `  at ${node.target}\n    ${String(node.summary).replace(/\n/g, '\n    ')}`)
        ].join('\n'))
        .join('\n');
}

/** Asserts that axe finds no WCAG 2.2 AA violation; the message lists them readably. */
export async function assertAccessible(frame, label, context) {
    const violations = await axeViolations(frame, context);
    if (violations.length > 0) {
        throw new Error(`axe: ${violations.length} violation(s) on ${label}:\n${formatViolations(violations)}`);
    }
}

/**
 * Starts everything one test file needs: a mock (with `mockArgs`), the static server and a
 * browser. `stop()` ends all three.
 */
export async function startStack({ mockArgs = [], connectUi = true } = {}) {
    const mock = await startMock({ args: mockArgs, connectUi });
    const statics = await startStaticServer();
    const browser = await launchBrowser();
    return {
        mock,
        statics,
        browser,
        stop: async () => {
            await browser.close();
            await statics.stop();
            await mock.stop();
        }
    };
}

/** Answers `response` with `body` as JSON (status 200 unless given). */
export function sendJson(response, body, status = 200) {
    response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
}

/** Polls `predicate` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(predicate, timeoutMs = 10_000, label = 'condition') {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await predicate();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
        await new Promise((done) => setTimeout(done, 50));
    }
}
