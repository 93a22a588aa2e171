//! Every credential endpoint over real HTTP: success bodies, the sandbox rule (`invalid…`
//! fails the test, with each endpoint's failure shape), validation order and envelopes.

mod common;

use common::{client, json_of, session_token};
use nango_mock::MockServer;
use serde_json::{Value, json};

async fn post(url: String, body: Option<Value>) -> (u16, Value) {
    let mut request = client()
        .post(url)
        .header("content-type", "application/json");
    if let Some(body) = body {
        request = request.body(body.to_string());
    }
    json_of(request.send().await.unwrap()).await
}

#[tokio::test]
async fn every_endpoint_connects_and_fails_by_the_sandbox_rule() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;
    let base = server.base_url();
    let cases: Vec<(&str, &str, Value, Value)> = vec![
        (
            "/api-auth/api-key",
            "demo-api-key",
            json!({"apiKey":"sk_1"}),
            json!({"apiKey":"invalid-key"}),
        ),
        (
            "/api-auth/basic",
            "demo-basic",
            json!({"username":"u","password":""}),
            json!({"username":"invalid","password":"p"}),
        ),
        (
            "/auth/tba",
            "demo-tba",
            json!({"token_id":"t","token_secret":"s","oauth_client_id_override":"ci","oauth_client_secret_override":"cs"}),
            json!({"token_id":"invalid","token_secret":"s"}),
        ),
        (
            "/auth/jwt",
            "demo-jwt",
            json!({"type":"JWT","issuerId":"i","privateKeyId":"pk","privateKey":"PEM"}),
            json!({"type":"JWT","privateKey":"invalid"}),
        ),
        (
            "/auth/bill",
            "demo-bill",
            json!({"username":"u","password":"p","organization_id":"o","dev_key":"d"}),
            json!({"username":"u","password":"invalid","organization_id":"o","dev_key":"d"}),
        ),
        (
            "/auth/two-step",
            "demo-two-step",
            json!({"type":"TWO_STEP","pat":"p","secret":"s"}),
            json!({"type":"TWO_STEP","pat":"invalid"}),
        ),
        (
            "/auth/signature",
            "demo-signature",
            json!({"type":"SIGNATURE","username":"u","password":"p"}),
            json!({"type":"SIGNATURE","username":"u","password":"invalid-p"}),
        ),
        (
            "/auth/aws-sigv4",
            "demo-aws-sigv4",
            json!({"role_arn":"arn:aws:iam::1:role/R"}),
            json!({"role_arn":"invalid"}),
        ),
    ];
    for (path, key, good, bad) in cases {
        let url = format!("{base}{path}/{key}?connect_session_token={token}");
        let (status, body) = post(url.clone(), Some(good)).await;
        assert_eq!(status, 200, "{path}: {body}");
        assert_eq!(body["providerConfigKey"], key);
        assert!(body["connectionId"].is_string());
        let (status, body) = post(url, Some(bad)).await;
        match path {
            "/auth/tba" => {
                assert_eq!(status, 200);
                assert_eq!(
                    body,
                    json!({"error":{"code":"invalid_credentials","message":"The provided credentials did not succeed in a test API call"}})
                );
            }
            "/api-auth/api-key" | "/api-auth/basic" | "/auth/aws-sigv4" => {
                assert_eq!(status, 400);
                assert_eq!(
                    body,
                    json!({"error":{"code":"connection_test_failed","message":"The given credentials were found to be invalid. Please check the credentials and try again."}})
                );
            }
            "/auth/two-step" => {
                assert_eq!(status, 400);
                assert_eq!(body["error"]["code"], "two_step_credentials_fetch_error");
                assert_eq!(body["error"]["payload"], json!({}));
            }
            _ => {
                assert_eq!(status, 400, "{path}");
                assert_eq!(body["error"]["code"], "connection_test_failed");
                assert_eq!(body["error"]["payload"], json!({}));
            }
        }
    }
    assert_eq!(server.store().connection_count().unwrap(), 8);

    // OAuth2 client credentials: keys in the other order.
    let url = format!("{base}/oauth2/auth/demo-oauth2-cc?connect_session_token={token}");
    let response = client()
        .post(&url)
        .json(&json!({"client_id":"a","client_secret":"b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(
        text.starts_with(r#"{"providerConfigKey":"demo-oauth2-cc","connectionId":""#),
        "{text}"
    );
    let (status, body) = post(url.clone(), Some(json!({"client_secret":"b"}))).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error":{"message":"Missing param 'oauth_client_id'.","code":"missing_client_id","payload":{}}})
    );
    let (_, body) = post(url.clone(), Some(json!({"client_id":"a"}))).await;
    assert_eq!(body["error"]["code"], "missing_client_secret");
    let (_, body) = post(
        url,
        Some(json!({"client_id":"a","client_secret":"invalid"})),
    )
    .await;
    assert_eq!(body["error"]["code"], "client_credentials_fetch_error");

    // Unauthenticated (no body) and outbound (stored pending).
    let (status, body) = post(
        format!("{base}/auth/unauthenticated/unauthenticated?connect_session_token={token}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = post(
        format!("{base}/auth/oauth-outbound/demo-outbound?connect_session_token={token}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let stored = server
        .store()
        .connection("demo-outbound", body["connectionId"].as_str().unwrap())
        .unwrap()
        .unwrap();
    assert!(stored.pending);
}

#[tokio::test]
async fn tv09_params_and_validation_order() {
    let server = MockServer::builder()
        .public_key("6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f")
        .start()
        .await
        .unwrap();
    let token = session_token(&server, None).await;
    let base = server.base_url();
    // TV9: params reach the connection config; webhook_url is dropped.
    let (status, body) = post(
        format!("{base}/api-auth/api-key/demo-api-key?connect_session_token={token}&params[region]=eu&params%5Bwebhook_url%5D=x"),
        Some(json!({"apiKey":"sk_1"})),
    )
    .await;
    assert_eq!(status, 200);
    let stored = server
        .store()
        .connection("demo-api-key", body["connectionId"].as_str().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        Value::Object(stored.connection_config),
        json!({"region":"eu"})
    );

    // Body errors come before query errors and unknown integrations.
    let (status, body) = post(
        format!("{base}/api-auth/api-key/nope?connect_session_token={token}&connection_id=x"),
        Some(json!({"apiKey":5})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_body");
    let (status, body) = post(
        format!("{base}/api-auth/basic/demo-basic?connect_session_token={token}"),
        Some(json!({"username":"u"})),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["errors"][0]["path"], json!(["password"]));
    // Malformed JSON.
    let response = client()
        .post(format!(
            "{base}/api-auth/api-key/demo-api-key?connect_session_token={token}"
        ))
        .header("content-type", "application/json")
        .body("{nope")
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_json"))
    );
    // TV15: connection_id with a session token.
    let (status, body) = post(
        format!("{base}/auth/unauthenticated/unauthenticated?connection_id=c%201&connect_session_token={token}"),
        None,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error":{"code":"invalid_query_params","errors":[{"code":"custom","message":"connection_id is forbidden when using session token","path":["connection_id"]}]}})
    );
    // Unknown integration / wrong mode.
    let (status, body) = post(
        format!("{base}/api-auth/api-key/nope?connect_session_token={token}"),
        Some(json!({"apiKey":"k"})),
    )
    .await;
    assert_eq!(
        (status, body),
        (404, json!({"error":{"code":"unknown_provider_config"}}))
    );
    let (status, body) = post(
        format!("{base}/api-auth/api-key/demo-basic?connect_session_token={token}"),
        Some(json!({"apiKey":"k"})),
    )
    .await;
    assert_eq!(
        (status, body),
        (400, json!({"error":{"code":"invalid_auth_mode"}}))
    );
    // Unauthenticated needs an empty body.
    let (status, body) = post(
        format!("{base}/auth/unauthenticated/unauthenticated?connect_session_token={token}"),
        Some(json!({"a":1})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_body"))
    );
    // AWS region check.
    let (status, body) = post(
        format!("{base}/auth/aws-sigv4/demo-aws-sigv4?connect_session_token={token}"),
        Some(json!({"role_arn":"r","region":"EU WEST"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_body"))
    );
    // Query-token auth errors.
    let (status, body) = post(
        format!("{base}/api-auth/api-key/demo-api-key"),
        Some(json!({"apiKey":"k"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("missing_public_key"))
    );
    // Public-key mode with an explicit connection id (TV10 shape).
    let (status, body) = post(
        format!("{base}/api-auth/basic/demo-basic?connection_id=conn-1&public_key=6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"),
        Some(json!({"username":"u","password":""})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"connectionId":"conn-1","providerConfigKey":"demo-basic"})
    );
    // Invalid connection id characters.
    let (status, body) = post(
        format!("{base}/api-auth/basic/demo-basic?connection_id=a%2Fb&public_key=6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"),
        Some(json!({"username":"u","password":""})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_query_params"))
    );
}
