//! The WebSocket frames of the OAuth popup flow (server → client, JSON text, §3.6 of the protocol
//! spec): parsing for clients, byte-exact serialisation for servers and mocks.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{AuthError, AuthErrorKind};
use crate::ids::{ConnectionId, ProviderConfigKey, WsClientId};

/// The `message_type` of the acknowledgement frame.
pub const MESSAGE_TYPE_CONNECTION_ACK: &str = "connection_ack";
/// The `message_type` of the success frame.
pub const MESSAGE_TYPE_SUCCESS: &str = "success";
/// The `message_type` of the error frame.
pub const MESSAGE_TYPE_ERROR: &str = "error";

/// One frame the Nango server sends over the OAuth WebSocket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WsFrame {
    /// Sent right after the upgrade: the id the popup URL must carry as `ws_client_id`.
    ConnectionAck {
        /// The id the server registered this socket under.
        ws_client_id: WsClientId,
    },
    /// The OAuth flow created (or updated) a connection.
    Success {
        /// The integration of the connection.
        provider_config_key: ProviderConfigKey,
        /// The connection.
        connection_id: ConnectionId,
        /// True when the connection awaits an asynchronous step (false when the field is absent,
        /// as with servers that predate it).
        is_pending: bool,
    },
    /// The OAuth flow failed.
    Error {
        /// The integration, when the server knew it.
        provider_config_key: Option<ProviderConfigKey>,
        /// The connection, when the server knew it.
        connection_id: Option<ConnectionId>,
        /// The error type (`callback_err`, `state_err`, …).
        error_type: AuthErrorKind,
        /// The human-readable description (empty when the server sent none).
        error_desc: String,
    },
    /// A frame with a `message_type` this crate does not know; clients ignore it.
    Unknown {
        /// The `message_type` as received.
        message_type: String,
    },
}

/// Why a WebSocket text frame is not a valid Nango frame.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FrameError {
    /// The text is not JSON at all.
    #[error("WebSocket frame is not JSON: {detail}")]
    NotJson {
        /// The JSON parser's description of the problem (position only, never the frame text).
        detail: String,
    },
    /// The JSON value is not an object.
    #[error("WebSocket frame is not a JSON object")]
    NotAnObject,
    /// A required field is absent.
    #[error("WebSocket frame lacks the field `{field}`")]
    MissingField {
        /// The missing field.
        field: &'static str,
    },
    /// A field has the wrong JSON type.
    #[error("WebSocket frame field `{field}` is not a {expected}")]
    InvalidField {
        /// The ill-typed field.
        field: &'static str,
        /// The JSON type the field must have.
        expected: &'static str,
    },
}

impl From<FrameError> for AuthError {
    fn from(error: FrameError) -> Self {
        AuthError::new(AuthErrorKind::InvalidResponse, error.to_string())
    }
}

impl WsFrame {
    /// Parses one text frame. Extra fields (such as the unused `private_key` of success frames)
    /// are ignored; a `message_type` that is not one of the three known ones gives
    /// [`WsFrame::Unknown`]. Never panics.
    pub fn parse(text: &str) -> Result<WsFrame, FrameError> {
        let value: Value = serde_json::from_str(text).map_err(|e| FrameError::NotJson {
            detail: format!(
                "{:?} error at line {} column {}",
                e.classify(),
                e.line(),
                e.column()
            ),
        })?;
        let Value::Object(object) = value else {
            return Err(FrameError::NotAnObject);
        };
        let message_type = required_string(&object, "message_type")?;
        match message_type.as_str() {
            MESSAGE_TYPE_CONNECTION_ACK => Ok(WsFrame::ConnectionAck {
                ws_client_id: required_string(&object, "ws_client_id")?.into(),
            }),
            MESSAGE_TYPE_SUCCESS => Ok(WsFrame::Success {
                provider_config_key: required_string(&object, "provider_config_key")?.into(),
                connection_id: required_string(&object, "connection_id")?.into(),
                is_pending: match object.get("is_pending") {
                    None | Some(Value::Null) => false,
                    Some(Value::Bool(pending)) => *pending,
                    Some(_) => {
                        return Err(FrameError::InvalidField {
                            field: "is_pending",
                            expected: "boolean",
                        });
                    }
                },
            }),
            MESSAGE_TYPE_ERROR => Ok(WsFrame::Error {
                provider_config_key: optional_string(&object, "provider_config_key")?
                    .map(ProviderConfigKey::from),
                connection_id: optional_string(&object, "connection_id")?.map(ConnectionId::from),
                error_type: AuthErrorKind::from_wire(&required_string(&object, "error_type")?),
                error_desc: optional_string(&object, "error_desc")?.unwrap_or_default(),
            }),
            _ => Ok(WsFrame::Unknown { message_type }),
        }
    }

