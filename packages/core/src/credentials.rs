//! [`Credentials`]: the credentials of a non-popup `auth` call as a typed enum, their endpoint and
//! JSON body (spec §5.2), and the JS SDK's conversion and routing of a plain credentials object
//! (spec §3.2, §5.1, §5.2) in [`Credentials::from_js_value`].

use serde_json::{Map, Value};

use crate::query::OAuthClientOverrides;
use crate::{AuthError, AuthErrorKind};

/// The credentials of an `auth` call. Every variant but [`Credentials::OAuthClientOverrides`] is
/// sent in the JSON body of a `POST`; `Debug` never prints secret values.
#[derive(Clone, PartialEq)]
pub enum Credentials {
    /// API key: `POST /api-auth/api-key/{key}`, body `{"apiKey"}`.
    ApiKey {
        /// The API key.
        api_key: String,
    },
    /// Basic auth: `POST /api-auth/basic/{key}`, body `{"username","password"}`.
    Basic {
        /// The user name.
        username: String,
        /// The password (may be empty).
        password: String,
    },
    /// NetSuite-style token-based auth: `POST /auth/tba/{key}`.
    Tba {
        /// `token_id`.
        token_id: String,
        /// `token_secret`.
        token_secret: String,
        /// `oauth_client_id_override`.
        oauth_client_id_override: Option<String>,
        /// `oauth_client_secret_override`.
        oauth_client_secret_override: Option<String>,
    },
    /// JWT: `POST /auth/jwt/{key}`, the whole object (including `type`) as body.
    Jwt(Map<String, Value>),
    /// Bill: `POST /auth/bill/{key}`.
    Bill {
        /// `username`.
        username: String,
        /// `password`.
        password: String,
        /// `organization_id`.
        organization_id: String,
        /// `dev_key`.
        dev_key: String,
    },
    /// Two-step: `POST /auth/two-step/{key}`, the whole object (including `type`) as body, plus
    /// `assertionOption` when one is given.
    TwoStep(Map<String, Value>),
    /// Signature: `POST /auth/signature/{key}`, body `{"type":"SIGNATURE","username","password"}`.
    Signature {
        /// `username`.
        username: String,
        /// `password`.
        password: String,
    },
    /// AWS SigV4 role: `POST /auth/aws-sigv4/{key}`, body `{"role_arn","region"?}`.
    AwsSigv4 {
        /// `role_arn`.
        role_arn: String,
        /// `region` (omitted when `None` or empty).
        region: Option<String>,
    },
    /// OAuth2 client credentials: `POST /oauth2/auth/{key}`.
    OAuth2ClientCredentials {
        /// `client_id`.
        client_id: String,
        /// `client_secret`.
        client_secret: Option<String>,
        /// `client_certificate`.
        client_certificate: Option<String>,
        /// `client_private_key`.
        client_private_key: Option<String>,
    },
    /// OAuth client overrides: no request; they travel in the popup's query string.
    OAuthClientOverrides(OAuthClientOverrides),
    /// Outbound installation: `POST /auth/oauth-outbound/{key}` without body.
    Outbound,
}

/// The redaction marker printed instead of secret values.
const REDACTED: &str = "[redacted]";

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys = |map: &Map<String, Value>| map.keys().cloned().collect::<Vec<_>>();
        match self {
            Credentials::ApiKey { .. } => f
                .debug_struct("ApiKey")
                .field("api_key", &REDACTED)
                .finish(),
            Credentials::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &REDACTED)
                .finish(),
            Credentials::Tba { .. } => f.debug_struct("Tba").finish_non_exhaustive(),
            Credentials::Jwt(map) => f.debug_struct("Jwt").field("keys", &keys(map)).finish(),
            Credentials::Bill { username, .. } => f
                .debug_struct("Bill")
                .field("username", username)
                .finish_non_exhaustive(),
            Credentials::TwoStep(map) => {
                f.debug_struct("TwoStep").field("keys", &keys(map)).finish()
            }
            Credentials::Signature { username, .. } => f
                .debug_struct("Signature")
                .field("username", username)
                .field("password", &REDACTED)
                .finish(),
            Credentials::AwsSigv4 { role_arn, region } => f
                .debug_struct("AwsSigv4")
                .field("role_arn", role_arn)
                .field("region", region)
                .finish(),
            Credentials::OAuth2ClientCredentials { client_id, .. } => f
                .debug_struct("OAuth2ClientCredentials")
                .field("client_id", client_id)
                .finish_non_exhaustive(),
            Credentials::OAuthClientOverrides(overrides) => f
                .debug_tuple("OAuthClientOverrides")
                .field(overrides)
                .finish(),
            Credentials::Outbound => f.write_str("Outbound"),
        }
    }
}

