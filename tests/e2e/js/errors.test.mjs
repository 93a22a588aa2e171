// The seed's error-handling snippet on our module: `blocked_by_browser`, `window_closed` and
// `connection_test_failed` are caught as `AuthError` (also `instanceof Error`) with the right type.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { SDKS, clickRun, decide, outcomeOf, runWithoutGesture, sdkPage, startJsStack } from './sdk-page.mjs';

const sdk = SDKS.kit;

describe('AuthError handling (kit module)', { skip: sdk.available ? false : 'dist/js is not built (cargo xtask build-web --app js)' }, () => {
    let stack;
    let token;
    before(async () => {
        stack = await startJsStack();
        token = await stack.mock.createSession();
    });
    after(async () => { await stack?.stop(); });

    function options() {
        return { connectSessionToken: token, host: stack.mock.url };
    }

    test('blocked_by_browser: the browser refuses the popup', async () => {
        const context = await stack.browser.newContext();
        // A popup blocker's answer: window.open returns null. (Chromium's own blocker is not
        // deterministic under Playwright here; the wasm-bindgen tests cover it without a gesture.)
        await context.addInitScript(() => { window.open = () => null; });
        const page = await context.newPage();
        let popups = 0;
        page.on('popup', () => { popups += 1; });
        await runWithoutGesture(page, sdk, stack.statics, { options: options(), method: 'auth', args: ['github'] });
        const outcome = await outcomeOf(page).catch(async (error) => {
            throw new Error(`${error.message}; popups opened: ${popups}; page: ${await page.evaluate(() => document.body.innerText)}`);
        });
        assert.deepEqual(outcome, {
            status: 'rejected', isAuthError: true, isError: true,
            type: 'blocked_by_browser', message: 'Modal blocked by browser'
        }, `popups opened: ${popups}`);
        await context.close();
    });

    test('window_closed: the user closes the popup (detectClosedAuthWindow)', async () => {
        const { context, page } = await sdkPage(stack, sdk);
        const popup = await clickRun(page, { options: options(), method: 'auth', args: ['github', { detectClosedAuthWindow: true }] }, { expectPopup: true });
        await popup.waitForSelector('#approve', { timeout: 10_000 });
        await popup.close();
        const outcome = await outcomeOf(page, 5_000);
        assert.deepEqual(outcome, {
            status: 'rejected', isAuthError: true, isError: true, type: 'window_closed',
            message: 'The authorization window was closed before the authorization flow was completed'
        });
        await context.close();
    });

    test('connection_test_failed: an invalid API key', async () => {
        const { context, page } = await sdkPage(stack, sdk);
        await clickRun(page, { options: options(), method: 'auth', args: ['demo-api-key', { credentials: { apiKey: 'invalid-key' } }] });
        const outcome = await outcomeOf(page);
        assert.deepEqual(outcome, {
            status: 'rejected', isAuthError: true, isError: true, type: 'connection_test_failed',
            message: 'The given credentials were found to be invalid. Please check the credentials and try again.'
        });
        await context.close();
    });

    test('synchronous throws: missing_auth_token, missing_credentials, missing_connect_session_token', async () => {
        const { context, page } = await sdkPage(stack, sdk);
        const cases = [
            [{}, 'auth', ['github'], 'missing_auth_token'],
            [{ connectSessionToken: token }, 'auth', ['k', { installation: 'outbound' }], 'missing_credentials'],
            [{ publicKey: '6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f' }, 'reconnect', ['github'], 'missing_connect_session_token']
        ];
        for (const [opts, method, args, type] of cases) {
            await page.evaluate(() => { window.outcome = null; });
            await clickRun(page, { options: opts, method, args });
            const outcome = await outcomeOf(page);
            assert.equal(outcome.status, 'threw', `${method} ${type}`);
            assert.equal(outcome.type, type);
            assert.equal(outcome.isAuthError, true);
            assert.equal(outcome.isError, true);
        }
        await context.close();
    });
});
