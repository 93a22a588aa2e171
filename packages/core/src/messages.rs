//! `postMessage` protocol between a parent page, the Connect UI iframe and Nango's OAuth callback
//! page, as typed messages with exact JS wire shapes and panic-free parsing.

use serde::de::{DeserializeOwned, Error as _};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::session::ConnectUiSettings;
use crate::{AuthError, AuthErrorKind, ConnectSessionToken, ConnectionId, ProviderConfigKey};

/// Why a JSON value is not a message of the expected protocol.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MessageError {
    /// The message is not a JSON object.
    #[error("message is not an object")]
    NotAnObject,
    /// The object has no truthy `type` (absent, `null`, `false`, `0` or `""`).
    #[error("message has no type")]
    MissingType,
    /// A known message type whose fields do not have the protocol's shape.
    #[error("invalid {message_type:?} message: {reason}")]
    InvalidPayload {
        /// The message's `type`.
        message_type: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// The `type` of a message object, read the way JS tests it for truthiness.
enum MessageType<'a> {
    /// A non-empty string.
    Named(&'a str),
    /// A truthy value that is not a string (kept as its JSON text).
    NotAString(String),
}

/// Splits a message into its object and its truthy `type`.
fn message_parts(value: &Value) -> Result<(&Map<String, Value>, MessageType<'_>), MessageError> {
    let object = value.as_object().ok_or(MessageError::NotAnObject)?;
    let message_type = match object.get("type") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => {
            return Err(MessageError::MissingType);
        }
        Some(Value::String(s)) if s.is_empty() => return Err(MessageError::MissingType),
        Some(Value::Number(n)) if n.as_f64() == Some(0.0) => return Err(MessageError::MissingType),
        Some(Value::String(s)) => MessageType::Named(s),
        Some(other) => MessageType::NotAString(other.to_string()),
    };
    Ok((object, message_type))
}

/// Reads field `key` of a message of type `message_type` as `T`.
fn field<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    message_type: &str,
) -> Result<T, MessageError> {
    let invalid = |reason: String| MessageError::InvalidPayload {
        message_type: message_type.to_owned(),
        reason,
    };
    let value = object
        .get(key)
        .ok_or_else(|| invalid(format!("missing `{key}`")))?;
    T::deserialize(value).map_err(|err| invalid(format!("`{key}`: {err}")))
}

/// Implements `Deserialize` for a message enum through its `from_value`.
macro_rules! deserialize_via_from_value {
    ($name:ident) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = Value::deserialize(deserializer)?;
                $name::from_value(&value).map_err(D::Error::custom)
            }
        }
    };
}

/// The payload of a `connect` message: the connection the Connect UI created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectPayload {
    /// The integration key.
    pub provider_config_key: ProviderConfigKey,
    /// The connection id.
    pub connection_id: ConnectionId,
    /// True when the connection still awaits an asynchronous step (absent when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_pending: Option<bool>,
}

/// The payload of an `error` message from the Connect UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectErrorPayload {
    /// The AuthError type (`blocked_by_browser`, server codes, `unknown_error`, …).
    pub error_type: AuthErrorKind,
    /// A localised, displayable message.
    pub error_message: String,
}

/// A message the Connect UI posts to its parent window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectUiMessage {
    /// `{type:'ready'}`: the UI is loaded and waits for its session token.
    Ready,
    /// `{type:'close'}`: the user closed the UI.
    Close,
    /// `{type:'connect', payload}`: a connection was created.
    Connect {
        /// The new connection.
        payload: ConnectPayload,
    },
    /// `{type:'error', payload}`: the connection attempt failed.
    Error {
        /// The error.
        payload: ConnectErrorPayload,
    },
    /// `{type:'settings_changed', payload}`: theme settings (part of Nango's union).
    SettingsChanged {
        /// The new settings.
        payload: ConnectUiSettings,
    },
    /// A message with another truthy `type` (kept verbatim; a non-string type as its JSON text).
    Unknown(String),
}

