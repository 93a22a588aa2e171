// Smoke test of `cargo xtask demo`: runs it in the background on a free port, waits for the URLs
// it prints, loads the gallery and the Live page (a session against the demo's nango-mock, the
// Connect UI in-page showing the list, an API-key connection logged as a `connect` event), then
// sends SIGINT as Ctrl-C does and checks that xtask and nango-mock both exit.
//
// It reuses what the e2e suite built: `--no-build` serves dist/gallery and dist/connect-app as
// they are, and `--mock-bin` runs the same nango-mock binary (no second web or mock build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { stubLogoCdn } from '../gallery/logo-cdn.mjs';
import { DIST_DIR, ROOT, launchBrowser, mockBinary, screenshot } from '../harness.mjs';

const MISSING = !existsSync(join(DIST_DIR, 'gallery', 'index.html'))
    ? 'dist/gallery is not built (cargo xtask build-web --app gallery)'
    : !existsSync(join(DIST_DIR, 'connect-app', 'index.html'))
        ? 'dist/connect-app is not built (cargo xtask build-web --app connect-app)'
        : !existsSync(mockBinary())
            ? `no nango-mock binary at ${mockBinary()}`
            : false;

/** How long `cargo xtask demo` may take to print its URLs (cargo may still compile xtask). */
const START_TIMEOUT_MS = 300_000;
/** How long xtask and nango-mock may take to exit after SIGINT (xtask's own grace is 10 s). */
const STOP_TIMEOUT_MS = 20_000;

/** A port nobody listens on right now. */
async function freePort() {
    const server = createServer();
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address();
    await new Promise((done) => server.close(done));
    return port;
}

/** Whether something accepts TCP connections on the loopback `port`. */
function listening(port) {
    return new Promise((done) => {
        const socket = connect({ port, host: '127.0.0.1' });
        socket.once('connect', () => { socket.destroy(); done(true); });
        socket.once('error', () => done(false));
    });
}

/** Whether process `pid` still exists (a zombie counts as gone). */
function alive(pid) {
    try {
        process.kill(pid, 0);
    } catch {
        return false;
    }
    try {
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
        return false;
    }
}

/** The pids of `pid`'s children (every thread's list: Linux /proc). */
function childrenOf(pid) {
    try {
        return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
            .split(/\s+/)
            .filter(Boolean)
            .map(Number));
    } catch {
        return [];
    }
}

/** The command line of `pid`, or '' once it is gone. */
function commandLine(pid) {
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
        return '';
    }
}