impl Credentials {
    /// True for the variants that go through the OAuth popup instead of an HTTP request.
    pub fn uses_popup(&self) -> bool {
        matches!(self, Credentials::OAuthClientOverrides(_))
    }

    /// The endpoint path prefix (the provider config key follows, encoded) and the JSON body, as in
    /// spec §5.2; `None` for [`Credentials::OAuthClientOverrides`], which makes no request.
    ///
    /// `assertion_option` is added to two-step bodies as `assertionOption` when it is non-empty.
    pub fn endpoint_and_body(
        &self,
        assertion_option: Option<&Map<String, Value>>,
    ) -> Option<(&'static str, Option<Value>)> {
        let text = |s: &str| Value::String(s.to_owned());
        let mut body = Map::new();
        let path = match self {
            Credentials::ApiKey { api_key } => {
                body.insert("apiKey".into(), text(api_key));
                "/api-auth/api-key/"
            }
            Credentials::Basic { username, password } => {
                body.insert("username".into(), text(username));
                body.insert("password".into(), text(password));
                "/api-auth/basic/"
            }
            Credentials::Tba {
                token_id,
                token_secret,
                oauth_client_id_override,
                oauth_client_secret_override,
            } => {
                body.insert("token_id".into(), text(token_id));
                body.insert("token_secret".into(), text(token_secret));
                insert_some(
                    &mut body,
                    "oauth_client_id_override",
                    oauth_client_id_override,
                );
                insert_some(
                    &mut body,
                    "oauth_client_secret_override",
                    oauth_client_secret_override,
                );
                "/auth/tba/"
            }
            Credentials::Jwt(map) => {
                body = map.clone();
                "/auth/jwt/"
            }
            Credentials::Bill {
                username,
                password,
                organization_id,
                dev_key,
            } => {
                body.insert("username".into(), text(username));
                body.insert("password".into(), text(password));
                body.insert("organization_id".into(), text(organization_id));
                body.insert("dev_key".into(), text(dev_key));
                "/auth/bill/"
            }
            Credentials::TwoStep(map) => {
                body = map.clone();
                if let Some(option) = assertion_option.filter(|o| !o.is_empty()) {
                    body.insert("assertionOption".into(), Value::Object(option.clone()));
                }
                "/auth/two-step/"
            }
            Credentials::Signature { username, password } => {
                body.insert("type".into(), text("SIGNATURE"));
                body.insert("username".into(), text(username));
                body.insert("password".into(), text(password));
                "/auth/signature/"
            }
            Credentials::AwsSigv4 { role_arn, region } => {
                body.insert("role_arn".into(), text(role_arn));
                if let Some(region) = region.as_deref().filter(|r| !r.is_empty()) {
                    body.insert("region".into(), text(region));
                }
                "/auth/aws-sigv4/"
            }
            Credentials::OAuth2ClientCredentials {
                client_id,
                client_secret,
                client_certificate,
                client_private_key,
            } => {
                body.insert("client_id".into(), text(client_id));
                insert_some(&mut body, "client_secret", client_secret);
                insert_some(&mut body, "client_certificate", client_certificate);
                insert_some(&mut body, "client_private_key", client_private_key);
                "/oauth2/auth/"
            }
            Credentials::OAuthClientOverrides(_) => return None,
            Credentials::Outbound => "/auth/oauth-outbound/",
        };
        // Nango omits the body entirely when it has no keys.
        let body = (!body.is_empty()).then_some(Value::Object(body));
        Some((path, body))
    }

