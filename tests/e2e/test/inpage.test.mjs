// The Connect UI in in-page mode, end to end: examples/web-connect-button (a real Dioxus web app,
// built by `cargo xtask build-web --app web-connect-button`) served with its own backend
// endpoint `POST /api/session-token` (the session is created with nango-mock's secret key), and
// its "Connect in this page" button mounting nango-ui's ConnectUi in the page (no iframe).
// The same click-throughs as the iframe mode: API key valid and invalid, OAuth approve and deny;
// every screen photographed in light and dark into tests/artifacts/web/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import {
    DIST_DIR, STATIC_MOUNTS, WEB_ARTIFACT_DIR, connectAppBuilt, launchBrowser, mockSupports, screenshot, settleAnimations, sendJson, startMock, startStaticServer
} from '../harness.mjs';

const APP_DIR = join(DIST_DIR, 'web-connect-button');
const APP_MISSING = existsSync(join(APP_DIR, 'index.html'))
    ? false
    : 'dist/web-connect-button is not built (cargo xtask build-web --app web-connect-button)';

const IFRAME_MISSING = !connectAppBuilt()
    ? 'dist/connect-app is not built (cargo xtask build-web --app connect-app)'
    : !mockSupports('--connect-ui-dir') ? 'this nango-mock has no --connect-ui-dir' : false;

/** The example's in-page section, its button, status line, event log and the overlay. */
const SECTION = '#in-page';
const BUTTON = `${SECTION} [data-testid="connect-button"]`;
const STATUS = `${SECTION} [data-testid="connect-status"]`;
const OVERLAY = `${SECTION} [data-testid="connect-ui-overlay"]`;

