//! The JS SDK's argument rules (spec §1, §3.1, §7) applied to JS values already read into JSON:
//! constructor options, `auth`/`create` overloads and option objects → nango-core types.
//!
//! JS `undefined` reaches this module as JSON `null` (see `js_value`); where JS tells the two
//! apart (an `authorization_params` entry) `null` is read as `undefined`.

use nango_core::credentials::Credentials;
use nango_core::query::{ConnectionConfig, OAuthClientOverrides};
use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, ClientAuth, ConnectSessionToken, ConnectionId,
    NangoOptions, PublicKey,
};
use serde_json::{Map, Value};

/// JS truthiness of a JSON value (`null` stands for both `null` and `undefined`).
pub fn js_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// A truthy string field, or a truthy number printed as JS prints it.
fn truthy_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) if js_truthy(&Value::Number(n.clone())) => Some(js_number_text(n)),
        _ => None,
    }
}

/// A JSON number as JS's `String(n)` prints it for ordinary values (`3`, `1.5`).
#[cfg(target_arch = "wasm32")]
fn js_number_text(n: &serde_json::Number) -> String {
    // JavaScript's own `String(number)`: exact JS semantics, and no Rust float formatting (~14 KB).
    match n.as_f64() {
        Some(f) => js_sys::Number::from(f)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_else(|_| n.to_string()),
        None => n.to_string(),
    }
}

/// Host builds (tests): integers without a fraction, other numbers in Rust's shortest form.
#[cfg(not(target_arch = "wasm32"))]
fn js_number_text(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{}", f as i64),
        Some(f) => f.to_string(),
        None => n.to_string(),
    }
}

/// The object behind `value`, or an empty one (JS spreads non-objects into nothing).
fn object_of(value: &Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    }
}

/// Reads the constructor's options object (spec §1): `host`, `websocketsPath`, `width`,
/// `height`, `debug`, `connectSessionToken` | `publicKey`. Falsy values select the defaults; a
/// session token wins when both a token and a public key are given (the JS SDK sends both).
pub fn nango_options(options: &Value) -> NangoOptions {
    let options = object_of(options);
    let text = |key: &str| truthy_text(options.get(key));
    let size = |key: &str| {
        options
            .get(key)
            .and_then(Value::as_f64)
            .filter(|f| f.is_finite() && *f >= 1.0)
            .map(|f| f.round().min(f64::from(u32::MAX)) as u32)
    };
    let auth = match (text("connectSessionToken"), text("publicKey")) {
        (Some(token), _) => ClientAuth::SessionToken(ConnectSessionToken::new(token)),
        (None, Some(key)) => ClientAuth::PublicKey(PublicKey::new(key)),
        (None, None) => ClientAuth::None,
    };
    // A truthy host that is not a string cannot be a URL: keep it so validation rejects it.
    let host = match options.get("host") {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(other) if js_truthy(other) => Some(other.to_string()),
        _ => None,
    };
    NangoOptions {
        host,
        websockets_path: text("websocketsPath"),
        width: size("width"),
        height: size("height"),
        debug: options.get("debug").is_some_and(js_truthy),
        auth,
    }
}

/// `auth(key, connectionId?, options?)` after normalisation (spec §3.1).
#[derive(Clone, Debug, PartialEq)]
pub struct AuthArguments {
    /// The connection id (an empty string counts as none).
    pub connection_id: Option<ConnectionId>,
    /// The options object.
    pub options: Map<String, Value>,
}

/// Spec §3.1: a string 2nd argument is the connection id and the 3rd the options; otherwise
/// the options are the 3rd argument shallow-overlaid by the 2nd (`{...third, ...second}`).
pub fn auth_arguments(second: &Value, third: &Value) -> AuthArguments {
    if let Value::String(id) = second {
        return AuthArguments {
            connection_id: (!id.is_empty()).then(|| ConnectionId::new(id.clone())),
            options: object_of(third),
        };
    }
    let mut options = object_of(third);
    for (key, value) in object_of(second) {
        options.insert(key, value);
    }
    AuthArguments {
        connection_id: None,
        options,
    }
}

/// `create(key, connectionId?, config?)` (spec §7): a string 2nd argument is the connection id
/// and the 3rd the connection config; otherwise the 2nd *is* the config (no merge).
pub fn create_arguments(second: &Value, third: &Value) -> (Option<ConnectionId>, ConnectionConfig) {
    match second {
        Value::String(id) => (
            (!id.is_empty()).then(|| ConnectionId::new(id.clone())),
            connection_config(&object_of(third), true),
        ),
        other => (None, connection_config(&object_of(other), true)),
    }
}

