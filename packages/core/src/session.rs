//! Serde models of Nango's connect-session and integration endpoints: what the Connect UI reads,
//! what backends send to create sessions, and telemetry beacons (shared with the mock server).

use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::connect_ui::ThemeOverride;
use crate::ids::CONNECT_SESSION_TOKEN_PREFIX;
use crate::ids::ProviderName;
use crate::{ConnectSessionToken, ConnectionId, ProviderConfigKey};

/// Nango's default primary colour of the Connect UI (both themes).
pub const DEFAULT_PRIMARY_COLOR: &str = "#00B2E3";

/// The `data` of `GET /connect/session`: everything the Connect UI needs to know about its session.
///
/// Keys use Nango's mixed casing (`endUser`, `connectUISettings`, `isReconnecting`,
/// `websocketsPath`, the rest snake_case). Optional keys are absent, not `null`, when unset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectSession {
    /// The end user the session was created for (`null` for tag-only sessions).
    #[serde(rename = "endUser", default)]
    pub end_user: Option<EndUser>,
    /// The integrations this session may connect (`None`: all of the environment's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_integrations: Option<Vec<ProviderConfigKey>>,
    /// Branding and theme of the Connect UI.
    #[serde(rename = "connectUISettings", default)]
    pub connect_ui_settings: ConnectUiSettings,
    /// Per-integration defaults (prefilled connection config, authorization params).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrations_config_defaults: Option<IndexMap<ProviderConfigKey, IntegrationDefaults>>,
    /// True for sessions created by `POST /connect/sessions/reconnect`.
    #[serde(
        rename = "isReconnecting",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_reconnecting: Option<bool>,
    /// Per-integration overrides (documentation link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<IndexMap<ProviderConfigKey, IntegrationOverrides>>,
    /// The server's WebSocket path (self-hosted only; absent on Nango Cloud).
    #[serde(
        rename = "websocketsPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub websockets_path: Option<String>,
}

impl ConnectSession {
    /// True when this is a reconnect session.
    pub fn is_reconnecting(&self) -> bool {
        self.is_reconnecting.unwrap_or(false)
    }

    /// True when the session allows `key` (every key when no list is set).
    pub fn allows(&self, key: &ProviderConfigKey) -> bool {
        self.allowed_integrations
            .as_ref()
            .is_none_or(|allowed| allowed.contains(key))
    }
}

/// The Connect UI's theme and branding (`connectUISettings`, or `settings_changed` in preview).
///
/// Missing keys take Nango's defaults: primary `#00B2E3`, theme `system`, watermark shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ConnectUiSettings {
    /// Show the "Secured by Nango" footer.
    pub show_watermark: bool,
    /// The theme used when the URL has no valid `theme`.
    pub default_theme: ThemeOverride,
    /// Primary colours per theme.
    pub theme: ConnectUiTheme,
}

impl Default for ConnectUiSettings {
    fn default() -> Self {
        ConnectUiSettings {
            show_watermark: true,
            default_theme: ThemeOverride::System,
            theme: ConnectUiTheme::default(),
        }
    }
}

/// The colours of both Connect UI themes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConnectUiTheme {
    /// Light theme colours.
    pub light: ThemeColors,
    /// Dark theme colours.
    pub dark: ThemeColors,
}

/// The colours of one Connect UI theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemeColors {
    /// The primary colour (any CSS colour).
    pub primary: String,
}

impl Default for ThemeColors {
    fn default() -> Self {
        ThemeColors {
            primary: DEFAULT_PRIMARY_COLOR.to_owned(),
        }
    }
}

/// The end user of a session, as `GET /connect/session` reports it (unset keys are `null`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndUser {
    /// The app's id for this user.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Free-form tags.
    #[serde(default)]
    pub tags: Option<IndexMap<String, String>>,
    /// The user's organization.
    #[serde(default)]
    pub organization: Option<Organization>,
}

/// An end user's organization, as `GET /connect/session` reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// The app's id for this organization.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub display_name: Option<String>,
}