    /// Converts the `credentials` value of a plain JS options object exactly as the JS SDK does:
    /// the popup decision of spec §3.2 (both OAuth overrides and no TBA pair, or an empty object,
    /// without an outbound installation → [`Credentials::OAuthClientOverrides`]), then conversion
    /// (§5.1) and routing (§5.2), first match wins each time.
    ///
    /// Ordering consequences are kept: JWT credentials with `username`/`password` route to basic,
    /// two-step credentials with `client_id` + `client_secret` to OAuth2 client credentials.
    ///
    /// Errors: nothing routable → `unroutable_credentials`; `null`/`false`/`0`/`""` →
    /// `missing_credentials`; another non-object, or a field the chosen endpoint needs as a string
    /// that is not one → `invalid_body` (the server would reject such a body with that code).
    /// JSON `null` in an optional field counts as absent (JS `undefined`).
    pub fn from_js_value(
        options_credentials: &Value,
        installation_outbound: bool,
    ) -> Result<Credentials, AuthError> {
        let credentials = match options_credentials {
            Value::Object(map) => map,
            value if !js_truthy(value) => return Err(AuthError::missing_credentials()),
            _ => return Err(invalid_body("credentials must be an object")),
        };
        if !installation_outbound && !takes_request_path(credentials) {
            return Ok(Credentials::OAuthClientOverrides(OAuthClientOverrides {
                client_id: optional_string(credentials, "oauth_client_id_override")?,
                client_secret: optional_string(credentials, "oauth_client_secret_override")?,
                refresh_token: optional_string(credentials, "oauth_refresh_token_override")?,
            }));
        }
        route(&convert(credentials), installation_outbound)
    }
}

/// Spec §3.2 (b): a non-empty object with a TBA pair or missing at least one OAuth override.
fn takes_request_path(credentials: &Map<String, Value>) -> bool {
    let has = |key: &str| credentials.contains_key(key);
    !credentials.is_empty()
        && ((has("token_id") && has("token_secret"))
            || !has("oauth_client_id_override")
            || !has("oauth_client_secret_override"))
}

/// Spec §5.1: the converted parameters, first matching rule wins.
fn convert(c: &Map<String, Value>) -> Map<String, Value> {
    let has = |key: &str| c.contains_key(key);
    let type_is = |name: &str| c.get("type").and_then(Value::as_str) == Some(name);
    let pick = |keys: &[&str]| -> Map<String, Value> {
        keys.iter()
            .filter_map(|k| c.get(*k).map(|v| ((*k).to_owned(), v.clone())))
            .collect()
    };
    let truthy_region = || c.get("region").filter(|r| js_truthy(r)).cloned();

    if type_is("SIGNATURE") && has("username") && has("password") {
        return pick(&["type", "username", "password"]);
    }
    if type_is("AWS_SIGV4") {
        let mut params = pick(&["type", "role_arn"]);
        if let Some(region) = truthy_region() {
            params.insert("region".into(), region);
        }
        return params;
    }
    if has("privateKey") || type_is("JWT") {
        return c.clone();
    }
    if has("client_id") && (has("client_secret") || has("client_private_key")) {
        return pick(&[
            "client_id",
            "client_secret",
            "client_certificate",
            "client_private_key",
        ]);
    }
    if has("token_id") && has("token_secret") {
        return pick(&[
            "token_id",
            "token_secret",
            "oauth_client_id_override",
            "oauth_client_secret_override",
        ]);
    }
    if has("username") && has("password") && has("organization_id") && has("dev_key") {
        return pick(&["username", "password", "organization_id", "dev_key"]);
    }
    if type_is("TWO_STEP") {
        return c.clone();
    }
    // The scratch map: `value || ""` for the three common fields, role_arn, truthy region.
    let mut scratch = Map::new();
    for key in ["username", "password", "apiKey"] {
        if let Some(value) = c.get(key) {
            let value = if js_truthy(value) {
                value.clone()
            } else {
                Value::String(String::new())
            };
            scratch.insert(key.into(), value);
        }
    }
    if let Some(role_arn) = c.get("role_arn") {
        scratch.insert("role_arn".into(), role_arn.clone());
    }
    if let Some(region) = truthy_region() {
        scratch.insert("region".into(), region);
    }
    scratch
}