describe('Connect UI in-page (examples/web-connect-button)', { skip: APP_MISSING }, () => {
    let mock;
    let statics;
    let browser;
    /** End-user ids the app's backend created sessions for, newest last. */
    const sessions = [];

    before(async () => {
        // The mock also serves dist/connect-app at /connect/ (when built) for the example's
        // iframe button.
        mock = await startMock();
        // The example's backend (src/bin/server.rs) in a few lines: the app at /app/ and
        // `POST /api/session-token` answering `{ sessionToken }`, created with the secret key.
        const routes = {
            'POST /api/session-token': async (_request, response) => {
                const endUser = `inpage-${sessions.length + 1}-${Date.now()}`;
                sessions.push(endUser);
                const token = await mock.createSession({ end_user: { id: endUser } });
                sendJson(response, { sessionToken: token });
            }
        };
        statics = await startStaticServer({ ...STATIC_MOUNTS, '/app/': APP_DIR }, { routes });
        browser = await launchBrowser();
    });
    after(async () => {
        await browser?.close();
        await statics?.stop();
        await mock?.stop();
    });

    /**
     * Opens the app (in `colorScheme`), clicks "Connect in this page" and resolves once the
     * in-page Connect UI shows its list.
     */
    async function openInPage(colorScheme) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1024, height: 768 } });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${statics.url}/app/?nango_host=${encodeURIComponent(mock.url)}`);
        await page.waitForSelector(BUTTON, { timeout: 15_000 });
        await page.click(BUTTON);
        await page.waitForSelector(`${OVERLAY} [data-screen="list"]`, { timeout: 15_000 }).catch((error) => {
            throw new Error(`${error.message}; page errors: ${errors.join(' | ')}`);
        });
        assert.equal(await page.locator('iframe').count(), 0, 'in-page mode mounts no iframe');
        return { context, page };
    }

    /** The example's event log: `{ type, text }` per event, oldest first. */
    function eventLog(page) {
        return page.$$eval(`${SECTION} [data-testid="events"] li`, (items) => items.map((item) => ({
            type: item.dataset.type,
            text: item.textContent
        })));
    }

    /** Waits for an event of `type` in the example's log and returns it. */
    async function eventOf(page, type) {
        await page.waitForSelector(`${SECTION} [data-testid="events"] li[data-type="${type}"]`, { timeout: 10_000 });
        return (await eventLog(page)).find((event) => event.type === type);
    }

    async function shoot(page, name, theme, mode = 'inpage') {
        await settleAnimations(page);
        await screenshot(page, `${mode}-${name}-${theme}`, { dir: WEB_ARTIFACT_DIR });
    }

    async function assertTheme(page, theme) {
        assert.equal(await page.getAttribute(`${OVERLAY} .nango-connect`, 'data-theme'), theme, 'the UI follows the page colour scheme');
    }

    for (const theme of ['light', 'dark']) {
        test(`API key: list → form → connect delivers \`connect\` with the stored connection id (${theme})`, async () => {
            const { context, page } = await openInPage(theme);
            await assertTheme(page, theme);
            await shoot(page, 'list', theme);
            await page.click(`${OVERLAY} [data-testid="integration-card"][data-key="demo-api-key"]`);
            await page.waitForSelector(`${OVERLAY} [data-screen="form"]`);
            await shoot(page, 'form-api-key', theme);
            await page.fill(`${OVERLAY} #nc-field-credentials-apiKey`, 'good-key');
            await page.click(`${OVERLAY} [data-testid="submit"]`);
            await page.waitForSelector(`${OVERLAY} [data-screen="success"]`, { timeout: 10_000 });
            await shoot(page, 'success', theme);

            const connect = await eventOf(page, 'connect');
            const match = /^connect: demo-api-key \(connection (.+)\)$/.exec(connect.text);
            assert.ok(match, connect.text);
            const connectionId = match[1];
            const stored = await mock.connections({ connectionId });
            assert.equal(stored.length, 1, 'the mock stored the connection the event names');
            assert.equal(stored[0].provider_config_key, 'demo-api-key');
            assert.equal(stored[0].end_user?.id, sessions.at(-1), 'for the end user of the session the backend created');
            assert.equal(await page.innerText(STATUS), `Connected (connection ${connectionId})`);
            assert.deepEqual((await eventLog(page)).map((event) => event.type), ['ready', 'connect']);

            // Closing from the success screen unmounts the overlay and sends `close`.
            await page.click(`${OVERLAY} [data-screen="success"] button`);
            await page.waitForSelector(OVERLAY, { state: 'detached', timeout: 5_000 });
            await eventOf(page, 'close');
            assert.equal(await page.innerText(STATUS), `Connected (connection ${connectionId})`, 'close keeps the outcome');
            assert.notEqual(await page.evaluate(() => document.body.style.overflow), 'hidden', 'page scrolling is restored');
            await shoot(page, 'after-connect', theme);
            await context.close();
        });

        test(`API key starting with "invalid": failure screen and \`error\` connection_test_failed (${theme})`, async () => {
            const { context, page } = await openInPage(theme);
            await page.click(`${OVERLAY} [data-testid="integration-card"][data-key="demo-api-key"]`);
            await page.waitForSelector(`${OVERLAY} [data-screen="form"]`);
            await page.click(`${OVERLAY} [data-testid="submit"]`);
            await page.waitForSelector(`${OVERLAY} [data-invalid="true"]`);
            await shoot(page, 'form-api-key-invalid', theme);
            await page.fill(`${OVERLAY} #nc-field-credentials-apiKey`, 'invalid-key');
            await page.click(`${OVERLAY} [data-testid="submit"]`);
            await page.waitForSelector(`${OVERLAY} [data-screen="failure"]`, { timeout: 10_000 });
            await shoot(page, 'failure', theme);
            const error = await eventOf(page, 'error');
            assert.match(error.text, /^error: connection_test_failed \(/);
            assert.ok(!(await eventLog(page)).some((event) => event.type === 'connect'));
            assert.match(await page.innerText(STATUS), /^Failed: /);
            await context.close();
        });

        test(`OAuth: list → integration → popup → Approve → success and \`connect\` (${theme})`, async () => {
            const { context, page } = await openInPage(theme);
            await page.click(`${OVERLAY} [data-testid="integration-card"][data-key="github"]`);
            await page.waitForSelector(`${OVERLAY} [data-screen="form"][data-auth-mode="OAUTH2"]`);
            await shoot(page, 'form-oauth2', theme);
            const [popup] = await Promise.all([context.waitForEvent('page'), page.click(`${OVERLAY} [data-testid="submit"]`)]);
            await page.waitForSelector(`${OVERLAY} [data-screen="waiting"]`);
            await shoot(page, 'waiting', theme);
            await popup.waitForSelector('#approve', { timeout: 10_000 });
            await popup.click('#approve');
            await page.waitForSelector(`${OVERLAY} [data-screen="success"]`, { timeout: 15_000 });
            await shoot(page, 'oauth-success', theme);
            const connect = await eventOf(page, 'connect');
            const match = /^connect: github \(connection (.+)\)$/.exec(connect.text);
            assert.ok(match, connect.text);
            assert.equal((await mock.connections({ connectionId: match[1] })).length, 1);
            await context.close();
        });

        test(`OAuth: Deny → failure screen and \`error\` (${theme})`, async () => {
            const { context, page } = await openInPage(theme);
            await page.click(`${OVERLAY} [data-testid="integration-card"][data-key="github"]`);
            await page.waitForSelector(`${OVERLAY} [data-screen="form"]`);
            const [popup] = await Promise.all([context.waitForEvent('page'), page.click(`${OVERLAY} [data-testid="submit"]`)]);
            await popup.waitForSelector('#deny', { timeout: 10_000 });
            await popup.click('#deny');
            await page.waitForSelector(`${OVERLAY} [data-screen="failure"]`, { timeout: 15_000 });
            await shoot(page, 'oauth-failure', theme);
            const error = await eventOf(page, 'error');
            assert.match(error.text, /^error: \S+ \(/);
            assert.ok(!(await eventLog(page)).some((event) => event.type === 'connect'));
            await context.close();
        });
    }

    // The example's other button: the same app, the Connect UI in an iframe (the connect-app the
    // mock serves), photographed in both themes next to the in-page screens.
    for (const theme of ['light', 'dark']) {
        test(`the example's iframe button: API key connect (${theme})`, { skip: IFRAME_MISSING }, async () => {
            const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1024, height: 768 } });
            const page = await context.newPage();
            await page.goto(`${statics.url}/app/?nango_host=${encodeURIComponent(mock.url)}`);
            await page.click('#iframe [data-testid="connect-button"]');
            const frame = await (await page.waitForSelector('iframe', { timeout: 10_000 })).contentFrame();
            await frame.waitForSelector('[data-screen="list"]', { timeout: 15_000 });
            assert.equal(await frame.getAttribute('.nango-connect', 'data-theme'), theme);
            await shoot(page, 'list', theme, 'iframe');
            await frame.click('[data-testid="integration-card"][data-key="demo-api-key"]');
            await frame.waitForSelector('[data-screen="form"]');
            await shoot(page, 'form-api-key', theme, 'iframe');
            await frame.fill('#nc-field-credentials-apiKey', 'good-key');
            await frame.click('[data-testid="submit"]');
            await frame.waitForSelector('[data-screen="success"]', { timeout: 10_000 });
            await shoot(page, 'success', theme, 'iframe');
            await page.waitForSelector('#iframe [data-testid="events"] li[data-type="connect"]', { timeout: 10_000 });
            const text = await page.innerText('#iframe [data-testid="events"] li[data-type="connect"]');
            const match = /^connect: demo-api-key \(connection (.+)\)$/.exec(text);
            assert.ok(match, text);
            assert.equal((await mock.connections({ connectionId: match[1] })).length, 1);
            await context.close();
        });
    }

    test('Escape on the list closes the in-page UI (`close` event, overlay removed)', async () => {
        const { context, page } = await openInPage('light');
        await page.focus(`${OVERLAY} #nc-search-input`);
        await page.keyboard.press('Escape');
        await page.waitForSelector(OVERLAY, { state: 'detached', timeout: 5_000 });
        await eventOf(page, 'close');
        assert.equal(await page.innerText(STATUS), 'Closed without connecting');
        await context.close();
    });
});
