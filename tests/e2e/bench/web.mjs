// `cargo xtask bench web`: measures the Connect UI app (dist/connect-app) in headless Chromium
// against nango-mock on loopback and prints the figures (nothing is hard-coded):
//   1. transfer size (wasm + JS + CSS + HTML): raw, gzip -9 and brotli q11 (node's zlib), plus the
//      largest fetched catalogue a non-English UI adds;
//   2. navigation → first integration visible, cold (fresh browser context) and warm (reload),
//      median of 15, with 10 and with 900 integrations;
//   3. DOM element count with 900 integrations;
//   4. search keystroke → DOM updated and laid out, and → next painted frame,
//      p50/p95 over typed queries, with 981 integrations.
// A/B: `BENCH_BASELINE=DIR` (a copy of an older dist/connect-app) and optionally
// `BENCH_BASELINE_MOCK=BIN` (its nango-mock) measure the first-integration figures of that build
// too, run by run interleaved with the current one, so both see the same machine load.
// `BENCH_LOAD_ONLY=1` skips the transfer size, DOM count and search figures.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

import { CONNECT_APP_DIR, connectAppBuilt, launchBrowser, mockBinary, startMock } from '../harness.mjs';
import { brotliSize, printSizes } from './sizes.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const LOAD_ONLY = process.env.BENCH_LOAD_ONLY === '1';

/** The builds measured: the current one, plus the `BENCH_BASELINE` one when given. */
const VARIANTS = [
    { name: 'current', dir: CONNECT_APP_DIR, mock: mockBinary() },
    ...(process.env.BENCH_BASELINE
        ? [{ name: 'baseline', dir: process.env.BENCH_BASELINE, mock: process.env.BENCH_BASELINE_MOCK ?? mockBinary() }]
        : [])
];

/** Starts `variant`'s nango-mock serving its app at /connect/. */
async function startVariantMock(variant, args) {
    const saved = process.env.NANGO_MOCK_BIN;
    process.env.NANGO_MOCK_BIN = variant.mock;
    try {
        return await startMock({ connectUi: false, args: [...args, '--connect-ui-dir', variant.dir] });
    } finally {
        if (saved === undefined) delete process.env.NANGO_MOCK_BIN; else process.env.NANGO_MOCK_BIN = saved;
    }
}
const KB = 1000;

function files(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
    });
}

function transferSize() {
    const paths = files(CONNECT_APP_DIR).filter((path) => ['.wasm', '.js', '.css', '.html'].includes(extname(path)));
    const total = printSizes('Transfer size of dist/connect-app (wasm + JS + CSS + HTML)', paths, CONNECT_APP_DIR);
    // A non-English UI also fetches its catalogue (locales/<tag>.ftl; English is compiled in).
    const locales = join(CONNECT_APP_DIR, 'locales');
    if (existsSync(locales)) {
        const largest = Math.max(...files(locales).map((path) => brotliSize(readFileSync(path))));
        console.log(`  (+ one locales/<tag>.ftl for a non-English UI: at most ${(largest / KB).toFixed(1)} KB brotli)`);
    }
    return total;
}

const ADJECTIVES = ['Acme', 'Blue', 'Cloud', 'Delta', 'Echo', 'Fast', 'Green', 'Hyper', 'Iron', 'Jade', 'Kilo', 'Lunar', 'Meta', 'Nova', 'Omni', 'Pixel', 'Quant', 'Rapid', 'Solar', 'Terra', 'Ultra', 'Vivid', 'Wave', 'Xeno', 'Yotta', 'Zen'];
const NOUNS = ['CRM', 'Desk', 'Mail', 'Pay', 'Sheets', 'Docs', 'Chat', 'Drive', 'Ads', 'Books', 'Cal', 'Forms', 'HR', 'Ops', 'Store', 'Track', 'Sign', 'Meet', 'Notes', 'Tasks'];
const PROVIDERS = ['mock-api-key', 'mock-basic', 'mock-oauth2', 'mock-jwt'];

/** Writes an integrations file with `count` integrations; returns its path. */
function integrationsFile(count) {
    const lines = [];
    for (let index = 0; index < count; index += 1) {
        const name = `${ADJECTIVES[index % ADJECTIVES.length]} ${NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]} ${index}`;
        lines.push('[[integrations]]', `unique_key = "bench-${index}"`, `provider = "${PROVIDERS[index % PROVIDERS.length]}"`, `display_name = "${name}"`, '');
    }
    const path = join(mkdtempSync(join(tmpdir(), 'nango-bench-')), `integrations-${count}.toml`);
    writeFileSync(path, lines.join('\n'));
    return path;
}

