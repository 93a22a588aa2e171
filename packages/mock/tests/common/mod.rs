//! Shared helpers for the loopback integration tests: an HTTP client that never follows
//! redirects, session creation, and a WebSocket client.
#![allow(dead_code)]

use std::time::Duration;

use futures_util::StreamExt;
use nango_mock::RunningServer;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

pub type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, value)
}

pub async fn create_session(server: &RunningServer, body: Value) -> (u16, Value) {
    let response = client()
        .post(format!("{}/connect/sessions", server.base_url()))
        .bearer_auth(server.secret_key().expose())
        .json(&body)
        .send()
        .await
        .unwrap();
    json_of(response).await
}

pub async fn session_token(server: &RunningServer, allowed: Option<&[&str]>) -> String {
    let mut body = json!({"end_user": {"id": "u1", "email": "a@b.com"}});
    if let Some(keys) = allowed {
        body["allowed_integrations"] = json!(keys);
    }
    let (status, value) = create_session(server, body).await;
    assert_eq!(status, 201, "{value}");
    value["data"]["token"].as_str().unwrap().to_owned()
}

/// Opens the WebSocket and returns it with the `ws_client_id` of its ack.
pub async fn ws_connect(server: &RunningServer) -> (Ws, String) {
    let (mut ws, _) = tokio_tungstenite::connect_async(server.ws_url())
        .await
        .unwrap();
    let frame = next_text(&mut ws).await.expect("ack");
    let value: Value = serde_json::from_str(&frame).unwrap();
    assert_eq!(value["message_type"], "connection_ack");
    let id = value["ws_client_id"].as_str().unwrap().to_owned();
    assert_eq!(
        frame,
        format!(r#"{{"message_type":"connection_ack","ws_client_id":"{id}"}}"#)
    );
    (ws, id)
}

/// The next text frame within 2 s, or None.
pub async fn next_text(ws: &mut Ws) -> Option<String> {
    loop {
        match tokio::time::timeout(Duration::from_secs(2), ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return Some(t.to_string()),
            Ok(Some(Ok(_))) => continue,
            _ => return None,
        }
    }
}

/// True when no text frame arrives within 300 ms.
pub async fn silent(ws: &mut Ws) -> bool {
    tokio::time::timeout(Duration::from_millis(300), ws.next())
        .await
        .is_err()
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .expect("location header")
        .to_str()
        .unwrap()
        .to_owned()
}
