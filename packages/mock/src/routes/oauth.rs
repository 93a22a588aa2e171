//! The popup flow's server side: `GET /oauth/connect/{key}` (§4.1: auth, checks, OAuth session,
//! 302 to the fake provider) and `GET /oauth/callback` (§4.2: single-use state, code exchange,
//! connection upsert, WS `success`/`error` frame, then the §6 HTML page).

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use nango_core::AuthErrorKind;
use nango_core::catalogue::AuthMode;
use serde_json::{Map, Value};

use super::{AppState, OAuthSession, Principal, parse_query, query_principal};
use crate::config::IdKind;
use crate::envelope::ApiError;
use crate::fake_provider::{CodeExchange, pkce_challenge};
use crate::hmac_auth::HmacOutcome;
use crate::pages::callback_page;
use crate::routes::credentials::connection_config;
use crate::state::ConnectionRecord;
use nango_core::WsFrame;
use nango_core::messages::CallbackErrorPayload;

/// Query keys that carry a provider's error in the callback.
pub const PROVIDER_ERROR_KEYS: &[&str] = &[
    "error",
    "error_description",
    "error_reason",
    "error_uri",
    "status_code",
    "error_message",
];

const OAUTH_SESSION_TTL_MS: i64 = 60 * 60 * 1000;

/// The fake GitHub-App install page, where APP-mode `/oauth/connect` redirects.
pub const APP_INSTALL_PATH: &str = "/_mock/provider/app-install";

