//! Nango's HTTP response envelopes (`{data}` and both `{error}` styles) and their mapping to
//! results, as pure functions of status and body bytes.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{AuthError, AuthErrorKind};

/// At most this many validation issues are summarised in an error message.
const MAX_SUMMARISED_ISSUES: usize = 5;

/// At most this many characters of one issue's text are kept in an error message.
const MAX_ISSUE_CHARS: usize = 200;

/// A success body `{"data": …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataEnvelope<T> {
    /// The payload.
    pub data: T,
}

/// An error body `{"error": {…}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    /// The error.
    pub error: ErrorBody,
}

/// The `error` object of both envelope styles: `{code}`, `{code, message?, payload}` (NangoError
/// style) and `{code, errors}` (zod validation style).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The error code (an AuthError type).
    pub code: String,
    /// A human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Validation issues (zod style).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ValidationIssue>>,
    /// Extra data (NangoError style: `{}`, or a support id string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Value>,
}

impl ErrorBody {
    /// An error body with only a code.
    pub fn code(code: impl Into<String>) -> Self {
        ErrorBody {
            code: code.into(),
            message: None,
            errors: None,
            payload: None,
        }
    }

    /// The [`AuthError`] this body reports: its code as kind; its message (empty when absent)
    /// followed by a compact summary of validation issues, if any.
    pub fn to_auth_error(&self) -> AuthError {
        let mut message = self.message.clone().unwrap_or_default();
        if let Some(issues) = self.errors.as_deref().filter(|issues| !issues.is_empty()) {
            let summary = summarise_issues(issues);
            message = if message.is_empty() {
                summary
            } else {
                format!("{message} ({summary})")
            };
        }
        AuthError::new(AuthErrorKind::from_wire(&self.code), message)
    }
}

/// One zod-style validation issue: `{code, message, path}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationIssue {
    /// The issue code (`invalid_type`, `custom`, …).
    #[serde(default)]
    pub code: String,
    /// The issue text.
    #[serde(default)]
    pub message: String,
    /// Where in the input (array indices as strings).
    #[serde(default)]
    pub path: Vec<Value>,
}