/// Spec §5.2: the endpoint for converted parameters, first matching row wins.
fn route(p: &Map<String, Value>, installation_outbound: bool) -> Result<Credentials, AuthError> {
    let has = |key: &str| p.contains_key(key);
    let type_is = |name: &str| p.get("type").and_then(Value::as_str) == Some(name);
    let req = |key: &str| required_string(p, key);
    let opt = |key: &str| optional_string(p, key);

    if type_is("TWO_STEP") {
        return Ok(Credentials::TwoStep(p.clone()));
    }
    if type_is("SIGNATURE") && has("username") && has("password") {
        return Ok(Credentials::Signature {
            username: req("username")?,
            password: req("password")?,
        });
    }
    if type_is("AWS_SIGV4") && has("role_arn") {
        return Ok(Credentials::AwsSigv4 {
            role_arn: req("role_arn")?,
            region: opt("region")?,
        });
    }
    if has("username") && has("password") && has("organization_id") && has("dev_key") {
        return Ok(Credentials::Bill {
            username: req("username")?,
            password: req("password")?,
            organization_id: req("organization_id")?,
            dev_key: req("dev_key")?,
        });
    }
    if has("apiKey") {
        return Ok(Credentials::ApiKey {
            api_key: req("apiKey")?,
        });
    }
    if has("username") || has("password") {
        return Ok(Credentials::Basic {
            username: req("username")?,
            password: req("password")?,
        });
    }
    if has("privateKey") || type_is("JWT") {
        return Ok(Credentials::Jwt(p.clone()));
    }
    if has("token_id") && has("token_secret") {
        return Ok(Credentials::Tba {
            token_id: req("token_id")?,
            token_secret: req("token_secret")?,
            oauth_client_id_override: opt("oauth_client_id_override")?,
            oauth_client_secret_override: opt("oauth_client_secret_override")?,
        });
    }
    if has("client_id") && (has("client_secret") || has("client_private_key")) {
        return Ok(Credentials::OAuth2ClientCredentials {
            client_id: req("client_id")?,
            client_secret: opt("client_secret")?,
            client_certificate: opt("client_certificate")?,
            client_private_key: opt("client_private_key")?,
        });
    }
    if installation_outbound {
        return Ok(Credentials::Outbound);
    }
    Err(AuthError::unroutable_credentials())
}

/// JS truthiness of a JSON value.
fn js_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// An `invalid_body` error about the credentials object.
fn invalid_body(message: impl Into<String>) -> AuthError {
    AuthError::new(AuthErrorKind::InvalidBody, message)
}

/// A field that must be present and a string.
fn required_string(map: &Map<String, Value>, key: &str) -> Result<String, AuthError> {
    match map.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(invalid_body(format!("credentials.{key} must be a string"))),
        None => Err(invalid_body(format!("credentials.{key} is required"))),
    }
}

/// A field that may be absent or `null`, else must be a string.
fn optional_string(map: &Map<String, Value>, key: &str) -> Result<Option<String>, AuthError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(invalid_body(format!("credentials.{key} must be a string"))),
    }
}