const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The console message through which a page reports its first card (see firstCardObserver). */
const FIRST_CARD_MESSAGE = 'nango-bench:first-card';

/**
 * Reports, from the page, when the first integration card is in the DOM and the next frame ran,
 * as a console message: unlike polling with `waitForFunction`, this makes Playwright inject
 * nothing into the page while it loads (its injected script costs ~10 ms of main thread, in
 * the middle of the load being measured).
 */
function firstCardObserver(message) {
    let reported = false;
    const seen = () => {
        if (reported || !document.querySelector('[data-testid="integration-card"]')) return false;
        reported = true;
        requestAnimationFrame(() => console.debug(message, performance.now()));
        return true;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
        .observe(document, { childList: true, subtree: true });
}

/** Resolves with the time `page`'s next document reports its first card (ms from navigation). */
function nextFirstCard(page) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            page.off('console', onConsole);
            reject(new Error('no integration card within 30 s'));
        }, 30_000);
        function onConsole(message) {
            const [tag, ms] = message.text().split(' ');
            if (tag !== FIRST_CARD_MESSAGE) return;
            clearTimeout(timer);
            page.off('console', onConsole);
            resolve(Number(ms));
        }
        page.on('console', onConsole);
    });
}

/** One cold load (fresh browser context) and one warm load (reload) of `url`. */
async function loadOnce(browser, url) {
    const context = await browser.newContext();
    await context.addInitScript(firstCardObserver, FIRST_CARD_MESSAGE);
    const page = await context.newPage();
    const coldCard = nextFirstCard(page);
    await page.goto(url);
    const cold = await coldCard;
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    const warmCard = nextFirstCard(page);
    await page.reload();
    const warm = await warmCard;
    // The app's own files (under /connect/, API calls aside) a warm load still took from the
    // network (downloaded or revalidated) rather than from the HTTP cache.
    const networked = await page.evaluate(() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
        .filter((entry) => entry.transferSize > 0 && new URL(entry.name).pathname.startsWith('/connect/')
            && !['/connect/session', '/connect/telemetry'].includes(new URL(entry.name).pathname))
        .map((entry) => new URL(entry.name).pathname.replace(/^\/connect\//, '') || 'index.html'));
    await context.close();
    return { cold, warm, elements, networked };
}

/** Medians over RUNS loads of each variant's url (`urls[i]` for `VARIANTS[i]`), interleaved. */
async function firstIntegrationVisible(browser, urls) {
    const samples = urls.map(() => ({ cold: [], warm: [], elements: 0, networked: [] }));
    for (let run = 0; run < RUNS; run += 1) {
        // Alternate which variant goes first, so neither always follows the other.
        const order = urls.map((_, index) => index);
        if (run % 2) order.reverse();
        for (const index of order) {
            const { cold, warm, elements, networked } = await loadOnce(browser, urls[index]);
            samples[index].cold.push(cold);
            samples[index].warm.push(warm);
            samples[index].elements = elements;
            samples[index].networked = networked;
        }
    }
    return samples.map(({ cold, warm, elements, networked }) => ({ cold: median(cold), warm: median(warm), elements, networked }));
}

/**
 * Types queries into the search box and measures each keystroke:
 * - `work`: keystroke → DOM updated and laid out (the app's script, then a forced style and
 *   layout in the MutationObserver callback that sees its first change): the part of a frame the
 *   keystroke costs, the figure that must stay within a 16 ms frame;
 * - `paint`: keystroke → the first painted frame after the change. At 60 Hz this waits for the
 *   next vsync, so it never goes below about one frame interval (~16.7 ms) however fast the app.
 */
async function searchLatency(browser, url) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="integration-card"]');
    const queries = ['a', 'ac', 'acm', 'acme', 'acme ', 'acme c', '', 'n', 'no', 'nov', 'nova', '', 's', 'so', 'sol', 'sola', 'solar', 'solar d', '', 'z', 'ze', 'zen', 'zen 1', ''];
    const samples = await page.evaluate(async (typed) => {
        const input = document.querySelector('#nc-search-input');
        const root = document.querySelector('.nango-connect');
        const nextPaint = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        let start = 0;
        let laidOut = null;
        new MutationObserver(() => {
            if (laidOut !== null) return;
            void root.getBoundingClientRect().height; // forces the style and layout of the change
            laidOut = performance.now() - start;
        }).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
        const results = { work: [], paint: [] };
        for (let round = 0; round < 3; round += 1) {
            for (const query of typed) {
                await nextPaint();
                laidOut = null;
                start = performance.now();
                input.value = query;
                input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: query.slice(-1) }));
                // The first painted frame after the app changed the DOM; a keystroke that changes
                // nothing within 30 frames is not a sample.
                for (let frame = 0; frame < 30; frame += 1) {
                    await nextPaint();
                    if (laidOut !== null) {
                        results.paint.push(performance.now() - start);
                        results.work.push(laidOut);
                        break;
                    }
                }
            }
        }
        return results;
    }, queries);
    await context.close();
    const summary = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });
    return {
        ...summary(samples.work),
        paint: summary(samples.paint),
        withinFrame: samples.work.filter((work) => work <= 16).length,
        count: samples.work.length
    };
}

