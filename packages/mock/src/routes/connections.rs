//! The backend read side, as `@nangohq/node` 0.71.10 calls it (secret key): `GET /connections`
//! (filters), `GET /connections/{id}?provider_config_key=…` and `DELETE` of one connection.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use nango_core::AuthErrorKind;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{AppState, iso_ms, parse_query, require_secret};
use crate::envelope::{ApiError, Issue, json_response};
use crate::state::ConnectionRecord;
use nango_core::connection::{ConnectionErrorSummary, ConnectionList, ConnectionSummary};
use nango_core::session::EndUser;

/// `ApiPublicConnectionFull`.
#[derive(Serialize)]
struct ConnectionFull {
    id: u64,
    connection_id: String,
    provider_config_key: String,
    provider: String,
    errors: Vec<ConnectionErrorSummary>,
    end_user: Option<EndUser>,
    metadata: Option<Value>,
    tags: Map<String, Value>,
    connection_config: Map<String, Value>,
    created_at: String,
    updated_at: String,
    last_fetched_at: Option<String>,
    credentials: Value,
}

fn query_text<'q>(query: &'q Map<String, Value>, key: &str) -> Option<&'q str> {
    query
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn matches(record: &ConnectionRecord, query: &Map<String, Value>) -> bool {
    if let Some(id) = query_text(query, "connectionId")
        && record.connection_id != id
    {
        return false;
    }
    if let Some(search) = query_text(query, "search")
        && !record.connection_id.contains(search)
    {
        return false;
    }
    if let Some(user) = query_text(query, "endUserId")
        && record.end_user.as_ref().is_none_or(|u| u.id != user)
    {
        return false;
    }
    if let Some(org) = query_text(query, "endUserOrganizationId")
        && record
            .end_user
            .as_ref()
            .and_then(|u| u.organization.as_ref())
            .is_none_or(|o| o.id != org)
    {
        return false;
    }
    if let Some(keys) = query_text(query, "integrationId")
        && !keys.split(',').any(|k| k == record.provider_config_key)
    {
        return false;
    }
    if let Some(Value::Object(tags)) = query.get("tags") {
        for (k, v) in tags {
            if record.tags.get(k) != Some(v) {
                return false;
            }
        }
    }
    true
}

/// `GET /connections` → `{connections:[…]}`, newest first.
pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    require_secret(&app, &headers)?;
    let query = parse_query(raw.as_deref());
    let limit = match query_text(&query, "limit") {
        None => 1000,
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|l| (1..=10_000).contains(l))
            .ok_or_else(|| {
                ApiError::zod(
                    AuthErrorKind::InvalidQueryParams,
                    &[Issue::new(
                        "invalid_type",
                        "Invalid input: expected number",
                        &["limit"],
                    )],
                )
            })?,
    };
    let page = match query_text(&query, "page") {
        None => 0,
        Some(p) => p.parse::<usize>().map_err(|_| {
            ApiError::zod(
                AuthErrorKind::InvalidQueryParams,
                &[Issue::new(
                    "invalid_type",
                    "Invalid input: expected number",
                    &["page"],
                )],
            )
        })?,
    };
    let mut all = app
        .store
        .connections()
        .map_err(|e| ApiError::server_error(&e.to_string()))?;
    all.reverse();
    let connections = all
        .into_iter()
        .filter(|c| matches(c, &query))
        .skip(page.saturating_mul(limit))
        .take(limit)
        .map(|c| ConnectionSummary {
            id: c.id,
            created: iso_ms(c.created_at_ms),
            connection_id: c.connection_id.into(),
            provider_config_key: c.provider_config_key.into(),
            provider: c.provider,
            errors: Vec::new(),
            end_user: c.end_user,
            metadata: None,
            tags: c.tags,
        })
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &ConnectionList { connections },
    ))
}

fn lookup(
    app: &AppState,
    connection_id: &str,
    raw: Option<&str>,
) -> Result<ConnectionRecord, ApiError> {
    let query = parse_query(raw);
    let Some(key) = query_text(&query, "provider_config_key") else {
        return Err(ApiError::zod(
            AuthErrorKind::InvalidQueryParams,
            &[Issue::new(
                "invalid_type",
                "Invalid input: expected string, received undefined",
                &["provider_config_key"],
            )],
        ));
    };
    if app.catalogue.integration(key).is_none() {
        return Err(ApiError::code_message(
            StatusCode::NOT_FOUND,
            AuthErrorKind::UnknownProviderConfig,
            "Provider config not found",
        ));
    }
    app.store
        .connection(key, connection_id)
        .map_err(|e| ApiError::server_error(&e.to_string()))?
        .ok_or_else(|| {
            ApiError::code_message(
                StatusCode::NOT_FOUND,
                AuthErrorKind::NotFound,
                "No connection found",
            )
        })
}

/// `GET /connections/{connection_id}?provider_config_key=…` → the full connection.
pub async fn read(
    State(app): State<AppState>,
    Path(connection_id): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    require_secret(&app, &headers)?;
    let c = lookup(&app, &connection_id, raw.as_deref())?;
    let full = ConnectionFull {
        id: c.id,
        created_at: iso_ms(c.created_at_ms),
        updated_at: iso_ms(c.updated_at_ms),
        last_fetched_at: Some(iso_ms(app.now_ms())),
        connection_id: c.connection_id,
        provider_config_key: c.provider_config_key,
        provider: c.provider,
        errors: Vec::new(),
        end_user: c.end_user,
        metadata: None,
        tags: c.tags,
        connection_config: c.connection_config,
        credentials: c.credentials,
    };
    Ok(json_response(StatusCode::OK, &full))
}

/// `DELETE /connections/{connection_id}?provider_config_key=…` → `{success:true}`.
pub async fn remove(
    State(app): State<AppState>,
    Path(connection_id): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    require_secret(&app, &headers)?;
    let c = lookup(&app, &connection_id, raw.as_deref())?;
    app.store
        .delete_connection(&c.provider_config_key, &c.connection_id)
        .map_err(|e| ApiError::server_error(&e.to_string()))?;
    Ok(json_response(
        StatusCode::OK,
        &serde_json::json!({"success": true}),
    ))
}