impl ConnectUiMessage {
    /// The wire `type` of this message.
    pub fn message_type(&self) -> &str {
        match self {
            ConnectUiMessage::Ready => "ready",
            ConnectUiMessage::Close => "close",
            ConnectUiMessage::Connect { .. } => "connect",
            ConnectUiMessage::Error { .. } => "error",
            ConnectUiMessage::SettingsChanged { .. } => "settings_changed",
            ConnectUiMessage::Unknown(message_type) => message_type,
        }
    }

    /// Parses a message posted by the Connect UI. Never panics.
    pub fn from_value(value: &Value) -> Result<Self, MessageError> {
        let (object, message_type) = message_parts(value)?;
        let name = match message_type {
            MessageType::Named(name) => name,
            MessageType::NotAString(text) => return Ok(ConnectUiMessage::Unknown(text)),
        };
        Ok(match name {
            "ready" => ConnectUiMessage::Ready,
            "close" => ConnectUiMessage::Close,
            "connect" => ConnectUiMessage::Connect {
                payload: field(object, "payload", name)?,
            },
            "error" => ConnectUiMessage::Error {
                payload: field(object, "payload", name)?,
            },
            "settings_changed" => ConnectUiMessage::SettingsChanged {
                payload: field(object, "payload", name)?,
            },
            other => ConnectUiMessage::Unknown(other.to_owned()),
        })
    }

    /// The JSON value posted on the wire.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl Serialize for ConnectUiMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.message_type())?;
        match self {
            ConnectUiMessage::Connect { payload } => map.serialize_entry("payload", payload)?,
            ConnectUiMessage::Error { payload } => map.serialize_entry("payload", payload)?,
            ConnectUiMessage::SettingsChanged { payload } => {
                map.serialize_entry("payload", payload)?
            }
            ConnectUiMessage::Ready | ConnectUiMessage::Close | ConnectUiMessage::Unknown(_) => {}
        }
        map.end()
    }
}

deserialize_via_from_value!(ConnectUiMessage);

/// A message the parent page posts to the Connect UI iframe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentMessage {
    /// `{type:'session_token', sessionToken}`: the session to use.
    SessionToken {
        /// The connect session token.
        session_token: ConnectSessionToken,
    },
    /// `{type:'settings_changed', payload}`: live theme settings (dashboard preview only).
    SettingsChanged {
        /// The new settings.
        payload: ConnectUiSettings,
    },
    /// A message with another truthy `type` (still counts as a typed message for telemetry).
    Unknown(String),
}

impl ParentMessage {
    /// The wire `type` of this message.
    pub fn message_type(&self) -> &str {
        match self {
            ParentMessage::SessionToken { .. } => "session_token",
            ParentMessage::SettingsChanged { .. } => "settings_changed",
            ParentMessage::Unknown(message_type) => message_type,
        }
    }

    /// Parses a message posted by the parent page. Never panics.
    pub fn from_value(value: &Value) -> Result<Self, MessageError> {
        let (object, message_type) = message_parts(value)?;
        let name = match message_type {
            MessageType::Named(name) => name,
            MessageType::NotAString(text) => return Ok(ParentMessage::Unknown(text)),
        };
        Ok(match name {
            "session_token" => ParentMessage::SessionToken {
                session_token: field(object, "sessionToken", name)?,
            },
            "settings_changed" => ParentMessage::SettingsChanged {
                payload: field(object, "payload", name)?,
            },
            other => ParentMessage::Unknown(other.to_owned()),
        })
    }

    /// The JSON value posted on the wire (it contains the session token: never log it).
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl Serialize for ParentMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.message_type())?;
        match self {
            ParentMessage::SessionToken { session_token } => {
                map.serialize_entry("sessionToken", session_token.expose())?
            }
            ParentMessage::SettingsChanged { payload } => {
                map.serialize_entry("payload", payload)?
            }
            ParentMessage::Unknown(_) => {}
        }
        map.end()
    }
}