impl ValidationIssue {
    /// The issue as `path.to.field: message` (just the message when the path is empty).
    pub fn summary(&self) -> String {
        let path: Vec<String> = self
            .path
            .iter()
            .map(|segment| match segment {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        let text = truncate(&self.message, MAX_ISSUE_CHARS);
        if path.is_empty() {
            text
        } else {
            format!("{}: {text}", path.join("."))
        }
    }
}

/// `a: x; b: y (+2 more)`.
fn summarise_issues(issues: &[ValidationIssue]) -> String {
    let mut summary = issues
        .iter()
        .take(MAX_SUMMARISED_ISSUES)
        .map(ValidationIssue::summary)
        .collect::<Vec<_>>()
        .join("; ");
    if issues.len() > MAX_SUMMARISED_ISSUES {
        summary.push_str(&format!(
            " (+{} more)",
            issues.len() - MAX_SUMMARISED_ISSUES
        ));
    }
    summary
}

/// The first `max` characters of `text`, with `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// An `invalid_response` error for an answer with HTTP `status`.
pub fn invalid_response(status: u16, what: &str) -> AuthError {
    AuthError::new(
        AuthErrorKind::InvalidResponse,
        format!("Nango answered HTTP {status} with {what}"),
    )
}

/// Reads the `{error: {code, …}}` of a parsed body, if it has one with a non-empty string code.
fn error_of(body: &Value) -> Option<ErrorBody> {
    let error = body.as_object()?.get("error")?;
    let code = error
        .get("code")?
        .as_str()
        .filter(|code| !code.is_empty())?;
    let text = |key: &str| error.get(key).and_then(Value::as_str).map(str::to_owned);
    let errors = error.get("errors").and_then(Value::as_array).map(|issues| {
        issues
            .iter()
            .filter_map(|issue| ValidationIssue::deserialize(issue).ok())
            .collect()
    });
    Some(ErrorBody {
        code: code.to_owned(),
        message: text("message"),
        errors,
        payload: error.get("payload").cloned(),
    })
}

/// True when a parsed body carries an `error` key with a non-null value.
fn has_error_key(body: &Value) -> bool {
    body.as_object()
        .and_then(|object| object.get("error"))
        .is_some_and(|error| !error.is_null())
}

/// Interprets an HTTP answer: `Ok(None)` for a 2xx without body (204), `Ok(Some(json))` for a
/// 2xx JSON body, else the [`AuthError`] it carries.
///
/// A 2xx body with an `error` object (the TBA credential-test quirk, HTTP 200) is an error, not
/// a success. Non-JSON bodies and error bodies without a string `code` are `invalid_response`.
pub fn interpret(status: u16, body: &[u8]) -> Result<Option<Value>, AuthError> {
    let success = (200..300).contains(&status);
    if body.iter().all(u8::is_ascii_whitespace) {
        return if success {
            Ok(None)
        } else {
            Err(invalid_response(status, "an empty body"))
        };
    }
    let json: Value = serde_json::from_slice(body)
        .map_err(|_| invalid_response(status, "a body that is not JSON"))?;
    if let Some(error) = error_of(&json) {
        return Err(error.to_auth_error());
    }
    if !success {
        return Err(invalid_response(status, "an unexpected error body"));
    }
    if has_error_key(&json) {
        return Err(invalid_response(status, "an unexpected error body"));
    }
    Ok(Some(json))
}

/// Interprets an answer whose success body must be `{"data": T}`.
pub fn decode_data<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, AuthError> {
    let json = interpret(status, body)?.ok_or_else(|| invalid_response(status, "no body"))?;
    let data = json
        .as_object()
        .and_then(|object| object.get("data"))
        .ok_or_else(|| invalid_response(status, "a body without `data`"))?;
    T::deserialize(data)
        .map_err(|err| invalid_response(status, &format!("an unexpected `data` shape ({err})")))
}

/// Interprets an answer that carries no result (any 2xx body is ignored).
pub fn expect_success(status: u16, body: &[u8]) -> Result<(), AuthError> {
    interpret(status, body).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn kind_and_message(result: Result<Option<Value>, AuthError>) -> (String, String) {
        let err = result.unwrap_err();
        (err.kind.as_str().to_owned(), err.message)
    }

    #[test]
    fn tv09_success_body_is_returned_as_is() {
        let body = br#"{"connectionId":"c-1","providerConfigKey":"stripe"}"#;
        assert_eq!(
            interpret(200, body).unwrap(),
            Some(json!({"connectionId": "c-1", "providerConfigKey": "stripe"}))
        );
    }

    #[test]
    fn tv09_code_and_message() {
        let body = br#"{"error":{"code":"connection_test_failed","message":"The given credentials were found to be invalid. Please check the credentials and try again."}}"#;
        let err = interpret(400, body).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::ConnectionTestFailed);
        assert_eq!(
            err.message,
            "The given credentials were found to be invalid. Please check the credentials and try again."
        );
    }

    #[test]
    fn code_only_envelope_has_empty_message() {
        assert_eq!(
            kind_and_message(interpret(
                404,
                br#"{"error":{"code":"unknown_provider_config"}}"#
            )),
            ("unknown_provider_config".into(), String::new())
        );
    }

    #[test]
    fn tv12_nango_error_style_with_payload() {
        let body = br#"{"error":{"message":"Missing param 'oauth_client_id'.","code":"missing_client_id","payload":{}}}"#;
        assert_eq!(
            kind_and_message(interpret(400, body)),
            (
                "missing_client_id".into(),
                "Missing param 'oauth_client_id'.".into()
            )
        );
    }

    #[test]
    fn auth_envelope_of_8_3() {
        let body = br#"{"error":{"message":"Authentication failed. The request is missing a valid public key parameter.","code":"missing_public_key","payload":{}}}"#;
        let err = interpret(401, body).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::MissingPublicKey);
        assert!(err.message.starts_with("Authentication failed."));
    }

