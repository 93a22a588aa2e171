//! `NangoApi` against a mock HTTP server: paths under a prefixed base URL, headers, bodies,
//! success statuses and every error envelope. Each test starts its own server.

use std::time::Duration;

use nango_core::api::NangoApi;
use nango_core::ids::ProviderName;
use nango_core::request::{ApiRequest, BearerAuth, Method};
use nango_core::session::{
    CreateConnectSession, CreateReconnectSession, EndUserInput, TelemetryBeacon,
    TelemetryDimensions, TelemetryEvent,
};
use nango_core::{AuthErrorKind, ConnectSessionToken, SecretKey};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOK: &str =
    "nango_connect_session_abababababababababababababababababababababababababababababababab";
const SECRET: &str = "6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";

fn token() -> ConnectSessionToken {
    ConnectSessionToken::new(TOK)
}

/// A client whose base URL is the mock server under the `/base/path/` prefix (trailing slash on purpose).
fn prefixed_client(server: &MockServer) -> NangoApi {
    NangoApi::new(&format!("{}/base/path/", server.uri())).unwrap()
}

fn json_response(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json")
}

/// The one request the server received.
async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn header_of<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
}

#[tokio::test]
async fn tv20_get_session_under_a_prefixed_base() {
    let server = MockServer::start().await;
    let body = r##"{"data":{"endUser":{"id":"u1","display_name":null,"email":"a@b.com","tags":null,"organization":null},"allowed_integrations":["github"],"connectUISettings":{"showWatermark":true,"defaultTheme":"system","theme":{"light":{"primary":"#00B2E3"},"dark":{"primary":"#00B2E3"}}},"websocketsPath":"/"}}"##;
    Mock::given(method("GET"))
        .and(path("/base/path/connect/session"))
        .and(header("authorization", format!("Bearer {TOK}").as_str()))
        .respond_with(json_response(200, body))
        .expect(1)
        .mount(&server)
        .await;

    let session = prefixed_client(&server)
        .get_session(&token())
        .await
        .unwrap();
    assert_eq!(session.end_user.unwrap().id, "u1");
    assert_eq!(session.websockets_path.as_deref(), Some("/"));
    assert_eq!(session.allowed_integrations.unwrap()[0].as_str(), "github");

    let request = only_request(&server).await;
    assert_eq!(header_of(&request, "content-type"), None);
    assert!(request.body.is_empty());
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn tv20_get_session_with_a_secret_key_is_rejected() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/connect/session"))
        .respond_with(json_response(
            401,
            r#"{"error":{"code":"invalid_connect_session_token_format","message":"Authentication failed. The provided connect session token is not following correct format: nango_connect_session_RANDOM)","payload":{}}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let api = NangoApi::new(&server.uri()).unwrap();
    let err = api
        .get_session(&ConnectSessionToken::new(SECRET))
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidConnectSessionTokenFormat);
    assert!(err.message.starts_with("Authentication failed."));
}

#[tokio::test]
async fn tv20_delete_session_204_then_unknown_token() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/base/path/connect/session"))
        .and(header("authorization", format!("Bearer {TOK}").as_str()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/base/path/connect/session"))
        .respond_with(json_response(
            401,
            r#"{"error":{"code":"unknown_connect_session_token","message":"Authentication failed. The provided connect session token does not match any account.","payload":{}}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let api = prefixed_client(&server);
    api.delete_session(&token()).await.unwrap();
    let err = api.get_session(&token()).await.unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::UnknownConnectSessionToken);
}

#[tokio::test]
async fn list_integrations_under_a_prefixed_base() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/path/integrations"))
        .and(header("authorization", format!("Bearer {TOK}").as_str()))
        .respond_with(json_response(
            200,
            r#"{"data":[{"unique_key":"github","provider":"github","display_name":"GitHub","logo":"http://x/images/template-logos/github.svg","forward_webhooks":true,"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"},{"unique_key":"slack-prod","provider":"slack","display_name":"Slack","logo":"http://x/images/template-logos/slack.svg","credentials_label":{"apiKey":"Token"},"preconfigured_credentials":["clientId"],"forward_webhooks":false,"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}]}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let integrations = prefixed_client(&server)
        .list_integrations(&token())
        .await
        .unwrap();
    assert_eq!(integrations.len(), 2);
    assert_eq!(integrations[1].unique_key.as_str(), "slack-prod");
    assert_eq!(integrations[1].provider.as_str(), "slack");
    assert_eq!(
        integrations[1].preconfigured_credentials.as_deref(),
        Some(&["clientId".to_owned()][..])
    );
}

#[tokio::test]
async fn get_provider_sends_accept_language_and_encodes_the_name() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/path/providers/my%20provider"))
        .and(header("accept-language", "fr"))
        .and(header("authorization", format!("Bearer {TOK}").as_str()))
        .respond_with(json_response(
            200,
            r#"{"data":{"display_name":"Mon fournisseur","auth_mode":"API_KEY","docs":"https://docs","credentials":{"apiKey":{"type":"string","title":"Clé API"}},"name":"my provider","logo_url":"http://x/images/template-logos/my provider.svg"}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let provider = prefixed_client(&server)
        .get_provider(&token(), &ProviderName::new("my provider"), Some("fr"))
        .await
        .unwrap();
    assert_eq!(provider.display_name, "Mon fournisseur");
    assert_eq!(provider.auth_mode.as_str(), "API_KEY");
    assert_eq!(
        provider.credentials["apiKey"].title.as_deref(),
        Some("Clé API")
    );
}

#[tokio::test]
async fn get_provider_unknown_is_not_found_without_accept_language() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/providers/nope"))
        .respond_with(json_response(
            404,
            r#"{"error":{"code":"not_found","message":"Unknown provider nope"}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let api = NangoApi::new(&server.uri()).unwrap();
    let err = api
        .get_provider(&token(), &ProviderName::new("nope"), None)
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::NotFound);
    assert_eq!(err.message, "Unknown provider nope");
    assert_eq!(
        header_of(&only_request(&server).await, "accept-language"),
        None
    );
}

#[tokio::test]
async fn telemetry_puts_the_token_in_the_body_not_a_header() {
    let server = MockServer::start().await;
    let beacon = TelemetryBeacon {
        event: TelemetryEvent::ViewIntegration,
        dimensions: Some(TelemetryDimensions {
            integration: Some("github".into()),
        }),
        token: token(),
        timestamp: "2026-12-04T10:00:00.000Z".into(),
    };
    Mock::given(method("POST"))
        .and(path("/base/path/connect/telemetry"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "event": "view:integration",
            "dimensions": {"integration": "github"},
            "token": TOK,
            "timestamp": "2026-12-04T10:00:00.000Z"
        })))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;

    prefixed_client(&server)
        .send_telemetry(&beacon)
        .await
        .unwrap();
    assert_eq!(
        header_of(&only_request(&server).await, "authorization"),
        None
    );
}

fn tv09_request() -> ApiRequest {
    ApiRequest {
        method: Method::Post,
        path: "/api-auth/api-key/stripe".into(),
        query: format!("?connect_session_token={TOK}&params[region]=eu"),
        body: Some(json!({"apiKey": "sk_1"})),
        auth: BearerAuth::None,
    }
}

#[tokio::test]
async fn tv09_execute_api_key_success_returns_body_as_is() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/base/path/api-auth/api-key/stripe"))
        .and(query_param("connect_session_token", TOK))
        .and(query_param("params[region]", "eu"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"apiKey": "sk_1"})))
        .respond_with(json_response(
            200,
            r#"{"connectionId":"0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a","providerConfigKey":"stripe"}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let result = prefixed_client(&server)
        .execute(&tv09_request())
        .await
        .unwrap();
    assert_eq!(
        result,
        json!({"connectionId": "0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a", "providerConfigKey": "stripe"})
    );
    let request = only_request(&server).await;
    assert_eq!(header_of(&request, "authorization"), None);
    assert_eq!(
        request.url.query(),
        Some(format!("connect_session_token={TOK}&params[region]=eu").as_str())
    );
}

#[tokio::test]
async fn tv09_execute_connection_test_failed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api-auth/api-key/stripe"))
        .respond_with(json_response(
            400,
            r#"{"error":{"code":"connection_test_failed","message":"The given credentials were found to be invalid. Please check the credentials and try again."}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let err = NangoApi::new(&server.uri())
        .unwrap()
        .execute(&tv09_request())
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::ConnectionTestFailed);
    assert_eq!(
        err.message,
        "The given credentials were found to be invalid. Please check the credentials and try again."
    );
}

#[tokio::test]
async fn tv11_execute_tba_200_with_error_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/tba/netsuite-tba"))
        .respond_with(json_response(
            200,
            r#"{"error":{"code":"invalid_credentials","message":"The provided credentials did not succeed in a test API call"}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let request = ApiRequest {
        method: Method::Post,
        path: "/auth/tba/netsuite-tba".into(),
        query: format!("?connect_session_token={TOK}"),
        body: Some(json!({"token_id": "t", "token_secret": "s"})),
        auth: BearerAuth::None,
    };
    let err = NangoApi::new(&server.uri())
        .unwrap()
        .execute(&request)
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidCredentials);
}

#[tokio::test]
async fn tv15_create_without_body_and_zod_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/base/path/auth/unauthenticated/my%20key"))
        .and(query_param("connection_id", "c 1"))
        .respond_with(json_response(
            400,
            r#"{"error":{"code":"invalid_query_params","errors":[{"code":"custom","message":"connection_id is forbidden when using session token","path":["connection_id"]}]}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let request = ApiRequest {
        method: Method::Post,
        path: "/auth/unauthenticated/my%20key".into(),
        query: format!("?connection_id=c%201&connect_session_token={TOK}"),
        body: None,
        auth: BearerAuth::None,
    };
    let err = prefixed_client(&server)
        .execute(&request)
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidQueryParams);
    assert_eq!(
        err.message,
        "connection_id: connection_id is forbidden when using session token"
    );
    let received = only_request(&server).await;
    assert_eq!(header_of(&received, "content-type"), None);
    assert!(received.body.is_empty());
}