/// Per-integration defaults of a session (`integrations_config_defaults[key]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IntegrationDefaults {
    /// Connection config values, merged over the user's (session wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_config: Option<Map<String, Value>>,
    /// OAuth authorization parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_params: Option<Map<String, Value>>,
    /// OAuth user scopes (accepted when creating a session; never exposed by `GET /connect/session`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_scopes: Option<String>,
}

/// Per-integration overrides of a session (`overrides[key]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationOverrides {
    /// Replaces the provider's `docs_connect` link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_connect: Option<String>,
}

/// One item of `GET /integrations`: an integration configured in the environment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integration {
    /// The integration key.
    pub unique_key: ProviderConfigKey,
    /// The provider template it uses.
    pub provider: ProviderName,
    /// Display name (the integration's own or the template's).
    pub display_name: String,
    /// Logo URL (`<public url>/images/template-logos/<provider>.svg`).
    #[serde(default)]
    pub logo: String,
    /// Custom labels of credential fields (field name → label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials_label: Option<IndexMap<String, String>>,
    /// Credential fields the admin preconfigured (hidden from the form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preconfigured_credentials: Option<Vec<String>>,
    /// Whether provider webhooks are forwarded.
    #[serde(default)]
    pub forward_webhooks: bool,
    /// Creation time (ISO 8601).
    #[serde(default)]
    pub created_at: String,
    /// Last update time (ISO 8601).
    #[serde(default)]
    pub updated_at: String,
}

/// The end user in a session creation body (`end_user`; strict, unset keys absent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndUserInput {
    /// The app's id for this user (1..255 characters).
    pub id: String,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Free-form tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<IndexMap<String, String>>,
}

/// The organization in a session creation body (`organization`; strict).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationInput {
    /// The app's id for this organization.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// Body of `POST /connect/sessions` (secret key; strict, unset keys absent).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateConnectSession {
    /// The end user (required unless `tags` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_user: Option<EndUserInput>,
    /// The end user's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<OrganizationInput>,
    /// Restricts the session to these integrations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_integrations: Option<Vec<ProviderConfigKey>>,
    /// Per-integration defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrations_config_defaults: Option<IndexMap<ProviderConfigKey, IntegrationDefaults>>,
    /// Per-integration overrides (plan-gated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<IndexMap<ProviderConfigKey, IntegrationOverrides>>,
    /// Webhook URL for connections created by this session (a URL or `""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url_override: Option<String>,
    /// Tags (≤10; keys are lower-cased by the server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<IndexMap<String, String>>,
}

/// Body of `POST /connect/sessions/reconnect` (secret key; strict, unset keys absent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateReconnectSession {
    /// The connection to re-authorise.
    pub connection_id: ConnectionId,
    /// Its integration key.
    pub integration_id: ProviderConfigKey,
    /// The end user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_user: Option<EndUserInput>,
    /// The end user's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<OrganizationInput>,
    /// Per-integration defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrations_config_defaults: Option<IndexMap<ProviderConfigKey, IntegrationDefaults>>,
    /// Per-integration overrides (plan-gated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<IndexMap<ProviderConfigKey, IntegrationOverrides>>,
    /// Webhook URL override.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url_override: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<IndexMap<String, String>>,
}

impl CreateReconnectSession {
    /// A reconnect body for one connection of one integration, nothing else set.
    pub fn new(connection_id: ConnectionId, integration_id: ProviderConfigKey) -> Self {
        CreateReconnectSession {
            connection_id,
            integration_id,
            end_user: None,
            organization: None,
            integrations_config_defaults: None,
            overrides: None,
            webhook_url_override: None,
            tags: None,
        }
    }
}

/// The `data` of a 201 from `POST /connect/sessions` or `/connect/sessions/reconnect`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectSessionCreated {
    /// The new session token.
    pub token: ConnectSessionToken,
    /// The Connect UI link for this session (`<connect UI base>/?session_token=<token>`).
    pub connect_link: String,
    /// Expiry (ISO 8601 with milliseconds, 30 minutes after creation).
    pub expires_at: String,
}

