//! Planning of `auth`, `reconnect` and `create` (spec §1.1, §3.1–3.3, §5.3, §7): which flow runs
//! (OAuth popup or one HTTP request) and with exactly which URL, query and body.
//!
//! **Synchronous errors (spec §13.1).** Every planner here is a plain synchronous function that
//! returns `Result`. Backends call it first, before opening any window or awaiting anything, so
//! `missing_auth_token`, `missing_connect_session_token` and `invalid_host_url` surface
//! immediately, with the same error types as the JS SDK's synchronous throws.

use serde_json::{Map, Value};

use crate::credentials::Credentials;
use crate::encoding::encode_path_segment;
use crate::options::NangoConfig;
use crate::query::{AuthQuery, ConnectionConfig};
use crate::request::{ApiRequest, BearerAuth, Method};
use crate::{AuthError, ConnectionId, ProviderConfigKey};

/// The options of an `auth`/`reconnect` call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuthOptions {
    /// What goes into the query string (params, hmac, scopes, authorization params, overrides).
    pub connection_config: ConnectionConfig,
    /// The credentials; `None` (or OAuth client overrides) selects the OAuth popup.
    pub credentials: Option<Credentials>,
    /// Reject with `window_closed` when the user closes the popup (popup flow only).
    pub detect_closed_auth_window: bool,
    /// Sent as `assertionOption` with two-step credentials when non-empty.
    pub assertion_option: Option<Map<String, Value>>,
}

/// What the popup flow needs before the WebSocket acknowledges.
#[derive(Clone, PartialEq, Eq)]
pub struct PopupPlan {
    /// `{base}/oauth/connect/{key}{query}`, before `ws_client_id` is added (contains the token).
    pub pre_ack_url: String,
    /// Whether closing the popup rejects with `window_closed`.
    pub detect_closed_auth_window: bool,
}

impl std::fmt::Debug for PopupPlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL carries the session token and overrides: print only its path.
        let path = self.pre_ack_url.split('?').next().unwrap_or_default();
        f.debug_struct("PopupPlan")
            .field("pre_ack_url", &format_args!("{path}?[redacted]"))
            .field("detect_closed_auth_window", &self.detect_closed_auth_window)
            .finish()
    }
}

/// How an `auth` call runs.
#[derive(Clone, Debug, PartialEq)]
pub enum AuthPlan {
    /// Open the OAuth popup, then navigate it once the WebSocket acknowledges.
    Popup(PopupPlan),
    /// Send one HTTP request; its 2xx JSON body is the result.
    Request(ApiRequest),
}

/// Plans `auth(key, connection_id, options)`: the popup for no credentials or OAuth client
/// overrides, `POST /auth/oauth-outbound/{key}` for [`Credentials::Outbound`], the credential
/// endpoint of spec §5.2 otherwise. An empty connection id counts as none.
///
/// The popup query carries the OAuth overrides (those of the credentials, falling back field by
/// field to the connection config's); credential requests never carry overrides in the query.
pub fn plan_auth(
    config: &NangoConfig,
    key: &ProviderConfigKey,
    connection_id: Option<&ConnectionId>,
    options: &AuthOptions,
) -> Result<AuthPlan, AuthError> {
    if !config.auth().is_present() {
        return Err(AuthError::missing_auth_token());
    }
    let connection_config = &options.connection_config;
    let query = AuthQuery::new(connection_id, config.auth(), connection_config);
    if let Some(credentials) = &options.credentials
        && let Some((prefix, body)) =
            credentials.endpoint_and_body(options.assertion_option.as_ref())
    {
        return Ok(AuthPlan::Request(ApiRequest {
            method: Method::Post,
            path: format!("{prefix}{}", encode_path_segment(key.as_str())),
            query: query.query_string(),
            body,
            auth: BearerAuth::None,
        }));
    }
    let overrides = match &options.credentials {
        Some(Credentials::OAuthClientOverrides(overrides)) => {
            overrides.or(&connection_config.credential_overrides)
        }
        _ => connection_config.credential_overrides.clone(),
    };
    let query = AuthQuery {
        credential_overrides: Some(&overrides),
        ..query
    };
    popup_plan(config, key, &query.query_string(), options)
}