#[tokio::test]
async fn tv20_create_connect_session_201() {
    let server = MockServer::start().await;
    let created = format!(
        r#"{{"data":{{"token":"{TOK}","connect_link":"https://connect.nango.dev/?session_token={TOK}","expires_at":"2026-12-04T10:30:00.000Z"}}}}"#
    );
    Mock::given(method("POST"))
        .and(path("/base/path/connect/sessions"))
        .and(header("authorization", format!("Bearer {SECRET}").as_str()))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"end_user": {"id": "u1", "email": "a@b.com"}, "allowed_integrations": ["github"]})))
        .respond_with(json_response(201, &created))
        .expect(1)
        .mount(&server)
        .await;

    let body = CreateConnectSession {
        end_user: Some(EndUserInput {
            id: "u1".into(),
            email: Some("a@b.com".into()),
            ..EndUserInput::default()
        }),
        allowed_integrations: Some(vec!["github".into()]),
        ..CreateConnectSession::default()
    };
    let session = prefixed_client(&server)
        .create_connect_session(&SecretKey::new(SECRET), &body)
        .await
        .unwrap();
    assert_eq!(session.token.expose(), TOK);
    assert!(session.token.is_well_formed());
    assert_eq!(session.expires_at, "2026-12-04T10:30:00.000Z");
}

