//! The non-popup credential endpoints (§5.4–5.5): API key, basic, TBA, JWT, Bill, two-step,
//! signature, AWS SigV4, unauthenticated, outbound and OAuth2 client credentials, with the
//! spec's validation order, codes and envelopes, and the sandbox credential test.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use nango_core::AuthErrorKind;
use nango_core::catalogue::AuthMode;
use serde_json::{Map, Value};

use super::{AppState, LimitedBody, Principal, parse_json, parse_query, query_principal};
use crate::config::IdKind;
use crate::envelope::{ApiError, Issue, json_response};
use crate::hmac_auth::HmacOutcome;
use crate::state::{ConnectionRecord, SessionRecord};
use crate::validation::{Checker, is_connection_id, is_provider_config_key, is_uuid_v4};
use crate::wire::{CredentialConnected, CredentialConnectedReversed};

/// The prefix that makes the sandbox credential test fail.
pub const SANDBOX_INVALID_PREFIX: &str = "invalid";

/// Which credential endpoint is being served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `/api-auth/api-key/:key`
    ApiKey,
    /// `/api-auth/basic/:key`
    Basic,
    /// `/auth/tba/:key`
    Tba,
    /// `/auth/jwt/:key`
    Jwt,
    /// `/auth/bill/:key`
    Bill,
    /// `/auth/two-step/:key`
    TwoStep,
    /// `/auth/signature/:key`
    Signature,
    /// `/auth/aws-sigv4/:key`
    AwsSigv4,
    /// `/auth/unauthenticated/:key`
    Unauthenticated,
    /// `/auth/oauth-outbound/:key`
    Outbound,
    /// `/oauth2/auth/:key`
    OAuth2Cc,
}

impl Endpoint {
    /// The auth mode the integration must have.
    pub fn required_mode(self) -> AuthMode {
        match self {
            Endpoint::ApiKey => AuthMode::ApiKey,
            Endpoint::Basic => AuthMode::Basic,
            Endpoint::Tba => AuthMode::Tba,
            Endpoint::Jwt => AuthMode::Jwt,
            Endpoint::Bill => AuthMode::Bill,
            Endpoint::TwoStep => AuthMode::TwoStep,
            Endpoint::Signature => AuthMode::Signature,
            Endpoint::AwsSigv4 => AuthMode::AwsSigv4,
            Endpoint::Unauthenticated => AuthMode::None,
            Endpoint::Outbound => AuthMode::OAuth2,
            Endpoint::OAuth2Cc => AuthMode::OAuth2Cc,
        }
    }
}

fn invalid_body(issues: &[Issue]) -> ApiError {
    ApiError::zod(AuthErrorKind::InvalidBody, issues)
}

fn body_map(c: &mut Checker, body: Option<&Value>) -> Option<Map<String, Value>> {
    c.object(body, &[]).cloned()
}

