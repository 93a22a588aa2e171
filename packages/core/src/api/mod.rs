//! [`NangoApi`]: the one HTTP client for Nango's API (sessions, integrations, providers,
//! telemetry, and the credential requests built elsewhere as [`ApiRequest`] values).

pub mod envelope;
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(not(target_arch = "wasm32"))]
mod native;
mod transport;

#[cfg(target_arch = "wasm32")]
pub use fetch::PREFETCH_GLOBAL;
#[cfg(target_arch = "wasm32")]
use fetch::Transport;
#[cfg(not(target_arch = "wasm32"))]
use native::Transport;
use transport::{ApiResponse, Outgoing};

use serde::Serialize;
use serde_json::Value;
use url::Url;

use crate::catalogue::Provider;
use crate::connection::{ConnectionFilter, ConnectionList, ConnectionSummary};
use crate::encoding::encode_path_segment;
use crate::ids::ProviderName;
use crate::request::{ApiRequest, BearerAuth, Method};
use crate::session::{
    ConnectSession, ConnectSessionCreated, CreateConnectSession, CreateReconnectSession,
    Integration, TelemetryBeacon,
};
use crate::{AuthError, AuthErrorKind, ConnectSessionToken, SecretKey};

pub use envelope::{DataEnvelope, ErrorBody, ErrorEnvelope, ValidationIssue};

/// How long a request may take on native targets before it fails with `timeout`.
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A client for one Nango server, cheap to clone (the underlying connection pool is shared).
#[derive(Clone, Debug)]
pub struct NangoApi {
    /// The server's base URL: path prefix kept, no trailing slash.
    base_url: String,
    /// The HTTP transport: reqwest on native targets, the browser's `fetch` on wasm32.
    transport: Transport,
}

impl NangoApi {
    /// A client for the server at `base_url` (an absolute `http(s)` URL without query or
    /// fragment; a path prefix is kept, trailing slashes are trimmed), with a default HTTP client
    /// (30 s request timeout on native targets).
    pub fn new(base_url: &str) -> Result<Self, AuthError> {
        NangoApi::with_transport(base_url, Transport::new()?)
    }