impl fmt::Debug for ConnectSessionCreated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The link embeds the token: show it with the token redacted.
        let link = match self.connect_link.find(CONNECT_SESSION_TOKEN_PREFIX) {
            Some(at) => format!("{}{}", &self.connect_link[..at], self.token.redacted()),
            None => self.connect_link.clone(),
        };
        f.debug_struct("ConnectSessionCreated")
            .field("token", &self.token)
            .field("connect_link", &link)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Declares [`TelemetryEvent`] with its wire names, each written once.
macro_rules! telemetry_events {
    ($( $(#[$doc:meta])* $variant:ident => $wire:literal, )*) => {
        /// A Connect UI analytics event (`event` of `POST /connect/telemetry`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum TelemetryEvent {
            $( $(#[$doc])* #[serde(rename = $wire)] $variant, )*
        }

        impl TelemetryEvent {
            /// Every event, in Nango's order.
            pub const ALL: &'static [TelemetryEvent] = &[ $( TelemetryEvent::$variant, )* ];

            /// The wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( TelemetryEvent::$variant => $wire, )*
                }
            }

            /// Parses a wire name; unknown names are `None` (the server rejects them).
            pub fn from_wire(s: &str) -> Option<Self> {
                match s {
                    $( $wire => Some(TelemetryEvent::$variant), )*
                    _ => None,
                }
            }
        }
    };
}

telemetry_events! {
    /// The parent sent a typed message (the Connect UI was opened).
    Open => "open",
    /// The integrations list was shown.
    ViewList => "view:list",
    /// An integration's form was shown.
    ViewIntegration => "view:integration",
    /// The unknown-error screen was shown.
    ViewUnknownError => "view:unknown_error",
    /// The credentials-error screen was shown.
    ViewCredentialsError => "view:credentials_error",
    /// The success screen was shown.
    ViewSuccess => "view:success",
    /// An integration card was clicked.
    ClickIntegration => "click:integration",
    /// The documentation link was clicked.
    ClickDoc => "click:doc",
    /// A field's documentation link was clicked.
    ClickDocSection => "click:doc_section",
    /// The connect button was clicked.
    ClickConnect => "click:connect",
    /// The close button was clicked.
    ClickClose => "click:close",
    /// The finish button was clicked.
    ClickFinish => "click:finish",
    /// The backdrop was clicked.
    ClickOutside => "click:outside",
    /// The OAuth popup was blocked.
    PopupBlockedByBrowser => "popup:blocked_by_browser",
    /// The OAuth popup was closed before the flow completed.
    PopupClosedEarly => "popup:closed_early",
}

impl fmt::Display for TelemetryEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Dimensions of a telemetry event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TelemetryDimensions {
    /// The integration key (on `view:integration` and `click:integration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<ProviderConfigKey>,
}

/// Body of `POST /connect/telemetry` (the session token travels in the body, not a header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TelemetryBeacon {
    /// The event.
    pub event: TelemetryEvent,
    /// Optional dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<TelemetryDimensions>,
    /// The session token.
    pub token: ConnectSessionToken,
    /// When it happened (ISO 8601; the server accepts ±2 h of its own time).
    pub timestamp: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TOK: &str =
        "nango_connect_session_abababababababababababababababababababababababababababababababab";

    #[test]
    fn tv20_create_session_body_round_trips() {
        let literal =
            r#"{"end_user":{"id":"u1","email":"a@b.com"},"allowed_integrations":["github"]}"#;
        let body: CreateConnectSession = serde_json::from_str(literal).unwrap();
        assert_eq!(body.end_user.as_ref().unwrap().id, "u1");
        assert_eq!(
            body.allowed_integrations,
            Some(vec![ProviderConfigKey::new("github")])
        );
        assert_eq!(serde_json::to_string(&body).unwrap(), literal);
    }

    #[test]
    fn create_session_body_is_strict() {
        let err = serde_json::from_str::<CreateConnectSession>(r#"{"end_user":{"id":"u"},"x":1}"#);
        assert!(err.is_err());
        let err = serde_json::from_str::<CreateConnectSession>(r#"{"end_user":{"id":"u","y":1}}"#);
        assert!(err.is_err());
        assert_eq!(
            serde_json::to_string(&CreateConnectSession::default()).unwrap(),
            "{}"
        );
    }

    #[test]
    fn tv20_created_session_round_trips() {
        let literal = format!(
            r#"{{"token":"{TOK}","connect_link":"https://connect.nango.dev/?session_token={TOK}","expires_at":"2026-12-04T10:30:00.000Z"}}"#
        );
        let created: ConnectSessionCreated = serde_json::from_str(&literal).unwrap();
        assert_eq!(created.token.expose(), TOK);
        assert_eq!(serde_json::to_string(&created).unwrap(), literal);
        let debug = format!("{created:?}");
        assert!(!debug.contains("abababab"), "{debug}");
        assert!(
            debug.contains("https://connect.nango.dev/?session_token=nango_connect_session_…abab")
        );
    }

    #[test]
    fn tv20_get_session_round_trips_byte_for_byte() {
        let literal = r##"{"endUser":{"id":"u1","display_name":null,"email":"a@b.com","tags":null,"organization":null},"allowed_integrations":["github"],"connectUISettings":{"showWatermark":true,"defaultTheme":"system","theme":{"light":{"primary":"#00B2E3"},"dark":{"primary":"#00B2E3"}}},"websocketsPath":"/"}"##;
        let session: ConnectSession = serde_json::from_str(literal).unwrap();
        assert_eq!(
            session.end_user.as_ref().unwrap().email.as_deref(),
            Some("a@b.com")
        );
        assert_eq!(session.connect_ui_settings, ConnectUiSettings::default());
        assert_eq!(session.websockets_path.as_deref(), Some("/"));
        assert!(!session.is_reconnecting());
        assert!(session.allows(&"github".into()));
        assert!(!session.allows(&"slack".into()));
        assert_eq!(serde_json::to_string(&session).unwrap(), literal);
    }

    #[test]
    fn cloud_session_without_optional_keys() {
        let value = json!({
            "endUser": null,
            "connectUISettings": {"showWatermark": false, "defaultTheme": "dark",
                                  "theme": {"light": {"primary": "#111111"}, "dark": {"primary": "#eeeeee"}}}
        });
        let session: ConnectSession = serde_json::from_value(value.clone()).unwrap();
        assert!(session.end_user.is_none());
        assert!(session.allows(&"anything".into()));
        assert_eq!(
            session.connect_ui_settings.default_theme,
            ThemeOverride::Dark
        );
        assert_eq!(session.connect_ui_settings.theme.dark.primary, "#eeeeee");
        assert_eq!(serde_json::to_value(&session).unwrap(), value);
    }

    #[test]
    fn full_session_keys_and_user_scopes_hidden_when_unset() {
        let value = json!({
            "endUser": {"id": "u", "display_name": "U", "email": null, "tags": {"team": "a"},
                        "organization": {"id": "o", "display_name": null}},
            "connectUISettings": {"showWatermark": true, "defaultTheme": "system",
                                  "theme": {"light": {"primary": "#00B2E3"}, "dark": {"primary": "#00B2E3"}}},
            "allowed_integrations": ["github"],
            "integrations_config_defaults": {"github": {"connection_config": {"subdomain": "acme"},
                                                         "authorization_params": {"prompt": "consent"}}},
            "isReconnecting": true,
            "overrides": {"github": {"docs_connect": "https://docs.example/github"}}
        });
        let session: ConnectSession = serde_json::from_value(value.clone()).unwrap();
        assert!(session.is_reconnecting());
        let defaults = &session.integrations_config_defaults.as_ref().unwrap()
            [&ProviderConfigKey::new("github")];
        assert_eq!(
            defaults.connection_config.as_ref().unwrap()["subdomain"],
            "acme"
        );
        assert!(defaults.user_scopes.is_none());
        assert_eq!(
            session
                .end_user
                .as_ref()
                .unwrap()
                .organization
                .as_ref()
                .unwrap()
                .id,
            "o"
        );
        assert_eq!(serde_json::to_value(&session).unwrap(), value);
    }

    #[test]
    fn settings_defaults_fill_missing_keys() {
        let settings: ConnectUiSettings =
            serde_json::from_str(r#"{"showWatermark":false}"#).unwrap();
        assert!(!settings.show_watermark);
        assert_eq!(settings.default_theme, ThemeOverride::System);
        assert_eq!(settings.theme.light.primary, DEFAULT_PRIMARY_COLOR);
        let settings: ConnectUiSettings =
            serde_json::from_str(r#"{"theme":{"dark":{"primary":"red"}}}"#).unwrap();
        assert!(settings.show_watermark);
        assert_eq!(settings.theme.dark.primary, "red");
        assert_eq!(settings.theme.light.primary, DEFAULT_PRIMARY_COLOR);
    }

    #[test]
    fn integration_item_round_trips() {
        let value = json!({
            "unique_key": "github", "provider": "github", "display_name": "GitHub",
            "logo": "https://app.nango.dev/images/template-logos/github.svg",
            "credentials_label": {"apiKey": "Personal token"},
            "preconfigured_credentials": ["clientId"],
            "forward_webhooks": true,
            "created_at": "2026-01-01T00:00:00.000Z", "updated_at": "2026-01-02T00:00:00.000Z"
        });
        let integration: Integration = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(integration.unique_key.as_str(), "github");
        assert_eq!(
            integration.preconfigured_credentials.as_deref(),
            Some(&["clientId".to_owned()][..])
        );
        assert_eq!(serde_json::to_value(&integration).unwrap(), value);

        let minimal: Integration = serde_json::from_value(
            json!({"unique_key": "k", "provider": "p", "display_name": "P"}),
        )
        .unwrap();
        assert!(minimal.credentials_label.is_none());
        assert!(!minimal.forward_webhooks);
    }

    #[test]
    fn reconnect_body_round_trips() {
        let body = CreateReconnectSession::new("c-1".into(), "github".into());
        let literal = r#"{"connection_id":"c-1","integration_id":"github"}"#;
        assert_eq!(serde_json::to_string(&body).unwrap(), literal);
        assert_eq!(
            serde_json::from_str::<CreateReconnectSession>(literal).unwrap(),
            body
        );
        assert!(
            serde_json::from_str::<CreateReconnectSession>(r#"{"connection_id":"c"}"#).is_err()
        );
    }

    #[test]
    fn telemetry_events_have_the_fifteen_wire_names() {
        let names: Vec<&str> = TelemetryEvent::ALL.iter().map(|e| e.as_str()).collect();
        assert_eq!(
            names,
            [
                "open",
                "view:list",
                "view:integration",
                "view:unknown_error",
                "view:credentials_error",
                "view:success",
                "click:integration",
                "click:doc",
                "click:doc_section",
                "click:connect",
                "click:close",
                "click:finish",
                "click:outside",
                "popup:blocked_by_browser",
                "popup:closed_early",
            ]
        );
        for event in TelemetryEvent::ALL {
            assert_eq!(TelemetryEvent::from_wire(event.as_str()), Some(*event));
            let json = serde_json::to_string(event).unwrap();
            assert_eq!(json, format!("\"{}\"", event.as_str()));
        }
        assert_eq!(TelemetryEvent::from_wire("click:nothing"), None);
    }

    #[test]
    fn telemetry_beacon_shape() {
        let beacon = TelemetryBeacon {
            event: TelemetryEvent::ClickIntegration,
            dimensions: Some(TelemetryDimensions {
                integration: Some("github".into()),
            }),
            token: ConnectSessionToken::new(TOK),
            timestamp: "2026-12-04T10:00:00.000Z".into(),
        };
        let literal = format!(
            r#"{{"event":"click:integration","dimensions":{{"integration":"github"}},"token":"{TOK}","timestamp":"2026-12-04T10:00:00.000Z"}}"#
        );
        assert_eq!(serde_json::to_string(&beacon).unwrap(), literal);
        assert_eq!(
            serde_json::from_str::<TelemetryBeacon>(&literal).unwrap(),
            beacon
        );
        assert!(!format!("{beacon:?}").contains("abababab"));
        let bare = TelemetryBeacon {
            dimensions: None,
            ..beacon
        };
        assert!(!serde_json::to_string(&bare).unwrap().contains("dimensions"));
    }
}
