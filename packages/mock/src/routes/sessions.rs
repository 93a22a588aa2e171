//! Connect sessions: `POST /connect/sessions`, `POST /connect/sessions/reconnect` (secret key),
//! `GET` and `DELETE /connect/session` (session token), per §10.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use nango_core::AuthErrorKind;
use serde_json::{Map, Value};

use super::{
    AppState, LimitedBody, iso_ms, parse_json, require_empty_query, require_secret, require_session,
};
use crate::envelope::{ApiError, Issue, json_response};
use crate::state::{PinnedConnection, SessionRecord};
use crate::validation::{Checker, is_email};
use crate::wire::Data;
use nango_core::ConnectSessionToken;
use nango_core::session::{
    ConnectSession, ConnectSessionCreated, ConnectUiSettings, EndUser, IntegrationDefaults,
    IntegrationOverrides, Organization,
};

/// The parts of a session body shared by both creation endpoints, validated.
struct SessionFields {
    end_user: Option<EndUser>,
    integrations_config_defaults: Option<Map<String, Value>>,
    overrides: Option<Map<String, Value>>,
    webhook_url_override: Option<String>,
    tags: Option<Map<String, Value>>,
}

fn check_end_user(c: &mut Checker, value: &Value) -> Option<EndUser> {
    let map = c.object(Some(value), &["end_user"])?;
    c.strict(map, &["id", "email", "display_name", "tags"], &["end_user"]);
    let id = c.string(map, "id", 1, 255, true, &["end_user"]);
    let email = c.string(map, "email", 5, 255, false, &["end_user"]);
    if let Some(e) = email
        && !is_email(e)
    {
        c.issues.push(Issue::new(
            "invalid_format",
            "Invalid email address",
            &["end_user", "email"],
        ));
    }
    let display_name = c.string(map, "display_name", 0, 255, false, &["end_user"]);
    c.string_record(map, "tags", &["end_user"]);
    Some(EndUser {
        id: id?.to_owned(),
        display_name: display_name.map(str::to_owned),
        email: email.map(str::to_owned),
        tags: map.get("tags").and_then(Value::as_object).map(|tags| {
            tags.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
                .collect()
        }),
        organization: None,
    })
}

fn check_organization(c: &mut Checker, value: &Value) -> Option<Organization> {
    let map = c.object(Some(value), &["organization"])?;
    c.strict(map, &["id", "display_name"], &["organization"]);
    let id = c.string(map, "id", 0, 255, true, &["organization"]);
    let display_name = c.string(map, "display_name", 0, 255, false, &["organization"]);
    Some(Organization {
        id: id?.to_owned(),
        display_name: display_name.map(str::to_owned),
    })
}

fn check_tags(c: &mut Checker, value: &Value) -> Option<Map<String, Value>> {
    let map = c.object(Some(value), &["tags"])?;
    if map.len() > 10 {
        c.custom("Too many tags (max 10)", &["tags"]);
    }
    let mut out = Map::new();
    for (key, v) in map {
        let valid_key = key.len() <= 64
            && key
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_alphabetic())
            && key
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-' | '.' | '/'));
        if !valid_key {
            c.custom("Invalid tag key", &["tags", key]);
            continue;
        }
        match v {
            Value::String(s) if !s.is_empty() && s.chars().count() <= 255 => {
                let lower = key.to_ascii_lowercase();
                if lower == "end_user_email" && !is_email(s) {
                    c.issues.push(Issue::new(
                        "invalid_format",
                        "Invalid email address",
                        &["tags", key],
                    ));
                }
                out.insert(lower, Value::String(s.to_owned()));
            }
            other => c.invalid_type("string", Some(other), &["tags", key]),
        }
    }
    Some(out)
}

