//! The query string of every auth flow (spec §2): [`ConnectionConfig`] and [`AuthQuery`], which
//! emits the parts in the JS SDK's exact order with every value percent-encoded.
//!
//! **Deliberate fix of the raw-value QUIRK.** The JS SDK sends `connection_id`, `public_key`,
//! `connect_session_token`, `hmac`, `user_scope` and `authorization_params[…]` raw. We encode every
//! value (and every bracketed key) with [`encode_component`]. Whenever the JS raw values contain only
//! characters that need no encoding the output is byte-identical to the JS SDK; otherwise the server's
//! `qs` parser decodes our output to exactly the values the caller meant: a `+` arrives as `+` (JS
//! sends it raw and the server reads a space), `&`/`=` no longer split the query, and a `#` no longer
//! truncates it.

use indexmap::IndexMap;

use crate::ConnectionId;
use crate::encoding::encode_component;
use crate::options::ClientAuth;

/// The text the JS SDK sends for an `authorization_params` entry whose value is `undefined`; the
/// server reads it as "delete this template parameter".
pub const UNDEFINED_AUTHORIZATION_PARAM: &str = "undefined";

/// OAuth client overrides a caller may pass with a popup flow (`credentials[oauth_*_override]`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct OAuthClientOverrides {
    /// `oauth_client_id_override`.
    pub client_id: Option<String>,
    /// `oauth_client_secret_override` (a secret: never printed).
    pub client_secret: Option<String>,
    /// `oauth_refresh_token_override` (a secret: never printed).
    pub refresh_token: Option<String>,
}

impl OAuthClientOverrides {
    /// True when no override is set.
    pub fn is_empty(&self) -> bool {
        self.client_id.is_none() && self.client_secret.is_none() && self.refresh_token.is_none()
    }

    /// Each field of `self`, or of `fallback` where `self` has none.
    pub fn or(&self, fallback: &OAuthClientOverrides) -> OAuthClientOverrides {
        OAuthClientOverrides {
            client_id: self
                .client_id
                .clone()
                .or_else(|| fallback.client_id.clone()),
            client_secret: self
                .client_secret
                .clone()
                .or_else(|| fallback.client_secret.clone()),
            refresh_token: self
                .refresh_token
                .clone()
                .or_else(|| fallback.refresh_token.clone()),
        }
    }
}

impl std::fmt::Debug for OAuthClientOverrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redacted = |v: &Option<String>| v.as_ref().map(|_| "[redacted]");
        f.debug_struct("OAuthClientOverrides")
            .field("client_id", &self.client_id)
            .field("client_secret", &redacted(&self.client_secret))
            .field("refresh_token", &redacted(&self.refresh_token))
            .finish()
    }
}

/// The connection configuration of an `auth`/`create` call: everything of the JS options object
/// that goes into the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectionConfig {
    /// Connection config parameters, sent as `params[key]=value`.
    pub params: IndexMap<String, String>,
    /// HMAC digest (public-key auth with HMAC enabled); an empty string counts as none.
    pub hmac: Option<String>,
    /// User scopes, sent comma-joined as `user_scope`; empty means none.
    pub user_scope: Vec<String>,
    /// Authorization parameters; `None` is JS `undefined`, sent as the text `undefined`, which the
    /// server reads as "delete this template parameter".
    pub authorization_params: IndexMap<String, Option<String>>,
    /// OAuth client overrides, sent as `credentials[oauth_*_override]` on the popup and `create`
    /// paths (never on credential requests).
    pub credential_overrides: OAuthClientOverrides,
}

/// The name of one query parameter: a plain name or `outer[key]` bracket notation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryName {
    /// A plain name such as `connection_id`.
    Plain(&'static str),
    /// `outer[key]`, e.g. `params[subdomain]`; the brackets are sent literally, the key encoded.
    Bracketed {
        /// The outer name, e.g. `params`.
        outer: &'static str,
        /// The inner key (unencoded).
        key: String,
    },
}

