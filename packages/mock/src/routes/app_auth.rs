//! `GET /app-auth/connect` (§4.3): the return leg of a GitHub-App style APP install. Reads
//! `installation_id`, `state` and `setup_action`, stores the connection under the OAuth
//! session's id, publishes WS `success` and answers the §6 page.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nango_core::catalogue::AuthMode;
use nango_core::{AuthErrorKind, WsFrame};
use serde_json::{Map, Value};

use super::{AppState, parse_query};
use crate::envelope::ApiError;
use crate::state::ConnectionRecord;

fn text<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// A status with only its reason phrase as body (what Express's `sendStatus` answers).
fn bare(status: StatusCode) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        status.canonical_reason().unwrap_or_default(),
    )
        .into_response()
}

/// `GET /app-auth/connect`.
pub async fn connect(
    State(app): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = parse_query(raw.as_deref());
    let setup_action = text(&query, "setup_action");
    let Some(state) = text(&query, "state") else {
        if matches!(setup_action, Some("install" | "update")) {
            let target = headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("https://github.com")
                .to_owned();
            return super::found(&target);
        }
        return bare(StatusCode::BAD_REQUEST);
    };
    // States are single use, whatever the outcome.
    let flow = app
        .oauth_sessions
        .lock()
        .ok()
        .and_then(|mut sessions| sessions.remove(state));
    let Some(flow) = flow else {
        return bare(StatusCode::NOT_FOUND);
    };
    let key = flow.provider_config_key.as_str();
    let mode = app
        .catalogue
        .integration(key)
        .and_then(|integration| app.catalogue.auth_mode(integration));
    if mode != Some(AuthMode::App) {
        return ApiError::code_only(StatusCode::BAD_REQUEST, AuthErrorKind::InvalidAuthMode)
            .into_response();
    }
    if setup_action == Some("request") {
        return ApiError::code_only(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::Other("wrong_auth_mode".to_owned()),
        )
        .into_response();
    }
    let Some(installation_id) = text(&query, "installation_id") else {
        return bare(StatusCode::BAD_REQUEST);
    };
    let now = app.now_ms();
    let mut connection_config = flow.connection_config.clone();
    connection_config.insert(
        "installation_id".to_owned(),
        Value::String(installation_id.to_owned()),
    );
    let access_token = app.ids.opaque("mock-app-");
    let expires_at = super::iso_ms(now.saturating_add(3_600_000));
    let credentials = serde_json::json!({
        "type": "APP",
        "access_token": access_token,
        "expires_at": expires_at,
        "raw": {"token": access_token, "expires_at": expires_at},
    });
    let record = ConnectionRecord::created(
        flow.session.as_ref(),
        flow.connection_id.clone(),
        key.to_owned(),
        flow.provider.clone(),
        connection_config,
        credentials,
        now,
    );
    if app.store.upsert_connection(record).is_err() {
        return ApiError::code_message(
            StatusCode::INTERNAL_SERVER_ERROR,
            AuthErrorKind::ServerError,
            "failed to create connection",
        )
        .into_response();
    }
    if let Some(id) = flow.ws_client_id.as_deref() {
        app.hub.publish(
            id,
            &WsFrame::Success {
                provider_config_key: key.into(),
                connection_id: flow.connection_id.as_str().into(),
                is_pending: false,
            },
        );
    }
    super::oauth::page(None, StatusCode::OK)
}
