//! The provider template model: one entry of Nango's `providers.yaml`, as served by
//! `GET /providers/{provider}`. Only what the Connect UI and the mock server read is typed;
//! every other key is kept in [`Provider::extra`] so a template round-trips without loss.

use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// How a provider authenticates (`auth_mode` in `providers.yaml`). Open set: unknown modes are
/// kept in [`AuthMode::Other`].
#[derive(Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthMode {
    /// OAuth 1.0a (popup).
    OAuth1,
    /// OAuth 2 authorization code (popup), or outbound installation.
    OAuth2,
    /// OAuth 2 client credentials.
    OAuth2Cc,
    /// API key.
    ApiKey,
    /// Username and password.
    Basic,
    /// GitHub-App style installation (popup).
    App,
    /// GitHub-App OAuth (popup).
    Custom,
    /// No credentials at all (`create`).
    None,
    /// JSON Web Token.
    Jwt,
    /// Two-step token exchange.
    TwoStep,
    /// Bill.com login.
    Bill,
    /// Signature-based.
    Signature,
    /// NetSuite token-based auth.
    Tba,
    /// AWS SigV4 role assumption.
    AwsSigv4,
    /// MCP OAuth 2 (popup).
    McpOAuth2,
    /// Generic MCP OAuth 2 (popup).
    McpOAuth2Generic,
    /// Plugin installation (popup).
    InstallPlugin,
    /// A mode this crate does not know, kept verbatim.
    Other(String),
}

impl AuthMode {
    /// Every named mode, in declaration order.
    pub const ALL: &'static [AuthMode] = &[
        AuthMode::OAuth1,
        AuthMode::OAuth2,
        AuthMode::OAuth2Cc,
        AuthMode::ApiKey,
        AuthMode::Basic,
        AuthMode::App,
        AuthMode::Custom,
        AuthMode::None,
        AuthMode::Jwt,
        AuthMode::TwoStep,
        AuthMode::Bill,
        AuthMode::Signature,
        AuthMode::Tba,
        AuthMode::AwsSigv4,
        AuthMode::McpOAuth2,
        AuthMode::McpOAuth2Generic,
        AuthMode::InstallPlugin,
    ];

    /// The wire string (`OAUTH2`, `API_KEY`, …).
    pub fn as_str(&self) -> &str {
        match self {
            AuthMode::OAuth1 => "OAUTH1",
            AuthMode::OAuth2 => "OAUTH2",
            AuthMode::OAuth2Cc => "OAUTH2_CC",
            AuthMode::ApiKey => "API_KEY",
            AuthMode::Basic => "BASIC",
            AuthMode::App => "APP",
            AuthMode::Custom => "CUSTOM",
            AuthMode::None => "NONE",
            AuthMode::Jwt => "JWT",
            AuthMode::TwoStep => "TWO_STEP",
            AuthMode::Bill => "BILL",
            AuthMode::Signature => "SIGNATURE",
            AuthMode::Tba => "TBA",
            AuthMode::AwsSigv4 => "AWS_SIGV4",
            AuthMode::McpOAuth2 => "MCP_OAUTH2",
            AuthMode::McpOAuth2Generic => "MCP_OAUTH2_GENERIC",
            AuthMode::InstallPlugin => "INSTALL_PLUGIN",
            AuthMode::Other(s) => s,
        }
    }

    /// Parses a wire string; unknown strings become [`AuthMode::Other`].
    pub fn from_wire(s: &str) -> Self {
        AuthMode::ALL
            .iter()
            .find(|m| m.as_str() == s)
            .cloned()
            .unwrap_or_else(|| AuthMode::Other(s.to_owned()))
    }

    /// True for the modes the Connect UI completes in an OAuth popup window (spec connect-ui
    /// §2.5.6; `OAUTH2` with `installation: outbound` is the exception, see
    /// [`Provider::uses_popup`]).
    pub fn is_popup_mode(&self) -> bool {
        matches!(
            self,
            AuthMode::OAuth1
                | AuthMode::OAuth2
                | AuthMode::Custom
                | AuthMode::App
                | AuthMode::McpOAuth2
                | AuthMode::McpOAuth2Generic
                | AuthMode::InstallPlugin
        )
    }
}

impl fmt::Display for AuthMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for AuthMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AuthMode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AuthMode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(AuthMode::from_wire(&s))
    }
}

/// The `format` of a field: how its value is validated.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldFormat {
    /// Letters, digits, dots and hyphens.
    Hostname,
    /// A UUID.
    Uuid,
    /// An absolute URL.
    Uri,
    /// An e-mail address.
    Email,
    /// A format this crate does not know (no format check is applied).
    #[serde(untagged)]
    Other(String),
}

