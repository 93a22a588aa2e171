// `cargo xtask bench js`: the plain-JS module (dist/js/nango.js) next to the official
// @nangohq/frontend 0.71.10 (tests/e2e/node_modules), measured here, nothing hard-coded:
//   1. module size: every file the module loads (its ES-module import graph, plus the wasm for
//      ours), raw, gzip -9 and brotli q11 (node's zlib), and our ratio to the official module;
//   2. time from `import()` to the first request reaching nango-mock: a page takes a timestamp,
//      imports the module, `new Nango({ connectSessionToken, host })` and calls
//      `auth('demo-api-key', { credentials })`; a loopback proxy in front of nango-mock stamps
//      the request's arrival. Cold: a fresh browser context (empty HTTP and code caches). Warm:
//      the same page loaded again in that context (files cached, `max-age`). Median of N
//      (BENCH_RUNS, default 15), headless Chromium, both SDKs interleaved.
// Both clocks are `performance.timeOrigin + performance.now()` (browser and node, one machine).
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { KIT_JS_MODULE, STATIC_MOUNTS, kitJsBuilt, launchBrowser, startMock, startStaticServer } from '../harness.mjs';
import { printSizes } from './sizes.mjs';

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const KB = 1000;
const OFFICIAL_ENTRY = require.resolve('@nangohq/frontend');

const SDKS = [
    { name: 'ours (dist/js/nango.js)', entry: KIT_JS_MODULE, url: '/dist/js/nango.js' },
    { name: 'official @nangohq/frontend 0.71.10', entry: OFFICIAL_ENTRY, url: '/npm/frontend/index.js' }
];

/**
 * The files an ES module loads: relative static and dynamic imports, followed recursively, and
 * wasm files it fetches through `new URL('./x.wasm', import.meta.url)`.
 */
function moduleFiles(entry) {
    const seen = new Set();
    const visit = (file) => {
        if (seen.has(file)) return;
        seen.add(file);
        if (!file.endsWith('.js')) return;
        // Comments may show imports as examples: drop them (block comments, whole-line ones).
        const source = readFileSync(file, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/^\s*\/\/.*$/gm, '');
        const patterns = [
            /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
            /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
            /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
            /new URL\(\s*['"](\.{1,2}\/[^'"]+\.wasm)['"]\s*,\s*import\.meta\.url\s*\)/g
        ];
        for (const pattern of patterns) {
            for (const match of source.matchAll(pattern)) visit(resolve(dirname(file), match[1]));
        }
    };
    visit(entry);
    return [...seen];
}

function sizes(sdk) {
    return printSizes(`Module size: ${sdk.name}`, moduleFiles(sdk.entry), dirname(sdk.entry));
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The bench page: stamps t0, imports the SDK, starts an API-key `auth`. */
const IMPORT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>import → first request</title></head>
<body><script type="module">
const params = new URLSearchParams(location.search);
window.t0 = performance.timeOrigin + performance.now();
const { default: Nango } = await import(params.get('sdk'));
window.tImported = performance.timeOrigin + performance.now();
const nango = new Nango({ connectSessionToken: params.get('token'), host: params.get('host') });
const pending = nango.auth('demo-api-key', { credentials: { apiKey: 'bench-key' } });
window.tAuthCalled = performance.timeOrigin + performance.now();
pending.then(() => { window.outcome = 'resolved'; }, (error) => { window.outcome = 'rejected: ' + (error?.type ?? error); });
</script></body></html>`;

/** A loopback proxy in front of nango-mock that stamps each request's arrival. */
async function startStampingProxy(target) {
    const arrivals = [];
    const upstream = new URL(target);
    const server = createServer((incoming, outgoing) => {
        arrivals.push({ at: performance.timeOrigin + performance.now(), method: incoming.method, path: incoming.url });
        const forward = httpRequest({
            host: upstream.hostname,
            port: upstream.port,
            method: incoming.method,
            path: incoming.url,
            headers: { ...incoming.headers, host: upstream.host }
        }, (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
        });
        forward.on('error', (error) => { outgoing.writeHead(502).end(String(error)); });
        incoming.pipe(forward);
    });
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    return {
        url: `http://127.0.0.1:${server.address().port}`,
        arrivals,
        stop: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); })
    };
}