describe('cargo xtask demo', { skip: MISSING }, () => {
    let demo;
    let port;
    let exit;
    const output = [];
    let urls;
    let browser;
    let context;
    let mockPid;

    before(async () => {
        port = await freePort();
        demo = spawn('cargo', ['xtask', 'demo', '--port', String(port), '--no-build', '--mock-bin', mockBinary()], {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env }
        });
        exit = new Promise((done) => demo.once('exit', (code, signal) => done({ code, signal })));
        const lines = createInterface({ input: demo.stderr });
        demo.stdout.on('data', (chunk) => output.push(String(chunk)));
        urls = await new Promise((resolveUrls, reject) => {
            const found = {};
            const timer = setTimeout(() => reject(new Error(`no URLs within ${START_TIMEOUT_MS / 1000} s:\n${output.join('')}`)), START_TIMEOUT_MS);
            exit.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`the demo exited (${code ?? signal}) before printing its URLs:\n${output.join('')}`)); });
            lines.on('line', (line) => {
                output.push(`${line}\n`);
                const match = /^\s*(gallery|gallery \(live flows\)|Connect UI):\s+(http:\/\/\S+)$/.exec(line);
                if (match) found[match[1]] = match[2];
                if (found.gallery && found['gallery (live flows)'] && found['Connect UI']) {
                    clearTimeout(timer);
                    resolveUrls(found);
                }
            });
        });
        browser = await launchBrowser();
        context = await browser.newContext();
        await stubLogoCdn(context);
    });

    after(async () => {
        await browser?.close();
        // Only if a test failed before the stop test: never leave the demo behind.
        if (demo && demo.exitCode === null && demo.signalCode === null) {
            demo.kill('SIGINT');
            const stopped = await Promise.race([exit, new Promise((done) => setTimeout(() => done(null), STOP_TIMEOUT_MS))]);
            if (!stopped) demo.kill('SIGKILL');
        }
        if (mockPid && alive(mockPid)) process.kill(mockPid, 'SIGKILL');
    });

    test('prints the URLs of the gallery, its live flows and the Connect UI on the chosen port', () => {
        assert.equal(urls.gallery, `http://localhost:${port}/gallery/`);
        assert.equal(urls['gallery (live flows)'], `http://localhost:${port}/gallery/#/live`);
        assert.equal(urls['Connect UI'], `http://localhost:${port}/connect/`);
        // cargo hands over to the xtask binary (exec), which runs nango-mock as its child.
        const children = childrenOf(demo.pid);
        mockPid = children.find((pid) => commandLine(pid).includes('nango-mock'));
        assert.ok(mockPid, `nango-mock is a child of the demo (children: ${children.map(commandLine).join(' | ')})`);
        assert.ok(commandLine(mockPid).includes(`--port ${port}`), commandLine(mockPid));
    });

    test('the gallery loads from the demo and lists its stories', async () => {
        const page = await context.newPage();
        const problems = [];
        page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(urls.gallery);
        await page.waitForSelector('.gx-frame [data-screen="list"]', { timeout: 30_000 });
        const registry = JSON.parse(await page.textContent('script#gx-registry'));
        const links = await page.locator('.gx-story-link').count();
        assert.equal(links, registry.stories.length, 'one sidebar link per story');
        assert.deepEqual(problems, []);
        await page.close();
    });

    test('the Live page connects through the Connect UI in-page against the demo mock', async () => {
        const page = await context.newPage();
        try {
            await page.goto(urls['gallery (live flows)']);
            // Served by the mock, the live page talks to its own origin without a `mock=` parameter.
            await page.waitForSelector('#gx-mock-url');
            assert.equal(await page.inputValue('#gx-mock-url'), `http://localhost:${port}`);
            await page.getByRole('button', { name: 'Create a connect session' }).click();
            await page.waitForFunction(() => document.querySelector('.gx-status')?.textContent === 'Session created.', null, { timeout: 15_000 });
            await page.getByRole('button', { name: 'Open in-page' }).click();
            const overlay = page.locator('[data-testid="connect-ui-overlay"]');
            await overlay.locator('[data-screen="list"]').waitFor({ timeout: 15_000 });
            assert.ok(await overlay.locator('[data-testid="integration-card"]').count() >= 2, 'the demo catalogue is listed');
            await overlay.locator('[data-testid="integration-card"][data-key="demo-api-key"]').click();
            await overlay.locator('[data-screen="form"]').waitFor();
            await overlay.locator('#nc-field-credentials-apiKey').fill('sk_test_demo_smoke');
            await overlay.locator('[data-testid="submit"]').click();
            await overlay.locator('[data-screen="success"]').waitFor({ timeout: 15_000 });
            await page.waitForSelector('.gx-event__kind[data-kind="connect"]', { timeout: 10_000 });
            const kinds = await page.locator('.gx-event__kind').allTextContents();
            assert.ok(kinds.includes('ready'), `events: ${kinds.join(', ')}`);
            assert.ok(kinds.includes('connect'), `events: ${kinds.join(', ')}`);
        } catch (error) {
            await screenshot(page, 'gallery-demo-live').catch(() => null);
            throw error;
        } finally {
            await page.close();
        }
    });

    test('SIGINT (Ctrl-C) stops xtask and nango-mock', async () => {
        assert.ok(mockPid, 'the mock pid is known');
        demo.kill('SIGINT');
        const stopped = await Promise.race([exit, new Promise((done) => setTimeout(() => done(null), STOP_TIMEOUT_MS))]);
        assert.ok(stopped, `the demo did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGINT`);
        assert.deepEqual(stopped, { code: 0, signal: null }, `xtask exits cleanly:\n${output.join('')}`);
        assert.equal(alive(mockPid), false, `nango-mock (pid ${mockPid}) is gone`);
        assert.equal(await listening(port), false, `nothing listens on ${port} any more`);
        assert.match(output.join(''), /Stopping the demo/);
    });
});