impl QueryName {
    /// The name as the server's `qs` parser reads it, e.g. `params[subdomain]`.
    pub fn decoded(&self) -> String {
        match self {
            QueryName::Plain(name) => (*name).to_owned(),
            QueryName::Bracketed { outer, key } => format!("{outer}[{key}]"),
        }
    }

    /// The name as sent: brackets literal, the inner key percent-encoded.
    pub fn encoded(&self) -> String {
        match self {
            QueryName::Plain(name) => (*name).to_owned(),
            QueryName::Bracketed { outer, key } => format!("{outer}[{}]", encode_component(key)),
        }
    }
}

/// The inputs of the query builder of spec §2.
#[derive(Clone, Copy, Debug)]
pub struct AuthQuery<'a> {
    /// The connection id; `None` or empty means none.
    pub connection_id: Option<&'a ConnectionId>,
    /// The client's token or public key.
    pub auth: &'a ClientAuth,
    /// The connection configuration.
    pub config: &'a ConnectionConfig,
    /// The credential overrides to emit (`None` on credential requests, which never send them).
    pub credential_overrides: Option<&'a OAuthClientOverrides>,
    /// A TBA `token_id` to put in the query (the JS table's row 10; our planners never set it,
    /// since TBA credentials travel in the request body).
    pub token_id: Option<&'a str>,
    /// A TBA `token_secret` to put in the query (row 11; never set by our planners).
    pub token_secret: Option<&'a str>,
}

impl<'a> AuthQuery<'a> {
    /// A query with the id, auth and config, and no credential parts.
    pub fn new(
        connection_id: Option<&'a ConnectionId>,
        auth: &'a ClientAuth,
        config: &'a ConnectionConfig,
    ) -> Self {
        AuthQuery {
            connection_id,
            auth,
            config,
            credential_overrides: None,
            token_id: None,
            token_secret: None,
        }
    }

    /// The parameters in the exact order of spec §2's table, unencoded.
    pub fn pairs(&self) -> Vec<(QueryName, String)> {
        let mut pairs = Vec::new();
        let plain = |pairs: &mut Vec<(QueryName, String)>, name, value: &str| {
            pairs.push((QueryName::Plain(name), value.to_owned()));
        };
        if let Some(id) = self.connection_id.filter(|id| !id.as_str().is_empty()) {
            plain(&mut pairs, "connection_id", id.as_str());
        }
        if let Some(key) = self.auth.public_key() {
            plain(&mut pairs, "public_key", key.as_str());
        }
        if let Some(token) = self.auth.session_token() {
            plain(&mut pairs, "connect_session_token", token.expose());
        }
        for (key, value) in &self.config.params {
            pairs.push((bracketed("params", key), value.clone()));
        }
        if let Some(hmac) = self.config.hmac.as_deref().filter(|h| !h.is_empty()) {
            plain(&mut pairs, "hmac", hmac);
        }
        if !self.config.user_scope.is_empty() {
            plain(&mut pairs, "user_scope", &self.config.user_scope.join(","));
        }
        if let Some(overrides) = self.credential_overrides {
            let rows = [
                ("oauth_client_id_override", &overrides.client_id),
                ("oauth_client_secret_override", &overrides.client_secret),
                ("oauth_refresh_token_override", &overrides.refresh_token),
            ];
            for (name, value) in rows {
                if let Some(value) = value {
                    pairs.push((bracketed("credentials", name), value.clone()));
                }
            }
        }
        if let Some(token_id) = self.token_id {
            plain(&mut pairs, "token_id", token_id);
        }
        if let Some(token_secret) = self.token_secret {
            plain(&mut pairs, "token_secret", token_secret);
        }
        for (key, value) in &self.config.authorization_params {
            let value = value.as_deref().unwrap_or(UNDEFINED_AUTHORIZATION_PARAM);
            pairs.push((bracketed("authorization_params", key), value.to_owned()));
        }
        pairs
    }