/// Inserts `key` when `value` is set.
fn insert_some(body: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(value) = value {
        body.insert(key.to_owned(), Value::String(value.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn js(value: Value) -> Result<Credentials, AuthError> {
        Credentials::from_js_value(&value, false)
    }

    fn endpoint(credentials: &Credentials) -> (&'static str, Option<Value>) {
        credentials.endpoint_and_body(None).unwrap()
    }

    #[test]
    fn tv09_api_key_with_or_without_type() {
        for value in [
            json!({"apiKey": "sk_1"}),
            json!({"apiKey": "sk_1", "type": "API_KEY"}),
        ] {
            let credentials = js(value).unwrap();
            assert_eq!(
                credentials,
                Credentials::ApiKey {
                    api_key: "sk_1".into()
                }
            );
            assert_eq!(
                endpoint(&credentials),
                ("/api-auth/api-key/", Some(json!({"apiKey": "sk_1"})))
            );
        }
    }

    #[test]
    fn tv10_basic_keeps_an_empty_password() {
        let credentials = js(json!({"username": "u", "password": ""})).unwrap();
        assert_eq!(
            endpoint(&credentials),
            (
                "/api-auth/basic/",
                Some(json!({"username": "u", "password": ""}))
            )
        );
        // `value || ""`: a null password is sent as an empty string.
        let credentials = js(json!({"username": "u", "password": null, "type": "BASIC"})).unwrap();
        assert_eq!(
            credentials,
            Credentials::Basic {
                username: "u".into(),
                password: String::new()
            }
        );
    }

    #[test]
    fn tv11_tba_pair_wins_over_the_popup() {
        let credentials = js(json!({
            "token_id": "t", "token_secret": "s",
            "oauth_client_id_override": "ci", "oauth_client_secret_override": "cs"
        }))
        .unwrap();
        assert_eq!(
            endpoint(&credentials),
            (
                "/auth/tba/",
                Some(json!({"token_id": "t", "token_secret": "s",
                    "oauth_client_id_override": "ci", "oauth_client_secret_override": "cs"}))
            )
        );
        let without = js(json!({"token_id": "t", "token_secret": "s"})).unwrap();
        assert_eq!(
            endpoint(&without),
            (
                "/auth/tba/",
                Some(json!({"token_id": "t", "token_secret": "s"}))
            )
        );
    }

    #[test]
    fn tv12_oauth2_client_credentials() {
        let credentials =
            js(json!({"client_id": "a", "client_secret": "b", "type": "OAUTH2_CC"})).unwrap();
        assert_eq!(
            endpoint(&credentials),
            (
                "/oauth2/auth/",
                Some(json!({"client_id": "a", "client_secret": "b"}))
            )
        );
        let with_key =
            js(json!({"client_id": "a", "client_private_key": "k", "client_certificate": "c"}))
                .unwrap();
        assert_eq!(
            endpoint(&with_key).1,
            Some(json!({"client_id": "a", "client_certificate": "c", "client_private_key": "k"}))
        );
    }

    #[test]
    fn tv13_two_step_with_and_without_assertion_option() {
        let credentials =
            js(json!({"type": "TWO_STEP", "username": "u", "password": "p"})).unwrap();
        let option: Map<String, Value> = json!({"aud": "x"}).as_object().unwrap().clone();
        assert_eq!(
            credentials.endpoint_and_body(Some(&option)).unwrap(),
            (
                "/auth/two-step/",
                Some(
                    json!({"type": "TWO_STEP", "username": "u", "password": "p", "assertionOption": {"aud": "x"}})
                )
            )
        );
        let empty = Map::new();
        assert_eq!(
            credentials.endpoint_and_body(Some(&empty)).unwrap().1,
            Some(json!({"type": "TWO_STEP", "username": "u", "password": "p"}))
        );
        assert_eq!(
            credentials.endpoint_and_body(None).unwrap().1,
            Some(json!({"type": "TWO_STEP", "username": "u", "password": "p"}))
        );
    }

    #[test]
    fn tv14_signature_aws_bill_jwt() {
        let signature = js(json!({"type": "SIGNATURE", "username": "u", "password": "p"})).unwrap();
        assert_eq!(
            endpoint(&signature),
            (
                "/auth/signature/",
                Some(json!({"type": "SIGNATURE", "username": "u", "password": "p"}))
            )
        );
        let aws = js(json!({"type": "AWS_SIGV4", "role_arn": "arn:aws:iam::1:role/R"})).unwrap();
        assert_eq!(
            endpoint(&aws),
            (
                "/auth/aws-sigv4/",
                Some(json!({"role_arn": "arn:aws:iam::1:role/R"}))
            )
        );
        let aws_region =
            js(json!({"type": "AWS_SIGV4", "role_arn": "r", "region": "eu-west-1"})).unwrap();
        assert_eq!(
            endpoint(&aws_region).1,
            Some(json!({"role_arn": "r", "region": "eu-west-1"}))
        );
        let aws_empty_region =
            js(json!({"type": "AWS_SIGV4", "role_arn": "r", "region": ""})).unwrap();
        assert_eq!(
            endpoint(&aws_empty_region).1,
            Some(json!({"role_arn": "r"}))
        );
        let bill = js(json!({"username": "u", "password": "p", "organization_id": "o", "dev_key": "d", "type": "BILL"})).unwrap();
        assert_eq!(
            endpoint(&bill),
            (
                "/auth/bill/",
                Some(
                    json!({"username": "u", "password": "p", "organization_id": "o", "dev_key": "d"})
                )
            )
        );
        let jwt_value =
            json!({"type": "JWT", "issuerId": "i", "privateKeyId": "pk", "privateKey": "PEM"});
        let jwt = js(jwt_value.clone()).unwrap();
        assert_eq!(endpoint(&jwt), ("/auth/jwt/", Some(jwt_value)));
        // `privateKey` alone selects JWT too.
        assert!(matches!(
            js(json!({"privateKey": "PEM"})).unwrap(),
            Credentials::Jwt(_)
        ));
    }

    #[test]
    fn tv16_outbound_installation() {
        let credentials = Credentials::from_js_value(&json!({"type": "OAUTH2"}), true).unwrap();
        assert_eq!(credentials, Credentials::Outbound);
        assert_eq!(endpoint(&credentials), ("/auth/oauth-outbound/", None));
        // Even an empty object or the OAuth overrides route to outbound when it is set.
        assert_eq!(
            Credentials::from_js_value(&json!({}), true).unwrap(),
            Credentials::Outbound
        );
        // Credentials that match an earlier row still win over outbound.
        assert!(matches!(
            Credentials::from_js_value(&json!({"apiKey": "k"}), true).unwrap(),
            Credentials::ApiKey { .. }
        ));
        // No credentials at all (JSON null) is `missing_credentials`.
        let err = Credentials::from_js_value(&Value::Null, true).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::MissingCredentials);
        assert_eq!(err.message, "Credentials are required for custom auth");
    }

    #[test]
    fn tv07_popup_decision_for_oauth_overrides() {
        let both =
            js(json!({"oauth_client_id_override": "id/1", "oauth_client_secret_override": "s&2"}))
                .unwrap();
        assert_eq!(
            both,
            Credentials::OAuthClientOverrides(OAuthClientOverrides {
                client_id: Some("id/1".into()),
                client_secret: Some("s&2".into()),
                refresh_token: None,
            })
        );
        assert!(both.uses_popup());
        assert_eq!(both.endpoint_and_body(None), None);
        // An empty object is the popup too.
        assert_eq!(
            js(json!({})).unwrap(),
            Credentials::OAuthClientOverrides(OAuthClientOverrides::default())
        );
        // Only one override: non-popup, unroutable.
        let err = js(json!({"oauth_client_id_override": "id"})).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::UnroutableCredentials);
        assert_eq!(err.message, "Something went wrong with the authorization");
    }

    #[test]
    fn ordering_consequences_are_kept() {
        // JWT with username/password routes to basic (§5.2 row 6 precedes row 7).
        let jwt_basic =
            js(json!({"type": "JWT", "username": "u", "password": "p", "privateKey": "k"}))
                .unwrap();
        assert_eq!(
            jwt_basic,
            Credentials::Basic {
                username: "u".into(),
                password: "p".into()
            }
        );
        // JWT with apiKey routes to api-key.
        let jwt_key = js(json!({"type": "JWT", "apiKey": "a"})).unwrap();
        assert_eq!(
            jwt_key,
            Credentials::ApiKey {
                api_key: "a".into()
            }
        );
        // TWO_STEP with client_id + client_secret is converted as OAuth2 CC (§5.1 step 5 < step 8).
        let two_step_cc =
            js(json!({"type": "TWO_STEP", "client_id": "a", "client_secret": "b", "x": 1}))
                .unwrap();
        assert_eq!(
            endpoint(&two_step_cc),
            (
                "/oauth2/auth/",
                Some(json!({"client_id": "a", "client_secret": "b"}))
            )
        );
        // SIGNATURE without a password falls to the scratch map, hence basic.
        let err = js(json!({"type": "SIGNATURE", "username": "u"})).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::InvalidBody);
        // Bill beats basic and api-key; unknown keys and `type` are dropped by the scratch map.
        let scratch = js(json!({"type": "CUSTOM", "apiKey": "k", "extra": true})).unwrap();
        assert_eq!(endpoint(&scratch).1, Some(json!({"apiKey": "k"})));
        // AWS_SIGV4 without role_arn matches nothing.
        assert_eq!(
            js(json!({"type": "AWS_SIGV4"})).unwrap_err().kind,
            AuthErrorKind::UnroutableCredentials
        );
    }

    #[test]
    fn non_objects_and_wrong_field_types_are_typed_errors() {
        assert_eq!(
            js(Value::Null).unwrap_err().kind,
            AuthErrorKind::MissingCredentials
        );
        assert_eq!(
            js(json!("")).unwrap_err().kind,
            AuthErrorKind::MissingCredentials
        );
        assert_eq!(
            js(json!("abc")).unwrap_err().kind,
            AuthErrorKind::InvalidBody
        );
        assert_eq!(js(json!([1])).unwrap_err().kind, AuthErrorKind::InvalidBody);
        assert_eq!(
            js(json!({"apiKey": 5})).unwrap_err().kind,
            AuthErrorKind::InvalidBody
        );
        assert_eq!(
            js(json!({"username": "u"})).unwrap_err().kind,
            AuthErrorKind::InvalidBody
        );
        assert_eq!(
            js(json!({"oauth_client_id_override": 1, "oauth_client_secret_override": "s"}))
                .unwrap_err()
                .kind,
            AuthErrorKind::InvalidBody
        );
    }

    #[test]
    fn debug_redacts_secrets() {
        let all = [
            js(json!({"apiKey": "SECRET1"})).unwrap(),
            js(json!({"username": "u", "password": "SECRET1"})).unwrap(),
            js(json!({"token_id": "SECRET1", "token_secret": "SECRET1"})).unwrap(),
            js(json!({"type": "JWT", "privateKey": "SECRET1"})).unwrap(),
            js(json!({"username": "u", "password": "SECRET1", "organization_id": "o", "dev_key": "SECRET1"})).unwrap(),
            js(json!({"type": "TWO_STEP", "token": "SECRET1"})).unwrap(),
            js(json!({"type": "SIGNATURE", "username": "u", "password": "SECRET1"})).unwrap(),
            js(json!({"client_id": "a", "client_secret": "SECRET1"})).unwrap(),
            js(json!({"oauth_client_id_override": "a", "oauth_client_secret_override": "SECRET1"})).unwrap(),
        ];
        for credentials in all {
            let printed = format!("{credentials:?}");
            assert!(!printed.contains("SECRET1"), "{printed}");
        }
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            prop_oneof![
                Just("SIGNATURE"),
                Just("AWS_SIGV4"),
                Just("JWT"),
                Just("TWO_STEP"),
                Just(""),
                Just("x")
            ]
            .prop_map(|s| Value::String(s.to_owned())),
            "\\PC{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec((key(), inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("type"),
            Just("username"),
            Just("password"),
            Just("apiKey"),
            Just("role_arn"),
            Just("region"),
            Just("privateKey"),
            Just("client_id"),
            Just("client_secret"),
            Just("client_private_key"),
            Just("client_certificate"),
            Just("token_id"),
            Just("token_secret"),
            Just("organization_id"),
            Just("dev_key"),
            Just("oauth_client_id_override"),
            Just("oauth_client_secret_override"),
            Just("oauth_refresh_token_override"),
            Just("other"),
        ]
        .prop_map(str::to_owned)
    }

    proptest! {
        #[test]
        fn from_js_value_never_panics(
            value in proptest::collection::vec((key(), arb_json()), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            outbound in any::<bool>(),
            assertion in proptest::option::of(proptest::collection::vec((key(), arb_json()), 0..3)),
        ) {
            if let Ok(credentials) = Credentials::from_js_value(&value, outbound) {
                let assertion: Option<Map<String, Value>> = assertion.map(|a| a.into_iter().collect());
                let routed = credentials.endpoint_and_body(assertion.as_ref());
                prop_assert_eq!(routed.is_none(), credentials.uses_popup());
                let _ = format!("{credentials:?}");
            }
        }

        #[test]
        fn from_js_value_never_panics_on_any_json(value in arb_json(), outbound in any::<bool>()) {
            let _ = Credentials::from_js_value(&value, outbound);
        }
    }
}