/// Step 1: the endpoint's body schema; returns the accepted body.
fn validate_body(endpoint: Endpoint, bytes: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if endpoint == Endpoint::Outbound {
        return Ok(Map::new());
    }
    let body = parse_json(bytes)?;
    let mut c = Checker::new();
    let out = match endpoint {
        Endpoint::ApiKey => body_map(&mut c, body.as_ref()).inspect(|m| {
            c.strict(m, &["apiKey"], &[]);
            c.string(m, "apiKey", 1, 1024, true, &[]);
        }),
        Endpoint::Basic => body_map(&mut c, body.as_ref()).inspect(|m| {
            c.strict(m, &["username", "password"], &[]);
            c.string(m, "username", 0, 1024, true, &[]);
            c.string(m, "password", 0, 1024, true, &[]);
        }),
        Endpoint::Tba => body_map(&mut c, body.as_ref()).inspect(|m| {
            c.strict(
                m,
                &[
                    "token_id",
                    "token_secret",
                    "oauth_client_id_override",
                    "oauth_client_secret_override",
                ],
                &[],
            );
            c.string(m, "token_id", 1, usize::MAX, true, &[]);
            c.string(m, "token_secret", 1, usize::MAX, true, &[]);
            c.string(m, "oauth_client_id_override", 0, usize::MAX, false, &[]);
            c.string(m, "oauth_client_secret_override", 0, usize::MAX, false, &[]);
        }),
        Endpoint::Jwt | Endpoint::TwoStep => body_map(&mut c, body.as_ref()),
        Endpoint::Bill => body_map(&mut c, body.as_ref()).inspect(|m| {
            c.strict(
                m,
                &["username", "password", "organization_id", "dev_key"],
                &[],
            );
            for key in ["username", "password", "organization_id", "dev_key"] {
                c.string(m, key, 1, usize::MAX, true, &[]);
            }
        }),
        Endpoint::Signature => body_map(&mut c, body.as_ref()).inspect(|m| {
            c.strict(m, &["username", "password", "type"], &[]);
            for key in ["username", "password", "type"] {
                c.string(m, key, 1, usize::MAX, true, &[]);
            }
        }),
        Endpoint::AwsSigv4 => {
            let map = body_map(&mut c, body.as_ref());
            if let Some(m) = &map {
                c.strict(m, &["role_arn", "region"], &[]);
                c.string(m, "role_arn", 1, usize::MAX, true, &[]);
                match m.get("region") {
                    None => {}
                    Some(Value::String(region)) => {
                        let valid = (1..=64).contains(&region.len())
                            && region
                                .bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                        if !valid && c.ok() {
                            return Err(ApiError::code_message(
                                StatusCode::BAD_REQUEST,
                                AuthErrorKind::InvalidBody,
                                "Invalid AWS region",
                            ));
                        }
                    }
                    other => c.invalid_type("string", other, &["region"]),
                }
            }
            map
        }
        Endpoint::Unauthenticated => match &body {
            None => Some(Map::new()),
            Some(Value::Object(m)) => {
                c.strict(m, &[], &[]);
                Some(Map::new())
            }
            other => {
                c.invalid_type("object", other.as_ref(), &[]);
                None
            }
        },
        Endpoint::OAuth2Cc => {
            let map = match body {
                Some(Value::Object(m)) => m,
                None => Map::new(),
                Some(other) => {
                    c.invalid_type("object", Some(&other), &[]);
                    return Err(invalid_body(&c.issues));
                }
            };
            let text = |k: &str| map.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
            if text("client_id").is_none() {
                return Err(ApiError::nango(
                    StatusCode::BAD_REQUEST,
                    AuthErrorKind::MissingClientId,
                    "Missing param 'oauth_client_id'.",
                ));
            }
            if text("client_secret").is_none() && text("client_private_key").is_none() {
                return Err(ApiError::nango(
                    StatusCode::BAD_REQUEST,
                    AuthErrorKind::MissingClientSecret,
                    "Missing param 'oauth_client_secret'.",
                ));
            }
            Some(map)
        }
        Endpoint::Outbound => Some(Map::new()),
    };
    match out {
        Some(map) if c.ok() => Ok(map),
        _ => Err(invalid_body(&c.issues)),
    }
}

/// Step 2: the query schema.
fn validate_query(query: &Map<String, Value>) -> Result<(), ApiError> {
    let mut c = Checker::new();
    match query.get("connection_id") {
        None => {}
        Some(Value::String(id)) if is_connection_id(id) => {}
        Some(Value::String(_)) => c.issues.push(Issue::new(
            "invalid_format",
            "Invalid connection id",
            &["connection_id"],
        )),
        other => c.invalid_type("string", other, &["connection_id"]),
    }
    match query.get("params") {
        None | Some(Value::Object(_)) => {}
        other => c.invalid_type("object", other, &["params"]),
    }
    match query.get("user_scope") {
        None | Some(Value::String(_)) => {}
        other => c.invalid_type("string", other, &["user_scope"]),
    }
    if c.ok() {
        Ok(())
    } else {
        Err(ApiError::zod(AuthErrorKind::InvalidQueryParams, &c.issues))
    }
}

/// The connection configuration: string `params[*]` (minus `webhook_url`), with the session's
/// defaults merged over them.
pub fn connection_config(
    query: &Map<String, Value>,
    session: Option<&SessionRecord>,
    key: &str,
) -> Map<String, Value> {
    let mut config = Map::new();
    if let Some(Value::Object(params)) = query.get("params") {
        for (k, v) in params {
            if k != "webhook_url" && v.is_string() {
                config.insert(k.clone(), v.clone());
            }
        }
    }
    if let Some(defaults) = session
        .and_then(|s| s.integrations_config_defaults.as_ref())
        .and_then(|d| d.get(key))
        .and_then(|d| d.get("connection_config"))
        .and_then(Value::as_object)
    {
        for (k, v) in defaults {
            config.insert(k.clone(), v.clone());
        }
    }
    config
}

/// True when the sandbox rule fails these credentials: a string value starting with `invalid`.
pub fn sandbox_rejects(body: &Map<String, Value>) -> bool {
    body.iter().any(|(k, v)| {
        k != "type"
            && v.as_str()
                .is_some_and(|s| s.starts_with(SANDBOX_INVALID_PREFIX))
    })
}