    /// Like [`NangoApi::new`], with a caller-provided `reqwest::Client` (native targets only:
    /// the browser build sends with `fetch` and has no reqwest).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_client(base_url: &str, client: reqwest::Client) -> Result<Self, AuthError> {
        NangoApi::with_transport(base_url, Transport::with_client(client))
    }

    /// Checks and normalises `base_url` and pairs it with `transport`.
    fn with_transport(base_url: &str, transport: Transport) -> Result<Self, AuthError> {
        let url = Url::parse(base_url).map_err(|_| AuthError::invalid_host_url())?;
        let usable = matches!(url.scheme(), "http" | "https")
            && url.has_host()
            && url.query().is_none()
            && url.fragment().is_none();
        if !usable {
            return Err(AuthError::invalid_host_url());
        }
        Ok(NangoApi {
            base_url: url.as_str().trim_end_matches('/').to_owned(),
            transport,
        })
    }

    /// The normalised base URL (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The absolute URL `request` is sent to.
    pub fn url_of(&self, request: &ApiRequest) -> String {
        let slash = if request.path.starts_with('/') {
            ""
        } else {
            "/"
        };
        format!("{}{slash}{}{}", self.base_url, request.path, request.query)
    }

    /// `GET /connect/session`: the session behind `token`.
    pub async fn get_session(
        &self,
        token: &ConnectSessionToken,
    ) -> Result<ConnectSession, AuthError> {
        let request = bare(
            Method::Get,
            "/connect/session",
            BearerAuth::Session(token.clone()),
        );
        let response = self.send(&request, None).await?;
        envelope::decode_data(response.status, &response.body)
    }

    /// `DELETE /connect/session`: ends the session (204); the token stops working.
    pub async fn delete_session(&self, token: &ConnectSessionToken) -> Result<(), AuthError> {
        let request = bare(
            Method::Delete,
            "/connect/session",
            BearerAuth::Session(token.clone()),
        );
        let response = self.send(&request, None).await?;
        envelope::expect_success(response.status, &response.body)
    }

    /// `GET /integrations`: the integrations the session may use.
    pub async fn list_integrations(
        &self,
        token: &ConnectSessionToken,
    ) -> Result<Vec<Integration>, AuthError> {
        let request = bare(
            Method::Get,
            "/integrations",
            BearerAuth::Session(token.clone()),
        );
        let response = self.send(&request, None).await?;
        envelope::decode_data(response.status, &response.body)
    }

    /// `GET /providers/:provider`: one provider template, its texts localised per
    /// `accept_language` when given.
    pub async fn get_provider(
        &self,
        token: &ConnectSessionToken,
        provider: &ProviderName,
        accept_language: Option<&str>,
    ) -> Result<Provider, AuthError> {
        let path = format!("/providers/{}", encode_path_segment(provider.as_str()));
        let request = bare(Method::Get, &path, BearerAuth::Session(token.clone()));
        let response = self.send(&request, accept_language).await?;
        envelope::decode_data(response.status, &response.body)
    }

    /// `POST /connect/telemetry`: one analytics beacon (token in the body, no auth header).
    ///
    /// Callers treat it as fire-and-forget; the result only reports what happened.
    pub async fn send_telemetry(&self, beacon: &TelemetryBeacon) -> Result<(), AuthError> {
        let mut request = bare(Method::Post, "/connect/telemetry", BearerAuth::None);
        request.body = Some(to_body(beacon)?);
        let response = self.send(&request, None).await?;
        envelope::expect_success(response.status, &response.body)
    }

    /// Sends a request built elsewhere (credential POSTs, `create`) and returns its 2xx JSON body
    /// as is (`null` when there is none).
    ///
    /// A 2xx body with an `error` object (the TBA credential-test quirk) is an `Err` with its
    /// code, unlike the JS SDK, which resolves with it.
    pub async fn execute(&self, request: &ApiRequest) -> Result<Value, AuthError> {
        let response = self.send(request, None).await?;
        Ok(envelope::interpret(response.status, &response.body)?.unwrap_or(Value::Null))
    }

    /// `POST /connect/sessions` (secret key, server side): a new connect session (201).
    pub async fn create_connect_session(
        &self,
        secret_key: &SecretKey,
        body: &CreateConnectSession,
    ) -> Result<ConnectSessionCreated, AuthError> {
        self.create_session("/connect/sessions", secret_key, body)
            .await
    }

    /// `POST /connect/sessions/reconnect` (secret key, server side): a session pinned to one
    /// existing connection (201).
    pub async fn create_reconnect_session(
        &self,
        secret_key: &SecretKey,
        body: &CreateReconnectSession,
    ) -> Result<ConnectSessionCreated, AuthError> {
        self.create_session("/connect/sessions/reconnect", secret_key, body)
            .await
    }

    /// `GET /connections` (secret key, server side): the stored connections matching `filter`.
    pub async fn list_connections(
        &self,
        secret_key: &SecretKey,
        filter: &ConnectionFilter,
    ) -> Result<Vec<ConnectionSummary>, AuthError> {
        let mut request = bare(
            Method::Get,
            "/connections",
            BearerAuth::Secret(secret_key.clone()),
        );
        request.query = filter.query_string();
        let response = self.send(&request, None).await?;
        let body = envelope::interpret(response.status, &response.body)?.unwrap_or(Value::Null);
        serde_json::from_value::<ConnectionList>(body)
            .map(|list| list.connections)
            .map_err(|_| envelope::invalid_response(response.status, "a connection list"))
    }

    /// POSTs a session creation body with the secret key and decodes the created session.
    async fn create_session<B: Serialize>(
        &self,
        path: &str,
        secret_key: &SecretKey,
        body: &B,
    ) -> Result<ConnectSessionCreated, AuthError> {
        let mut request = bare(Method::Post, path, BearerAuth::Secret(secret_key.clone()));
        request.body = Some(to_body(body)?);
        let response = self.send(&request, None).await?;
        envelope::decode_data(response.status, &response.body)
    }

    /// Sends one request: `Authorization: Bearer` from its auth, `Content-Type:
    /// application/json` only with a body, optional `Accept-Language`.
    async fn send(
        &self,
        request: &ApiRequest,
        accept_language: Option<&str>,
    ) -> Result<ApiResponse, AuthError> {
        let mut headers: Vec<(&'static str, &str)> = Vec::with_capacity(3);
        let bearer;
        match &request.auth {
            BearerAuth::None => {}
            BearerAuth::Session(token) => {
                bearer = format!("Bearer {}", token.expose());
                headers.push(("authorization", &bearer));
            }
            BearerAuth::Secret(key) => {
                bearer = format!("Bearer {}", key.expose());
                headers.push(("authorization", &bearer));
            }
        }
        if let Some(language) = accept_language.filter(|language| !language.is_empty()) {
            headers.push(("accept-language", language));
        }
        let body = match &request.body {
            Some(body) => {
                headers.push(("content-type", "application/json"));
                Some(serde_json::to_string(body).map_err(|err| {
                    AuthError::new(
                        AuthErrorKind::UnknownError,
                        format!("could not encode the request body: {err}"),
                    )
                })?)
            }
            None => None,
        };
        let outgoing = Outgoing {
            method: request.method,
            url: self.url_of(request),
            headers,
            body,
        };
        self.transport
            .send(outgoing)
            .await
            .map_err(|failure| failure.into_auth_error(request))
    }
}