#[tokio::test]
async fn create_connect_session_validation_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/connect/sessions"))
        .respond_with(json_response(
            400,
            r#"{"error":{"code":"invalid_body","errors":[{"code":"invalid_type","message":"Invalid input: expected object, received undefined","path":["end_user"]}]}}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;

    let err = NangoApi::new(&server.uri())
        .unwrap()
        .create_connect_session(&SecretKey::new(SECRET), &CreateConnectSession::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidBody);
    assert_eq!(
        err.message,
        "end_user: Invalid input: expected object, received undefined"
    );
    assert_eq!(only_request(&server).await.body, b"{}");
}

#[tokio::test]
async fn create_reconnect_session_201() {
    let server = MockServer::start().await;
    let created = format!(
        r#"{{"data":{{"token":"{TOK}","connect_link":"https://connect.nango.dev/?session_token={TOK}","expires_at":"2026-12-04T10:30:00.000Z"}}}}"#
    );
    Mock::given(method("POST"))
        .and(path("/base/path/connect/sessions/reconnect"))
        .and(header("authorization", format!("Bearer {SECRET}").as_str()))
        .and(body_json(
            json!({"connection_id": "c-1", "integration_id": "github"}),
        ))
        .respond_with(json_response(201, &created))
        .expect(1)
        .mount(&server)
        .await;

    let session = prefixed_client(&server)
        .create_reconnect_session(
            &SecretKey::new(SECRET),
            &CreateReconnectSession::new("c-1".into(), "github".into()),
        )
        .await
        .unwrap();
    assert_eq!(session.token.expose(), TOK);
}

#[tokio::test]
async fn non_json_body_is_invalid_response_with_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integrations"))
        .respond_with(
            ResponseTemplate::new(502)
                .set_body_raw(b"<html>Bad gateway</html>".to_vec(), "text/html"),
        )
        .expect(1)
        .mount(&server)
        .await;

    let err = NangoApi::new(&server.uri())
        .unwrap()
        .list_integrations(&token())
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidResponse);
    assert!(err.message.contains("502"), "{}", err.message);
}