    /// The serialised query: `""` when there is no part, else `?` and the `&`-joined parts with
    /// every value and bracketed key encoded by [`encode_component`].
    pub fn query_string(&self) -> String {
        let pairs = self.pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = pairs
            .iter()
            .map(|(name, value)| format!("{}={}", name.encoded(), encode_component(value)))
            .collect();
        format!("?{}", parts.join("&"))
    }
}

/// Builds `outer[key]`.
fn bracketed(outer: &'static str, key: &str) -> QueryName {
    QueryName::Bracketed {
        outer,
        key: key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qs::{QsValue, parse_query};
    use crate::{ConnectSessionToken, PublicKey};
    use proptest::prelude::*;

    fn tok() -> ClientAuth {
        ClientAuth::SessionToken(ConnectSessionToken::new(format!(
            "nango_connect_session_{}",
            "ab".repeat(32)
        )))
    }

    #[test]
    fn no_parts_means_empty_string() {
        let config = ConnectionConfig::default();
        assert_eq!(
            AuthQuery::new(None, &ClientAuth::None, &config).query_string(),
            ""
        );
        let empty_id = ConnectionId::new("");
        let query = AuthQuery::new(Some(&empty_id), &ClientAuth::None, &config);
        assert_eq!(query.query_string(), "");
    }

    #[test]
    fn parts_follow_the_table_order() {
        let mut config = ConnectionConfig {
            hmac: Some("h".into()),
            user_scope: vec!["a".into(), "b".into()],
            credential_overrides: OAuthClientOverrides {
                client_id: Some("ci".into()),
                client_secret: Some("cs".into()),
                refresh_token: Some("rt".into()),
            },
            ..ConnectionConfig::default()
        };
        config.params.insert("p".into(), "1".into());
        config
            .authorization_params
            .insert("prompt".into(), Some("consent".into()));
        config.authorization_params.insert("gone".into(), None);
        let auth = ClientAuth::PublicKey(PublicKey::new("pk"));
        let id = ConnectionId::new("c");
        let query = AuthQuery {
            credential_overrides: Some(&config.credential_overrides),
            token_id: Some("t"),
            token_secret: Some("s"),
            ..AuthQuery::new(Some(&id), &auth, &config)
        };
        assert_eq!(
            query.query_string(),
            "?connection_id=c&public_key=pk&params[p]=1&hmac=h&user_scope=a%2Cb\
             &credentials[oauth_client_id_override]=ci&credentials[oauth_client_secret_override]=cs\
             &credentials[oauth_refresh_token_override]=rt&token_id=t&token_secret=s\
             &authorization_params[prompt]=consent&authorization_params[gone]=undefined"
        );
        // Without overrides requested, none are sent even when the config carries some.
        let plain = AuthQuery::new(Some(&id), &auth, &config).query_string();
        assert!(!plain.contains("credentials"), "{plain}");
    }

    #[test]
    fn empty_hmac_and_scopes_are_omitted() {
        let config = ConnectionConfig {
            hmac: Some(String::new()),
            ..ConnectionConfig::default()
        };
        let auth = tok();
        let query = AuthQuery::new(None, &auth, &config).query_string();
        assert_eq!(
            query,
            format!(
                "?connect_session_token=nango_connect_session_{}",
                "ab".repeat(32)
            )
        );
    }

    #[test]
    fn tv21_raw_hash_plus_and_ampersand_no_longer_corrupt_the_query() {
        let mut config = ConnectionConfig {
            hmac: Some("a+b&c=d".into()),
            ..ConnectionConfig::default()
        };
        config
            .authorization_params
            .insert("x y".into(), Some("1+1".into()));
        let auth = ClientAuth::PublicKey(PublicKey::new("x"));
        let id = ConnectionId::new("a#b");
        let query = AuthQuery::new(Some(&id), &auth, &config).query_string();
        assert_eq!(
            query,
            "?connection_id=a%23b&public_key=x&hmac=a%2Bb%26c%3Dd&authorization_params[x%20y]=1%2B1"
        );
        let url = url::Url::parse(&format!("https://h/oauth/connect/k{query}")).unwrap();
        assert_eq!(url.fragment(), None);
        let parsed = parse_query(url.query().unwrap());
        assert_eq!(parsed.get_str("connection_id"), Some("a#b"));
        assert_eq!(parsed.get_str("public_key"), Some("x"));
        assert_eq!(parsed.get_str("hmac"), Some("a+b&c=d"));
        let auth_params = parsed.get_object("authorization_params").unwrap();
        assert_eq!(auth_params.get("x y"), Some(&QsValue::String("1+1".into())));
    }

    fn key_strategy() -> impl Strategy<Value = String> {
        // qs turns `[]`/small integers into arrays, drops `__proto__` and reads brackets as
        // nesting even when percent-encoded: such keys cannot round-trip for any client.
        "[a-zA-Z_][^\\[\\]]{0,12}".prop_filter("not __proto__", |k| k != "__proto__")
    }

    proptest! {
        #[test]
        fn query_round_trips_through_qs(
            id in "\\PC{1,20}",
            params in proptest::collection::vec((key_strategy(), "\\PC{0,20}"), 0..5),
            hmac in proptest::option::of("\\PC{1,20}"),
            scopes in proptest::collection::vec("[^,]{1,10}", 0..4),
            auth_params in proptest::collection::vec((key_strategy(), proptest::option::of("\\PC{0,20}")), 0..4),
            override_id in proptest::option::of("\\PC{0,20}"),
        ) {
            let config = ConnectionConfig {
                params: params.into_iter().collect(),
                hmac,
                user_scope: scopes,
                authorization_params: auth_params.into_iter().collect(),
                credential_overrides: OAuthClientOverrides { client_id: override_id, ..Default::default() },
            };
            let id = ConnectionId::new(id);
            let auth = tok();
            let query = AuthQuery {
                credential_overrides: Some(&config.credential_overrides),
                ..AuthQuery::new(Some(&id), &auth, &config)
            };
            let serialised = query.query_string();
            // The URL parser changes nothing but `'` (WHATWG's special-query set encodes it).
            let url = url::Url::parse(&format!("https://h/p{serialised}")).unwrap();
            prop_assert_eq!(
                url.query().map(|q| format!("?{q}")),
                Some(serialised.replace('\'', "%27"))
            );
            prop_assert_eq!(url.fragment(), None);
            let parsed = parse_query(url.query().unwrap_or_default());
            prop_assert_eq!(parsed.get_str("connection_id"), Some(id.as_str()));
            prop_assert_eq!(parsed.get_str("connect_session_token"), auth.session_token().map(|t| t.expose()));
            prop_assert_eq!(parsed.get_str("hmac"), config.hmac.as_deref());
            let joined = config.user_scope.join(",");
            prop_assert_eq!(parsed.get_str("user_scope"), (!joined.is_empty()).then_some(joined.as_str()));
            for (key, value) in &config.params {
                let params = parsed.get_object("params").unwrap();
                prop_assert_eq!(params.get(key), Some(&QsValue::String(value.clone())));
            }
            for (key, value) in &config.authorization_params {
                let params = parsed.get_object("authorization_params").unwrap();
                let expected = value.clone().unwrap_or_else(|| "undefined".into());
                prop_assert_eq!(params.get(key), Some(&QsValue::String(expected)));
            }
            if let Some(client_id) = &config.credential_overrides.client_id {
                let credentials = parsed.get_object("credentials").unwrap();
                prop_assert_eq!(
                    credentials.get("oauth_client_id_override"),
                    Some(&QsValue::String(client_id.clone()))
                );
            }
        }
    }
}
