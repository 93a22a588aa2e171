//! The HTTP router: shared application state, authentication of each principal kind, body
//! reading with limits, global middleware (content type, security headers, CORS, timeouts) and
//! the route table.

pub mod app_auth;
pub mod catalogue;
pub mod connections;
pub mod credentials;
pub mod oauth;
pub mod provider;
pub mod sessions;
pub mod telemetry;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request, State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use nango_core::{AuthErrorKind, ConnectSessionToken};
use serde_json::{Map, Value};
use time::OffsetDateTime;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::timeout::TimeoutLayer;

use crate::catalogue::Catalogue;
use crate::config::{IdKind, IdSource, MockConfig};
use crate::envelope::ApiError;
use crate::fake_provider::FakeProvider;
use crate::state::{SessionRecord, Store};
use crate::validation::is_uuid_v4;
use crate::ws::WsHub;

/// State shared by every handler.
pub type AppState = Arc<App>;

/// An OAuth flow between `/oauth/connect` and `/oauth/callback`, keyed by `state`.
#[derive(Clone, Debug)]
pub struct OAuthSession {
    /// Integration key.
    pub provider_config_key: String,
    /// Provider template name.
    pub provider: String,
    /// The connection id the flow will create or overwrite.
    pub connection_id: String,
    /// Where to publish the outcome.
    pub ws_client_id: Option<String>,
    /// PKCE verifier sent at the token exchange.
    pub code_verifier: String,
    /// The redirect URI sent to the provider.
    pub redirect_uri: String,
    /// Connection configuration collected at `/oauth/connect`.
    pub connection_config: Map<String, Value>,
    /// The session that started the flow (end user, tags).
    pub session: Option<SessionRecord>,
    /// Created at, unix milliseconds.
    pub created_at_ms: i64,
}

/// One received telemetry beacon.
#[derive(Clone, Debug, PartialEq)]
pub struct TelemetryRecord {
    /// The event name.
    pub event: String,
    /// Its dimensions.
    pub dimensions: Option<Value>,
}

/// Application state.
pub struct App {
    /// Configuration.
    pub config: MockConfig,
    /// Providers and integrations.
    pub catalogue: Catalogue,
    /// Sessions and connections.
    pub store: Arc<dyn Store>,
    /// WebSocket clients.
    pub hub: Arc<WsHub>,
    /// Id and token generation.
    pub ids: IdSource,
    /// Open OAuth flows by state.
    pub oauth_sessions: Mutex<HashMap<String, OAuthSession>>,
    /// The fake OAuth provider.
    pub provider: FakeProvider,
    /// Received telemetry (bounded).
    pub telemetry: Mutex<Vec<TelemetryRecord>>,
    /// The bound address.
    pub local_addr: SocketAddr,
    /// Server start, unix milliseconds (integration timestamps).
    pub started_at_ms: i64,
}

impl App {
    /// Now, from the configured clock.
    pub fn now(&self) -> OffsetDateTime {
        self.config.hooks.clock.now()
    }

    /// Now in unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        unix_ms(self.now())
    }

    /// A fresh UUID of `kind`.
    pub fn uuid(&self, kind: IdKind) -> String {
        self.ids.uuid(kind)
    }

    /// The public base URL: configured, else from the request's `Host`, else the bound address.
    pub fn public_base(&self, headers: &HeaderMap) -> String {
        if let Some(url) = &self.config.public_url {
            return url.trim_end_matches('/').to_owned();
        }
        if let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok())
            && !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        {
            return format!("http://{host}");
        }
        format!("http://{}", self.local_addr)
    }

    /// Looks a session token up; expired or deleted → `unknown_connect_session_token`.
    pub fn live_session(&self, token: &str) -> Result<SessionRecord, ApiError> {
        if !ConnectSessionToken::new(token).is_well_formed() {
            return Err(ApiError::auth(
                AuthErrorKind::InvalidConnectSessionTokenFormat,
            ));
        }
        match self.store.session(token) {
            Ok(Some(session)) if session.expires_at_ms > self.now_ms() => Ok(session),
            Ok(_) => Err(ApiError::auth(AuthErrorKind::UnknownConnectSessionToken)),
            Err(e) => Err(ApiError::server_error(&e.to_string())),
        }
    }
}

