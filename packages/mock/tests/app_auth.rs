//! The GitHub-App style APP flow over real HTTP and WebSocket (§4.3): `/oauth/connect` → the
//! fake install page → `GET /app-auth/connect`, and every error branch of that endpoint.

mod common;

use common::{client, json_of, location, next_text, session_token, silent, ws_connect};
use nango_mock::{MockServer, RunningServer};
use serde_json::Value;

fn attribute(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect(name) + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

/// `/oauth/connect/{key}` for an APP integration; returns the install-page URL.
async fn start_install(server: &RunningServer, key: &str, query: &str) -> String {
    let connect = client()
        .get(format!("{}/oauth/connect/{key}?{query}", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(connect.status(), 302, "{:?}", connect.text().await);
    let target = location(&connect);
    assert!(
        target.starts_with(&format!(
            "{}/_mock/provider/app-install?state=",
            server.base_url()
        )),
        "{target}"
    );
    assert!(!target.contains("client_id"), "{target}");
    target
}

/// The state of an install-page URL.
fn state_of(install_url: &str) -> String {
    install_url.split("state=").nth(1).unwrap().to_owned()
}

async fn app_connect(server: &RunningServer, query: &str) -> reqwest::Response {
    client()
        .get(format!("{}/app-auth/connect?{query}", server.base_url()))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn install_page_round_trip_publishes_success() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, Some(&["demo-github-app"])).await;
    let (mut ws, wsid) = ws_connect(&server).await;
    let install_url = start_install(
        &server,
        "demo-github-app",
        &format!("connect_session_token={token}&ws_client_id={wsid}"),
    )
    .await;

    let page = client().get(&install_url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(">Install<"), "{html}");
    assert!(html.contains("action=\"/app-auth/connect\""));
    assert_eq!(attribute(&html, "setup_action"), "install");
    let state = attribute(&html, "state");
    assert_eq!(state, state_of(&install_url));
    let installation_id = attribute(&html, "installation_id");
    assert!(installation_id.parse::<u64>().is_ok(), "{installation_id}");

    // What the Install button's GET form submits.
    let done = app_connect(
        &server,
        &format!("installation_id={installation_id}&state={state}&setup_action=install"),
    )
    .await;
    assert_eq!(done.status(), 200);
    assert_eq!(done.headers()["content-type"], "text/html; charset=utf-8");
    let html = done.text().await.unwrap();
    assert!(html.contains("Successful connection ✅"));
    assert!(html.contains("window.nangoOAuthError = null;"));

    let frame = next_text(&mut ws).await.expect("success frame");
    let value: Value = serde_json::from_str(&frame).unwrap();
    let connection_id = value["connection_id"].as_str().unwrap().to_owned();
    assert_eq!(
        frame,
        format!(
            r#"{{"message_type":"success","provider_config_key":"demo-github-app","connection_id":"{connection_id}","is_pending":false}}"#
        )
    );
    let stored = server
        .store()
        .connection("demo-github-app", &connection_id)
        .unwrap()
        .expect("stored");
    assert_eq!(stored.credentials["type"], "APP");
    assert_eq!(stored.connection_config["installation_id"], installation_id);
    assert!(!stored.pending);
    assert_eq!(stored.end_user.unwrap().id, "u1");

    // The state is single use: a replay is an unknown state.
    let again = app_connect(
        &server,
        &format!("installation_id={installation_id}&state={state}&setup_action=install"),
    )
    .await;
    assert_eq!(again.status(), 404);
    server.shutdown().await;
}

#[tokio::test]
async fn connection_id_is_the_one_of_the_oauth_session() {
    let pk = "3c8a4f1e-2b7d-4e9a-8f1c-5d6e7f8a9b0c";
    let server = MockServer::builder()
        .public_key(pk)
        .auto_approve(true)
        .start()
        .await
        .unwrap();
    let (mut ws, wsid) = ws_connect(&server).await;
    let install_url = start_install(
        &server,
        "demo-github-app",
        &format!("public_key={pk}&connection_id=my-conn&ws_client_id={wsid}"),
    )
    .await;
    // With auto-approve the install page goes straight to /app-auth/connect.
    let auto = client().get(&install_url).send().await.unwrap();
    assert_eq!(auto.status(), 302);
    let target = location(&auto);
    assert!(
        target.starts_with(&format!("{}/app-auth/connect?", server.base_url())),
        "{target}"
    );
    assert!(target.contains("setup_action=install"), "{target}");
    let done = client().get(&target).send().await.unwrap();
    assert_eq!(done.status(), 200);
    let frame: Value = serde_json::from_str(&next_text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(frame["message_type"], "success");
    assert_eq!(frame["connection_id"], "my-conn");
    assert_eq!(frame["is_pending"], false);
    assert!(
        server
            .store()
            .connection("demo-github-app", "my-conn")
            .unwrap()
            .is_some()
    );
    server.shutdown().await;
}

#[tokio::test]
async fn missing_state_redirects_or_answers_bare_400() {
    let server = MockServer::builder().start().await.unwrap();
    for action in ["install", "update"] {
        let to_github =
            app_connect(&server, &format!("installation_id=1&setup_action={action}")).await;
        assert_eq!(to_github.status(), 302);
        assert_eq!(location(&to_github), "https://github.com");
    }
    let to_referer = client()
        .get(format!(
            "{}/app-auth/connect?installation_id=1&setup_action=install",
            server.base_url()
        ))
        .header("referer", "https://example.test/settings")
        .send()
        .await
        .unwrap();
    assert_eq!(to_referer.status(), 302);
    assert_eq!(location(&to_referer), "https://example.test/settings");

    for query in [
        "installation_id=1",
        "installation_id=1&setup_action=request",
        "",
    ] {
        let response = app_connect(&server, query).await;
        assert_eq!(response.status(), 400, "{query}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("{"), "bare, not JSON: {body}");
    }
    let unknown = app_connect(&server, "installation_id=1&state=nope&setup_action=install").await;
    assert_eq!(unknown.status(), 404);
    assert!(!unknown.text().await.unwrap().contains("{"));
    server.shutdown().await;
}

#[tokio::test]
async fn wrong_mode_request_action_and_missing_installation_id() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server, None).await;

    // A state of an OAUTH2 flow → invalid_auth_mode (JSON), nothing published.
    let (mut ws, wsid) = ws_connect(&server).await;
    let connect = client()
        .get(format!(
            "{}/oauth/connect/github?connect_session_token={token}&ws_client_id={wsid}",
            server.base_url()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(connect.status(), 302);
    let authorize = location(&connect);
    let oauth_state = authorize
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    let (status, body) = json_of(
        app_connect(
            &server,
            &format!("installation_id=1&state={oauth_state}&setup_action=install"),
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_auth_mode");
    assert!(silent(&mut ws).await);

    // setup_action=request → wrong_auth_mode (JSON).
    let install_url = start_install(
        &server,
        "demo-github-app",
        &format!("connect_session_token={token}&ws_client_id={wsid}"),
    )
    .await;
    let (status, body) = json_of(
        app_connect(
            &server,
            &format!(
                "installation_id=1&state={}&setup_action=request",
                state_of(&install_url)
            ),
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "wrong_auth_mode");

    // Missing installation_id → bare 400.
    let install_url = start_install(
        &server,
        "demo-github-app",
        &format!("connect_session_token={token}&ws_client_id={wsid}"),
    )
    .await;
    let response = app_connect(
        &server,
        &format!("state={}&setup_action=install", state_of(&install_url)),
    )
    .await;
    assert_eq!(response.status(), 400);
    assert!(!response.text().await.unwrap().contains("{"));
    assert!(silent(&mut ws).await);
    assert!(server.store().connections().unwrap().is_empty());
    server.shutdown().await;
}