/// The query-string part of an options object (spec §2): string `params`, truthy `hmac`,
/// `user_scope` items, `authorization_params` (strings raw, `undefined` → the text
/// `undefined`, other types skipped) and, with `with_overrides`, the `credentials[oauth_*]`
/// overrides (the `create` path; `auth` takes them from its credentials).
pub fn connection_config(options: &Map<String, Value>, with_overrides: bool) -> ConnectionConfig {
    let mut config = ConnectionConfig::default();
    if let Some(Value::Object(params)) = options.get("params") {
        config.params = params
            .iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
            .collect();
    }
    config.hmac = truthy_text(options.get("hmac"));
    config.user_scope = match options.get("user_scope") {
        Some(Value::Array(items)) => items.iter().map(scope_item).collect(),
        Some(Value::String(s)) if !s.is_empty() => vec![s.clone()],
        _ => Vec::new(),
    };
    if let Some(Value::Object(params)) = options.get("authorization_params") {
        config.authorization_params = params
            .iter()
            .filter_map(|(k, v)| match v {
                Value::String(s) => Some((k.clone(), Some(s.clone()))),
                Value::Null => Some((k.clone(), None)),
                _ => None,
            })
            .collect();
    }
    if with_overrides && let Some(Value::Object(credentials)) = options.get("credentials") {
        let text = |key: &str| {
            credentials
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        config.credential_overrides = OAuthClientOverrides {
            client_id: text("oauth_client_id_override"),
            client_secret: text("oauth_client_secret_override"),
            refresh_token: text("oauth_refresh_token_override"),
        };
    }
    config
}

/// One `user_scope` item as `Array.prototype.join` prints it.
fn scope_item(item: &Value) -> String {
    match item {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) => js_number_text(n),
        other => other.to_string(),
    }
}

/// Converts an `auth` options object (spec §3.2, §3.3, §5): `credentials` through
/// [`Credentials::from_js_value`] (`installation: 'outbound'` selects the outbound route),
/// `detectClosedAuthWindow`, `assertionOption` and the query part.
///
/// Without credentials, `installation: 'outbound'` fails with `missing_credentials` (a
/// synchronous throw in the JS SDK); a falsy `credentials` otherwise means the popup.
pub fn auth_options(options: &Map<String, Value>) -> Result<AuthOptions, AuthError> {
    let outbound = options.get("installation").and_then(Value::as_str) == Some("outbound");
    let credentials = match options.get("credentials") {
        Some(value) if js_truthy(value) => Some(Credentials::from_js_value(value, outbound)?),
        _ if outbound => return Err(AuthError::missing_credentials()),
        _ => None,
    };
    Ok(AuthOptions {
        connection_config: connection_config(options, false),
        credentials,
        detect_closed_auth_window: options.get("detectClosedAuthWindow").is_some_and(js_truthy),
        assertion_option: match options.get("assertionOption") {
            Some(Value::Object(map)) => Some(map.clone()),
            _ => None,
        },
    })
}

