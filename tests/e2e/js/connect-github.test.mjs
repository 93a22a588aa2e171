// The seed's plain-JavaScript page (js/pages/connect-github.html: a "Connect GitHub" button
// that fetches a session token from the app's backend and opens the Connect UI, a status line
// updated on `connect`), with only the import path changed to our module (dist/js/nango.js).
// The test is the app's backend too: `POST /api/session-token` creates the session with
// nango-mock's secret key. Click, connect an API-key integration in the Connect UI (our
// connect-app, which the module finds next to itself), read the status text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
    WEB_ARTIFACT_DIR, connectAppBuilt, kitJsBuilt, launchBrowser, screenshot, sendJson, settleAnimations, startMock, startStaticServer
} from '../harness.mjs';
import { MOUNTS } from './sdk-page.mjs';

const MISSING = !kitJsBuilt()
    ? 'dist/js is not built (cargo xtask build-web --app js)'
    : !connectAppBuilt() ? 'dist/connect-app is not built (cargo xtask build-web --app connect-app)' : false;

describe('the seed\'s "Connect GitHub" plain-JS page (kit module)', { skip: MISSING }, () => {
    let mock;
    let statics;
    let browser;
    /** Session tokens the backend handed out. */
    const tokens = [];

    before(async () => {
        mock = await startMock({ connectUi: false });
        const routes = {
            'POST /api/session-token': async (_request, response) => {
                const token = await mock.createSession({ end_user: { id: `js-page-${tokens.length + 1}` } });
                tokens.push(token);
                sendJson(response, { connectSessionToken: token });
            }
        };
        statics = await startStaticServer(MOUNTS, { routes });
        browser = await launchBrowser();
    });
    after(async () => {
        await browser?.close();
        await statics?.stop();
        await mock?.stop();
    });

    for (const theme of ['light', 'dark']) {
        test(`Connect GitHub → Connect UI → API key → the status names the connection (${theme})`, async () => {
            const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1024, height: 768 } });
            const page = await context.newPage();
            const errors = [];
            page.on('pageerror', (error) => errors.push(error.message));
            await page.goto(`${statics.url}/js-pages/connect-github.html?api=${encodeURIComponent(mock.url)}`);
            assert.equal(await page.innerText('#status'), 'Not connected');
            const tokensBefore = tokens.length;
            await page.click('button:has-text("Connect GitHub")');

            const iframe = await page.waitForSelector('iframe', { timeout: 15_000 }).catch((error) => {
                throw new Error(`${error.message}; page errors: ${errors.join(' | ')}`);
            });
            assert.match(await iframe.getAttribute('src'), new RegExp(`^${statics.url}/dist/connect-app/`), 'the module opened our Connect UI next to it');
            const frame = await iframe.contentFrame();
            await frame.waitForSelector('[data-screen="list"]', { timeout: 15_000 });
            assert.equal(tokens.length, tokensBefore + 1, 'the page fetched one token from its backend');
            await frame.click('[data-testid="integration-card"][data-key="demo-api-key"]');
            await frame.waitForSelector('[data-screen="form"]');
            await frame.fill('#nc-field-credentials-apiKey', 'seed-page-key');
            await frame.click('[data-testid="submit"]');
            await frame.waitForSelector('[data-screen="success"]', { timeout: 10_000 });

            await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Connected'), null, { timeout: 10_000 });
            const status = await page.innerText('#status');
            const match = /^Connected demo-api-key: (\S+)$/.exec(status);
            assert.ok(match, status);
            const stored = await mock.connections({ connectionId: match[1] });
            assert.equal(stored.length, 1, 'the mock stored the connection the status names');
            assert.equal(stored[0].provider_config_key, 'demo-api-key');
            await settleAnimations(page);
            await screenshot(page, `js-page-success-${theme}`, { dir: WEB_ARTIFACT_DIR });

            // Closing the Connect UI removes the iframe and reaches the page's onEvent.
            await frame.click('[data-screen="success"] button');
            await page.waitForSelector('iframe', { state: 'detached', timeout: 5_000 });
            await page.waitForSelector('#status[data-closed="true"]', { timeout: 5_000 });
            assert.equal(await page.innerText('#status'), status, 'close keeps the status');
            await screenshot(page, `js-page-after-${theme}`, { dir: WEB_ARTIFACT_DIR });
            assert.deepEqual(errors, []);
            await context.close();
        });
    }
});