/// Plans `reconnect(key, options)`: requires a connect session token, then is `auth` without a
/// connection id (the server finds the connection through the session).
pub fn plan_reconnect(
    config: &NangoConfig,
    key: &ProviderConfigKey,
    options: &AuthOptions,
) -> Result<AuthPlan, AuthError> {
    if config.auth().session_token().is_none() {
        return Err(AuthError::missing_connect_session_token());
    }
    plan_auth(config, key, None, options)
}

/// Plans `create(key, connection_id, connection_config)`: `POST /auth/unauthenticated/{key}` with
/// the full query (overrides included) and no body.
pub fn plan_create(
    config: &NangoConfig,
    key: &ProviderConfigKey,
    connection_id: Option<&ConnectionId>,
    connection_config: &ConnectionConfig,
) -> Result<ApiRequest, AuthError> {
    if !config.auth().is_present() {
        return Err(AuthError::missing_auth_token());
    }
    let query = AuthQuery {
        credential_overrides: Some(&connection_config.credential_overrides),
        ..AuthQuery::new(connection_id, config.auth(), connection_config)
    };
    Ok(ApiRequest {
        method: Method::Post,
        path: format!(
            "/auth/unauthenticated/{}",
            encode_path_segment(key.as_str())
        ),
        query: query.query_string(),
        body: None,
        auth: BearerAuth::None,
    })
}