/// True for the errors the JS SDK throws synchronously from `auth`/`reconnect` (spec §1.1,
/// §3.3, §7); every other error rejects the returned promise.
pub fn is_thrown_synchronously(kind: &AuthErrorKind) -> bool {
    matches!(
        kind,
        AuthErrorKind::MissingAuthToken
            | AuthErrorKind::MissingCredentials
            | AuthErrorKind::MissingConnectSessionToken
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use nango_core::{NangoConfig, ProviderConfigKey, plan_auth};
    use serde_json::json;

    const TOK: &str =
        "nango_connect_session_abababababababababababababababababababababababababababababababab";

    #[test]
    fn tv01_constructor_defaults_and_falsy_values() {
        let options = nango_options(&json!({"connectSessionToken": TOK, "host": "", "width": 0}));
        assert_eq!(options.host, None);
        assert_eq!(options.width, None);
        assert!(!options.debug);
        assert_eq!(
            options.auth,
            ClientAuth::SessionToken(ConnectSessionToken::new(TOK))
        );
        let config = NangoConfig::new(options).unwrap();
        assert_eq!(config.host_base_url(), "https://api.nango.dev");
        assert_eq!(config.websocket_url(), "wss://api.nango.dev/");
        assert_eq!(config.popup_size(), (500, 600));
        assert_eq!(nango_options(&Value::Null), NangoOptions::default());
    }

    #[test]
    fn tv02_host_websockets_path_size_debug_and_public_key() {
        let options = nango_options(&json!({
            "host": "https://nango.example.com/api///", "websocketsPath": "/ws",
            "width": 320, "height": 480.4, "debug": 1, "publicKey": "pk"
        }));
        assert_eq!(options.auth, ClientAuth::PublicKey(PublicKey::new("pk")));
        assert!(options.debug);
        let config = NangoConfig::new(options).unwrap();
        assert_eq!(config.websocket_url(), "wss://nango.example.com/ws");
        assert_eq!(config.popup_size(), (320, 480));
        // A host that is not a string is rejected, never ignored.
        let error = NangoConfig::new(nango_options(&json!({"host": {"href": 1}}))).unwrap_err();
        assert_eq!(error.kind, AuthErrorKind::InvalidHostUrl);
    }

    #[test]
    fn auth_overloads_follow_the_js_sdk() {
        // auth(key)
        let args = auth_arguments(&Value::Null, &Value::Null);
        assert_eq!(args.connection_id, None);
        assert!(args.options.is_empty());
        // auth(key, connectionId)
        let args = auth_arguments(&json!("c-1"), &Value::Null);
        assert_eq!(args.connection_id, Some(ConnectionId::new("c-1")));
        // auth(key, '') → no id
        assert_eq!(auth_arguments(&json!(""), &Value::Null).connection_id, None);
        // auth(key, options)
        let args = auth_arguments(&json!({"hmac": "h"}), &Value::Null);
        assert_eq!(args.options, *json!({"hmac": "h"}).as_object().unwrap());
        // auth(key, connectionId, options)
        let args = auth_arguments(&json!("c-2"), &json!({"hmac": "h"}));
        assert_eq!(args.connection_id, Some(ConnectionId::new("c-2")));
        assert_eq!(args.options["hmac"], "h");
        // auth(key, options2, options3): the 2nd overlays the 3rd, key order of the spread.
        let args = auth_arguments(
            &json!({"hmac": "second", "user_scope": ["a"]}),
            &json!({"hmac": "third", "params": {"x": "1"}}),
        );
        assert_eq!(
            serde_json::to_string(&args.options).unwrap(),
            r#"{"hmac":"second","params":{"x":"1"},"user_scope":["a"]}"#
        );
    }

    #[test]
    fn create_overloads_do_not_merge() {
        let (id, config) = create_arguments(&json!("c 1"), &json!({"params": {"a": "b"}}));
        assert_eq!(id, Some(ConnectionId::new("c 1")));
        assert_eq!(config.params["a"], "b");
        let (id, config) = create_arguments(&json!({"hmac": "h"}), &json!({"params": {"a": "b"}}));
        assert_eq!(id, None);
        assert_eq!(config.hmac.as_deref(), Some("h"));
        assert!(config.params.is_empty(), "the 3rd argument is ignored");
    }

    #[test]
    fn tv05_query_part_of_options() {
        let options = json!({
            "params": {"subdomain": "acme co", "n": 3},
            "user_scope": ["users:read", "chat:write"],
            "authorization_params": {"prompt": "consent", "access_type": null, "n": 1},
            "credentials": {"oauth_client_id_override": "id"},
        });
        let config = connection_config(options.as_object().unwrap(), false);
        assert_eq!(config.params.len(), 1, "non-string params are skipped");
        assert_eq!(config.user_scope, ["users:read", "chat:write"]);
        assert_eq!(
            config.authorization_params.into_iter().collect::<Vec<_>>(),
            [
                ("prompt".to_owned(), Some("consent".to_owned())),
                ("access_type".to_owned(), None)
            ]
        );
        assert!(config.credential_overrides.is_empty());
        let config = connection_config(options.as_object().unwrap(), true);
        assert_eq!(config.credential_overrides.client_id.as_deref(), Some("id"));
    }

    #[test]
    fn tv16_outbound_without_credentials_is_missing_credentials() {
        let error =
            auth_options(json!({"installation": "outbound"}).as_object().unwrap()).unwrap_err();
        assert_eq!(error, AuthError::missing_credentials());
        assert!(is_thrown_synchronously(&error.kind));
        let options = auth_options(
            json!({"installation": "outbound", "credentials": {"type": "OAUTH2"}})
                .as_object()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(options.credentials, Some(Credentials::Outbound));
    }

    #[test]
    fn tv09_api_key_options_plan_the_api_key_request() {
        let options = auth_options(
            json!({"params": {"region": "eu"}, "credentials": {"apiKey": "sk_1"}})
                .as_object()
                .unwrap(),
        )
        .unwrap();
        let config = NangoConfig::new(nango_options(&json!({"connectSessionToken": TOK}))).unwrap();
        let plan = plan_auth(&config, &ProviderConfigKey::new("stripe"), None, &options).unwrap();
        let nango_core::AuthPlan::Request(request) = plan else {
            panic!("expected a request, got {plan:?}");
        };
        assert_eq!(request.path, "/api-auth/api-key/stripe");
        assert_eq!(
            request.query,
            format!("?connect_session_token={TOK}&params[region]=eu")
        );
        assert_eq!(request.body, Some(json!({"apiKey": "sk_1"})));
    }

    #[test]
    fn falsy_credentials_mean_the_popup_and_flags_are_read() {
        let options = auth_options(
            json!({"credentials": false, "detectClosedAuthWindow": true, "assertionOption": {"aud": "x"}})
                .as_object()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(options.credentials, None);
        assert!(options.detect_closed_auth_window);
        assert_eq!(options.assertion_option.unwrap()["aud"], "x");
    }

    #[test]
    fn tv07_unroutable_credentials_are_not_thrown_synchronously() {
        let error = auth_options(
            json!({"credentials": {"oauth_client_id_override": "id/1"}})
                .as_object()
                .unwrap(),
        )
        .unwrap_err();
        assert_eq!(error.kind, AuthErrorKind::UnroutableCredentials);
        assert!(!is_thrown_synchronously(&error.kind));
        assert!(is_thrown_synchronously(
            &AuthErrorKind::MissingConnectSessionToken
        ));
        assert!(is_thrown_synchronously(&AuthErrorKind::MissingAuthToken));
    }
}