deserialize_via_from_value!(ParentMessage);

/// The payload of `nango_oauth_callback_error`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallbackErrorPayload {
    /// The error message (may itself be JSON text, e.g. `{"error":"access_denied"}`).
    pub message: String,
    /// The error type (always `connection_validation_failed` from Nango's page).
    pub error_type: AuthErrorKind,
}

/// A message between Nango's OAuth callback page (in the popup) and its opener.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallbackMessage {
    /// `{type:'nango_oauth_callback_success'}` (popup → opener).
    Success,
    /// `{type:'nango_oauth_callback_error', payload:{message, errorType}}` (popup → opener).
    Error {
        /// The error.
        payload: CallbackErrorPayload,
    },
    /// `{type:'nango_oauth_callback_ack'}` (opener → popup; the popup then closes itself).
    Ack,
    /// A message with another truthy `type`.
    Unknown(String),
}

impl CallbackMessage {
    /// The wire `type` of this message.
    pub fn message_type(&self) -> &str {
        match self {
            CallbackMessage::Success => "nango_oauth_callback_success",
            CallbackMessage::Error { .. } => "nango_oauth_callback_error",
            CallbackMessage::Ack => "nango_oauth_callback_ack",
            CallbackMessage::Unknown(message_type) => message_type,
        }
    }

    /// Parses a callback-page message. Never panics.
    pub fn from_value(value: &Value) -> Result<Self, MessageError> {
        let (object, message_type) = message_parts(value)?;
        let name = match message_type {
            MessageType::Named(name) => name,
            MessageType::NotAString(text) => return Ok(CallbackMessage::Unknown(text)),
        };
        Ok(match name {
            "nango_oauth_callback_success" => CallbackMessage::Success,
            "nango_oauth_callback_error" => CallbackMessage::Error {
                payload: field(object, "payload", name)?,
            },
            "nango_oauth_callback_ack" => CallbackMessage::Ack,
            other => CallbackMessage::Unknown(other.to_owned()),
        })
    }

    /// The JSON value posted on the wire.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The error this message reports, if it is `nango_oauth_callback_error`.
    pub fn auth_error(&self) -> Option<AuthError> {
        match self {
            CallbackMessage::Error { payload } => Some(AuthError::new(
                payload.error_type.clone(),
                payload.message.clone(),
            )),
            _ => None,
        }
    }
}

impl Serialize for CallbackMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.message_type())?;
        if let CallbackMessage::Error { payload } = self {
            map.serialize_entry("payload", payload)?;
        }
        map.end()
    }
}

deserialize_via_from_value!(CallbackMessage);

/// The typed event an app receives from an open Connect UI (`onEvent` in the JS SDK).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectUiEvent {
    /// The UI loaded (the session token was just sent to it).
    Ready,
    /// The UI was closed and removed.
    Close,
    /// A connection was created.
    Connect(ConnectPayload),
    /// A connection attempt failed.
    Error(AuthError),
    /// Theme settings changed.
    SettingsChanged(ConnectUiSettings),
    /// A message of a type this crate does not know (forwarded like the JS SDK does).
    Unknown(String),
}

impl ConnectUiEvent {
    /// The wire `type` of the message this event came from.
    pub fn event_type(&self) -> &str {
        match self {
            ConnectUiEvent::Ready => "ready",
            ConnectUiEvent::Close => "close",
            ConnectUiEvent::Connect(_) => "connect",
            ConnectUiEvent::Error(_) => "error",
            ConnectUiEvent::SettingsChanged(_) => "settings_changed",
            ConnectUiEvent::Unknown(message_type) => message_type,
        }
    }
}

