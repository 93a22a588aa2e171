// Runs the official @nangohq/node client (0.71.10) against a running nango-mock.
// Env: NANGO_MOCK_URL (e.g. http://127.0.0.1:3003) and NANGO_MOCK_SECRET_KEY.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Nango } from '@nangohq/node';

const host = process.env.NANGO_MOCK_URL;
const secretKey = process.env.NANGO_MOCK_SECRET_KEY;
if (!host || !secretKey) {
    throw new Error('NANGO_MOCK_URL and NANGO_MOCK_SECRET_KEY must be set');
}
const nango = new Nango({ host, secretKey });

async function connectApiKey(token, apiKey) {
    const url = `${host}/api-auth/api-key/demo-api-key?connect_session_token=${token}`;
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ apiKey })
    });
    assert.equal(response.status, 200);
    return response.json();
}

test('createConnectSession returns a token, link and expiry', async () => {
    const { data } = await nango.createConnectSession({
        end_user: { id: 'node-user', email: 'node@example.com' },
        allowed_integrations: ['demo-api-key']
    });
    assert.match(data.token, /^nango_connect_session_[a-f0-9]{64}$/);
    assert.ok(data.connect_link.endsWith(`?session_token=${data.token}`));
    const ttl = new Date(data.expires_at).getTime() - Date.now();
    assert.ok(ttl > 29 * 60 * 1000 && ttl <= 30 * 60 * 1000 + 5000, `ttl ${ttl}`);
});

test('a reconnect session pins the connection and listConnections sees it', async () => {
    const { data: session } = await nango.createConnectSession({
        end_user: { id: 'node-reconnect', display_name: 'Node' }
    });
    const created = await connectApiKey(session.token, 'sk_first');
    assert.equal(created.providerConfigKey, 'demo-api-key');

    const { data: reconnect } = await nango.createReconnectSession({
        connection_id: created.connectionId,
        integration_id: 'demo-api-key'
    });
    assert.match(reconnect.token, /^nango_connect_session_[a-f0-9]{64}$/);
    const again = await connectApiKey(reconnect.token, 'sk_second');
    assert.equal(again.connectionId, created.connectionId);

    const list = await nango.listConnections({ userId: 'node-reconnect' });
    assert.equal(list.connections.length, 1);
    assert.equal(list.connections[0].connection_id, created.connectionId);
    assert.equal(list.connections[0].provider_config_key, 'demo-api-key');
    assert.equal(list.connections[0].end_user.id, 'node-reconnect');

    const connection = await nango.getConnection('demo-api-key', created.connectionId);
    assert.equal(connection.credentials.apiKey, 'sk_second');
    assert.equal(connection.credentials.type, 'API_KEY');
});

test('listIntegrations and a bad reconnect request', async () => {
    const { configs } = await nango.listIntegrations();
    assert.ok(configs.some((i) => i.unique_key === 'demo-api-key'));
    await assert.rejects(
        nango.createReconnectSession({ connection_id: 'missing', integration_id: 'demo-api-key' }),
        (error) => error.response?.status === 400 && error.response.data.error.code === 'invalid_body'
    );
});
