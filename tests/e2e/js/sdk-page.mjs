// Helpers of the plain-JS module's end-to-end tests: the two SDKs under test, a host page per
// scenario, popup driving and a normalised log of what the mock received.
import { join } from 'node:path';

import { E2E_DIR, STATIC_MOUNTS, kitJsBuilt, startMock, startStaticServer, launchBrowser, waitFor } from '../harness.mjs';

/** Static mounts: the harness's plus this folder's pages at /js-pages/. */
export const MOUNTS = { ...STATIC_MOUNTS, '/js-pages/': join(E2E_DIR, 'js', 'pages') };

/** Our module and the official @nangohq/frontend 0.71.10 (served from npm as an ES module). */
export const SDKS = {
    kit: { name: 'kit (dist/js/nango.js)', module: '/dist/js/nango.js', available: kitJsBuilt() },
    official: { name: '@nangohq/frontend 0.71.10', module: '/npm/frontend/index.js', available: true }
};

/** Mock, static server (with this folder's pages) and browser for one test file. */
export async function startJsStack({ mockArgs = [] } = {}) {
    const mock = await startMock({ args: mockArgs, connectUi: false });
    const statics = await startStaticServer(MOUNTS);
    const browser = await launchBrowser();
    return {
        mock,
        statics,
        browser,
        stop: async () => { await browser.close(); await statics.stop(); await mock.stop(); }
    };
}

/** A fresh context and page with `sdk` loaded; `log` records every request to the mock. */
export async function sdkPage(stack, sdk) {
    const context = await stack.browser.newContext();
    const log = [];
    context.on('request', (request) => {
        if (!request.url().startsWith(stack.mock.url)) return;
        log.push({ method: request.method(), url: request.url(), body: request.postData() ?? null });
    });
    const page = await context.newPage();
    page.on('websocket', (socket) => {
        if (socket.url().startsWith(stack.mock.url.replace('http', 'ws'))) log.push({ method: 'WS', url: socket.url(), body: null });
    });
    await page.goto(`${stack.statics.url}/js-pages/sdk.html?sdk=${encodeURIComponent(sdk.module)}`);
    await page.waitForFunction(() => window.sdkReady === true);
    return { context, page, log };
}

/** Sets the scenario and clicks Run (a user gesture); resolves with the popup if one opened. */
export async function clickRun(page, scenario, { expectPopup = false } = {}) {
    await page.evaluate((value) => { window.scenario = value; }, scenario);
    if (!expectPopup) {
        await page.click('#run');
        return null;
    }
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#run')]);
    return popup;
}

/**
 * Runs the scenario at page load, outside any user gesture, so Chromium's popup blocker applies
 * (Playwright's `evaluate` counts as a gesture).
 */
export async function runWithoutGesture(page, sdk, statics, scenario) {
    const query = `sdk=${encodeURIComponent(sdk.module)}&scenario=${encodeURIComponent(JSON.stringify(scenario))}`;
    await page.goto(`${statics.url}/js-pages/sdk.html?${query}`);
}

/** Resolves with the page's outcome once the SDK settled. */
export async function outcomeOf(page, timeoutMs = 15_000) {
    return waitFor(
        () => page.evaluate(() => (window.sdkReady === true && window.outcome) || null),
        timeoutMs,
        'the SDK outcome'
    );
}

/** Clicks Approve or Deny on the fake provider's page in the popup. */
export async function decide(popup, decision) {
    await popup.waitForSelector(`#${decision}`, { timeout: 10_000 });
    await popup.click(`#${decision}`);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TOKEN = /nango_connect_session_[0-9a-f]{64}/g;

/** Replaces per-run values (tokens, uuids, OAuth states/codes) by placeholders. */
export function normalise(text) {
    return String(text)
        .replace(TOKEN, '<token>')
        .replace(UUID, '<uuid>')
        .replace(/((?:[?&]|^)(state|code|request|code_challenge)=)[^&\s]+/g, '$1<$2>');
}

/** The mock-side request log, decoded and normalised: `METHOD path {query} body`. */
export function decodedLog(log, mockUrl) {
    return log.map(({ method, url, body }) => {
        const parsed = new URL(url.replace(/^ws/, 'http'));
        const query = [...parsed.searchParams].map(([k, v]) => `${k}=${v}`).join('&');
        const path = parsed.origin === new URL(mockUrl).origin ? parsed.pathname : parsed.href;
        return normalise(`${method} ${path}${query ? `?${query}` : ''}${body ? ` ${body}` : ''}`);
    });
}

export { waitFor };