async function main() {
    if (!connectAppBuilt()) throw new Error(`${CONNECT_APP_DIR} is not built: cargo xtask build-web --app connect-app`);
    const total = LOAD_ONLY ? null : transferSize();
    const browser = await launchBrowser();
    const figures = {};
    try {
        for (const count of LOAD_ONLY ? [10, 900] : [10, 900, 981]) {
            const integrations = integrationsFile(count);
            const mocks = [];
            try {
                for (const variant of count === 981 ? VARIANTS.slice(0, 1) : VARIANTS) {
                    mocks.push(await startVariantMock(variant, ['--integrations', integrations]));
                }
                const urls = [];
                for (const mock of mocks) {
                    const token = await mock.createSession();
                    urls.push(`${mock.url}/connect/?session_token=${token}&apiURL=${encodeURIComponent(mock.url)}`);
                }
                if (count === 981) {
                    figures.search = await searchLatency(browser, urls[0]);
                } else {
                    figures[count] = await firstIntegrationVisible(browser, urls);
                }
            } finally {
                for (const mock of mocks) await mock.stop();
            }
        }
    } finally {
        await browser.close();
    }
    console.log(`\n== Navigation → first integration visible (connect link, headless Chromium, loopback; median of ${RUNS})`);
    for (const [index, variant] of VARIANTS.entries()) {
        const label = VARIANTS.length > 1 ? ` [${variant.name}: ${variant.dir}]` : '';
        for (const count of [10, 900]) {
            console.log(`  ${String(count).padStart(3)} integrations: cold ${figures[count][index].cold.toFixed(0)} ms, warm ${figures[count][index].warm.toFixed(0)} ms${label}`);
        }
        const networked = figures[10][index].networked;
        console.log(`  app files a warm load took from the network (last run, 10 integrations): ${networked.length} (${networked.join(', ')})${label}`);
    }
    const first = (count) => figures[count][0];
    if (LOAD_ONLY) {
        console.log(`\nsummary: first integration 10: cold ${first(10).cold.toFixed(0)} / warm ${first(10).warm.toFixed(0)} ms, 900: cold ${first(900).cold.toFixed(0)} / warm ${first(900).warm.toFixed(0)} ms`);
        return;
    }
    console.log('\n== DOM elements with 900 integrations (document.querySelectorAll("*"))');
    console.log(`  ${first(900).elements}`);
    const search = figures.search;
    console.log(`\n== Search keystroke with 981 integrations (${search.count} keystrokes)`);
    console.log(`  keystroke → DOM updated and laid out (frame budget 16 ms): p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms, max ${search.max.toFixed(1)} ms`);
    console.log(`  keystrokes within the 16 ms budget: ${search.withinFrame} of ${search.count}`);
    console.log(`  keystroke → next painted frame (includes the wait for vsync, ~16.7 ms at 60 Hz): p50 ${search.paint.p50.toFixed(1)} ms, p95 ${search.paint.p95.toFixed(1)} ms, max ${search.paint.max.toFixed(1)} ms`);
    console.log(`\nsummary: brotli ${(total.brotli / KB).toFixed(1)} KB; first integration 10: cold ${first(10).cold.toFixed(0)} / warm ${first(10).warm.toFixed(0)} ms, 900: cold ${first(900).cold.toFixed(0)} / warm ${first(900).warm.toFixed(0)} ms; DOM(900) ${first(900).elements}; search p95 ${search.p95.toFixed(1)} ms (within 16 ms ${search.withinFrame}/${search.count}, painted p95 ${search.paint.p95.toFixed(1)} ms)`);
}

await main();
