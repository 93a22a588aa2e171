// Fetches nango-mock's OAuth callback page and runs its script in a sandbox with a fake opener,
// BroadcastChannel and window, checking the §6 behaviour: messages, ack handling, self-close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';

const host = process.env.NANGO_MOCK_URL;

function runPage(html, search = '') {
    const script = /<script>([\s\S]*)<\/script>/.exec(html)[1];
    const posted = [];
    const listeners = {};
    const timers = [];
    const closes = { count: 0 };
    const elements = { debug: { hidden: true }, 'debug-payload': {} };
    const window = {
        opener: { postMessage: (message, target) => posted.push({ to: 'opener', message, target }) },
        addEventListener: (name, fn) => { listeners[name] = fn; },
        close: () => { closes.count++; },
        open: () => ({ close: () => { closes.count++; } }),
        location: { search }
    };
    class BroadcastChannel {
        constructor(name) { this.name = name; }
        postMessage(message) { posted.push({ to: `bc:${this.name}`, message }); }
    }
    const context = {
        window,
        BroadcastChannel,
        document: { getElementById: (id) => elements[id] },
        setTimeout: (fn, ms) => timers.push({ fn, ms }),
        JSON
    };
    vm.runInNewContext(script, context);
    return { posted, listeners, timers, closes, elements };
}

test('error page posts the error to the opener and the BroadcastChannel and closes on ack', async () => {
    const response = await fetch(`${host}/oauth/callback?state=unknown&error=access_denied`);
    assert.equal(response.status, 400);
    const page = runPage(await response.text(), '?nango_debug=1');
    const expected = {
        type: 'nango_oauth_callback_error',
        payload: { message: '{"error":"access_denied"}', errorType: 'connection_validation_failed' }
    };
    assert.deepEqual(JSON.parse(JSON.stringify(page.posted)), [
        { to: 'opener', message: expected, target: '*' },
        { to: 'bc:nango-oauth-callback', message: expected }
    ]);
    assert.equal(page.timers.length, 0, 'an error page does not self-close');
    assert.equal(page.elements.debug.hidden, false);
    page.listeners.message({ data: { type: 'other' } });
    assert.equal(page.closes.count, 0);
    page.listeners.message({ data: { type: 'nango_oauth_callback_ack' } });
    assert.ok(page.closes.count >= 1);
});

test('success page posts success and self-closes after 500 ms', async () => {
    // Session → connect → fake provider (auto-approve is off: decide via the form) → callback.
    const secret = process.env.NANGO_MOCK_SECRET_KEY;
    const created = await fetch(`${host}/connect/sessions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ end_user: { id: 'page' } })
    }).then((r) => r.json());
    const connect = await fetch(`${host}/oauth/connect/github?connect_session_token=${created.data.token}`, { redirect: 'manual' });
    assert.equal(connect.status, 302);
    const authorize = await fetch(connect.headers.get('location')).then((r) => r.text());
    const request = /name="request" value="([^"]+)"/.exec(authorize)[1];
    const decided = await fetch(`${host}/_mock/provider/decide`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `request=${request}&decision=approve`,
        redirect: 'manual'
    });
    const callback = await fetch(decided.headers.get('location'));
    assert.equal(callback.status, 200);
    const page = runPage(await callback.text());
    assert.deepEqual(JSON.parse(JSON.stringify(page.posted.map((p) => p.message))), [
        { type: 'nango_oauth_callback_success' },
        { type: 'nango_oauth_callback_success' }
    ]);
    assert.equal(page.timers.length, 1);
    assert.equal(page.timers[0].ms, 500);
    page.timers[0].fn();
    assert.ok(page.closes.count >= 1);
});
