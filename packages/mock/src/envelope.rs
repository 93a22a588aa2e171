//! Error envelopes in the exact shapes Nango sends: `{error:{code}}`, `{error:{code,message}}`,
//! NangoError `{error:{message,code,payload:{}}}` and zod-style `{error:{code,errors:[…]}}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use nango_core::AuthErrorKind;
use serde::Serialize;

/// One zod-style validation issue (`path` elements are strings).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Issue {
    /// Issue code (`invalid_type`, `custom`, `unrecognized_keys`, `too_small`, …).
    pub code: String,
    /// Human message.
    pub message: String,
    /// Where in the input.
    pub path: Vec<String>,
}

impl Issue {
    /// An issue at `path`.
    pub fn new(code: &str, message: impl Into<String>, path: &[&str]) -> Self {
        Issue {
            code: code.to_owned(),
            message: message.into(),
            path: path.iter().map(|p| (*p).to_owned()).collect(),
        }
    }
}

/// A JSON error answer: status plus the serialized envelope.
#[derive(Clone, Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// The envelope, serialized.
    pub body: String,
}

#[derive(Serialize)]
struct CodeOnly<'a> {
    code: &'a str,
}

#[derive(Serialize)]
struct CodeMessage<'a> {
    code: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct NangoStyle<'a> {
    message: &'a str,
    code: &'a str,
    payload: serde_json::Value,
}

#[derive(Serialize)]
struct Zod<'a> {
    code: &'a str,
    errors: &'a [Issue],
}

#[derive(Serialize)]
struct Envelope<T> {
    error: T,
}

fn encode<T: Serialize>(inner: T) -> String {
    serde_json::to_string(&Envelope { error: inner })
        .unwrap_or_else(|_| r#"{"error":{"code":"server_error"}}"#.to_owned())
}

impl ApiError {
    /// `{"error":{"code":"…"}}`.
    pub fn code_only(status: StatusCode, code: AuthErrorKind) -> Self {
        ApiError {
            status,
            body: encode(CodeOnly {
                code: code.as_str(),
            }),
        }
    }

    /// `{"error":{"code":"…","message":"…"}}`.
    pub fn code_message(status: StatusCode, code: AuthErrorKind, message: &str) -> Self {
        ApiError {
            status,
            body: encode(CodeMessage {
                code: code.as_str(),
                message,
            }),
        }
    }

    /// NangoError style `{"error":{"message":"…","code":"…","payload":{}}}`.
    pub fn nango(status: StatusCode, code: AuthErrorKind, message: &str) -> Self {
        ApiError {
            status,
            body: encode(NangoStyle {
                message,
                code: code.as_str(),
                payload: serde_json::Value::Object(Default::default()),
            }),
        }
    }

    /// zod style `{"error":{"code":"…","errors":[…]}}`, status 400.
    pub fn zod(code: AuthErrorKind, issues: &[Issue]) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            body: encode(Zod {
                code: code.as_str(),
                errors: issues,
            }),
        }
    }

    /// The §9 error for `connection_id` sent together with a session token.
    pub fn connection_id_forbidden() -> Self {
        ApiError::zod(
            AuthErrorKind::InvalidQueryParams,
            &[Issue::new(
                "custom",
                "connection_id is forbidden when using session token",
                &["connection_id"],
            )],
        )
    }

    /// The §8.3 authentication failure for `kind` (401, NangoError style).
    pub fn auth(kind: AuthErrorKind) -> Self {
        let message = match kind {
            AuthErrorKind::MissingAuthHeader => {
                "Authentication failed. The request is missing the Authorization header."
            }
            AuthErrorKind::MalformedAuthHeader => {
                "Authentication failed. The Authorization header is malformed."
            }
            AuthErrorKind::UnknownAccount => {
                "Authentication failed. The provided authorization header does not match any account."
            }
            AuthErrorKind::InvalidSecretKeyFormat => {
                "Authentication failed. The provided secret key is not a UUID v4."
            }
            AuthErrorKind::InvalidConnectSessionTokenFormat => {
                "Authentication failed. The provided connect session token is not following correct format: nango_connect_session_RANDOM)"
            }
            AuthErrorKind::UnknownConnectSessionToken => {
                "Authentication failed. The provided connect session token does not match any account."
            }
            AuthErrorKind::MissingPublicKey => {
                "Authentication failed. The request is missing a valid public key parameter."
            }
            AuthErrorKind::InvalidPublicKey => {
                "Authentication failed. The provided public key is not a UUID v4."
            }
            AuthErrorKind::DeprecatedAuthentication => {
                "Public key authentication is deprecated. Please use connect session authentication instead."
            }
            _ => "Authentication failed.",
        };
        ApiError::nango(StatusCode::UNAUTHORIZED, kind, message)
    }

    /// 400 `invalid_json` with the parser's message.
    pub fn invalid_json(message: &str) -> Self {
        ApiError::code_message(StatusCode::BAD_REQUEST, AuthErrorKind::InvalidJson, message)
    }

    /// 413 for a body over the limit.
    pub fn payload_too_large() -> Self {
        ApiError::code_message(
            StatusCode::PAYLOAD_TOO_LARGE,
            AuthErrorKind::Other("payload_too_large".to_owned()),
            "request entity too large",
        )
    }

    /// 500 `server_error` with a message (storage failures).
    pub fn server_error(message: &str) -> Self {
        ApiError::code_message(
            StatusCode::INTERNAL_SERVER_ERROR,
            AuthErrorKind::ServerError,
            message,
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        response
    }
}

/// A JSON success answer with a fixed status, serialized with field order preserved.
pub fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => {
            let mut response = (status, body).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            response
        }
        Err(_) => ApiError::server_error("failed to serialize response").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_have_the_spec_field_order() {
        assert_eq!(
            ApiError::code_only(
                StatusCode::BAD_REQUEST,
                AuthErrorKind::IntegrationNotAllowed
            )
            .body,
            r#"{"error":{"code":"integration_not_allowed"}}"#
        );
        assert_eq!(
            ApiError::auth(AuthErrorKind::MissingPublicKey).body,
            r#"{"error":{"message":"Authentication failed. The request is missing a valid public key parameter.","code":"missing_public_key","payload":{}}}"#
        );
        assert_eq!(
            ApiError::connection_id_forbidden().body,
            r#"{"error":{"code":"invalid_query_params","errors":[{"code":"custom","message":"connection_id is forbidden when using session token","path":["connection_id"]}]}}"#
        );
    }
}