fn check_defaults(app: &AppState, c: &mut Checker, value: &Value) -> Option<Map<String, Value>> {
    let map = c.object(Some(value), &["integrations_config_defaults"])?;
    for (key, entry) in map {
        if app.catalogue.integration(key).is_none() {
            c.custom(
                "Integration does not exist",
                &["integrations_config_defaults", key],
            );
        }
        let path = ["integrations_config_defaults", key.as_str()];
        let Some(inner) = c.object(Some(entry), &path) else {
            continue;
        };
        c.strict(
            inner,
            &["user_scopes", "authorization_params", "connection_config"],
            &path,
        );
        c.string(inner, "user_scopes", 0, usize::MAX, false, &path);
        c.string_record(inner, "authorization_params", &path);
        if let Some(cc) = inner.get("connection_config") {
            let mut cc_path = path.to_vec();
            cc_path.push("connection_config");
            c.object(Some(cc), &cc_path);
        }
    }
    Some(map.clone())
}

fn check_overrides(app: &AppState, c: &mut Checker, value: &Value) -> Option<Map<String, Value>> {
    let map = c.object(Some(value), &["overrides"])?;
    for (key, entry) in map {
        if app.catalogue.integration(key).is_none() {
            c.custom("Integration does not exist", &["overrides", key]);
        }
        let path = ["overrides", key.as_str()];
        if let Some(inner) = c.object(Some(entry), &path) {
            c.strict(inner, &["docs_connect"], &path);
            c.string(inner, "docs_connect", 0, usize::MAX, false, &path);
        }
    }
    Some(map.clone())
}

fn check_common(
    app: &AppState,
    c: &mut Checker,
    body: &Map<String, Value>,
    end_user_required: bool,
) -> SessionFields {
    let tags = body.get("tags").and_then(|t| check_tags(c, t));
    let mut end_user = match body.get("end_user") {
        Some(v) => check_end_user(c, v),
        None if end_user_required && !body.contains_key("tags") => {
            c.invalid_type("object", None, &["end_user"]);
            None
        }
        None => None,
    };
    if let Some(org) = body
        .get("organization")
        .and_then(|o| check_organization(c, o))
        && let Some(user) = end_user.as_mut()
    {
        user.organization = Some(org);
    }
    let integrations_config_defaults = body
        .get("integrations_config_defaults")
        .and_then(|v| check_defaults(app, c, v));
    let overrides = body
        .get("overrides")
        .and_then(|v| check_overrides(app, c, v));
    let webhook_url_override = match body.get("webhook_url_override") {
        None => None,
        Some(Value::String(s)) => {
            if !s.is_empty() && (url::Url::parse(s).is_err() || s.contains("nango.dev")) {
                c.custom("Invalid webhook URL", &["webhook_url_override"]);
            }
            Some(s.clone())
        }
        other => {
            c.invalid_type("string", other, &["webhook_url_override"]);
            None
        }
    };
    SessionFields {
        end_user,
        integrations_config_defaults,
        overrides,
        webhook_url_override,
        tags,
    }
}

fn session_tags(fields: &SessionFields) -> Option<Map<String, Value>> {
    let mut tags = Map::new();
    if let Some(user) = &fields.end_user {
        tags.insert("end_user_id".into(), Value::String(user.id.clone()));
        if let Some(email) = &user.email {
            tags.insert("end_user_email".into(), Value::String(email.clone()));
        }
        if let Some(name) = &user.display_name {
            tags.insert("end_user_display_name".into(), Value::String(name.clone()));
        }
        if let Some(org) = &user.organization {
            tags.insert("organization_id".into(), Value::String(org.id.clone()));
        }
    }
    if let Some(own) = &fields.tags {
        for (k, v) in own {
            tags.insert(k.clone(), v.clone());
        }
    }
    (!tags.is_empty()).then_some(tags)
}

fn body_object(bytes: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match parse_json(bytes)? {
        Some(Value::Object(map)) => Ok(map),
        other => {
            let mut c = Checker::new();
            c.invalid_type("object", other.as_ref(), &[]);
            Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues))
        }
    }
}