/// Builds the popup plan, checking that the URL parses (else `invalid_host_url`, spec §3.4).
fn popup_plan(
    config: &NangoConfig,
    key: &ProviderConfigKey,
    query: &str,
    options: &AuthOptions,
) -> Result<AuthPlan, AuthError> {
    let pre_ack_url = format!(
        "{}/oauth/connect/{}{query}",
        config.host_base_url(),
        encode_path_segment(key.as_str())
    );
    url::Url::parse(&pre_ack_url).map_err(|_| AuthError::invalid_host_url())?;
    Ok(AuthPlan::Popup(PopupPlan {
        pre_ack_url,
        detect_closed_auth_window: options.detect_closed_auth_window,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{ClientAuth, NangoOptions};
    use crate::qs::{QsValue, parse_query};
    use crate::query::OAuthClientOverrides;
    use crate::{AuthErrorKind, ConnectSessionToken, PublicKey};
    use serde_json::json;

    const PK: &str = "6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";
    const WSID: &str = "0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a";

    fn tok() -> String {
        format!("nango_connect_session_{}", "ab".repeat(32))
    }

    fn with_token() -> NangoConfig {
        NangoConfig::new(NangoOptions {
            auth: ClientAuth::SessionToken(ConnectSessionToken::new(tok())),
            ..NangoOptions::default()
        })
        .unwrap()
    }

    fn with_public_key() -> NangoConfig {
        NangoConfig::new(NangoOptions {
            auth: ClientAuth::PublicKey(PublicKey::new(PK)),
            ..NangoOptions::default()
        })
        .unwrap()
    }

    fn key(k: &str) -> ProviderConfigKey {
        ProviderConfigKey::new(k)
    }

    fn popup(plan: AuthPlan) -> PopupPlan {
        match plan {
            AuthPlan::Popup(popup) => popup,
            other => panic!("expected popup, got {other:?}"),
        }
    }

    fn request(plan: AuthPlan) -> ApiRequest {
        match plan {
            AuthPlan::Request(request) => request,
            other => panic!("expected request, got {other:?}"),
        }
    }

    fn options_with(credentials: Value) -> AuthOptions {
        AuthOptions {
            credentials: Some(Credentials::from_js_value(&credentials, false).unwrap()),
            ..AuthOptions::default()
        }
    }

    /// What the JS SDK does on `connection_ack`: search-params *set* of `ws_client_id`, which
    /// re-serialises the whole query form-urlencoded.
    fn navigated(pre_ack_url: &str) -> String {
        let mut url = url::Url::parse(pre_ack_url).unwrap();
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .into_owned()
            .filter(|(name, _)| name != "ws_client_id")
            .collect();
        url.query_pairs_mut()
            .clear()
            .extend_pairs(pairs)
            .append_pair("ws_client_id", WSID);
        url.to_string()
    }

    /// Asserts that our pre-ack URL decodes (server side, `qs`) like the JS SDK's.
    fn assert_same_server_view(ours: &str, js: &str) {
        let query = |url: &str| {
            let parsed = url::Url::parse(url).unwrap();
            parse_query(parsed.query().unwrap_or_default())
        };
        assert_eq!(query(ours), query(js));
    }

    #[test]
    fn tv03_missing_credentials() {
        let none = NangoConfig::new(NangoOptions::default()).unwrap();
        let err = plan_auth(&none, &key("github"), None, &AuthOptions::default()).unwrap_err();
        assert_eq!(err, AuthError::missing_auth_token());
        let err = plan_create(&none, &key("x"), None, &ConnectionConfig::default()).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::MissingAuthToken);
        let err = plan_reconnect(&with_public_key(), &key("github"), &AuthOptions::default())
            .unwrap_err();
        assert_eq!(err, AuthError::missing_connect_session_token());
        // An empty token is no token.
        let empty = NangoConfig::new(NangoOptions {
            auth: ClientAuth::SessionToken(ConnectSessionToken::new("")),
            ..NangoOptions::default()
        })
        .unwrap();
        let err = plan_reconnect(&empty, &key("github"), &AuthOptions::default()).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::MissingConnectSessionToken);
        let err = plan_auth(&empty, &key("github"), None, &AuthOptions::default()).unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::MissingAuthToken);
    }

    #[test]
    fn tv04_simplest_popup() {
        let plan =
            popup(plan_auth(&with_token(), &key("github"), None, &AuthOptions::default()).unwrap());
        let pre_ack = format!(
            "https://api.nango.dev/oauth/connect/github?connect_session_token={}",
            tok()
        );
        assert_eq!(plan.pre_ack_url, pre_ack);
        assert!(!plan.detect_closed_auth_window);
        assert_eq!(
            navigated(&plan.pre_ack_url),
            format!("{pre_ack}&ws_client_id={WSID}")
        );
    }

    #[test]
    fn tv05_user_scope_and_authorization_params() {
        let mut options = AuthOptions::default();
        options.connection_config.user_scope = vec!["users:read".into(), "chat:write".into()];
        options
            .connection_config
            .authorization_params
            .insert("prompt".into(), Some("consent".into()));
        options
            .connection_config
            .authorization_params
            .insert("access_type".into(), None);
        let plan = popup(plan_auth(&with_token(), &key("slack"), None, &options).unwrap());
        let tok = tok();
        let js_pre_ack = format!(
            "https://api.nango.dev/oauth/connect/slack?connect_session_token={tok}&user_scope=users:read,chat:write\
             &authorization_params[prompt]=consent&authorization_params[access_type]=undefined"
        );
        assert_same_server_view(&plan.pre_ack_url, &js_pre_ack);
        let parsed = parse_query(plan.pre_ack_url.split_once('?').unwrap().1);
        assert_eq!(parsed.get_str("user_scope"), Some("users:read,chat:write"));
        assert_eq!(
            parsed
                .get_object("authorization_params")
                .unwrap()
                .get("access_type"),
            Some(&QsValue::String("undefined".into()))
        );
        assert_eq!(
            navigated(&plan.pre_ack_url),
            format!(
                "https://api.nango.dev/oauth/connect/slack?connect_session_token={tok}\
                 &user_scope=users%3Aread%2Cchat%3Awrite&authorization_params%5Bprompt%5D=consent\
                 &authorization_params%5Baccess_type%5D=undefined&ws_client_id={WSID}"
            )
        );
    }

    #[test]
    fn tv06_public_key_connection_id_params_hmac() {
        let mut options = AuthOptions::default();
        options
            .connection_config
            .params
            .insert("subdomain".into(), "acme co".into());
        options.connection_config.hmac = Some("deadbeef".into());
        let id = ConnectionId::new("user 1");
        let plan =
            popup(plan_auth(&with_public_key(), &key("zendesk"), Some(&id), &options).unwrap());
        let js_pre_ack = format!(
            "https://api.nango.dev/oauth/connect/zendesk?connection_id=user%201&public_key={PK}\
             &params[subdomain]=acme%20co&hmac=deadbeef"
        );
        // Here every JS raw value is safe: our pre-ack URL is byte-identical.
        assert_eq!(plan.pre_ack_url, js_pre_ack);
        assert_same_server_view(&plan.pre_ack_url, &js_pre_ack);
        assert_eq!(
            navigated(&plan.pre_ack_url),
            format!(
                "https://api.nango.dev/oauth/connect/zendesk?connection_id=user+1&public_key={PK}\
                 &params%5Bsubdomain%5D=acme+co&hmac=deadbeef&ws_client_id={WSID}"
            )
        );
    }

    #[test]
    fn tv07_oauth_client_overrides_stay_on_the_popup() {
        let options = options_with(
            json!({"oauth_client_id_override": "id/1", "oauth_client_secret_override": "s&2"}),
        );
        let plan = popup(plan_auth(&with_token(), &key("netsuite"), None, &options).unwrap());
        let tok = tok();
        let js_pre_ack = format!(
            "https://api.nango.dev/oauth/connect/netsuite?connect_session_token={tok}\
             &credentials[oauth_client_id_override]=id%2F1&credentials[oauth_client_secret_override]=s%262"
        );
        assert_eq!(plan.pre_ack_url, js_pre_ack);
        assert_eq!(
            navigated(&plan.pre_ack_url),
            format!(
                "https://api.nango.dev/oauth/connect/netsuite?connect_session_token={tok}\
                 &credentials%5Boauth_client_id_override%5D=id%2F1\
                 &credentials%5Boauth_client_secret_override%5D=s%262&ws_client_id={WSID}"
            )
        );
        // One override only: non-popup and unroutable.
        let err = Credentials::from_js_value(&json!({"oauth_client_id_override": "id/1"}), false)
            .unwrap_err();
        assert_eq!(err.kind, AuthErrorKind::UnroutableCredentials);
    }

    #[test]
    fn popup_overrides_fall_back_to_the_connection_config() {
        let mut options = options_with(
            json!({"oauth_client_id_override": "a", "oauth_client_secret_override": "b"}),
        );
        options.connection_config.credential_overrides = OAuthClientOverrides {
            client_id: Some("ignored".into()),
            refresh_token: Some("r".into()),
            ..OAuthClientOverrides::default()
        };
        options.detect_closed_auth_window = true;
        let plan = popup(plan_auth(&with_token(), &key("k"), None, &options).unwrap());
        assert!(plan.detect_closed_auth_window);
        assert!(plan.pre_ack_url.ends_with(
            "&credentials[oauth_client_id_override]=a&credentials[oauth_client_secret_override]=b\
             &credentials[oauth_refresh_token_override]=r"
        ));
        // Without credentials, the config's overrides still reach the popup.
        options.credentials = None;
        let plan = popup(plan_auth(&with_token(), &key("k"), None, &options).unwrap());
        assert!(plan.pre_ack_url.ends_with(
            "&credentials[oauth_client_id_override]=ignored&credentials[oauth_refresh_token_override]=r"
        ));
        assert!(!format!("{plan:?}").contains("abab"));
    }

    #[test]
    fn tv09_api_key_request() {
        let mut options = options_with(json!({"apiKey": "sk_1"}));
        options
            .connection_config
            .params
            .insert("region".into(), "eu".into());
        // Overrides in the config never reach a credential request's query.
        options.connection_config.credential_overrides.client_id = Some("x".into());
        let request = request(plan_auth(&with_token(), &key("stripe"), None, &options).unwrap());
        assert_eq!(request.method, Method::Post);
        assert_eq!(
            format!("https://api.nango.dev{}", request.path_and_query()),
            format!(
                "https://api.nango.dev/api-auth/api-key/stripe?connect_session_token={}&params[region]=eu",
                tok()
            )
        );
        assert_eq!(request.body, Some(json!({"apiKey": "sk_1"})));
        assert_eq!(request.auth, BearerAuth::None);
        let typed = options_with(json!({"apiKey": "sk_1", "type": "API_KEY"}));
        let mut typed = typed;
        typed.connection_config = options.connection_config.clone();
        assert_eq!(
            plan_auth(&with_token(), &key("stripe"), None, &typed).unwrap(),
            AuthPlan::Request(request)
        );
    }

    #[test]
    fn tv10_basic_request() {
        let options = options_with(json!({"username": "u", "password": ""}));
        let id = ConnectionId::new("conn-1");
        let request =
            request(plan_auth(&with_public_key(), &key("ashby"), Some(&id), &options).unwrap());
        assert_eq!(
            request.path_and_query(),
            format!("/api-auth/basic/ashby?connection_id=conn-1&public_key={PK}")
        );
        assert_eq!(request.body, Some(json!({"username": "u", "password": ""})));
    }

    #[test]
    fn tv11_tba_request() {
        let options = options_with(json!({
            "token_id": "t", "token_secret": "s",
            "oauth_client_id_override": "ci", "oauth_client_secret_override": "cs"
        }));
        let request =
            request(plan_auth(&with_token(), &key("netsuite-tba"), None, &options).unwrap());
        assert_eq!(
            request.path_and_query(),
            format!("/auth/tba/netsuite-tba?connect_session_token={}", tok())
        );
        assert_eq!(
            request.body,
            Some(json!({"token_id": "t", "token_secret": "s",
                "oauth_client_id_override": "ci", "oauth_client_secret_override": "cs"}))
        );
    }

    #[test]
    fn tv12_oauth2_cc_request() {
        let options =
            options_with(json!({"client_id": "a", "client_secret": "b", "type": "OAUTH2_CC"}));
        let request = request(plan_auth(&with_token(), &key("k"), None, &options).unwrap());
        assert_eq!(
            request.path_and_query(),
            format!("/oauth2/auth/k?connect_session_token={}", tok())
        );
        assert_eq!(
            request.body,
            Some(json!({"client_id": "a", "client_secret": "b"}))
        );
    }

    #[test]
    fn tv13_two_step_request() {
        let mut options =
            options_with(json!({"type": "TWO_STEP", "username": "u", "password": "p"}));
        options.assertion_option = json!({"aud": "x"}).as_object().cloned();
        let request_with = request(plan_auth(&with_token(), &key("k"), None, &options).unwrap());
        assert_eq!(
            request_with.path_and_query(),
            format!("/auth/two-step/k?connect_session_token={}", tok())
        );
        assert_eq!(
            request_with.body,
            Some(
                json!({"type": "TWO_STEP", "username": "u", "password": "p", "assertionOption": {"aud": "x"}})
            )
        );
        options.assertion_option = Some(Map::new());
        let request_without = request(plan_auth(&with_token(), &key("k"), None, &options).unwrap());
        assert_eq!(
            request_without.body,
            Some(json!({"type": "TWO_STEP", "username": "u", "password": "p"}))
        );
    }

    #[test]
    fn tv14_signature_aws_bill_jwt_requests() {
        let token = tok();
        let signature =
            options_with(json!({"type": "SIGNATURE", "username": "u", "password": "p"}));
        let r = request(plan_auth(&with_token(), &key("k"), None, &signature).unwrap());
        assert_eq!(r.path, "/auth/signature/k");
        assert_eq!(
            r.body,
            Some(json!({"type": "SIGNATURE", "username": "u", "password": "p"}))
        );

        let external_id = "5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4";
        let mut aws =
            options_with(json!({"type": "AWS_SIGV4", "role_arn": "arn:aws:iam::1:role/R"}));
        aws.connection_config
            .params
            .insert("external_id".into(), external_id.into());
        let r = request(plan_auth(&with_token(), &key("k"), None, &aws).unwrap());
        assert_eq!(
            r.path_and_query(),
            format!(
                "/auth/aws-sigv4/k?connect_session_token={token}&params[external_id]={external_id}"
            )
        );
        assert_eq!(r.body, Some(json!({"role_arn": "arn:aws:iam::1:role/R"})));

        let bill = options_with(
            json!({"username": "u", "password": "p", "organization_id": "o", "dev_key": "d", "type": "BILL"}),
        );
        let r = request(plan_auth(&with_token(), &key("k"), None, &bill).unwrap());
        assert_eq!(r.path, "/auth/bill/k");
        assert_eq!(
            r.body,
            Some(json!({"username": "u", "password": "p", "organization_id": "o", "dev_key": "d"}))
        );

        let jwt_value =
            json!({"type": "JWT", "issuerId": "i", "privateKeyId": "pk", "privateKey": "PEM"});
        let r = request(
            plan_auth(
                &with_token(),
                &key("k"),
                None,
                &options_with(jwt_value.clone()),
            )
            .unwrap(),
        );
        assert_eq!(r.path, "/auth/jwt/k");
        assert_eq!(r.body, Some(jwt_value));
    }

    #[test]
    fn tv15_create() {
        let id = ConnectionId::new("c 1");
        let request = plan_create(
            &with_token(),
            &key("my key"),
            Some(&id),
            &ConnectionConfig::default(),
        )
        .unwrap();
        assert_eq!(
            format!("https://api.nango.dev{}", request.path_and_query()),
            format!(
                "https://api.nango.dev/auth/unauthenticated/my%20key?connection_id=c%201&connect_session_token={}",
                tok()
            )
        );
        assert_eq!(request.method, Method::Post);
        assert_eq!(request.body, None);
        assert_eq!(request.auth, BearerAuth::None);
        // create() honours the config's overrides; an empty id is no id.
        let mut config = ConnectionConfig::default();
        config.credential_overrides.client_id = Some("c".into());
        let empty = ConnectionId::new("");
        let request = plan_create(&with_token(), &key("k"), Some(&empty), &config).unwrap();
        assert_eq!(
            request.query,
            format!(
                "?connect_session_token={}&credentials[oauth_client_id_override]=c",
                tok()
            )
        );
    }

    #[test]
    fn tv16_outbound_request() {
        let options = AuthOptions {
            credentials: Some(
                Credentials::from_js_value(&json!({"type": "OAUTH2"}), true).unwrap(),
            ),
            ..AuthOptions::default()
        };
        let r = request(plan_auth(&with_token(), &key("k"), None, &options).unwrap());
        assert_eq!(
            r.path_and_query(),
            format!("/auth/oauth-outbound/k?connect_session_token={}", tok())
        );
        assert_eq!(r.body, None);
    }

    #[test]
    fn reconnect_is_auth_without_connection_id() {
        let options = options_with(json!({"apiKey": "k"}));
        let reconnect = plan_reconnect(&with_token(), &key("stripe"), &options).unwrap();
        assert_eq!(
            reconnect,
            plan_auth(&with_token(), &key("stripe"), None, &options).unwrap()
        );
        let popup_plan =
            popup(plan_reconnect(&with_token(), &key("github"), &AuthOptions::default()).unwrap());
        assert!(
            popup_plan
                .pre_ack_url
                .starts_with("https://api.nango.dev/oauth/connect/github?")
        );
    }

    #[test]
    fn tv21_provider_key_is_one_encoded_path_segment() {
        let plan = popup(
            plan_auth(
                &with_token(),
                &key("my key~:.@_-"),
                None,
                &AuthOptions::default(),
            )
            .unwrap(),
        );
        assert!(
            plan.pre_ack_url
                .starts_with("https://api.nango.dev/oauth/connect/my%20key~:.@_-?")
        );
        let hostile = popup(
            plan_auth(
                &with_token(),
                &key("../x?y#z"),
                None,
                &AuthOptions::default(),
            )
            .unwrap(),
        );
        let parsed = url::Url::parse(&hostile.pre_ack_url).unwrap();
        assert_eq!(parsed.path(), "/oauth/connect/..%2Fx%3Fy%23z");
        assert_eq!(parsed.fragment(), None);
    }

    #[test]
    fn tv21_reserialisation_of_unsafe_values() {
        let mut options = AuthOptions::default();
        options
            .connection_config
            .params
            .insert("x".into(), "a+b c*~()!".into());
        let id = ConnectionId::new("é \"<>'");
        let config = NangoConfig::new(NangoOptions {
            auth: ClientAuth::PublicKey(PublicKey::new("x")),
            ..NangoOptions::default()
        })
        .unwrap();
        let plan = popup(plan_auth(&config, &key("k"), Some(&id), &options).unwrap());
        let navigated = navigated(&plan.pre_ack_url);
        assert_eq!(
            navigated,
            format!(
                "https://api.nango.dev/oauth/connect/k?connection_id=%C3%A9+%22%3C%3E%27&public_key=x\
                 &params%5Bx%5D=a%2Bb+c*%7E%28%29%21&ws_client_id={WSID}"
            )
        );
        let server = parse_query(navigated.split_once('?').unwrap().1);
        assert_eq!(server.get_str("connection_id"), Some("é \"<>'"));
        assert_eq!(
            server.get_object("params").unwrap().get("x"),
            Some(&QsValue::String("a+b c*~()!".into()))
        );
    }
}