/// One field definition of `credentials`, `connection_config`, `integration_config` or
/// `assertion_option` (spec connect-ui §8.4).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldSpec {
    /// Always `string` in the catalogue.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Label.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub title: Option<String>,
    /// Help text under the label.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub description: Option<String>,
    /// Example value, used as placeholder.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub example: Option<String>,
    /// A JavaScript regular expression the value must match (search semantics).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub pattern: Option<String>,
    /// Anchor appended to the provider's `docs_connect` URL.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub doc_section: Option<String>,
    /// Rendered as a password input.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "lenient_bool"
    )]
    pub secret: bool,
    /// Value format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<FieldFormat>,
    /// The empty value is accepted.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "lenient_bool"
    )]
    pub optional: bool,
    /// Not shown (still submitted).
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "lenient_bool"
    )]
    pub hidden: bool,
    /// Filled by Nango itself: never asked.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "lenient_bool"
    )]
    pub automated: bool,
    /// Initial value (may be the empty string, which still counts as defined).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub default_value: Option<String>,
    /// Visual adornment before the input (not part of the value).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub prefix: Option<String>,
    /// Visual adornment after the input (not part of the value).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub suffix: Option<String>,
    /// Sort key (honoured for `connection_config` only).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32"
    )]
    pub order: Option<u32>,
    /// Allowed values (rendered as a select).
    #[serde(default, rename = "enum", skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<String>,
    /// Every other key (dashboard-only keys such as `visible_when`), kept verbatim.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

/// One provider template (an entry of `providers.yaml`, aliases resolved).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    /// The template name (`GET /providers/{provider}` adds it; absent in the yaml itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Human name, e.g. `GitHub (User OAuth)`.
    pub display_name: String,
    /// How it authenticates.
    pub auth_mode: AuthMode,
    /// The template this one aliases (resolved by the catalogue loader).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// `outbound` for outbound installation (OAUTH2 without a popup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installation: Option<String>,
    /// Provider documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    /// The connection guide linked from the Connect UI form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_connect: Option<String>,
    /// Catalogue categories (not used by the Connect UI).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Credential fields asked from the end user.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub credentials: IndexMap<String, FieldSpec>,
    /// Connection configuration fields (`params[...]`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub connection_config: IndexMap<String, FieldSpec>,
    /// Integration-level fields (dashboard; TWO_STEP falls back to them in the Connect UI).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub integration_config: IndexMap<String, FieldSpec>,
    /// TWO_STEP assertion options (`assertionOption`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub assertion_option: IndexMap<String, FieldSpec>,
    /// OAUTH2_CC providers that need a client certificate and key.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "lenient_bool"
    )]
    pub require_client_certificate: bool,
    /// OAUTH2_CC token endpoint auth method (`basic`, `private_key_jwt`, `custom`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_request_auth_method: Option<String>,
    /// OAuth authorization URL (may contain `${connectionConfig.x}` templates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_url: Option<String>,
    /// OAuth token URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<Value>,
    /// Logo URL (added by `GET /providers/{provider}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// Every other key of the template, kept verbatim.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

impl Provider {
    /// True when the Connect UI completes this provider in an OAuth popup window.
    pub fn uses_popup(&self) -> bool {
        self.auth_mode.is_popup_mode() && !self.is_outbound()
    }

    /// True for `installation: outbound` (OAUTH2 without a popup).
    pub fn is_outbound(&self) -> bool {
        self.installation.as_deref() == Some("outbound")
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Accepts YAML/JSON booleans and the strings `"true"`/`"false"` (the catalogue mixes both).
fn lenient_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Bool(b) => b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        _ => false,
    })
}

/// Accepts strings, numbers and booleans as text (`default_value: 1` is the string `"1"`).
fn lenient_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

/// Accepts a non-negative integer or its decimal text.
fn lenient_u32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_from_the_api_keeps_unknown_keys() {
        let json = serde_json::json!({
            "display_name": "Jira (Basic Auth)",
            "auth_mode": "BASIC",
            "categories": ["ticketing"],
            "proxy": {"base_url": "https://${connectionConfig.subdomain}.atlassian.net"},
            "connection_config": {
                "subdomain": {"type": "string", "title": "Subdomain", "order": 1, "prefix": "https://",
                               "suffix": ".atlassian.net", "pattern": "^[a-z0-9_-]+$"}
            },
            "credentials": {"username": {"type": "string", "title": "Email Address", "format": "email"}},
            "name": "jira-basic",
            "logo_url": "http://x/images/template-logos/jira-basic.svg"
        });
        let provider: Provider = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(provider.auth_mode, AuthMode::Basic);
        assert_eq!(provider.connection_config["subdomain"].order, Some(1));
        assert_eq!(
            provider.credentials["username"].format,
            Some(FieldFormat::Email)
        );
        assert!(provider.extra.contains_key("proxy"));
        assert_eq!(serde_json::to_value(&provider).unwrap(), json);
    }

    #[test]
    fn flags_and_values_are_read_leniently() {
        let spec: FieldSpec = serde_json::from_value(
            serde_json::json!({"secret": "true", "default_value": 1, "order": "2"}),
        )
        .unwrap();
        assert!(spec.secret);
        assert_eq!(spec.default_value.as_deref(), Some("1"));
        assert_eq!(spec.order, Some(2));
    }

    #[test]
    fn unknown_auth_modes_are_kept() {
        assert_eq!(
            AuthMode::from_wire("QUANTUM"),
            AuthMode::Other("QUANTUM".into())
        );
        for mode in AuthMode::ALL {
            assert_eq!(&AuthMode::from_wire(mode.as_str()), mode);
        }
    }
}