/// Unix milliseconds of a time.
pub fn unix_ms(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// ISO-8601 with milliseconds and `Z`, as Nango prints dates.
pub fn iso_ms(unix_ms: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(unix_ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&format).unwrap_or_default()
}

/// A `302 Found` to `location` (axum's `Redirect::to` answers 303; Nango answers 302).
pub fn found(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (StatusCode::FOUND, [(header::LOCATION, value)]).into_response(),
        Err(_) => ApiError::server_error("invalid redirect location").into_response(),
    }
}

/// Who is calling.
#[derive(Clone, Debug)]
pub enum Principal {
    /// A connect session.
    Session(Box<SessionRecord>),
    /// The environment secret key.
    Secret,
    /// A (deprecated) public key.
    PublicKey,
}

impl Principal {
    /// The session, when the caller is one.
    pub fn session(&self) -> Option<&SessionRecord> {
        match self {
            Principal::Session(s) => Some(s),
            _ => None,
        }
    }
}

/// The bearer token of `Authorization`, or the §8.3 error.
pub fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::auth(AuthErrorKind::MissingAuthHeader))?;
    let text = value
        .to_str()
        .map_err(|_| ApiError::auth(AuthErrorKind::MalformedAuthHeader))?;
    match text.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim())
        }
        _ => Err(ApiError::auth(AuthErrorKind::MalformedAuthHeader)),
    }
}

/// Checks a secret key bearer.
pub fn check_secret(app: &App, token: &str) -> Result<(), ApiError> {
    if token == app.config.secret_key.expose() {
        Ok(())
    } else if !is_uuid_v4(token) {
        Err(ApiError::auth(AuthErrorKind::InvalidSecretKeyFormat))
    } else {
        Err(ApiError::auth(AuthErrorKind::UnknownAccount))
    }
}

/// Secret-key-only endpoints.
pub fn require_secret(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    check_secret(app, bearer(headers)?)
}

/// Session-token-only endpoints (`GET`/`DELETE /connect/session`).
pub fn require_session(app: &App, headers: &HeaderMap) -> Result<SessionRecord, ApiError> {
    app.live_session(bearer(headers)?)
}

/// Endpoints taking a session token or the secret key.
pub fn session_or_secret(app: &App, headers: &HeaderMap) -> Result<Principal, ApiError> {
    let token = bearer(headers)?;
    if token.starts_with(nango_core::ids::CONNECT_SESSION_TOKEN_PREFIX) {
        return app
            .live_session(token)
            .map(|s| Principal::Session(Box::new(s)));
    }
    check_secret(app, token).map(|()| Principal::Secret)
}

/// §8.1: `connect_session_token` or `public_key` from the query.
pub fn query_principal(app: &App, query: &Map<String, Value>) -> Result<Principal, ApiError> {
    let text = |key: &str| {
        query
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    if let Some(token) = text("connect_session_token") {
        return app
            .live_session(token)
            .map(|s| Principal::Session(Box::new(s)));
    }
    let Some(public_key) = text("public_key") else {
        return Err(ApiError::auth(AuthErrorKind::MissingPublicKey));
    };
    if !is_uuid_v4(public_key) {
        return Err(ApiError::auth(AuthErrorKind::InvalidPublicKey));
    }
    match &app.config.public_key {
        Some(known) if known == public_key => Ok(Principal::PublicKey),
        _ => Err(ApiError::auth(AuthErrorKind::UnknownAccount)),
    }
}

/// A request body read within the configured limit; over it → 413 envelope.
pub struct LimitedBody(pub Bytes);

impl FromRequest<AppState> for LimitedBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let limit = state.config.body_limit;
        if let Some(len) = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok())
            && len > limit
        {
            return Err(ApiError::payload_too_large());
        }
        match axum::body::to_bytes(req.into_body(), limit).await {
            Ok(bytes) => Ok(LimitedBody(bytes)),
            Err(_) => Err(ApiError::payload_too_large()),
        }
    }
}