fn store_and_answer(app: &AppState, headers: &HeaderMap, record: SessionRecord) -> Response {
    let token = record.token.clone();
    let expires_at = iso_ms(record.expires_at_ms);
    if let Err(e) = app.store.insert_session(record) {
        return ApiError::code_message(
            StatusCode::INTERNAL_SERVER_ERROR,
            AuthErrorKind::ServerError,
            &format!("Failed to create connect session: {e}"),
        )
        .into_response();
    }
    let connect_link = app.config.connect_link(&app.public_base(headers), &token);
    let created = ConnectSessionCreated {
        connect_link,
        token: ConnectSessionToken::new(token),
        expires_at,
    };
    json_response(StatusCode::CREATED, &Data { data: created })
}

fn new_record(
    app: &AppState,
    fields: SessionFields,
    allowed: Option<Vec<String>>,
    reconnect: Option<PinnedConnection>,
) -> SessionRecord {
    let now = app.now_ms();
    let ttl = i64::try_from(app.config.session_ttl.as_millis()).unwrap_or(i64::MAX);
    let tags = session_tags(&fields);
    SessionRecord {
        token: app.ids.session_token(),
        end_user: fields.end_user,
        allowed_integrations: allowed,
        integrations_config_defaults: fields.integrations_config_defaults,
        overrides: fields.overrides,
        tags,
        webhook_url_override: fields.webhook_url_override,
        reconnect,
        created_at_ms: now,
        expires_at_ms: now.saturating_add(ttl),
    }
}

/// `POST /connect/sessions` → 201.
pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    LimitedBody(bytes): LimitedBody,
) -> Result<Response, ApiError> {
    require_secret(&app, &headers)?;
    require_empty_query(query.as_deref())?;
    let body = body_object(&bytes)?;
    let mut c = Checker::new();
    c.strict(
        &body,
        &[
            "end_user",
            "organization",
            "allowed_integrations",
            "integrations_config_defaults",
            "overrides",
            "webhook_url_override",
            "tags",
        ],
        &[],
    );
    let fields = check_common(&app, &mut c, &body, true);
    let allowed = match body.get("allowed_integrations") {
        None => None,
        Some(Value::Array(items)) => {
            let mut keys = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let index = i.to_string();
                match item.as_str() {
                    Some(key) if app.catalogue.integration(key).is_some() => {
                        keys.push(key.to_owned())
                    }
                    Some(_) => c.custom(
                        "Integration does not exist",
                        &["allowed_integrations", &index],
                    ),
                    None => c.invalid_type("string", Some(item), &["allowed_integrations", &index]),
                }
            }
            Some(keys)
        }
        other => {
            c.invalid_type("array", other, &["allowed_integrations"]);
            None
        }
    };
    if !c.ok() {
        return Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues));
    }
    if let Some(cap) = app.config.max_connections {
        let count = app
            .store
            .connection_count()
            .map_err(|e| ApiError::server_error(&e.to_string()))?;
        if count >= cap {
            return Err(ApiError::code_message(
                StatusCode::BAD_REQUEST,
                AuthErrorKind::ResourceCapped,
                "Reached maximum number of allowed connections. Upgrade your plan to get rid of connection limits.",
            ));
        }
    }
    let record = new_record(&app, fields, allowed, None);
    Ok(store_and_answer(&app, &headers, record))
}