fn text<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// The callback page with status 400 (error) or 200.
pub(super) fn page(error: Option<CallbackErrorPayload>, status: StatusCode) -> Response {
    let mut response = (status, Html(callback_page(error.as_ref()))).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

fn error_page(message: &str) -> Response {
    page(
        Some(CallbackErrorPayload {
            message: message.to_owned(),
            error_type: AuthErrorKind::ConnectionValidationFailed,
        }),
        StatusCode::BAD_REQUEST,
    )
}

/// Publishes an `error` frame (when the client is known) and answers the 400 page.
fn ws_error(
    app: &AppState,
    ws_client_id: Option<&str>,
    key: Option<&str>,
    connection_id: Option<&str>,
    kind: AuthErrorKind,
    desc: &str,
    page_message: Option<String>,
) -> Response {
    if let Some(id) = ws_client_id {
        app.hub.publish(
            id,
            &WsFrame::Error {
                provider_config_key: key.map(Into::into),
                connection_id: connection_id.map(Into::into),
                error_type: kind,
                error_desc: desc.to_owned(),
            },
        );
    }
    error_page(&page_message.unwrap_or_else(|| desc.to_owned()))
}

/// Replaces `${connectionConfig.x}` in a template URL; the missing names on failure.
fn interpolate(template: &str, config: &Map<String, Value>) -> Result<String, Vec<String>> {
    let mut out = String::new();
    let mut missing = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("${connectionConfig.") {
        out.push_str(&rest[..start]);
        let after = &rest[start + "${connectionConfig.".len()..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &after[..end];
        match config.get(name).and_then(Value::as_str) {
            Some(v) => out.push_str(v),
            None => missing.push(name.to_owned()),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

fn is_oauth_popup_mode(mode: &AuthMode) -> bool {
    matches!(
        mode,
        AuthMode::OAuth2
            | AuthMode::OAuth1
            | AuthMode::Custom
            | AuthMode::App
            | AuthMode::McpOAuth2
            | AuthMode::McpOAuth2Generic
            | AuthMode::InstallPlugin
    )
}

/// `GET /oauth/connect/{key}`.
pub async fn connect(
    State(app): State<AppState>,
    Path(key): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = parse_query(raw.as_deref());
    // Auth failures are JSON: the SDK never hears about them (spec §0.7).
    let principal = match query_principal(&app, &query) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let session = principal.session().cloned();
    let ws_client_id = text(&query, "ws_client_id").map(str::to_owned);
    let wsid = ws_client_id.as_deref();
    let requested_id = text(&query, "connection_id").map(str::to_owned);
    if session.is_some() && requested_id.is_some() {
        return ApiError::connection_id_forbidden().into_response();
    }
    let conn = requested_id.as_deref();
    if let (Principal::PublicKey, Some(hmac_key)) = (&principal, &app.config.hmac_key) {
        let failure = match hmac_key.check(text(&query, "hmac"), &key, conn) {
            HmacOutcome::Valid => None,
            HmacOutcome::Missing => Some((AuthErrorKind::MissingHmac, "Missing HMAC digest.")),
            HmacOutcome::Invalid => Some((AuthErrorKind::InvalidHmac, "Invalid HMAC digest.")),
        };
        if let Some((kind, desc)) = failure {
            return ws_error(&app, wsid, Some(&key), conn, kind, desc, None);
        }
    }
    let Some(integration) = app.catalogue.integration(&key).cloned() else {
        return ws_error(
            &app,
            wsid,
            Some(&key),
            conn,
            AuthErrorKind::ProviderConfigErr,
            &format!("Could not find a Provider Config matching the \"{key}\" key."),
            None,
        );
    };
    let Some(provider) = app.catalogue.provider(&integration.provider).cloned() else {
        return ws_error(
            &app,
            wsid,
            Some(&key),
            conn,
            AuthErrorKind::UnknownConfigKey,
            &format!(
                "No Provider Configuration with key \"{}\".",
                integration.provider
            ),
            None,
        );
    };
    if let Some(allowed) = session
        .as_ref()
        .and_then(|s| s.allowed_integrations.as_ref())
        && !allowed.iter().any(|k| k == &key)
    {
        return ApiError::code_only(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::IntegrationNotAllowed,
        )
        .into_response();
    }
    let config = connection_config(&query, session.as_ref(), &key);
    let connection_id = match session.as_ref().and_then(|s| s.reconnect.as_ref()) {
        Some(pinned) => match app
            .store
            .connection(&pinned.provider_config_key, &pinned.connection_id)
        {
            Ok(Some(_)) if pinned.provider_config_key == key => pinned.connection_id.clone(),
            _ => {
                return ApiError::code_only(
                    StatusCode::BAD_REQUEST,
                    AuthErrorKind::InvalidConnection,
                )
                .into_response();
            }
        },
        None => requested_id
            .clone()
            .unwrap_or_else(|| app.uuid(IdKind::Connection)),
    };
    let conn = Some(connection_id.as_str());
    let mode = app
        .catalogue
        .auth_mode(&integration)
        .unwrap_or(AuthMode::OAuth2);
    let app_mode = mode == AuthMode::App;
    if !matches!(
        mode,
        AuthMode::App | AuthMode::McpOAuth2Generic | AuthMode::InstallPlugin
    ) && (integration.client_id.as_deref() == Some("")
        || integration.client_secret.as_deref() == Some(""))
    {
        return ws_error(
            &app,
            wsid,
            Some(&key),
            conn,
            AuthErrorKind::ProviderConfigErr,
            &format!("Provider Config \"{key}\" is missing client ID, secret and/or scopes."),
            None,
        );
    }
    // APP mode (GitHub-App style) goes to the app's install page; OAuth to the authorize URL.
    let template = if app_mode {
        provider
            .extra
            .get("app_link")
            .and_then(Value::as_str)
            .filter(|link| link.starts_with('/'))
            .unwrap_or(APP_INSTALL_PATH)
            .to_owned()
    } else {
        provider
            .authorization_url
            .clone()
            .unwrap_or_else(|| "/_mock/provider/authorize".to_owned())
    };
    let interpolated = match interpolate(&template, &config) {
        Ok(url) => url,
        Err(_) => {
            let provided = serde_json::to_string(&config).unwrap_or_default();
            return ws_error(
                &app,
                wsid,
                Some(&key),
                conn,
                AuthErrorKind::UrlParamErr,
                &format!(
                    "Missing Connection Config param(s) in Auth request to interpolate url {template}. Provided Connection Config: {provided}"
                ),
                None,
            );
        }
    };
    if !is_oauth_popup_mode(&mode) {
        return ws_error(
            &app,
            wsid,
            Some(&key),
            conn,
            AuthErrorKind::AuthModeErr,
            &format!("Auth mode {mode} not supported."),
            None,
        );
    }
    let base = app.public_base(&headers);
    // Scopes: the integration's, or an override (session connection_config / public-key params).
    let separator = provider
        .extra
        .get("scope_separator")
        .and_then(Value::as_str)
        .unwrap_or(" ")
        .to_owned();
    let scope = config
        .get("oauth_scopes_override")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| integration.scopes.join(&separator));
    // Authorization params: template, then the request's (or the session's), `undefined` deletes.
    let mut auth_params: Map<String, Value> = provider
        .extra
        .get("authorization_params")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let request_params = session
        .as_ref()
        .and_then(|s| s.integrations_config_defaults.as_ref())
        .and_then(|d| d.get(&key))
        .and_then(|d| d.get("authorization_params"))
        .and_then(Value::as_object)
        .cloned()
        .or_else(|| {
            query
                .get("authorization_params")
                .and_then(Value::as_object)
                .cloned()
        })
        .unwrap_or_default();
    for (k, v) in request_params {
        if v.as_str() == Some("undefined") {
            auth_params.remove(&k);
        } else {
            auth_params.insert(k, v);
        }
    }
    let state = app.uuid(IdKind::State);
    let verifier = format!("{}{}", app.ids.opaque("v-"), app.ids.opaque(""));
    let redirect_uri = format!("{base}/oauth/callback");
    let authorize = if interpolated.starts_with('/') {
        format!("{base}{interpolated}")
    } else if app_mode {
        format!("{base}{APP_INSTALL_PATH}")
    } else {
        // Real providers from providers.yaml are served by the fake provider too (offline).
        format!("{base}/_mock/provider/authorize")
    };
    let Ok(mut url) = url::Url::parse(&authorize) else {
        return ws_error(
            &app,
            wsid,
            Some(&key),
            conn,
            AuthErrorKind::UnknownErr,
            "Unknown error during the Oauth flow. Invalid authorization URL",
            None,
        );
    };
    if app_mode {
        // APP: `{app link}?state={state}`; the install page sends `installation_id` back.
        url.query_pairs_mut().append_pair("state", &state);
    } else {
        let mut pairs = url.query_pairs_mut();
        pairs.append_pair("response_type", "code");
        pairs.append_pair("client_id", &integration.oauth_client_id());
        pairs.append_pair("redirect_uri", &redirect_uri);
        if !scope.is_empty() {
            pairs.append_pair("scope", &scope);
        }
        pairs.append_pair("state", &state);
        pairs.append_pair("code_challenge", &pkce_challenge(&verifier));
        pairs.append_pair("code_challenge_method", "S256");
        for (k, v) in &auth_params {
            if let Some(v) = v.as_str() {
                pairs.append_pair(k, v);
            }
        }
    }
    let now = app.now_ms();
    if let Ok(mut sessions) = app.oauth_sessions.lock() {
        sessions.retain(|_, s| now - s.created_at_ms < OAUTH_SESSION_TTL_MS);
        sessions.insert(
            state.clone(),
            OAuthSession {
                provider_config_key: key.clone(),
                provider: integration.provider.clone(),
                connection_id,
                ws_client_id,
                code_verifier: verifier,
                redirect_uri,
                connection_config: config,
                session,
                created_at_ms: now,
            },
        );
    }
    let mut response = super::found(url.as_str());
    let secure = base.starts_with("https://");
    let cookie = format!(
        "oauth2-{state}=1; Path=/; Max-Age=3600; HttpOnly; {}",
        if secure {
            "SameSite=None; Secure"
        } else {
            "SameSite=Lax"
        }
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// `GET /oauth/callback`.
pub async fn callback(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = parse_query(raw.as_deref());
    let mut provider_errors = Map::new();
    for name in PROVIDER_ERROR_KEYS {
        if let Some(v) = text(&query, name) {
            provider_errors.insert((*name).to_owned(), Value::String(v.to_owned()));
        }
    }
    let provider_json = (!provider_errors.is_empty())
        .then(|| serde_json::to_string(&provider_errors).unwrap_or_default());
    let state = text(&query, "state")
        .or_else(|| text(&query, "payload"))
        .or_else(|| text(&query, "customField"))
        .map(str::to_owned);
    let Some(state) = state else {
        if text(&query, "installation_id").is_some() && text(&query, "setup_action").is_some() {
            let target = headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("https://github.com")
                .to_owned();
            return super::found(&target);
        }
        return error_page(
            provider_json
                .as_deref()
                .unwrap_or("No state found in callback"),
        );
    };
    let flow = app
        .oauth_sessions
        .lock()
        .ok()
        .and_then(|mut sessions| sessions.remove(&state));
    let Some(flow) = flow else {
        let message = format!("No session found for state: \"{state}\"");
        return error_page(provider_json.as_deref().unwrap_or(&message));
    };
    let wsid = flow.ws_client_id.as_deref();
    let key = flow.provider_config_key.as_str();
    let conn = flow.connection_id.as_str();
    let Some(code) = text(&query, "code") else {
        let mut desc = "Did not get authorization code in the callback.".to_owned();
        if !provider_errors.is_empty() {
            let parts: Vec<String> = provider_errors
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or_default()))
                .collect();
            desc.push_str(&format!(" Provider error: {}", parts.join("; ")));
        }
        return ws_error(
            &app,
            wsid,
            Some(key),
            Some(conn),
            AuthErrorKind::CallbackErr,
            &desc,
            provider_json,
        );
    };
    if let Some(kind) = app.config.hooks.force_ws_error.clone() {
        return ws_error(
            &app,
            wsid,
            Some(key),
            Some(conn),
            kind,
            "Forced error (nango-mock test hook).",
            None,
        );
    }
    let Some(integration) = app.catalogue.integration(key).cloned() else {
        return ws_error(
            &app,
            wsid,
            Some(key),
            Some(conn),
            AuthErrorKind::ProviderConfigErr,
            &format!("Could not find a Provider Config matching the \"{key}\" key."),
            None,
        );
    };
    let exchange = CodeExchange {
        code: code.to_owned(),
        client_id: integration.oauth_client_id(),
        client_secret: integration.oauth_client_secret(),
        redirect_uri: flow.redirect_uri.clone(),
        code_verifier: Some(flow.code_verifier.clone()),
    };
    let tokens = match app.provider.exchange(
        &exchange,
        Some(&integration.oauth_client_secret()),
        app.now_ms(),
        app.ids.opaque("mock-access-"),
        app.ids.opaque("mock-refresh-"),
    ) {
        Ok(tokens) => tokens,
        Err(_) => {
            return ws_error(
                &app,
                wsid,
                Some(key),
                Some(conn),
                AuthErrorKind::TokenErr,
                "Error storing/retrieving the token.",
                None,
            );
        }
    };
    let now = app.now_ms();
    let raw_tokens = serde_json::to_value(&tokens).unwrap_or(Value::Null);
    let credentials = serde_json::json!({
        "type": "OAUTH2",
        "access_token": tokens.access_token,
        "refresh_token": tokens.refresh_token,
        "expires_at": super::iso_ms(now.saturating_add(3_600_000)),
        "raw": raw_tokens,
    });
    let record = ConnectionRecord::created(
        flow.session.as_ref(),
        conn.to_owned(),
        key.to_owned(),
        flow.provider.clone(),
        flow.connection_config.clone(),
        credentials,
        now,
    );
    if app.store.upsert_connection(record).is_err() {
        return ws_error(
            &app,
            wsid,
            Some(key),
            Some(conn),
            AuthErrorKind::TokenErr,
            "Error storing/retrieving the token.",
            None,
        );
    }
    if let Some(id) = wsid {
        app.hub.publish(
            id,
            &WsFrame::Success {
                provider_config_key: key.into(),
                connection_id: conn.into(),
                is_pending: app.config.hooks.force_pending,
            },
        );
    }
    // A success can still carry provider error params: the page then shows the error UI (200).
    let shown = provider_json.map(|message| CallbackErrorPayload {
        message,
        error_type: AuthErrorKind::ConnectionValidationFailed,
    });
    page(shown, StatusCode::OK)
}
