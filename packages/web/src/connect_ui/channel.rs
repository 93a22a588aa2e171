//! [`ConnectUiChannel`]: the parent side of the Connect UI `postMessage` protocol (spec §11.2,
//! §11.3) as a pure state machine: which inbound messages count, when the token goes out.

use nango_core::connect_ui::origin_of;
use nango_core::messages::{ConnectUiEvent, ConnectUiMessage, ParentMessage};
use nango_core::{AuthError, ConnectSessionToken};
use serde_json::Value;

/// What the iframe host must do after a message or a token change, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChannelAction {
    /// Post this message to the iframe with [`ConnectUiChannel::target_origin`] (never `*`).
    Post(ParentMessage),
    /// Close the Connect UI (remove the iframe, restore scrolling).
    Close,
    /// Call the app's `on_event` with this event (after a `Close` when both are returned).
    Emit(ConnectUiEvent),
}

/// The parent's view of one Connect UI iframe: its exact origin, whether it posted `ready`, and
/// the session token to hand it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectUiChannel {
    /// The exact origin of the Connect UI's base URL (`scheme://host[:port]`).
    origin: String,
    /// True after a `ready` from the iframe (until [`ConnectUiChannel::reset`]).
    ready: bool,
    /// The token to post on `ready` (redacted in `Debug`).
    session_token: Option<ConnectSessionToken>,
}

impl ConnectUiChannel {
    /// A channel for a Connect UI served from `base_url`; `invalid_host_url` when the URL has no
    /// `scheme://host` origin.
    pub fn new(
        base_url: &str,
        session_token: Option<ConnectSessionToken>,
    ) -> Result<ConnectUiChannel, AuthError> {
        Ok(ConnectUiChannel {
            origin: origin_of(base_url)?,
            ready: false,
            session_token: session_token.filter(|token| !token.expose().is_empty()),
        })
    }

    /// The only origin messages are accepted from, and the target origin of every post.
    pub fn target_origin(&self) -> &str {
        &self.origin
    }

    /// True after the iframe posted `ready`.
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// Forgets the `ready` handshake (the iframe was removed; a new one must say `ready`).
    pub fn reset(&mut self) {
        self.ready = false;
    }

    /// Stores the token; returns the post to make when the iframe is already ready (otherwise
    /// it goes out on the next `ready`). An empty token clears it and posts nothing.
    pub fn set_session_token(&mut self, token: ConnectSessionToken) -> Option<ChannelAction> {
        self.session_token = Some(token).filter(|token| !token.expose().is_empty());
        if self.ready { self.token_post() } else { None }
    }

    /// Handles one `message` event: ignored (no action) unless `origin` is exactly the Connect
    /// UI's and `data` is an object with a truthy `type`. A message of a known type with a
    /// malformed payload is ignored too (the JS SDK would forward it untyped).
    pub fn receive(&mut self, origin: &str, data: &Value) -> Vec<ChannelAction> {
        if origin != self.origin {
            return Vec::new();
        }
        let Ok(message) = ConnectUiMessage::from_value(data) else {
            return Vec::new();
        };
        let mut actions = Vec::new();
        match message {
            ConnectUiMessage::Ready => {
                self.ready = true;
                actions.extend(self.token_post());
            }
            ConnectUiMessage::Close => {
                actions.push(ChannelAction::Close);
                self.ready = false;
            }
            _ => {}
        }
        actions.push(ChannelAction::Emit(ConnectUiEvent::from(message)));
        actions
    }