fn test_failure(endpoint: Endpoint) -> Response {
    const INVALID: &str = "The given credentials were found to be invalid. Please check the credentials and try again.";
    match endpoint {
        // QUIRK (kept): a failed TBA test answers 200 with an error body.
        Endpoint::Tba => json_response(
            StatusCode::OK,
            &serde_json::json!({"error": {"code": "invalid_credentials", "message": "The provided credentials did not succeed in a test API call"}}),
        ),
        Endpoint::ApiKey | Endpoint::Basic | Endpoint::AwsSigv4 => ApiError::code_message(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::ConnectionTestFailed,
            INVALID,
        )
        .into_response(),
        Endpoint::TwoStep => ApiError::nango(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::TwoStepCredentialsFetchError,
            "Error fetching Two Step credentials: the sandbox rejected the credentials",
        )
        .into_response(),
        Endpoint::OAuth2Cc => ApiError::nango(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::ClientCredentialsFetchError,
            "Error fetching client credentials: the sandbox rejected the credentials",
        )
        .into_response(),
        // Bill and Signature send no response at all on a failed login in Nango (QUIRK); the
        // mock answers the NangoError envelope instead so clients never hang.
        Endpoint::Jwt | Endpoint::Bill | Endpoint::Signature => ApiError::nango(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::ConnectionTestFailed,
            INVALID,
        )
        .into_response(),
        Endpoint::Unauthenticated | Endpoint::Outbound => StatusCode::OK.into_response(),
    }
}

fn stored_credentials(
    app: &AppState,
    endpoint: Endpoint,
    body: &Map<String, Value>,
    config: &mut Map<String, Value>,
) -> Value {
    let mut creds = Map::new();
    creds.insert(
        "type".into(),
        Value::String(endpoint.required_mode().as_str().to_owned()),
    );
    for (k, v) in body {
        if k != "type" {
            creds.insert(k.clone(), v.clone());
        }
    }
    let expires = super::iso_ms(app.now_ms().saturating_add(3_600_000));
    match endpoint {
        Endpoint::OAuth2Cc => {
            creds.insert("token".into(), Value::String(app.ids.opaque("mock-cc-")));
            creds.insert("expires_at".into(), Value::String(expires));
        }
        Endpoint::TwoStep | Endpoint::Signature => {
            creds.insert("token".into(), Value::String(app.ids.opaque("mock-token-")));
            creds.insert("expires_at".into(), Value::String(expires));
        }
        Endpoint::Bill => {
            creds.insert(
                "session_id".into(),
                Value::String(app.ids.opaque("mock-bill-")),
            );
        }
        Endpoint::AwsSigv4 => {
            let external = config
                .get("external_id")
                .and_then(Value::as_str)
                .filter(|s| is_uuid_v4(s))
                .map(str::to_owned)
                .unwrap_or_else(|| app.uuid(IdKind::Connection));
            config.insert("external_id".into(), Value::String(external));
        }
        _ => {}
    }
    Value::Object(creds)
}

