//! Host tests of [`Nango`]: synchronous errors, the no-browser popup path and the HTTP paths
//! against a wiremock server.

use super::*;
use nango_core::{ClientAuth, ConnectSessionToken, Credentials};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn token() -> String {
    format!("nango_connect_session_{}", "ab".repeat(32))
}

fn nango(host: &str, auth: ClientAuth) -> Nango {
    Nango::new(NangoOptions {
        host: Some(host.to_owned()),
        auth,
        ..NangoOptions::default()
    })
    .unwrap()
}

fn with_token(host: &str) -> Nango {
    nango(
        host,
        ClientAuth::SessionToken(ConnectSessionToken::new(token())),
    )
}

fn key(value: &str) -> ProviderConfigKey {
    ProviderConfigKey::new(value)
}

#[test]
fn invalid_host_fails_in_the_constructor() {
    let error = Nango::new(NangoOptions {
        host: Some("api.nango.dev".into()),
        ..NangoOptions::default()
    })
    .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::InvalidHostUrl);
}

#[test]
fn synchronous_errors_come_before_any_future() {
    let none = nango("http://localhost:3003", ClientAuth::None);
    let error = none
        .auth(&key("github"), None, AuthOptions::default())
        .unwrap_err();
    assert_eq!(error, AuthError::missing_auth_token());
    let error = none
        .reconnect(&key("github"), AuthOptions::default())
        .unwrap_err();
    assert_eq!(error, AuthError::missing_connect_session_token());
    // create is async in the JS SDK: the same error arrives through the future.
    let result = futures_ready(none.create(&key("x"), None, &ConnectionConfig::default()));
    assert_eq!(result.unwrap_err(), AuthError::missing_auth_token());
}

#[test]
fn popup_without_a_browser_is_blocked_by_browser_and_not_pending() {
    let client = with_token("http://localhost:3003");
    let future = client
        .auth(&key("github"), None, AuthOptions::default())
        .unwrap();
    assert!(!client.has_pending_auth());
    assert_eq!(
        futures_ready(future).unwrap_err(),
        AuthError::blocked_by_browser()
    );
    // clear and cancel on a settled flow are harmless.
    client.clear();
    client.cancel();
}

#[test]
fn debug_output_hides_the_token() {
    let client = with_token("http://localhost:3003");
    let printed = format!("{client:?}");
    assert!(!printed.contains("abababab"), "{printed}");
}

#[tokio::test]
async fn create_posts_without_body_and_parses_the_connection() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/unauthenticated/github"))
        .and(query_param("connect_session_token", token()))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"connectionId": "c-1", "providerConfigKey": "github"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let client = with_token(&server.uri());
    let success = client
        .create(&key("github"), None, &ConnectionConfig::default())
        .await
        .unwrap();
    assert_eq!(success.connection_id.as_str(), "c-1");
    assert_eq!(success.is_pending, None);
}

#[tokio::test]
async fn api_key_auth_goes_through_the_api_client() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api-auth/api-key/stripe"))
        .and(body_json(serde_json::json!({"apiKey": "sk_test"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"providerConfigKey": "stripe", "connectionId": "c-2"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api-auth/api-key/broken"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            serde_json::json!({"error": {"code": "connection_test_failed", "message": "bad key"}}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api-auth/api-key/odd"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"ok": true})))
        .mount(&server)
        .await;
    let client = with_token(&server.uri());
    let options = AuthOptions {
        credentials: Some(Credentials::ApiKey {
            api_key: "sk_test".into(),
        }),
        ..AuthOptions::default()
    };
    let success = client
        .auth(&key("stripe"), None, options.clone())
        .unwrap()
        .await
        .unwrap();
    assert_eq!(success.connection_id.as_str(), "c-2");
    let error = client
        .auth(&key("broken"), None, options.clone())
        .unwrap()
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::ConnectionTestFailed);
    assert_eq!(error.message, "bad key");
    let error = client
        .auth(&key("odd"), None, options)
        .unwrap()
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::InvalidResponse);
}

/// Polls a future that must already be finished.
fn futures_ready(mut future: AuthFuture) -> AuthResult {
    use std::future::Future;
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::Pin::new(&mut future).poll(&mut cx) {
        std::task::Poll::Ready(result) => result,
        std::task::Poll::Pending => panic!("the future is still pending"),
    }
}