    /// Serialises the frame exactly as the Nango server does (field order of §3.6, absent
    /// optional fields omitted), e.g. `{"message_type":"connection_ack","ws_client_id":"…"}`.
    pub fn to_json(&self) -> String {
        let wire = match self {
            WsFrame::ConnectionAck { ws_client_id } => WireFrame::ConnectionAck {
                message_type: MESSAGE_TYPE_CONNECTION_ACK,
                ws_client_id: ws_client_id.as_str(),
            },
            WsFrame::Success {
                provider_config_key,
                connection_id,
                is_pending,
            } => WireFrame::Success {
                message_type: MESSAGE_TYPE_SUCCESS,
                provider_config_key: provider_config_key.as_str(),
                connection_id: connection_id.as_str(),
                is_pending: *is_pending,
            },
            WsFrame::Error {
                provider_config_key,
                connection_id,
                error_type,
                error_desc,
            } => WireFrame::Error {
                message_type: MESSAGE_TYPE_ERROR,
                provider_config_key: provider_config_key.as_ref().map(ProviderConfigKey::as_str),
                connection_id: connection_id.as_ref().map(ConnectionId::as_str),
                error_type: error_type.as_str(),
                error_desc,
            },
            WsFrame::Unknown { message_type } => WireFrame::Unknown { message_type },
        };
        // Serialising borrowed strings and a bool into JSON cannot fail; the fallback is a
        // well-formed frame of the same type that clients ignore rather than a panic.
        serde_json::to_string(&wire)
            .unwrap_or_else(|_| String::from(r#"{"message_type":"unknown"}"#))
    }
}

/// The wire shape of each frame, with the server's field order.
#[derive(Serialize)]
#[serde(untagged)]
enum WireFrame<'a> {
    ConnectionAck {
        message_type: &'static str,
        ws_client_id: &'a str,
    },
    Success {
        message_type: &'static str,
        provider_config_key: &'a str,
        connection_id: &'a str,
        is_pending: bool,
    },
    Error {
        message_type: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        provider_config_key: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        connection_id: Option<&'a str>,
        error_type: &'a str,
        error_desc: &'a str,
    },
    Unknown {
        message_type: &'a str,
    },
}

/// Reads a field that must be present and a string.
fn required_string(object: &Map<String, Value>, field: &'static str) -> Result<String, FrameError> {
    optional_string(object, field)?.ok_or(FrameError::MissingField { field })
}

/// Reads a field that may be absent (or `null`) but otherwise must be a string.
fn optional_string(
    object: &Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, FrameError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(FrameError::InvalidField {
            field,
            expected: "string",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WSID: &str = "0b7c0d6e-8d5f-4b8e-9a43-1f2e3d4c5b6a";

    #[test]
    fn ack_serialises_exactly_like_the_server() {
        let frame = WsFrame::ConnectionAck {
            ws_client_id: WSID.into(),
        };
        assert_eq!(
            frame.to_json(),
            format!(r#"{{"message_type":"connection_ack","ws_client_id":"{WSID}"}}"#)
        );
    }

    #[test]
    fn tv04_success_frame_serialises_and_parses() {
        let text = r#"{"message_type":"success","provider_config_key":"github","connection_id":"c-1","is_pending":false}"#;
        let frame = WsFrame::parse(text).unwrap();
        assert_eq!(
            frame,
            WsFrame::Success {
                provider_config_key: "github".into(),
                connection_id: "c-1".into(),
                is_pending: false,
            }
        );
        assert_eq!(frame.to_json(), text);
    }

    #[test]
    fn tv17_error_frame_serialises_and_parses() {
        let text = r#"{"message_type":"error","provider_config_key":"github","connection_id":"c-1","error_type":"callback_err","error_desc":"Did not get authorization code in the callback. Provider error: error: access_denied"}"#;
        let frame = WsFrame::parse(text).unwrap();
        assert_eq!(
            frame,
            WsFrame::Error {
                provider_config_key: Some("github".into()),
                connection_id: Some("c-1".into()),
                error_type: AuthErrorKind::CallbackErr,
                error_desc: "Did not get authorization code in the callback. Provider error: error: access_denied".into(),
            }
        );
        assert_eq!(frame.to_json(), text);
    }

    #[test]
    fn error_frame_omits_absent_keys() {
        let frame = WsFrame::Error {
            provider_config_key: None,
            connection_id: None,
            error_type: AuthErrorKind::StateErr,
            error_desc: "Invalid state".into(),
        };
        assert_eq!(
            frame.to_json(),
            r#"{"message_type":"error","error_type":"state_err","error_desc":"Invalid state"}"#
        );
        let with_key = WsFrame::Error {
            provider_config_key: Some("k".into()),
            connection_id: None,
            error_type: AuthErrorKind::Other("brand_new".into()),
            error_desc: String::new(),
        };
        assert_eq!(
            with_key.to_json(),
            r#"{"message_type":"error","provider_config_key":"k","error_type":"brand_new","error_desc":""}"#
        );
    }

    #[test]
    fn extra_fields_and_private_key_are_ignored() {
        let text = r#"{"private_key":"PEM","message_type":"success","connection_id":"c","provider_config_key":"k","is_pending":true,"extra":[1,2]}"#;
        assert_eq!(
            WsFrame::parse(text).unwrap(),
            WsFrame::Success {
                provider_config_key: "k".into(),
                connection_id: "c".into(),
                is_pending: true,
            }
        );
    }

    #[test]
    fn missing_is_pending_means_not_pending() {
        let text = r#"{"message_type":"success","provider_config_key":"k","connection_id":"c"}"#;
        assert!(matches!(
            WsFrame::parse(text).unwrap(),
            WsFrame::Success {
                is_pending: false,
                ..
            }
        ));
    }

    #[test]
    fn unknown_message_types_are_kept() {
        assert_eq!(
            WsFrame::parse(r#"{"message_type":"ping","x":1}"#).unwrap(),
            WsFrame::Unknown {
                message_type: "ping".into()
            }
        );
        assert_eq!(
            WsFrame::Unknown {
                message_type: "ping".into()
            }
            .to_json(),
            r#"{"message_type":"ping"}"#
        );
    }

    #[test]
    fn bad_frames_give_typed_errors() {
        assert!(matches!(
            WsFrame::parse("not json"),
            Err(FrameError::NotJson { .. })
        ));
        assert_eq!(WsFrame::parse("[1]"), Err(FrameError::NotAnObject));
        assert_eq!(WsFrame::parse("null"), Err(FrameError::NotAnObject));
        assert_eq!(
            WsFrame::parse("{}"),
            Err(FrameError::MissingField {
                field: "message_type"
            })
        );
        assert_eq!(
            WsFrame::parse(r#"{"message_type":3}"#),
            Err(FrameError::InvalidField {
                field: "message_type",
                expected: "string"
            })
        );
        assert_eq!(
            WsFrame::parse(r#"{"message_type":"connection_ack"}"#),
            Err(FrameError::MissingField {
                field: "ws_client_id"
            })
        );
        assert_eq!(
            WsFrame::parse(r#"{"message_type":"success","provider_config_key":"k"}"#),
            Err(FrameError::MissingField {
                field: "connection_id"
            })
        );
        assert_eq!(
            WsFrame::parse(
                r#"{"message_type":"success","provider_config_key":"k","connection_id":"c","is_pending":"no"}"#
            ),
            Err(FrameError::InvalidField {
                field: "is_pending",
                expected: "boolean"
            })
        );
        assert_eq!(
            WsFrame::parse(r#"{"message_type":"error","error_desc":"d"}"#),
            Err(FrameError::MissingField {
                field: "error_type"
            })
        );
        assert_eq!(
            WsFrame::parse(r#"{"message_type":"error","error_type":"x","connection_id":5}"#),
            Err(FrameError::InvalidField {
                field: "connection_id",
                expected: "string"
            })
        );
    }

    #[test]
    fn frame_errors_become_invalid_response_auth_errors() {
        let error: AuthError = WsFrame::parse("{").unwrap_err().into();
        assert_eq!(error.kind, AuthErrorKind::InvalidResponse);
        assert!(error.message.starts_with("WebSocket frame is not JSON"));
    }

    #[test]
    fn not_json_error_never_echoes_the_frame() {
        let secret = "nango_connect_session_deadbeef";
        let error = WsFrame::parse(&format!("{{\"message_type\": {secret}}}")).unwrap_err();
        assert!(!error.to_string().contains(secret), "{error}");
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            ".*".prop_map(Value::String),
            prop_oneof![
                Just("message_type"),
                Just("success"),
                Just("error"),
                Just("connection_ack"),
            ]
            .prop_map(|s| Value::String(s.to_owned())),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec(
                    (
                        prop_oneof![
                            Just("message_type".to_owned()),
                            Just("ws_client_id".to_owned()),
                            Just("provider_config_key".to_owned()),
                            Just("connection_id".to_owned()),
                            Just("is_pending".to_owned()),
                            Just("error_type".to_owned()),
                            Just("error_desc".to_owned()),
                            "[a-z_]{0,8}",
                        ],
                        inner
                    ),
                    0..6
                )
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    fn arb_frame() -> impl Strategy<Value = WsFrame> {
        prop_oneof![
            ".*".prop_map(|id| WsFrame::ConnectionAck {
                ws_client_id: id.into()
            }),
            (".*", ".*", any::<bool>()).prop_map(|(k, c, p)| WsFrame::Success {
                provider_config_key: k.into(),
                connection_id: c.into(),
                is_pending: p,
            }),
            (
                proptest::option::of(".*"),
                proptest::option::of(".*"),
                ".*",
                ".*"
            )
                .prop_map(|(k, c, t, d)| WsFrame::Error {
                    provider_config_key: k.map(Into::into),
                    connection_id: c.map(Into::into),
                    error_type: AuthErrorKind::from_wire(&t),
                    error_desc: d,
                }),
            ".*".prop_filter("known message types parse as themselves", |t| {
                ![
                    MESSAGE_TYPE_CONNECTION_ACK,
                    MESSAGE_TYPE_SUCCESS,
                    MESSAGE_TYPE_ERROR,
                ]
                .contains(&t.as_str())
            })
            .prop_map(|t| WsFrame::Unknown { message_type: t }),
        ]
    }

    proptest! {
        #[test]
        fn parse_never_panics_on_arbitrary_text(text in ".*") {
            let _ = WsFrame::parse(&text);
        }

        #[test]
        fn parse_never_panics_on_arbitrary_json(value in arb_json()) {
            let _ = WsFrame::parse(&value.to_string());
        }

        #[test]
        fn to_json_round_trips_through_parse(frame in arb_frame()) {
            prop_assert_eq!(WsFrame::parse(&frame.to_json()), Ok(frame));
        }
    }
}
