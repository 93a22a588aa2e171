//! System-browser mode end to end against nango-mock on loopback: the "browser" is a test double
//! that fetches the navigated URL with reqwest, follows the redirects to the fake provider, clicks
//! Approve (posts its form) and follows the callback; the flow resolves over the WebSocket and the
//! connection is in the mock's store.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use nango_desktop::{
    AuthErrorKind, AuthOptions, AuthWindowChoice, AuthWindowError, BrowserLauncher, ClientAuth,
    ConnectSessionToken, FlowSettings, Nango, NangoOptions, ProviderConfigKey,
};
use nango_mock::{MockServer, RunningServer};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::{Value, json};

/// What the fake browser did, for assertions.
#[derive(Debug, Default)]
struct BrowserTrace {
    /// Every URL it loaded, in order.
    visited: Vec<String>,
    /// The final page's status, once it got there.
    final_status: Option<u16>,
    /// What went wrong, if anything.
    failure: Option<String>,
}

/// A "browser" that walks the OAuth pages with reqwest and approves (or denies) at the provider.
struct FakeBrowser {
    decision: &'static str,
    trace: Arc<Mutex<BrowserTrace>>,
}

impl BrowserLauncher for FakeBrowser {
    fn launch(&self, url: &str) -> Result<(), AuthWindowError> {
        let url = url.to_owned();
        let decision = self.decision;
        let trace = Arc::clone(&self.trace);
        // Like a real browser, it runs on its own: the launcher returns at once.
        tokio::spawn(async move {
            if let Err(failure) = browse(&url, decision, &trace).await {
                trace.lock().unwrap().failure = Some(failure);
            }
        });
        Ok(())
    }
}

/// Follows redirects by hand (keeping cookies like a browser), posts the provider's form.
async fn browse(start: &str, decision: &str, trace: &Mutex<BrowserTrace>) -> Result<(), String> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| e.to_string())?;
    let mut cookies: Vec<String> = Vec::new();
    let mut next = Some(start.to_owned());
    let mut form_posted = false;
    while let Some(url) = next.take() {
        trace.lock().unwrap().visited.push(url.clone());
        let mut request = client.get(&url);
        if !cookies.is_empty() {
            request = request.header(COOKIE, cookies.join("; "));
        }
        let response = request.send().await.map_err(|e| e.to_string())?;
        remember_cookies(&response, &mut cookies);
        let status = response.status().as_u16();
        if let Some(location) = response.headers().get(LOCATION) {
            let location = location.to_str().map_err(|e| e.to_string())?;
            next = Some(absolute(&url, location)?);
            continue;
        }
        let page = response.text().await.map_err(|e| e.to_string())?;
        if !form_posted && page.contains(">Approve<") {
            form_posted = true;
            let request_id = form_value(&page, "request")?;
            let decide = absolute(&url, "/_mock/provider/decide")?;
            trace.lock().unwrap().visited.push(format!("POST {decide}"));
            let response = client
                .post(&decide)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("request={request_id}&decision={decision}"))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            remember_cookies(&response, &mut cookies);
            let location = response
                .headers()
                .get(LOCATION)
                .ok_or("the decision did not redirect")?
                .to_str()
                .map_err(|e| e.to_string())?;
            next = Some(absolute(&decide, location)?);
            continue;
        }
        trace.lock().unwrap().final_status = Some(status);
    }
    Ok(())
}

fn remember_cookies(response: &reqwest::Response, cookies: &mut Vec<String>) {
    for value in response.headers().get_all(SET_COOKIE) {
        if let Some(pair) = value.to_str().ok().and_then(|v| v.split(';').next()) {
            cookies.push(pair.trim().to_owned());
        }
    }
}

fn absolute(base: &str, location: &str) -> Result<String, String> {
    url::Url::parse(base)
        .and_then(|base| base.join(location))
        .map(String::from)
        .map_err(|e| e.to_string())
}

fn form_value(page: &str, name: &str) -> Result<String, String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).ok_or("no request id in the page")? + marker.len();
    Ok(page[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned())
}

async fn session_token(server: &RunningServer) -> ConnectSessionToken {
    let response = reqwest::Client::new()
        .post(format!("{}/connect/sessions", server.base_url()))
        .bearer_auth(server.secret_key().expose())
        .json(&json!({"end_user": {"id": "desktop-user"}, "allowed_integrations": ["github"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let body: Value = response.json().await.unwrap();
    ConnectSessionToken::new(body["data"]["token"].as_str().unwrap())
}

fn nango_for(server: &RunningServer, token: ConnectSessionToken, browser: FakeBrowser) -> Nango {
    Nango::new(NangoOptions {
        host: Some(server.base_url()),
        auth: ClientAuth::SessionToken(token),
        ..NangoOptions::default()
    })
    .unwrap()
    .with_auth_window(AuthWindowChoice::SystemBrowser)
    .with_browser_launcher(Arc::new(browser))
    .with_flow_settings(FlowSettings {
        deadline: Duration::from_secs(20),
        ..FlowSettings::default()
    })
}

#[tokio::test]
async fn system_browser_approval_completes_over_the_websocket() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server).await;
    let trace = Arc::new(Mutex::new(BrowserTrace::default()));
    let browser = FakeBrowser {
        decision: "approve",
        trace: Arc::clone(&trace),
    };
    let nango = nango_for(&server, token, browser);
    let flow = nango
        .auth(
            &ProviderConfigKey::new("github"),
            None,
            AuthOptions::default(),
        )
        .unwrap();
    let success = tokio::time::timeout(Duration::from_secs(20), flow)
        .await
        .expect("the flow hung")
        .unwrap_or_else(|error| panic!("{error:?}; browser: {:?}", trace.lock().unwrap()));

    assert_eq!(success.provider_config_key.as_str(), "github");
    assert_eq!(success.is_pending, Some(false));
    let trace = trace.lock().unwrap();
    assert_eq!(trace.failure, None);
    // The browser started at Nango's OAuth URL with the acknowledged ws_client_id, went through
    // the fake provider's approve step and ended on the callback page.
    assert!(trace.visited[0].starts_with(&format!(
        "{}/oauth/connect/github?connect_session_token=",
        server.base_url()
    )));
    assert!(trace.visited[0].contains("&ws_client_id="));
    assert!(
        trace
            .visited
            .iter()
            .any(|u| u.contains("/_mock/provider/authorize"))
    );
    assert!(trace.visited.iter().any(|u| u.starts_with("POST ")));
    assert!(trace.visited.last().unwrap().contains("/oauth/callback?"));
    drop(trace);

    let stored = server
        .store()
        .connection("github", success.connection_id.as_str())
        .unwrap()
        .expect("the connection is stored");
    assert_eq!(stored.credentials["type"], "OAUTH2");
    assert_eq!(server.store().connections().unwrap().len(), 1);
}

#[tokio::test]
async fn system_browser_denial_rejects_with_the_providers_error() {
    let server = MockServer::builder().start().await.unwrap();
    let token = session_token(&server).await;
    let trace = Arc::new(Mutex::new(BrowserTrace::default()));
    let browser = FakeBrowser {
        decision: "deny",
        trace: Arc::clone(&trace),
    };
    let nango = nango_for(&server, token, browser);
    let flow = nango
        .auth(
            &ProviderConfigKey::new("github"),
            None,
            AuthOptions::default(),
        )
        .unwrap();
    let error = tokio::time::timeout(Duration::from_secs(20), flow)
        .await
        .expect("the flow hung")
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::CallbackErr);
    assert_eq!(server.store().connections().unwrap().len(), 0);
}
