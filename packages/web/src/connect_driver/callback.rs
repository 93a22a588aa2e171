//! The Connect UI's side of the OAuth callback hand-shake (connect-ui §2.5.7, §4.4): which
//! `nango_oauth_callback_*` messages from the popup count, and what to do with them.

use nango_core::messages::CallbackMessage;
use nango_core::{AuthError, AuthErrorKind};
use serde_json::Value;

/// What to do after a callback message was accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallbackOutcome {
    /// `nango_oauth_callback_success`: only acknowledge it (the WebSocket brings the result).
    Acknowledge,
    /// `nango_oauth_callback_error`: acknowledge it and fail the pending `auth` with this error
    /// (always `connection_validation_failed`, as Nango's Connect UI reports it).
    AcknowledgeAndFail(AuthError),
}

/// The gate of callback messages: accepts them only from the API's exact origin and from a window
/// other than the Connect UI's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallbackGate {
    /// The origin of `apiURL` (`scheme://host[:port]`).
    api_origin: String,
}

impl CallbackGate {
    /// A gate for callback pages served from `api_origin` (as returned by `origin_of`).
    pub fn new(api_origin: impl Into<String>) -> Self {
        CallbackGate {
            api_origin: api_origin.into(),
        }
    }

    /// The origin callback messages must come from; also the target origin of the ack.
    pub fn api_origin(&self) -> &str {
        &self.api_origin
    }

    /// Classifies one `message` event: `None` (ignore it) unless `origin` is exactly the API's,
    /// the sender is another window (`from_other_window`) and `data` is a success or error
    /// callback message.
    pub fn accept(
        &self,
        origin: &str,
        from_other_window: bool,
        data: &Value,
    ) -> Option<CallbackOutcome> {
        if origin != self.api_origin || !from_other_window {
            return None;
        }
        match CallbackMessage::from_value(data).ok()? {
            CallbackMessage::Success => Some(CallbackOutcome::Acknowledge),
            CallbackMessage::Error { payload } => Some(CallbackOutcome::AcknowledgeAndFail(
                AuthError::new(AuthErrorKind::ConnectionValidationFailed, payload.message),
            )),
            CallbackMessage::Ack | CallbackMessage::Unknown(_) => None,
        }
    }

    /// The acknowledgement posted back to the popup (`{type:'nango_oauth_callback_ack'}`).
    pub fn ack() -> Value {
        CallbackMessage::Ack.to_value()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const API: &str = "http://127.0.0.1:3003";

    #[test]
    fn success_from_the_api_origin_is_acknowledged() {
        let gate = CallbackGate::new(API);
        let data = json!({"type": "nango_oauth_callback_success"});
        assert_eq!(
            gate.accept(API, true, &data),
            Some(CallbackOutcome::Acknowledge)
        );
        assert_eq!(
            CallbackGate::ack(),
            json!({"type": "nango_oauth_callback_ack"})
        );
    }

    #[test]
    fn error_fails_with_connection_validation_failed_and_the_message() {
        let gate = CallbackGate::new(API);
        let data = json!({"type": "nango_oauth_callback_error",
            "payload": {"message": "access_denied", "errorType": "callback_err"}});
        let Some(CallbackOutcome::AcknowledgeAndFail(error)) = gate.accept(API, true, &data) else {
            panic!("error message not accepted");
        };
        assert_eq!(error.kind, AuthErrorKind::ConnectionValidationFailed);
        assert_eq!(error.message, "access_denied");
    }

    #[test]
    fn other_origins_own_window_and_other_types_are_ignored() {
        let gate = CallbackGate::new(API);
        let data = json!({"type": "nango_oauth_callback_success"});
        assert_eq!(gate.accept("http://127.0.0.1:3004", true, &data), None);
        assert_eq!(gate.accept("http://localhost:3003", true, &data), None);
        assert_eq!(gate.accept("null", true, &data), None);
        assert_eq!(gate.accept(API, false, &data), None);
        for other in [
            json!({"type": "nango_oauth_callback_ack"}),
            json!({"type": "session_token", "sessionToken": "x"}),
            json!({"type": "nango_oauth_callback_error"}),
            json!("nango_oauth_callback_success"),
            json!(null),
        ] {
            assert_eq!(gate.accept(API, true, &other), None, "{other}");
        }
    }
}
