//! The OAuth popup round trip driven by a Rust client over real HTTP and WebSocket: ack,
//! `/oauth/connect` redirect, fake provider approve/deny, callback, frames to the right client
//! only; state reuse and PKCE mismatch rejected; error paths and hooks.

mod common;

use common::{client, json_of, location, next_text, session_token, silent, ws_connect};
use nango_core::AuthErrorKind;
use nango_mock::{MockServer, RunningServer};
use serde_json::{Value, json};

fn relative(server: &RunningServer, url: &str) -> String {
    assert!(url.starts_with(&server.base_url()), "{url}");
    url.to_owned()
}

fn request_id(page: &str) -> String {
    let marker = "name=\"request\" value=\"";
    let start = page.find(marker).expect("request id") + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

/// Runs `/oauth/connect` → authorize page → decision; returns the callback URL.
async fn authorize(
    server: &RunningServer,
    connect_query: &str,
    key: &str,
    decision: &str,
) -> String {
    let connect = client()
        .get(format!(
            "{}/oauth/connect/{key}?{connect_query}",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(connect.status(), 302, "{:?}", connect.text().await);
    let cookie = connect.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with("oauth2-") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let authorize_url = relative(server, &location(&connect));
    assert!(authorize_url.contains("/_mock/provider/authorize?"));
    assert!(authorize_url.contains("code_challenge_method=S256"));
    let page = client().get(&authorize_url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(">Approve<") && html.contains(">Deny<"));
    let decided = client()
        .post(format!("{}/_mock/provider/decide", server.base_url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("request={}&decision={decision}", request_id(&html)))
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 302);
    relative(server, &location(&decided))
}

#[tokio::test]
async fn full_round_trip_reaches_only_the_right_client() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, Some(&["github"])).await;
    let (mut ws_a, id_a) = ws_connect(&server).await;
    let (mut ws_b, id_b) = ws_connect(&server).await;
    assert_ne!(id_a, id_b);
    assert!(uuid::Uuid::parse_str(&id_a).is_ok_and(|u| u.get_version_num() == 4));

    let callback = authorize(
        &server,
        &format!("connect_session_token={token}&ws_client_id={id_a}"),
        "github",
        "approve",
    )
    .await;
    assert!(callback.contains("/oauth/callback?code="));
    let page = client().get(&callback).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let html = page.text().await.unwrap();
    assert!(html.contains("Successful connection ✅"));
    assert!(html.contains("window.nangoOAuthError = null;"));

    let frame = next_text(&mut ws_a).await.expect("success frame");
    let value: Value = serde_json::from_str(&frame).unwrap();
    let connection_id = value["connection_id"].as_str().unwrap().to_owned();
    assert_eq!(
        frame,
        format!(
            r#"{{"message_type":"success","provider_config_key":"github","connection_id":"{connection_id}","is_pending":false}}"#
        )
    );
    assert!(
        silent(&mut ws_b).await,
        "the other client must hear nothing"
    );

    // The connection is stored with OAuth credentials.
    let stored = server
        .store()
        .connection("github", &connection_id)
        .unwrap()
        .expect("stored");
    assert_eq!(stored.credentials["type"], "OAUTH2");
    assert!(
        stored.credentials["access_token"]
            .as_str()
            .unwrap()
            .starts_with("mock-access-")
    );
    assert_eq!(stored.end_user.unwrap().id, "u1");

    // State is single use.
    let again = client().get(&callback).send().await.unwrap();
    assert_eq!(again.status(), 400);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("No session found for state")
    );
    // No state at all.
    let none = client()
        .get(format!("{}/oauth/callback", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 400);
    assert!(
        none.text()
            .await
            .unwrap()
            .contains("No state found in callback")
    );
}

#[tokio::test]
async fn tv17_deny_publishes_callback_err() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;
    let (mut ws, id) = ws_connect(&server).await;
    let callback = authorize(
        &server,
        &format!("connect_session_token={token}&ws_client_id={id}"),
        "github",
        "deny",
    )
    .await;
    assert!(callback.contains("error=access_denied"));
    let page = client().get(&callback).send().await.unwrap();
    assert_eq!(page.status(), 400);
    let html = page.text().await.unwrap();
    assert!(html.contains("Connection failed ✕"));
    assert!(html.contains(
        r#"window.nangoOAuthError = {"message":"{\"error\":\"access_denied\"}","errorType":"connection_validation_failed"};"#
    ));
    let frame: Value = serde_json::from_str(&next_text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(frame["message_type"], "error");
    assert_eq!(frame["error_type"], "callback_err");
    assert_eq!(
        frame["error_desc"],
        "Did not get authorization code in the callback. Provider error: error: access_denied"
    );
    assert_eq!(frame["provider_config_key"], "github");
    assert_eq!(server.store().connection_count().unwrap(), 0);
}

#[tokio::test]
async fn pkce_mismatch_is_rejected() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;
    let (mut ws_a, id_a) = ws_connect(&server).await;
    let (mut ws_b, id_b) = ws_connect(&server).await;
    let callback_a = authorize(
        &server,
        &format!("connect_session_token={token}&ws_client_id={id_a}"),
        "github",
        "approve",
    )
    .await;
    let callback_b = authorize(
        &server,
        &format!("connect_session_token={token}&ws_client_id={id_b}"),
        "github",
        "approve",
    )
    .await;
    // Flow B's state with flow A's code: B's verifier does not match A's challenge.
    let url_a = url::Url::parse(&callback_a).unwrap();
    let url_b = url::Url::parse(&callback_b).unwrap();
    let code_a = url_a
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .to_string();
    let state_b = url_b
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .to_string();
    let page = client()
        .get(format!(
            "{}/oauth/callback?code={code_a}&state={state_b}",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 400);
    let frame: Value = serde_json::from_str(&next_text(&mut ws_b).await.unwrap()).unwrap();
    assert_eq!(frame["error_type"], "token_err");
    assert!(silent(&mut ws_a).await);
    assert_eq!(server.store().connection_count().unwrap(), 0);

    // The token endpoint itself rejects a wrong verifier.
    let fresh = authorize(
        &server,
        &format!("connect_session_token={token}"),
        "github",
        "approve",
    )
    .await;
    let code = url::Url::parse(&fresh)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .to_string();
    let (status, body) = json_of(
        client()
            .post(format!("{}/_mock/provider/token", server.base_url()))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "grant_type=authorization_code&code={code}&client_id=mock-client-github&client_secret=mock-secret-github&redirect_uri={}%2Foauth%2Fcallback&code_verifier=wrong",
                server.base_url().replace(':', "%3A").replace('/', "%2F")
            ))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "invalid_grant");
}

