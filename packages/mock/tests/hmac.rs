//! Environment HMAC for public-key auth over real HTTP and WebSocket: the popup path publishes
//! `missing_hmac` / `invalid_hmac` frames, the credential endpoints answer 400 envelopes, and a
//! correct lowercase hex HMAC-SHA256 of `key` or `key:connectionId` passes.

mod common;

use common::{client, json_of, next_text, session_token, silent, ws_connect};
use hmac::{Hmac, Mac};
use nango_mock::{MockServer, RunningServer};
use serde_json::{Value, json};
use sha2::Sha256;

const PK: &str = "6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";
const HMAC_KEY: &str = "hmac-test-key";

/// An independent computation of the digest the SDK user's backend would make.
fn digest(message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(HMAC_KEY.as_bytes()).unwrap();
    mac.update(message.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn server() -> RunningServer {
    MockServer::builder()
        .public_key(PK)
        .hmac_key(HMAC_KEY)
        .auto_approve(true)
        .start()
        .await
        .unwrap()
}

async fn api_key(server: &RunningServer, query: &str) -> (u16, Value) {
    let response = client()
        .post(format!(
            "{}/api-auth/api-key/demo-api-key?public_key={PK}{query}",
            server.base_url()
        ))
        .json(&json!({"apiKey": "sk_test"}))
        .send()
        .await
        .unwrap();
    json_of(response).await
}

#[tokio::test]
async fn credential_endpoints_check_the_digest() {
    let server = server().await;
    let (status, body) = api_key(&server, "&connection_id=conn-1").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error": {"code": "missing_hmac", "message": "Missing param 'hmac'."}})
    );
    // Digest over the key alone while an id was sent → invalid.
    let wrong = digest("demo-api-key");
    let (status, body) = api_key(&server, &format!("&connection_id=conn-1&hmac={wrong}")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error": {"code": "invalid_hmac", "message": "Invalid HMAC signature."}})
    );
    assert!(server.store().connections().unwrap().is_empty());

    let good = digest("demo-api-key:conn-1");
    let (status, body) = api_key(&server, &format!("&connection_id=conn-1&hmac={good}")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["connectionId"], "conn-1");
    // Uppercase hex is a different digest.
    let (status, body) = api_key(
        &server,
        &format!("&connection_id=conn-1&hmac={}", good.to_uppercase()),
    )
    .await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (400, &json!("invalid_hmac"))
    );

    // Without connection_id the digest covers the key only (the received id), and works.
    let (status, body) = api_key(&server, &format!("&hmac={wrong}")).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["connectionId"].as_str().is_some());
    server.shutdown().await;
}

#[tokio::test]
async fn session_tokens_and_servers_without_a_key_skip_hmac() {
    let server = server().await;
    let token = session_token(&server, None).await;
    let response = client()
        .post(format!(
            "{}/api-auth/api-key/demo-api-key?connect_session_token={token}",
            server.base_url()
        ))
        .json(&json!({"apiKey": "sk_test"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    server.shutdown().await;

    let plain = MockServer::builder().public_key(PK).start().await.unwrap();
    let (status, body) = api_key(&plain, "&connection_id=c&hmac=anything").await;
    assert_eq!(status, 200, "{body}");
    plain.shutdown().await;
}

async fn popup(server: &RunningServer, query: &str) -> (reqwest::Response, Option<Value>) {
    let (mut ws, wsid) = ws_connect(server).await;
    let response = client()
        .get(format!(
            "{}/oauth/connect/github?public_key={PK}&ws_client_id={wsid}{query}",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    let frame = if response.status() == 400 {
        next_text(&mut ws)
            .await
            .map(|f| serde_json::from_str(&f).unwrap())
    } else {
        assert!(silent(&mut ws).await);
        None
    };
    (response, frame)
}

#[tokio::test]
async fn popup_path_publishes_hmac_errors() {
    let server = server().await;
    let (response, frame) = popup(&server, "&connection_id=user-1").await;
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Missing HMAC digest.")
    );
    assert_eq!(
        frame.unwrap(),
        json!({"message_type": "error", "provider_config_key": "github", "connection_id": "user-1",
               "error_type": "missing_hmac", "error_desc": "Missing HMAC digest."})
    );

    let (response, frame) = popup(&server, "&connection_id=user-1&hmac=deadbeef").await;
    assert_eq!(response.status(), 400);
    let frame = frame.unwrap();
    assert_eq!(frame["error_type"], "invalid_hmac");
    assert_eq!(frame["error_desc"], "Invalid HMAC digest.");

    // `+` in a raw query is a space: the id received is "user 1".
    let good = digest("github:user 1");
    let (response, _) = popup(&server, &format!("&connection_id=user+1&hmac={good}")).await;
    assert_eq!(response.status(), 302);

    let key_only = digest("github");
    let (response, _) = popup(&server, &format!("&hmac={key_only}")).await;
    assert_eq!(response.status(), 302);
    server.shutdown().await;
}