async fn handle(
    app: AppState,
    endpoint: Endpoint,
    key: String,
    raw_query: Option<String>,
    bytes: &[u8],
) -> Result<Response, ApiError> {
    let cc = endpoint == Endpoint::OAuth2Cc;
    let query = parse_query(raw_query.as_deref());
    let principal = query_principal(&app, &query)?;
    let body = validate_body(endpoint, bytes)?;
    validate_query(&query)?;
    if !is_provider_config_key(&key) {
        return Err(ApiError::zod(
            AuthErrorKind::InvalidUriParams,
            &[Issue::new(
                "invalid_format",
                "Invalid provider config key",
                &["providerConfigKey"],
            )],
        ));
    }
    let session = principal.session().cloned();
    let requested_id = query
        .get("connection_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if session.is_some() && requested_id.is_some() {
        return Err(ApiError::connection_id_forbidden());
    }
    // The digest covers the *received* connection id only (Nango's QUIRK of hashing a freshly
    // generated id is not reproduced: it would make HMAC unusable without `connection_id`).
    if let (Principal::PublicKey, Some(hmac_key)) = (&principal, &app.config.hmac_key) {
        let received = query.get("hmac").and_then(Value::as_str);
        match hmac_key.check(received, &key, requested_id.as_deref()) {
            HmacOutcome::Valid => {}
            HmacOutcome::Missing => {
                return Err(ApiError::code_message(
                    StatusCode::BAD_REQUEST,
                    AuthErrorKind::MissingHmac,
                    "Missing param 'hmac'.",
                ));
            }
            HmacOutcome::Invalid => {
                return Err(ApiError::code_message(
                    StatusCode::BAD_REQUEST,
                    AuthErrorKind::InvalidHmac,
                    "Invalid HMAC signature.",
                ));
            }
        }
    }
    let Some(integration) = app.catalogue.integration(&key).cloned() else {
        return Err(if cc {
            ApiError::nango(
                StatusCode::BAD_REQUEST,
                AuthErrorKind::UnknownProviderConfig,
                "There is no Provider Configuration matching this key. Please make sure this value exists in the Nango dashboard {}",
            )
        } else {
            ApiError::code_only(StatusCode::NOT_FOUND, AuthErrorKind::UnknownProviderConfig)
        });
    };
    if app.catalogue.provider(&integration.provider).is_none() {
        return Err(ApiError::code_only(
            StatusCode::NOT_FOUND,
            AuthErrorKind::UnknownProviderTemplate,
        ));
    }
    if app.catalogue.auth_mode(&integration) != Some(endpoint.required_mode()) {
        return Err(if cc {
            ApiError::nango(
                StatusCode::BAD_REQUEST,
                AuthErrorKind::InvalidAuthMode,
                "Invalid auth mode. The provider does not support this auth mode.",
            )
        } else {
            ApiError::code_only(StatusCode::BAD_REQUEST, AuthErrorKind::InvalidAuthMode)
        });
    }
    if let Some(allowed) = session
        .as_ref()
        .and_then(|s| s.allowed_integrations.as_ref())
        && !allowed.iter().any(|k| k == &key)
    {
        return Err(ApiError::code_only(
            StatusCode::BAD_REQUEST,
            AuthErrorKind::IntegrationNotAllowed,
        ));
    }
    let connection_id = match session.as_ref().and_then(|s| s.reconnect.as_ref()) {
        Some(pinned) => {
            let exists = app
                .store
                .connection(&pinned.provider_config_key, &pinned.connection_id)
                .map_err(|e| ApiError::server_error(&e.to_string()))?
                .is_some();
            if !exists || pinned.provider_config_key != key {
                return Err(ApiError::code_only(
                    StatusCode::BAD_REQUEST,
                    AuthErrorKind::InvalidConnection,
                ));
            }
            pinned.connection_id.clone()
        }
        None => requested_id.unwrap_or_else(|| app.uuid(IdKind::Connection)),
    };
    if integration.credential_test && sandbox_rejects(&body) {
        return Ok(test_failure(endpoint));
    }
    let mut config = connection_config(&query, session.as_ref(), &key);
    let credentials = stored_credentials(&app, endpoint, &body, &mut config);
    let now = app.now_ms();
    let record = ConnectionRecord {
        pending: endpoint == Endpoint::Outbound,
        ..ConnectionRecord::created(
            session.as_ref(),
            connection_id.clone(),
            key.clone(),
            integration.provider.clone(),
            config,
            credentials,
            now,
        )
    };
    if let Err(_e) = app.store.upsert_connection(record) {
        return Err(ApiError::code_message(
            StatusCode::INTERNAL_SERVER_ERROR,
            AuthErrorKind::ServerError,
            "failed to create connection",
        ));
    }
    Ok(if cc {
        json_response(
            StatusCode::OK,
            &CredentialConnectedReversed {
                provider_config_key: key,
                connection_id,
            },
        )
    } else {
        json_response(
            StatusCode::OK,
            &CredentialConnected {
                connection_id,
                provider_config_key: key,
            },
        )
    })
}

macro_rules! endpoint_handler {
    ($(#[$doc:meta])* $name:ident, $endpoint:expr) => {
        $(#[$doc])*
        pub async fn $name(
            State(app): State<AppState>,
            Path(key): Path<String>,
            RawQuery(query): RawQuery,
            _headers: HeaderMap,
            LimitedBody(bytes): LimitedBody,
        ) -> Response {
            match handle(app, $endpoint, key, query, &bytes).await {
                Ok(response) => response,
                Err(error) => error.into_response(),
            }
        }
    };
}

endpoint_handler!(
    /// `POST /api-auth/api-key/{key}`.
    api_key,
    Endpoint::ApiKey
);
endpoint_handler!(
    /// `POST /api-auth/basic/{key}`.
    basic,
    Endpoint::Basic
);
endpoint_handler!(
    /// `POST /auth/tba/{key}`.
    tba,
    Endpoint::Tba
);
endpoint_handler!(
    /// `POST /auth/jwt/{key}`.
    jwt,
    Endpoint::Jwt
);
endpoint_handler!(
    /// `POST /auth/bill/{key}`.
    bill,
    Endpoint::Bill
);
endpoint_handler!(
    /// `POST /auth/two-step/{key}`.
    two_step,
    Endpoint::TwoStep
);
endpoint_handler!(
    /// `POST /auth/signature/{key}`.
    signature,
    Endpoint::Signature
);
endpoint_handler!(
    /// `POST /auth/aws-sigv4/{key}`.
    aws_sigv4,
    Endpoint::AwsSigv4
);
endpoint_handler!(
    /// `POST /auth/unauthenticated/{key}`.
    unauthenticated,
    Endpoint::Unauthenticated
);
endpoint_handler!(
    /// `POST /auth/oauth-outbound/{key}`.
    oauth_outbound,
    Endpoint::Outbound
);
endpoint_handler!(
    /// `POST /oauth2/auth/{key}` (OAuth2 client credentials).
    oauth2_cc,
    Endpoint::OAuth2Cc
);