    #[test]
    fn generic_error_support_with_string_payload() {
        let body = br#"{"error":{"message":"An error occurred. Please contact support with this unique id: \"u-1\"","code":"generic_error_support","payload":"u-1"}}"#;
        let err = interpret(500, body).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::GenericErrorSupport);
        assert!(err.message.contains("u-1"));
    }

    #[test]
    fn tv15_zod_style_keeps_a_summary() {
        let body = br#"{"error":{"code":"invalid_query_params","errors":[{"code":"custom","message":"connection_id is forbidden when using session token","path":["connection_id"]}]}}"#;
        assert_eq!(
            kind_and_message(interpret(400, body)),
            (
                "invalid_query_params".into(),
                "connection_id: connection_id is forbidden when using session token".into()
            )
        );
    }

    #[test]
    fn zod_summary_joins_paths_and_caps_issues() {
        let issues: Vec<Value> = (0..7)
            .map(|i| json!({"code": "invalid_type", "message": format!("bad {i}"), "path": ["allowed_integrations", i.to_string()]}))
            .collect();
        let body =
            json!({"error": {"code": "invalid_body", "message": "Invalid", "errors": issues}});
        let (kind, message) = kind_and_message(interpret(400, body.to_string().as_bytes()));
        assert_eq!(kind, "invalid_body");
        assert_eq!(
            message,
            "Invalid (allowed_integrations.0: bad 0; allowed_integrations.1: bad 1; allowed_integrations.2: bad 2; allowed_integrations.3: bad 3; allowed_integrations.4: bad 4 (+2 more))"
        );
        let odd = br#"{"error":{"code":"invalid_body","errors":[{"path":[1,"x"],"message":"m"},"junk"]}}"#;
        assert_eq!(kind_and_message(interpret(400, odd)).1, "1.x: m");
    }

    #[test]
    fn tv11_tba_quirk_200_with_error_is_an_error() {
        let body = br#"{"error":{"code":"invalid_credentials","message":"The provided credentials did not succeed in a test API call"}}"#;
        let err = interpret(200, body).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::InvalidCredentials);
        assert_eq!(
            err.message,
            "The provided credentials did not succeed in a test API call"
        );
    }

    #[test]
    fn no_content_is_success_without_body() {
        assert_eq!(interpret(204, b"").unwrap(), None);
        assert_eq!(interpret(200, b"  \n").unwrap(), None);
        assert!(expect_success(204, b"").is_ok());
    }

    #[test]
    fn non_json_and_unexpected_bodies_are_invalid_response() {
        for (status, body) in [
            (502, &b"<html>Bad gateway</html>"[..]),
            (200, b"not json"),
            (500, b""),
            (400, br#"{"message":"no envelope"}"#),
            (400, br#"{"error":"plain string"}"#),
            (400, br#"{"error":{"code":""}}"#),
            (400, br#"{"error":{"code":5}}"#),
            (400, b"[]"),
            (200, br#"{"error":"x"}"#),
        ] {
            let err = interpret(status, body).unwrap_err();
            assert_eq!(
                err.kind,
                AuthErrorKind::InvalidResponse,
                "{status} {body:?}"
            );
            assert!(err.message.contains(&status.to_string()), "{}", err.message);
        }
    }

    #[test]
    fn null_error_key_on_success_is_not_an_error() {
        assert_eq!(
            interpret(200, br#"{"error":null,"ok":true}"#).unwrap(),
            Some(json!({"error": null, "ok": true}))
        );
    }

    #[test]
    fn data_envelope_decoding() {
        #[derive(Debug, PartialEq, Deserialize)]
        struct Item {
            id: String,
        }
        let items: Vec<Item> = decode_data(200, br#"{"data":[{"id":"a"}]}"#).unwrap();
        assert_eq!(items, vec![Item { id: "a".into() }]);
        let created: Item = decode_data(201, br#"{"data":{"id":"b"}}"#).unwrap();
        assert_eq!(created.id, "b");
        for (status, body) in [
            (200, &br#"{"items":[]}"#[..]),
            (200, br#"{"data":{"id":1}}"#),
            (204, b""),
        ] {
            let err = decode_data::<Item>(status, body).unwrap_err();
            assert_eq!(err.kind, AuthErrorKind::InvalidResponse);
        }
        let err = decode_data::<Item>(
            401,
            br#"{"error":{"code":"unknown_connect_session_token"}}"#,
        )
        .unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::UnknownConnectSessionToken);
    }

    #[test]
    fn error_envelope_serialises_both_styles() {
        let code_only = ErrorEnvelope {
            error: ErrorBody::code("integration_not_allowed"),
        };
        assert_eq!(
            serde_json::to_string(&code_only).unwrap(),
            r#"{"error":{"code":"integration_not_allowed"}}"#
        );
        let literal = r#"{"error":{"code":"invalid_query_params","errors":[{"code":"custom","message":"connection_id is forbidden when using session token","path":["connection_id"]}]}}"#;
        let parsed: ErrorEnvelope = serde_json::from_str(literal).unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), literal);
    }

    proptest! {
        #[test]
        fn envelope_parsing_never_panics_on_bytes(
            status in 0u16..1000,
            bytes in prop::collection::vec(any::<u8>(), 0..128),
        ) {
            let _ = interpret(status, &bytes);
            let _ = decode_data::<Value>(status, &bytes);
        }

        #[test]
        fn envelope_parsing_never_panics_on_error_like_json(
            status in 100u16..600,
            code in prop_oneof![Just(Value::Null), ".{0,8}".prop_map(Value::from), any::<i32>().prop_map(Value::from)],
            message in prop_oneof![Just(Value::Null), ".{0,8}".prop_map(Value::from), any::<bool>().prop_map(Value::from)],
            errors in prop_oneof![
                Just(Value::Null),
                prop::collection::vec(prop_oneof![
                    Just(json!({})),
                    ".{0,8}".prop_map(|m| json!({"message": m, "path": [m, 0]})),
                    any::<i32>().prop_map(Value::from),
                ], 0..8).prop_map(Value::Array),
            ],
        ) {
            let body = json!({"error": {"code": code, "message": message, "errors": errors}});
            let result = interpret(status, body.to_string().as_bytes());
            if code.as_str().is_some_and(|c| !c.is_empty()) {
                let err = result.unwrap_err();
                prop_assert_eq!(err.kind.as_str(), code.as_str().unwrap_or_default());
            } else {
                prop_assert!(result.is_err());
            }
        }
    }
}