/// A request without query or body.
fn bare(method: Method, path: &str, auth: BearerAuth) -> ApiRequest {
    ApiRequest {
        method,
        path: path.to_owned(),
        query: String::new(),
        body: None,
        auth,
    }
}

/// A request body as JSON.
fn to_body<B: Serialize>(body: &B) -> Result<Value, AuthError> {
    serde_json::to_value(body).map_err(|err| {
        AuthError::new(
            AuthErrorKind::UnknownError,
            format!("could not encode the request body: {err}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_prefix_and_trims_slashes() {
        for (input, base) in [
            ("http://localhost:3003/", "http://localhost:3003"),
            (
                "https://nango.example.com/api///",
                "https://nango.example.com/api",
            ),
            ("https://api.nango.dev", "https://api.nango.dev"),
        ] {
            assert_eq!(NangoApi::new(input).unwrap().base_url(), base);
        }
    }

    #[test]
    fn base_url_must_be_absolute_http_without_query() {
        for input in [
            "localhost:3003",
            "api.nango.dev",
            "",
            "ftp://x.example",
            "https://x.example/?a=1",
            "https://x.example/#f",
        ] {
            let err = NangoApi::new(input).unwrap_err();
            assert_eq!(err.kind, AuthErrorKind::InvalidHostUrl, "{input}");
        }
    }

    #[test]
    fn request_urls_append_path_and_query() {
        let api = NangoApi::new("https://nango.example.com/api/").unwrap();
        let request = ApiRequest {
            method: Method::Post,
            path: "/auth/unauthenticated/my%20key".into(),
            query: "?connection_id=c%201".into(),
            body: None,
            auth: BearerAuth::None,
        };
        assert_eq!(
            api.url_of(&request),
            "https://nango.example.com/api/auth/unauthenticated/my%20key?connection_id=c%201"
        );
        let relative = ApiRequest {
            path: "integrations".into(),
            query: String::new(),
            ..request
        };
        assert_eq!(
            api.url_of(&relative),
            "https://nango.example.com/api/integrations"
        );
    }

    /// `idna_adapter` is pinned to its ASCII-only 1.0.0 (size of the browser wasm): Unicode
    /// hostnames are rejected, their punycode form works.
    #[test]
    fn hosts_must_be_ascii_or_punycode() {
        let err = NangoApi::new("https://b\u{fc}cher.example").unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::InvalidHostUrl);
        assert_eq!(
            NangoApi::new("https://xn--bcher-kva.example/api/")
                .unwrap()
                .base_url(),
            "https://xn--bcher-kva.example/api"
        );
        assert!(url::Url::parse("https://B\u{fc}CHER.example").is_err());
        assert_eq!(
            url::Url::parse("https://NANGO.Example:3003/")
                .unwrap()
                .host_str(),
            Some("nango.example")
        );
    }

    #[test]
    fn provider_names_are_one_encoded_segment() {
        assert_eq!(encode_path_segment("a b/c?%é"), "a%20b%2Fc%3F%25%C3%A9");
        assert_eq!(encode_path_segment("google-mail~:.@_"), "google-mail~:.@_");
    }
}