/** Loads the page once in `page` and resolves with the timings of that load. */
async function importToFirstRequest(page, statics, proxy, mock, sdk) {
    const token = await mock.createSession({ end_user: { id: `bench-${Date.now()}-${Math.random()}` } });
    proxy.arrivals.length = 0;
    const query = new URLSearchParams({ sdk: sdk.url, host: proxy.url, token });
    await page.goto(`${statics.url}/bench/import.html?${query}`);
    await page.waitForFunction(() => window.outcome !== undefined, null, { timeout: 30_000 });
    const { t0, tImported, tAuthCalled, outcome } = await page.evaluate(() => ({
        t0: window.t0, tImported: window.tImported, tAuthCalled: window.tAuthCalled, outcome: window.outcome
    }));
    const first = proxy.arrivals.find((arrival) => arrival.at >= t0 - 5);
    if (!first) throw new Error(`${sdk.name}: no request reached nango-mock (outcome ${outcome})`);
    if (outcome !== 'resolved') throw new Error(`${sdk.name}: auth ended ${outcome}`);
    return { firstRequest: first.at - t0, imported: tImported - t0, authCalled: tAuthCalled - t0, path: `${first.method} ${first.path.replace(/connect_session_token=[^&]+/, 'connect_session_token=…')}` };
}

async function main() {
    if (!kitJsBuilt()) throw new Error(`${KIT_JS_MODULE} is not built: cargo xtask build-web --app js`);
    const totals = SDKS.map((sdk) => sizes(sdk));
    const [ours, official] = totals;
    console.log('\n== Size ratio, ours / official');
    for (const key of ['raw', 'gzip', 'brotli']) {
        console.log(`  ${key.padEnd(7)} ${(ours[key] / KB).toFixed(1).padStart(7)} KB / ${(official[key] / KB).toFixed(1).padStart(6)} KB = ${(ours[key] / official[key]).toFixed(1)}×`);
    }

    const mock = await startMock({ connectUi: false });
    const proxy = await startStampingProxy(mock.url);
    const statics = await startStaticServer(STATIC_MOUNTS, {
        cacheControl: 'max-age=3600',
        routes: {
            'GET /bench/import.html': (_request, response) => {
                response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
                response.end(IMPORT_PAGE);
            }
        }
    });
    const browser = await launchBrowser();
    try {
        const samples = SDKS.map(() => ({ cold: [], warm: [], coldImport: [], warmImport: [], coldAuth: [], warmAuth: [], path: '' }));
        // One discarded round first (browser start-up, the mock's first connections).
        for (let run = -1; run < RUNS; run += 1) {
            for (const [index, sdk] of SDKS.entries()) {
                const context = await browser.newContext();
                const page = await context.newPage();
                const cold = await importToFirstRequest(page, statics, proxy, mock, sdk);
                const warm = await importToFirstRequest(page, statics, proxy, mock, sdk);
                await context.close();
                if (run < 0) continue;
                const into = samples[index];
                into.cold.push(cold.firstRequest);
                into.warm.push(warm.firstRequest);
                into.coldImport.push(cold.imported);
                into.warmImport.push(warm.imported);
                into.coldAuth.push(cold.authCalled);
                into.warmAuth.push(warm.authCalled);
                into.path = cold.path;
            }
        }
        console.log(`\n== import() → first request reaching nango-mock, median of ${RUNS} (headless Chromium, loopback)`);
        for (const [index, sdk] of SDKS.entries()) {
            const s = samples[index];
            console.log(`  ${sdk.name.padEnd(36)} cold ${median(s.cold).toFixed(1).padStart(6)} ms  warm ${median(s.warm).toFixed(1).padStart(6)} ms`);
            console.log(`  ${''.padEnd(36)} of which import() resolved at: cold ${median(s.coldImport).toFixed(1)} ms, warm ${median(s.warmImport).toFixed(1)} ms; auth() returned at: cold ${median(s.coldAuth).toFixed(1)} ms, warm ${median(s.warmAuth).toFixed(1)} ms`);
            console.log(`  ${''.padEnd(36)} first request: ${s.path}`);
        }
        const [oursTimes, officialTimes] = samples;
        console.log(`  ratio ours / official: cold ${(median(oursTimes.cold) / median(officialTimes.cold)).toFixed(1)}×, warm ${(median(oursTimes.warm) / median(officialTimes.warm)).toFixed(1)}×`);
    } finally {
        await browser.close();
        await statics.stop();
        await proxy.stop();
        await mock.stop();
    }
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