/// `POST /connect/sessions/reconnect` → 201, pinned to an existing connection.
pub async fn create_reconnect(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    LimitedBody(bytes): LimitedBody,
) -> Result<Response, ApiError> {
    require_secret(&app, &headers)?;
    require_empty_query(query.as_deref())?;
    let body = body_object(&bytes)?;
    let mut c = Checker::new();
    c.strict(
        &body,
        &[
            "connection_id",
            "integration_id",
            "end_user",
            "organization",
            "integrations_config_defaults",
            "overrides",
            "webhook_url_override",
            "tags",
        ],
        &[],
    );
    let connection_id = c
        .string(&body, "connection_id", 1, 255, true, &[])
        .map(str::to_owned);
    let integration_id = c
        .string(&body, "integration_id", 1, 255, true, &[])
        .map(str::to_owned);
    let fields = check_common(&app, &mut c, &body, false);
    let (Some(connection_id), Some(integration_id)) = (connection_id, integration_id) else {
        return Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues));
    };
    if !c.ok() {
        return Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues));
    }
    let exists = app.catalogue.integration(&integration_id).is_some()
        && app
            .store
            .connection(&integration_id, &connection_id)
            .map_err(|e| ApiError::server_error(&e.to_string()))?
            .is_some();
    if !exists {
        return Err(ApiError::code_message(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::InvalidBody,
            "ConnectionID or IntegrationId does not exists",
        ));
    }
    let pinned = PinnedConnection {
        provider_config_key: integration_id.clone(),
        connection_id,
    };
    let record = new_record(&app, fields, Some(vec![integration_id]), Some(pinned));
    Ok(store_and_answer(&app, &headers, record))
}

/// `GET /connect/session` → 200 with the session's public view.
pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    LimitedBody(bytes): LimitedBody,
) -> Result<Response, ApiError> {
    let session = require_session(&app, &headers)?;
    require_empty_query(query.as_deref())?;
    require_empty_body(&bytes)?;
    let defaults = session
        .integrations_config_defaults
        .as_ref()
        .map(|defaults| {
            defaults
                .iter()
                .map(|(key, entry)| {
                    let mut entry: IntegrationDefaults =
                        serde_json::from_value(entry.clone()).unwrap_or_default();
                    entry.user_scopes = None;
                    (key.as_str().into(), entry)
                })
                .collect()
        });
    let overrides = session.overrides.as_ref().map(|overrides| {
        overrides
            .iter()
            .map(|(key, entry)| {
                let entry: IntegrationOverrides =
                    serde_json::from_value(entry.clone()).unwrap_or_default();
                (key.as_str().into(), entry)
            })
            .collect()
    });
    let view = ConnectSession {
        end_user: session.end_user.clone(),
        allowed_integrations: session
            .allowed_integrations
            .as_ref()
            .map(|keys| keys.iter().map(|k| k.as_str().into()).collect()),
        integrations_config_defaults: defaults,
        connect_ui_settings: ConnectUiSettings::default(),
        is_reconnecting: session.reconnect.as_ref().map(|_| true),
        overrides,
        websockets_path: (!app.config.emulate_cloud).then(|| app.config.websockets_path.clone()),
    };
    Ok(json_response(StatusCode::OK, &Data { data: view }))
}

/// `DELETE /connect/session` → 204.
pub async fn remove(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    LimitedBody(bytes): LimitedBody,
) -> Result<Response, ApiError> {
    let session = require_session(&app, &headers)?;
    require_empty_query(query.as_deref())?;
    require_empty_body(&bytes)?;
    match app.store.delete_session(&session.token) {
        Ok(_) => Ok(StatusCode::NO_CONTENT.into_response()),
        Err(_) => Err(ApiError::nango(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::ServerError,
            "Failed to delete connect session",
        )),
    }
}

/// Rejects a non-empty body (`{}` counts as empty).
pub fn require_empty_body(bytes: &[u8]) -> Result<(), ApiError> {
    match parse_json(bytes)? {
        None => Ok(()),
        Some(Value::Object(map)) if map.is_empty() => Ok(()),
        Some(Value::Object(map)) => {
            let mut c = Checker::new();
            c.strict(&map, &[], &[]);
            Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues))
        }
        Some(other) => {
            let mut c = Checker::new();
            c.invalid_type("object", Some(&other), &[]);
            Err(ApiError::zod(AuthErrorKind::InvalidBody, &c.issues))
        }
    }
}