#[tokio::test]
async fn success_with_an_unexpected_shape_is_invalid_response() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/connect/session"))
        .respond_with(json_response(200, r#"{"data":{"endUser":{"id":5}}}"#))
        .expect(1)
        .mount(&server)
        .await;

    let err = NangoApi::new(&server.uri())
        .unwrap()
        .get_session(&token())
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidResponse);
    assert!(err.message.contains("200"), "{}", err.message);
}

#[tokio::test]
async fn connection_refused_is_request_failed_without_the_query() {
    // Reserve a port, then free it: nothing listens there any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);

    let api = NangoApi::new(&format!("http://{address}/base")).unwrap();
    let err = api.execute(&tv09_request()).await.unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::RequestFailed);
    assert!(
        err.message
            .starts_with("POST /api-auth/api-key/stripe failed"),
        "{}",
        err.message
    );
    assert!(!err.message.contains("abababab"), "{}", err.message);
}

#[tokio::test]
async fn slow_answers_time_out_with_a_custom_client() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/integrations"))
        .respond_with(json_response(200, r#"{"data":[]}"#).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;

    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let api = NangoApi::with_client(&server.uri(), client).unwrap();
    let err = api.list_integrations(&token()).await.unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::Timeout);
}

#[tokio::test]
async fn unmatched_requests_fail_loudly() {
    // wiremock answers 404 with an empty body to anything not mounted.
    let server = MockServer::start().await;
    let err = NangoApi::new(&server.uri())
        .unwrap()
        .get_session(&token())
        .await
        .unwrap_err();
    assert_eq!(err.kind, AuthErrorKind::InvalidResponse);
    assert!(err.message.contains("404"));
}

#[tokio::test]
async fn list_connections_sends_the_filters_with_the_secret_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/path/connections"))
        .and(header("authorization", format!("Bearer {SECRET}").as_str()))
        .and(query_param("endUserId", "u1"))
        .and(query_param("integrationId", "github,demo-api-key"))
        .respond_with(json_response(
            200,
            r#"{"connections":[{"id":3,"connection_id":"c-1","provider_config_key":"github","provider":"mock-oauth2","errors":[],"end_user":null,"metadata":null,"tags":{},"created":"2026-12-04T10:00:00.000Z"}]}"#,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let filter = nango_core::connection::ConnectionFilter {
        end_user_id: Some("u1".into()),
        integration_ids: vec!["github".into(), "demo-api-key".into()],
        ..Default::default()
    };
    let connections = prefixed_client(&server)
        .list_connections(&SecretKey::new(SECRET), &filter)
        .await
        .unwrap();
    assert_eq!(connections.len(), 1);
    assert_eq!(connections[0].provider_config_key.as_str(), "github");
}

#[tokio::test]
async fn list_connections_rejects_a_body_that_is_not_a_list() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/path/connections"))
        .respond_with(json_response(200, r#"{"data":[]}"#))
        .expect(1)
        .mount(&server)
        .await;
    let error = prefixed_client(&server)
        .list_connections(&SecretKey::new(SECRET), &Default::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind, AuthErrorKind::InvalidResponse);
}
