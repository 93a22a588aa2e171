//! Restart with a data directory keeps sessions and connections (SQLite).

mod common;

use common::{client, json_of, session_token};
use nango_mock::MockServer;
use serde_json::json;

#[tokio::test]
async fn restart_with_data_dir_keeps_connections_and_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let server = MockServer::builder()
        .data_dir(dir.path())
        .start()
        .await
        .unwrap();
    let token = session_token(&server, None).await;
    let (status, body) = json_of(
        client()
            .post(format!(
                "{}/api-auth/api-key/demo-api-key?connect_session_token={token}",
                server.base_url()
            ))
            .json(&json!({"apiKey":"sk_live"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let connection_id = body["connectionId"].as_str().unwrap().to_owned();
    server.shutdown().await;

    let restarted = MockServer::builder()
        .data_dir(dir.path())
        .start()
        .await
        .unwrap();
    let (status, connection) = json_of(
        client()
            .get(format!(
                "{}/connections/{connection_id}?provider_config_key=demo-api-key",
                restarted.base_url()
            ))
            .bearer_auth(restarted.secret_key().expose())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{connection}");
    assert_eq!(connection["credentials"]["apiKey"], "sk_live");
    assert_eq!(connection["end_user"]["id"], "u1");
    // The session token still works.
    let response = client()
        .get(format!("{}/connect/session", restarted.base_url()))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    // New connections get fresh internal ids after a restart.
    let (_, second) = json_of(
        client()
            .post(format!(
                "{}/auth/unauthenticated/unauthenticated?connect_session_token={token}",
                restarted.base_url()
            ))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let all = restarted.store().connections().unwrap();
    assert_eq!(all.len(), 2);
    assert_ne!(all[0].id, all[1].id);
    assert!(second["connectionId"].is_string());
}