/// Parses a JSON body; empty → `None`; malformed → 400 `invalid_json`.
pub fn parse_json(bytes: &[u8]) -> Result<Option<Value>, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|e| ApiError::invalid_json(&e.to_string()))
}

/// The query parsed the `qs` way.
pub fn parse_query(raw: Option<&str>) -> Map<String, Value> {
    raw.map(crate::qs::parse_query).unwrap_or_default()
}

/// Rejects a non-empty query (`invalid_query_params` with zod's unrecognized-keys issue).
pub fn require_empty_query(raw: Option<&str>) -> Result<(), ApiError> {
    let query = parse_query(raw);
    if query.is_empty() {
        return Ok(());
    }
    let mut checker = crate::validation::Checker::new();
    checker.strict(&query, &[], &[]);
    Err(ApiError::zod(
        AuthErrorKind::InvalidQueryParams,
        &checker.issues,
    ))
}

/// Builds the whole application router.
pub fn router(app: AppState) -> Router {
    let ws_path = app.config.websockets_path.clone();
    let timeout = app.config.request_timeout;
    let api = Router::new()
        .route("/connect/sessions", post(sessions::create))
        .route(
            "/connect/sessions/reconnect",
            post(sessions::create_reconnect),
        )
        .route(
            "/connect/session",
            get(sessions::read).delete(sessions::remove),
        )
        .route("/integrations", get(catalogue::integrations))
        .route("/providers", get(catalogue::providers))
        .route("/providers/{provider}", get(catalogue::provider))
        .route("/images/template-logos/{file}", get(catalogue::logo))
        .route("/oauth/connect/{key}", get(oauth::connect))
        .route("/oauth/callback", get(oauth::callback))
        .route("/app-auth/connect", get(app_auth::connect))
        .route("/api-auth/api-key/{key}", post(credentials::api_key))
        .route("/api-auth/basic/{key}", post(credentials::basic))
        .route("/auth/tba/{key}", post(credentials::tba))
        .route("/auth/jwt/{key}", post(credentials::jwt))
        .route("/auth/bill/{key}", post(credentials::bill))
        .route("/auth/two-step/{key}", post(credentials::two_step))
        .route("/auth/signature/{key}", post(credentials::signature))
        .route("/auth/aws-sigv4/{key}", post(credentials::aws_sigv4))
        .route(
            "/auth/unauthenticated/{key}",
            post(credentials::unauthenticated),
        )
        .route(
            "/auth/oauth-outbound/{key}",
            post(credentials::oauth_outbound),
        )
        .route("/oauth2/auth/{key}", post(credentials::oauth2_cc))
        .route("/connections", get(connections::list))
        .route(
            "/connections/{connection_id}",
            get(connections::read).delete(connections::remove),
        )
        .route("/_mock/provider/authorize", get(provider::authorize))
        .route("/_mock/provider/decide", post(provider::decide))
        .route("/_mock/provider/app-install", get(provider::app_install))
        .route("/_mock/provider/token", post(provider::token))
        .route("/health", get(health))
        .route(&ws_path, get(websocket))
        .fallback(static_or_not_found)
        .layer(public_cors());
    let telemetry_cors = telemetry_cors(&app.config.connect_ui_url);
    api.route(
        "/connect/telemetry",
        post(telemetry::beacon).layer(telemetry_cors),
    )
    .layer(middleware::from_fn_with_state(app.clone(), guard))
    .layer(TimeoutLayer::with_status_code(
        StatusCode::REQUEST_TIMEOUT,
        timeout.max(Duration::from_millis(1)),
    ))
    .with_state(app)
}

fn public_cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::ORIGIN,
            HeaderName::from_static("x-requested-with"),
            header::ACCEPT_LANGUAGE,
            HeaderName::from_static("nango-is-sync"),
            HeaderName::from_static("nango-is-script"),
            HeaderName::from_static("nango-is-dry-run"),
        ])
        .expose_headers([
            header::AUTHORIZATION,
            header::ETAG,
            header::CONTENT_TYPE,
            header::CONTENT_LENGTH,
            HeaderName::from_static("x-nango-signature"),
            HeaderName::from_static("x-ratelimit-limit"),
            HeaderName::from_static("x-ratelimit-remaining"),
            HeaderName::from_static("x-ratelimit-reset"),
        ])
        .max_age(Duration::from_secs(600))
}

