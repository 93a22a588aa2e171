//! Wire shapes the mock serialises: WebSocket frames, connect-session payloads and auth
//! success bodies, with the exact field order Nango sends.
// TODO(core): replace with nango_core::ws::WsFrame, nango_core::session::* and
// nango_core::success::AuthSuccess once they land on main.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A server → client WebSocket frame (§3.6), serialised byte-exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "message_type", rename_all = "snake_case")]
pub enum WsFrame {
    /// Sent on upgrade.
    ConnectionAck {
        /// The client's id.
        ws_client_id: String,
    },
    /// The OAuth flow succeeded.
    Success {
        /// Integration key.
        provider_config_key: String,
        /// Connection id.
        connection_id: String,
        /// True while a GitHub-App-style installation is pending.
        is_pending: bool,
    },
    /// The OAuth flow failed.
    Error {
        /// Integration key, when known.
        #[serde(skip_serializing_if = "Option::is_none")]
        provider_config_key: Option<String>,
        /// Connection id, when known.
        #[serde(skip_serializing_if = "Option::is_none")]
        connection_id: Option<String>,
        /// Error type (open set).
        error_type: String,
        /// Human description.
        error_desc: String,
    },
}

impl WsFrame {
    /// The JSON text sent on the socket.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// `{"data":{token, connect_link, expires_at}}` of `POST /connect/sessions[/reconnect]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectSessionCreated {
    /// The session token.
    pub token: String,
    /// The Connect UI link carrying the token.
    pub connect_link: String,
    /// ISO-8601 expiry with milliseconds.
    pub expires_at: String,
}

/// `{"data": …}` wrapper.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Data<T> {
    /// The payload.
    pub data: T,
}

/// The end user of a session, as `GET /connect/session` reports it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EndUser {
    /// App-side id.
    pub id: String,
    /// Display name.
    pub display_name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Tags.
    pub tags: Option<Map<String, Value>>,
    /// Organization.
    pub organization: Option<Organization>,
}

/// The organization of an end user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    /// App-side id.
    pub id: String,
    /// Display name.
    pub display_name: Option<String>,
}

/// Connect UI theme colours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeColors {
    /// Primary colour.
    pub primary: String,
}

/// Connect UI themes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Themes {
    /// Light theme.
    pub light: ThemeColors,
    /// Dark theme.
    pub dark: ThemeColors,
}

/// `connectUISettings`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectUiSettings {
    /// Show the Nango watermark.
    pub show_watermark: bool,
    /// `system`, `light` or `dark`.
    pub default_theme: String,
    /// Colours.
    pub theme: Themes,
}

impl Default for ConnectUiSettings {
    fn default() -> Self {
        ConnectUiSettings {
            show_watermark: true,
            default_theme: "system".to_owned(),
            theme: Themes {
                light: ThemeColors {
                    primary: "#00B2E3".to_owned(),
                },
                dark: ThemeColors {
                    primary: "#00B2E3".to_owned(),
                },
            },
        }
    }
}

/// `GET /connect/session` data, field order as in TV20.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectSession {
    /// The end user (null for tag-only sessions).
    #[serde(rename = "endUser")]
    pub end_user: Option<EndUser>,
    /// Allowed integrations, if restricted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_integrations: Option<Vec<String>>,
    /// Per-integration defaults (without `user_scopes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrations_config_defaults: Option<Map<String, Value>>,
    /// UI settings.
    #[serde(rename = "connectUISettings")]
    pub connect_ui_settings: ConnectUiSettings,
    /// Present (true) only for reconnect sessions.
    #[serde(rename = "isReconnecting", skip_serializing_if = "Option::is_none")]
    pub is_reconnecting: Option<bool>,
    /// Per-integration overrides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Map<String, Value>>,
    /// The WS path (self-hosted only).
    #[serde(rename = "websocketsPath", skip_serializing_if = "Option::is_none")]
    pub websockets_path: Option<String>,
}

/// The body of a successful credential endpoint: `{"connectionId","providerConfigKey"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthSuccess {
    /// Connection id.
    pub connection_id: String,
    /// Integration key.
    pub provider_config_key: String,
}

/// The OAuth2-CC variant with the keys in the other order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthSuccessReversed {
    /// Integration key.
    pub provider_config_key: String,
    /// Connection id.
    pub connection_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_serialise_byte_exactly() {
        assert_eq!(
            WsFrame::ConnectionAck {
                ws_client_id: "W".into()
            }
            .to_json(),
            r#"{"message_type":"connection_ack","ws_client_id":"W"}"#
        );
        assert_eq!(
            WsFrame::Success {
                provider_config_key: "github".into(),
                connection_id: "c-1".into(),
                is_pending: false
            }
            .to_json(),
            r#"{"message_type":"success","provider_config_key":"github","connection_id":"c-1","is_pending":false}"#
        );
        assert_eq!(
            WsFrame::Error {
                provider_config_key: Some("github".into()),
                connection_id: Some("c-1".into()),
                error_type: "callback_err".into(),
                error_desc: "d".into()
            }
            .to_json(),
            r#"{"message_type":"error","provider_config_key":"github","connection_id":"c-1","error_type":"callback_err","error_desc":"d"}"#
        );
    }
}