impl From<ConnectUiMessage> for ConnectUiEvent {
    fn from(message: ConnectUiMessage) -> Self {
        match message {
            ConnectUiMessage::Ready => ConnectUiEvent::Ready,
            ConnectUiMessage::Close => ConnectUiEvent::Close,
            ConnectUiMessage::Connect { payload } => ConnectUiEvent::Connect(payload),
            ConnectUiMessage::Error { payload } => {
                ConnectUiEvent::Error(AuthError::new(payload.error_type, payload.error_message))
            }
            ConnectUiMessage::SettingsChanged { payload } => {
                ConnectUiEvent::SettingsChanged(payload)
            }
            ConnectUiMessage::Unknown(message_type) => ConnectUiEvent::Unknown(message_type),
        }
    }
}

impl From<ConnectUiEvent> for ConnectUiMessage {
    fn from(event: ConnectUiEvent) -> Self {
        match event {
            ConnectUiEvent::Ready => ConnectUiMessage::Ready,
            ConnectUiEvent::Close => ConnectUiMessage::Close,
            ConnectUiEvent::Connect(payload) => ConnectUiMessage::Connect { payload },
            ConnectUiEvent::Error(error) => ConnectUiMessage::Error {
                payload: ConnectErrorPayload {
                    error_type: error.kind,
                    error_message: error.message,
                },
            },
            ConnectUiEvent::SettingsChanged(payload) => {
                ConnectUiMessage::SettingsChanged { payload }
            }
            ConnectUiEvent::Unknown(message_type) => ConnectUiMessage::Unknown(message_type),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect_ui::ThemeOverride;
    use proptest::prelude::*;
    use serde_json::json;

    const TOK: &str =
        "nango_connect_session_abababababababababababababababababababababababababababababababab";

    fn wire<T: Serialize>(message: &T) -> String {
        serde_json::to_string(message).unwrap()
    }

    #[test]
    fn connect_ui_messages_have_js_shapes() {
        let cases = [
            (ConnectUiMessage::Ready, r#"{"type":"ready"}"#),
            (ConnectUiMessage::Close, r#"{"type":"close"}"#),
            (
                ConnectUiMessage::Connect {
                    payload: ConnectPayload {
                        provider_config_key: "github".into(),
                        connection_id: "c-1".into(),
                        is_pending: Some(false),
                    },
                },
                r#"{"type":"connect","payload":{"providerConfigKey":"github","connectionId":"c-1","isPending":false}}"#,
            ),
            (
                ConnectUiMessage::Connect {
                    payload: ConnectPayload {
                        provider_config_key: "k".into(),
                        connection_id: "c".into(),
                        is_pending: None,
                    },
                },
                r#"{"type":"connect","payload":{"providerConfigKey":"k","connectionId":"c"}}"#,
            ),
            (
                ConnectUiMessage::Error {
                    payload: ConnectErrorPayload {
                        error_type: AuthErrorKind::WindowClosed,
                        error_message: "Closed".into(),
                    },
                },
                r#"{"type":"error","payload":{"errorType":"window_closed","errorMessage":"Closed"}}"#,
            ),
            (
                ConnectUiMessage::SettingsChanged {
                    payload: ConnectUiSettings::default(),
                },
                r##"{"type":"settings_changed","payload":{"showWatermark":true,"defaultTheme":"system","theme":{"light":{"primary":"#00B2E3"},"dark":{"primary":"#00B2E3"}}}}"##,
            ),
            (
                ConnectUiMessage::Unknown("future".into()),
                r#"{"type":"future"}"#,
            ),
        ];
        for (message, literal) in cases {
            assert_eq!(wire(&message), literal);
            let parsed: Value = serde_json::from_str(literal).unwrap();
            assert_eq!(ConnectUiMessage::from_value(&parsed).unwrap(), message);
            assert_eq!(
                serde_json::from_str::<ConnectUiMessage>(literal).unwrap(),
                message
            );
            assert_eq!(message.to_value(), parsed);
        }
    }

    #[test]
    fn messages_without_truthy_type_are_errors() {
        for value in [json!(null), json!("ready"), json!(["ready"]), json!(1)] {
            assert_eq!(
                ConnectUiMessage::from_value(&value),
                Err(MessageError::NotAnObject)
            );
        }
        for value in [
            json!({}),
            json!({"type": null}),
            json!({"type": ""}),
            json!({"type": false}),
            json!({"type": 0}),
            json!({"type": 0.0}),
        ] {
            assert_eq!(
                ConnectUiMessage::from_value(&value),
                Err(MessageError::MissingType),
                "{value}"
            );
            assert_eq!(
                ParentMessage::from_value(&value),
                Err(MessageError::MissingType)
            );
            assert_eq!(
                CallbackMessage::from_value(&value),
                Err(MessageError::MissingType)
            );
        }
    }

    #[test]
    fn truthy_non_string_types_are_unknown() {
        assert_eq!(
            ConnectUiMessage::from_value(&json!({"type": 7})),
            Ok(ConnectUiMessage::Unknown("7".into()))
        );
        assert_eq!(
            ParentMessage::from_value(&json!({"type": true})),
            Ok(ParentMessage::Unknown("true".into()))
        );
    }

    #[test]
    fn known_types_with_bad_payloads_are_typed_errors() {
        let bad = [
            json!({"type": "connect"}),
            json!({"type": "connect", "payload": {"providerConfigKey": "k"}}),
            json!({"type": "connect", "payload": {"providerConfigKey": 1, "connectionId": "c"}}),
            json!({"type": "error", "payload": {"errorType": "x"}}),
            json!({"type": "settings_changed", "payload": "dark"}),
        ];
        for value in bad {
            assert!(
                matches!(
                    ConnectUiMessage::from_value(&value),
                    Err(MessageError::InvalidPayload { .. })
                ),
                "{value}"
            );
        }
        assert!(serde_json::from_str::<ConnectUiMessage>(r#"{"type":"connect"}"#).is_err());
    }

    #[test]
    fn extra_fields_are_tolerated() {
        let value = json!({"type": "connect", "extra": 1,
            "payload": {"providerConfigKey": "k", "connectionId": "c", "isPending": null, "x": []}});
        let message = ConnectUiMessage::from_value(&value).unwrap();
        assert_eq!(
            message,
            ConnectUiMessage::Connect {
                payload: ConnectPayload {
                    provider_config_key: "k".into(),
                    connection_id: "c".into(),
                    is_pending: None,
                }
            }
        );
    }

    #[test]
    fn parent_messages_have_js_shapes() {
        let token = ParentMessage::SessionToken {
            session_token: ConnectSessionToken::new(TOK),
        };
        let literal = format!(r#"{{"type":"session_token","sessionToken":"{TOK}"}}"#);
        assert_eq!(wire(&token), literal);
        assert_eq!(
            serde_json::from_str::<ParentMessage>(&literal).unwrap(),
            token
        );
        assert!(!format!("{token:?}").contains("abababab"));

        let settings = ParentMessage::SettingsChanged {
            payload: ConnectUiSettings {
                show_watermark: false,
                default_theme: ThemeOverride::Dark,
                ..ConnectUiSettings::default()
            },
        };
        let literal = r##"{"type":"settings_changed","payload":{"showWatermark":false,"defaultTheme":"dark","theme":{"light":{"primary":"#00B2E3"},"dark":{"primary":"#00B2E3"}}}}"##;
        assert_eq!(wire(&settings), literal);
        assert_eq!(
            serde_json::from_str::<ParentMessage>(literal).unwrap(),
            settings
        );

        assert!(matches!(
            ParentMessage::from_value(&json!({"type": "session_token"})),
            Err(MessageError::InvalidPayload { .. })
        ));
        assert_eq!(
            ParentMessage::from_value(&json!({"type": "ready"})),
            Ok(ParentMessage::Unknown("ready".into()))
        );
    }

    #[test]
    fn callback_messages_have_js_shapes() {
        assert_eq!(
            wire(&CallbackMessage::Success),
            r#"{"type":"nango_oauth_callback_success"}"#
        );
        assert_eq!(
            wire(&CallbackMessage::Ack),
            r#"{"type":"nango_oauth_callback_ack"}"#
        );
        let literal = r#"{"type":"nango_oauth_callback_error","payload":{"message":"{\"error\":\"access_denied\"}","errorType":"connection_validation_failed"}}"#;
        let message: CallbackMessage = serde_json::from_str(literal).unwrap();
        assert_eq!(wire(&message), literal);
        let error = message.auth_error().unwrap();
        assert_eq!(error.kind, AuthErrorKind::ConnectionValidationFailed);
        assert_eq!(error.message, r#"{"error":"access_denied"}"#);
        assert_eq!(CallbackMessage::Success.auth_error(), None);
        assert_eq!(
            CallbackMessage::from_value(&json!({"type": "ready"})),
            Ok(CallbackMessage::Unknown("ready".into()))
        );
    }

    #[test]
    fn events_convert_from_and_to_messages() {
        let message = ConnectUiMessage::from_value(&json!({"type": "error",
            "payload": {"errorType": "connection_test_failed", "errorMessage": "Nope"}}))
        .unwrap();
        let event = ConnectUiEvent::from(message.clone());
        assert_eq!(
            event,
            ConnectUiEvent::Error(AuthError::new(AuthErrorKind::ConnectionTestFailed, "Nope"))
        );
        assert_eq!(event.event_type(), "error");
        assert_eq!(ConnectUiMessage::from(event), message);
        for message in [
            ConnectUiMessage::Ready,
            ConnectUiMessage::Close,
            ConnectUiMessage::Unknown("x".into()),
        ] {
            let event = ConnectUiEvent::from(message.clone());
            assert_eq!(event.event_type(), message.message_type());
            assert_eq!(ConnectUiMessage::from(event), message);
        }
    }

    /// Arbitrary JSON values, biased towards message-like objects.
    fn arbitrary_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            ".{0,12}".prop_map(Value::String),
            prop_oneof![
                Just("ready"),
                Just("close"),
                Just("connect"),
                Just("error"),
                Just("settings_changed"),
                Just("session_token"),
                Just("nango_oauth_callback_error"),
            ]
            .prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            let key = prop_oneof![
                Just("type".to_owned()),
                Just("payload".to_owned()),
                Just("sessionToken".to_owned()),
                Just("providerConfigKey".to_owned()),
                Just("connectionId".to_owned()),
                Just("errorType".to_owned()),
                Just("theme".to_owned()),
                "[a-z]{1,6}",
            ];
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((key, inner), 0..5)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn message_parsers_never_panic(value in arbitrary_json()) {
            if let Ok(message) = ConnectUiMessage::from_value(&value) {
                // Whatever parses serialises back to a value that parses the same.
                prop_assert_eq!(ConnectUiMessage::from_value(&message.to_value()), Ok(message.clone()));
                let _ = ConnectUiEvent::from(message);
            }
            if let Ok(message) = ParentMessage::from_value(&value) {
                prop_assert_eq!(ParentMessage::from_value(&message.to_value()), Ok(message.clone()));
            }
            if let Ok(message) = CallbackMessage::from_value(&value) {
                prop_assert_eq!(CallbackMessage::from_value(&message.to_value()), Ok(message.clone()));
            }
        }

        #[test]
        fn message_parsers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let _ = serde_json::from_slice::<ConnectUiMessage>(&bytes);
            let _ = serde_json::from_slice::<ParentMessage>(&bytes);
            let _ = serde_json::from_slice::<CallbackMessage>(&bytes);
        }
    }
}