fn telemetry_cors(connect_ui_url: &str) -> CorsLayer {
    let origin = url::Url::parse(connect_ui_url)
        .ok()
        .map(|u| u.origin().ascii_serialization())
        .and_then(|o| HeaderValue::from_str(&o).ok());
    let layer = CorsLayer::new()
        .allow_methods([Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .max_age(Duration::from_secs(36000));
    match origin {
        Some(origin) => layer
            .allow_origin(AllowOrigin::exact(origin))
            .allow_credentials(true),
        None => layer.allow_origin(Any),
    }
}

/// Paths whose requests must be JSON when they declare a content type (§8.4).
fn json_only_path(path: &str) -> bool {
    if path == "/oauth/callback" {
        return false;
    }
    [
        "/oauth/",
        "/api-auth",
        "/auth/",
        "/connect",
        "/integrations",
        "/providers",
    ]
    .iter()
    .any(|prefix| path.starts_with(prefix))
}

fn is_websocket_upgrade(headers: &HeaderMap) -> bool {
    headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
}

/// Global checks before routing: WS upgrades off the configured path → 400, non-JSON content
/// types → 415; and security headers on every answer.
async fn guard(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if is_websocket_upgrade(request.headers()) && path != app.config.websockets_path {
        return StatusCode::BAD_REQUEST.into_response();
    }
    if request.method() != Method::OPTIONS
        && json_only_path(&path)
        && let Some(ct) = request.headers().get(header::CONTENT_TYPE)
        && !ct.to_str().is_ok_and(|v| {
            v.trim()
                .to_ascii_lowercase()
                .starts_with("application/json")
        })
    {
        return ApiError::code_message(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AuthErrorKind::InvalidContentType,
            "Content-Type header must be application/json",
        )
        .into_response();
    }
    let mut response = next.run(request).await;
    // Served files (the Connect UI app) must be framable by any app, like Nango's hosted one.
    let framable = response
        .extensions()
        .get::<crate::static_files::ServedFile>()
        .is_some();
    let headers = response.headers_mut();
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin"),
    );
    if !framable {
        headers.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    response
}

/// The WebSocket endpoint; a plain GET on the same path answers a short banner.
async fn websocket(State(app): State<AppState>, request: Request) -> Response {
    if !is_websocket_upgrade(request.headers()) {
        return (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "nango-mock: a local Nango-compatible server\n",
        )
            .into_response();
    }
    let (mut parts, _body) = request.into_parts();
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &app).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let id = app.uuid(IdKind::WsClient);
    let hub = app.hub.clone();
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(64 * 1024)
        .max_frame_size(64 * 1024)
        .on_upgrade(move |socket| crate::ws::run_socket(socket, id, hub))
}

async fn health() -> Response {
    crate::envelope::json_response(StatusCode::OK, &serde_json::json!({"result": "ok"}))
}

/// Static folders (`--connect-ui-dir`, `--static`) for unrouted GET/HEAD paths, else the 404.
async fn static_or_not_found(State(app): State<AppState>, request: Request) -> Response {
    let mounts = app.config.mounts();
    if !mounts.is_empty()
        && let Some(response) = crate::static_files::serve(
            &mounts,
            request.method(),
            request.uri().path(),
            request.uri().query(),
            request
                .headers()
                .get(axum::http::header::IF_NONE_MATCH)
                .and_then(|value| value.to_str().ok()),
        )
        .await
    {
        return response;
    }
    not_found(request).await
}

async fn not_found(request: Request) -> Response {
    ApiError::code_message(
        StatusCode::NOT_FOUND,
        AuthErrorKind::NotFound,
        &format!(
            "Unknown endpoint: {} {}",
            request.method(),
            request.uri().path()
        ),
    )
    .into_response()
}