#[tokio::test]
async fn connect_error_paths() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(
        &server,
        Some(&["github", "demo-oauth2-subdomain", "demo-api-key"]),
    )
    .await;
    let (mut ws, id) = ws_connect(&server).await;
    let get = |query: String, key: &str| {
        client()
            .get(format!("{}/oauth/connect/{key}?{query}", server.base_url()))
            .send()
    };
    // Auth failures are JSON (the SDK never hears).
    let (status, body) = json_of(get(String::new(), "github").await.unwrap()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("missing_public_key"))
    );
    let (status, body) = json_of(get("public_key=abc".into(), "github").await.unwrap()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("invalid_public_key"))
    );
    let (status, body) = json_of(
        get(
            "connect_session_token=nango_connect_session_x".into(),
            "github",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("invalid_connect_session_token_format"))
    );
    // Session + connection_id → JSON 400.
    let (status, body) = json_of(
        get(
            format!("connect_session_token={token}&connection_id=c1&ws_client_id={id}"),
            "github",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error":{"code":"invalid_query_params","errors":[{"code":"custom","message":"connection_id is forbidden when using session token","path":["connection_id"]}]}})
    );
    // Not allowed → JSON.
    let (status, body) = json_of(
        get(
            format!("connect_session_token={token}&ws_client_id={id}"),
            "demo-basic",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (status, body),
        (400, json!({"error":{"code":"integration_not_allowed"}}))
    );
    assert!(silent(&mut ws).await);
    // Unknown integration → WS provider_config_err + HTML 400.
    let page = get(
        format!("connect_session_token={token}&ws_client_id={id}"),
        "nope",
    )
    .await
    .unwrap();
    assert_eq!(page.status(), 400);
    let frame: Value = serde_json::from_str(&next_text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(frame["error_type"], "provider_config_err");
    assert_eq!(
        frame["error_desc"],
        "Could not find a Provider Config matching the \"nope\" key."
    );
    // Missing subdomain → url_param_err (a new client: the previous one was unsubscribed).
    let (mut ws2, id2) = ws_connect(&server).await;
    let page = get(
        format!("connect_session_token={token}&ws_client_id={id2}"),
        "demo-oauth2-subdomain",
    )
    .await
    .unwrap();
    assert_eq!(page.status(), 400);
    let frame: Value = serde_json::from_str(&next_text(&mut ws2).await.unwrap()).unwrap();
    assert_eq!(frame["error_type"], "url_param_err");
    // With the subdomain (bracket-encoded, as the SDK sends after re-serialising) it redirects.
    let ok = get(
        format!("connect_session_token={token}&params%5Bsubdomain%5D=acme&ws_client_id={id2}"),
        "demo-oauth2-subdomain",
    )
    .await
    .unwrap();
    assert_eq!(ok.status(), 302);
    assert!(location(&ok).contains("tenant=acme"));
    // A non-OAuth integration on the popup path → auth_mode_err.
    let (mut ws3, id3) = ws_connect(&server).await;
    let page = get(
        format!("connect_session_token={token}&ws_client_id={id3}"),
        "demo-api-key",
    )
    .await
    .unwrap();
    assert_eq!(page.status(), 400);
    let frame: Value = serde_json::from_str(&next_text(&mut ws3).await.unwrap()).unwrap();
    assert_eq!(frame["error_type"], "auth_mode_err");
    assert_eq!(frame["error_desc"], "Auth mode API_KEY not supported.");
}

#[tokio::test]
async fn hooks_auto_approve_force_pending_and_forced_errors() {
    let server = MockServer::builder()
        .auto_approve(true)
        .force_pending(true)
        .fixed_ids(true)
        .start()
        .await
        .unwrap();
    let token = session_token(&server, None).await;
    let (mut ws, id) = ws_connect(&server).await;
    assert_eq!(id, "00000001-0000-4000-8000-000000000002");
    let connect = client()
        .get(format!(
            "{}/oauth/connect/github?connect_session_token={token}&ws_client_id={id}",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    let authorize = client().get(location(&connect)).send().await.unwrap();
    assert_eq!(authorize.status(), 302);
    let callback = client().get(location(&authorize)).send().await.unwrap();
    assert_eq!(callback.status(), 200);
    let frame: Value = serde_json::from_str(&next_text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(frame["is_pending"], true);
    assert!(
        frame["connection_id"]
            .as_str()
            .unwrap()
            .starts_with("00000002-")
    );

    let forced = MockServer::builder()
        .auto_approve(true)
        .force_ws_error(Some(AuthErrorKind::CallbackErr))
        .start()
        .await
        .unwrap();
    let token = session_token(&forced, None).await;
    let (mut ws, id) = ws_connect(&forced).await;
    let connect = client()
        .get(format!(
            "{}/oauth/connect/github?connect_session_token={token}&ws_client_id={id}",
            forced.base_url()
        ))
        .send()
        .await
        .unwrap();
    let authorize = client().get(location(&connect)).send().await.unwrap();
    let callback = client().get(location(&authorize)).send().await.unwrap();
    assert_eq!(callback.status(), 400);
    let frame: Value = serde_json::from_str(&next_text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(frame["error_type"], "callback_err");
    assert_eq!(forced.store().connection_count().unwrap(), 0);
}

#[tokio::test]
async fn websocket_path_is_exact_and_client_frames_are_ignored() {
    use futures_util::SinkExt;
    let server = MockServer::builder()
        .websockets_path("/ws")
        .start()
        .await
        .unwrap();
    let wrong = tokio_tungstenite::connect_async(format!("ws://{}/", server.addr())).await;
    match wrong {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 400)
        }
        other => panic!("expected HTTP 400, got {other:?}"),
    }
    let (mut ws, _id) = ws_connect(&server).await;
    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        "garbage".into(),
    ))
    .await
    .unwrap();
    assert!(silent(&mut ws).await);
    assert_eq!(server.ws_clients(), 1);
    drop(ws);
    for _ in 0..50 {
        if server.ws_clients() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(server.ws_clients(), 0);
}