    /// The `session_token` post, when a token is set.
    fn token_post(&self) -> Option<ChannelAction> {
        self.session_token.as_ref().map(|token| {
            ChannelAction::Post(ParentMessage::SessionToken {
                session_token: token.clone(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nango_core::AuthErrorKind;
    use serde_json::json;

    const ORIGIN: &str = "http://localhost:3009";

    fn token(value: &str) -> ConnectSessionToken {
        ConnectSessionToken::new(value)
    }

    fn post(value: &str) -> ChannelAction {
        ChannelAction::Post(ParentMessage::SessionToken {
            session_token: token(value),
        })
    }

    fn channel() -> ConnectUiChannel {
        ConnectUiChannel::new("http://localhost:3009/connect/?x=1", Some(token("tok-1"))).unwrap()
    }

    #[test]
    fn origin_is_exact_scheme_host_and_port() {
        let channel = channel();
        assert_eq!(channel.target_origin(), ORIGIN);
        let mut channel = channel;
        for wrong in [
            "http://localhost:3010",
            "https://localhost:3009",
            "http://127.0.0.1:3009",
            "http://localhost:3009/",
            "null",
            "",
        ] {
            assert!(
                channel.receive(wrong, &json!({"type": "ready"})).is_empty(),
                "{wrong}"
            );
        }
        assert!(!channel.is_ready());
        assert!(ConnectUiChannel::new("data:text/html,hi", None).is_err());
        assert_eq!(
            ConnectUiChannel::new("not a url", None).unwrap_err().kind,
            AuthErrorKind::InvalidHostUrl
        );
    }

    #[test]
    fn ready_posts_the_token_every_time_then_emits() {
        let mut channel = channel();
        let expected = vec![post("tok-1"), ChannelAction::Emit(ConnectUiEvent::Ready)];
        assert_eq!(channel.receive(ORIGIN, &json!({"type": "ready"})), expected);
        assert_eq!(channel.receive(ORIGIN, &json!({"type": "ready"})), expected);
        assert!(channel.is_ready());
    }

    #[test]
    fn token_set_before_ready_waits_and_after_ready_goes_out_at_once() {
        let mut channel = ConnectUiChannel::new(ORIGIN, None).unwrap();
        assert_eq!(
            channel.receive(ORIGIN, &json!({"type": "ready"})),
            vec![ChannelAction::Emit(ConnectUiEvent::Ready)]
        );
        assert_eq!(channel.set_session_token(token("late")), Some(post("late")));
        let mut fresh = ConnectUiChannel::new(ORIGIN, None).unwrap();
        assert_eq!(fresh.set_session_token(token("early")), None);
        assert_eq!(
            fresh.receive(ORIGIN, &json!({"type": "ready"}))[0],
            post("early")
        );
        // An empty token is no token.
        assert_eq!(fresh.set_session_token(token("")), None);
        assert_eq!(
            fresh.receive(ORIGIN, &json!({"type": "ready"})),
            vec![ChannelAction::Emit(ConnectUiEvent::Ready)]
        );
    }

    #[test]
    fn only_objects_with_a_truthy_type_count() {
        let mut channel = channel();
        for data in [
            json!(null),
            json!("ready"),
            json!(["ready"]),
            json!({}),
            json!({"type": ""}),
            json!({"type": false}),
            json!({"type": 0}),
            json!({"type": null}),
            json!({"type": "connect", "payload": "not an object"}),
        ] {
            assert!(channel.receive(ORIGIN, &data).is_empty(), "{data}");
        }
    }

    #[test]
    fn close_closes_then_emits_and_needs_a_new_ready() {
        let mut channel = channel();
        channel.receive(ORIGIN, &json!({"type": "ready"}));
        assert_eq!(
            channel.receive(ORIGIN, &json!({"type": "close"})),
            vec![
                ChannelAction::Close,
                ChannelAction::Emit(ConnectUiEvent::Close)
            ]
        );
        assert!(!channel.is_ready());
        assert_eq!(channel.set_session_token(token("t2")), None);
    }

    #[test]
    fn connect_error_and_unknown_messages_become_events() {
        let mut channel = channel();
        let actions = channel.receive(
            ORIGIN,
            &json!({"type": "connect", "payload": {"providerConfigKey": "github", "connectionId": "c-1"}}),
        );
        match &actions[..] {
            [ChannelAction::Emit(ConnectUiEvent::Connect(payload))] => {
                assert_eq!(payload.connection_id.as_str(), "c-1");
            }
            other => panic!("{other:?}"),
        }
        let actions = channel.receive(
            ORIGIN,
            &json!({"type": "error", "payload": {"errorType": "connection_test_failed", "errorMessage": "bad key"}}),
        );
        assert_eq!(
            actions,
            vec![ChannelAction::Emit(ConnectUiEvent::Error(AuthError::new(
                AuthErrorKind::ConnectionTestFailed,
                "bad key"
            )))]
        );
        assert_eq!(
            channel.receive(ORIGIN, &json!({"type": "brand_new"})),
            vec![ChannelAction::Emit(ConnectUiEvent::Unknown(
                "brand_new".into()
            ))]
        );
    }

    #[test]
    fn debug_never_shows_the_token() {
        let channel =
            ConnectUiChannel::new(ORIGIN, Some(token("nango_connect_session_secret"))).unwrap();
        assert!(!format!("{channel:?}").contains("secret"));
    }
}
