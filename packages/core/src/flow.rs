//! The OAuth popup flow (§3.4–§3.9, §7 of the protocol spec) as a sans-I/O state machine:
//! backends feed it socket, window and timer events and carry out the effects it returns.
//!
//! # Driving the machine
//!
//! 1. Open the popup window synchronously (user activation). If that fails, feed
//!    [`FlowInput::WindowBlocked`].
//! 2. Build the flow with [`OAuthFlow::new`] from the pre-ack popup URL, open the WebSocket, start
//!    a close-detection poll every [`CLOSE_POLL_INTERVAL`] and two one-shot timers from
//!    [`FlowSettings::ack_timeout`] and [`FlowSettings::deadline`].
//! 3. Feed every event with [`OAuthFlow::handle`] and carry out the returned [`FlowEffect`]s in
//!    order. Once the flow is settled ([`OAuthFlow::is_settled`]) stop the timers and the poll.
//!
//! # Atomic frames
//!
//! The JS SDK sets an `isProcessingMessage` flag while a frame is handled so that its close poll
//! cannot report `window_closed` in the middle of a frame. Here [`OAuthFlow::handle`] takes
//! `&mut self` and runs to completion without awaiting: a frame is consumed in one call, and a
//! [`FlowInput::WindowClosed`] can only be handled before or after it, never during. Backends
//! that share one flow between tasks put it behind a mutex, which keeps that guarantee.
//!
//! # Settling once
//!
//! The flow settles exactly once: the first [`FlowEffect::Resolve`] or [`FlowEffect::Reject`]
//! wins and every later input yields no effect. A `success` frame that arrives after a cancel,
//! a timeout or a closed window is therefore ignored, although the connection may exist on the
//! server by then; UIs should offer to reconnect or refresh rather than assume nothing happened.

use std::fmt;
use std::time::Duration;

use url::Url;

use crate::error::{AuthError, AuthErrorKind};
use crate::ids::{WsClientId, redact};
use crate::success::AuthSuccess;
use crate::ws::WsFrame;

/// How often backends check whether the popup was closed (the SDK's 500 ms poll).
pub const CLOSE_POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The query parameter that carries the WebSocket client id on the navigated popup URL.
pub const WS_CLIENT_ID_PARAM: &str = "ws_client_id";

/// Tunables of one OAuth popup flow. Backends set their timers from these values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowSettings {
    /// Reject with `window_closed` when the popup is closed (`detectClosedAuthWindow`).
    pub detect_closed_auth_window: bool,
    /// How long to wait for the server's `connection_ack` before rejecting with
    /// `websocket_failed`.
    pub ack_timeout: Duration,
    /// How long the whole flow may take before rejecting with `timeout`.
    pub deadline: Duration,
    /// How long after settling the popup is closed (`clear()`'s 500 ms).
    pub close_grace: Duration,
}

impl FlowSettings {
    /// The default ack timeout: 15 seconds.
    pub const DEFAULT_ACK_TIMEOUT: Duration = Duration::from_secs(15);
    /// The default deadline: 5 minutes.
    pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(5 * 60);
    /// The default close grace: 500 ms, as in the SDK's `clear()`.
    pub const DEFAULT_CLOSE_GRACE: Duration = Duration::from_millis(500);
}

impl Default for FlowSettings {
    fn default() -> Self {
        FlowSettings {
            detect_closed_auth_window: false,
            ack_timeout: FlowSettings::DEFAULT_ACK_TIMEOUT,
            deadline: FlowSettings::DEFAULT_DEADLINE,
            close_grace: FlowSettings::DEFAULT_CLOSE_GRACE,
        }
    }
}

/// An event a backend feeds into the flow.
#[derive(Clone, PartialEq, Eq)]
pub enum FlowInput {
    /// The popup window could not be opened (`window.open` gave nothing or a closed window).
    WindowBlocked,
    /// The WebSocket connected.
    SocketOpened,
    /// A text frame arrived on the WebSocket (raw text, parsed by the flow).
    Frame(String),
    /// The WebSocket closed.
    SocketClosed,
    /// The WebSocket failed (could not connect, or an I/O error); the text says why.
    SocketFailed(String),
    /// The close-detection poll (or a close event) found the popup closed.
    WindowClosed,
    /// The popup was gone right after the backend navigated it.
    WindowNavigationFailed,
    /// The user cancelled the flow.
    Cancel,
    /// The ack timer ([`FlowSettings::ack_timeout`]) fired.
    AckTimeout,
    /// The deadline timer ([`FlowSettings::deadline`]) fired.
    DeadlineReached,
}

impl fmt::Debug for FlowInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlowInput::WindowBlocked => f.write_str("WindowBlocked"),
            FlowInput::SocketOpened => f.write_str("SocketOpened"),
            // A frame may carry a `private_key`: print only its size.
            FlowInput::Frame(text) => write!(f, "Frame({} bytes)", text.len()),
            FlowInput::SocketClosed => f.write_str("SocketClosed"),
            FlowInput::SocketFailed(reason) => f.debug_tuple("SocketFailed").field(reason).finish(),
            FlowInput::WindowClosed => f.write_str("WindowClosed"),
            FlowInput::WindowNavigationFailed => f.write_str("WindowNavigationFailed"),
            FlowInput::Cancel => f.write_str("Cancel"),
            FlowInput::AckTimeout => f.write_str("AckTimeout"),
            FlowInput::DeadlineReached => f.write_str("DeadlineReached"),
        }
    }
}

/// Something the backend must do, in the order returned.
#[derive(Clone, PartialEq, Eq)]
pub enum FlowEffect {
    /// Navigate the popup to this URL (the pre-ack URL with `ws_client_id` set).
    Navigate(String),
    /// The flow succeeded: resolve the caller's future with this value.
    Resolve(AuthSuccess),
    /// The flow failed: reject the caller's future with this error.
    Reject(AuthError),
    /// Close the WebSocket now.
    CloseSocket,
    /// Close the popup window after this delay (if it is still open).
    CloseWindowAfter(Duration),
}

impl fmt::Debug for FlowEffect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlowEffect::Navigate(url) => {
                f.debug_tuple("Navigate").field(&redacted_url(url)).finish()
            }
            FlowEffect::Resolve(success) => f.debug_tuple("Resolve").field(success).finish(),
            FlowEffect::Reject(error) => f.debug_tuple("Reject").field(error).finish(),
            FlowEffect::CloseSocket => f.write_str("CloseSocket"),
            FlowEffect::CloseWindowAfter(delay) => {
                f.debug_tuple("CloseWindowAfter").field(delay).finish()
            }
        }
    }
}

/// Where a flow stands, for UIs and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowState {
    /// The popup is blank and the WebSocket has not acknowledged yet.
    WaitingAck,
    /// The popup was navigated to Nango's OAuth URL; waiting for `success` or `error`.
    Navigated,
    /// Settled with success.
    Resolved,
    /// Settled with an error.
    Rejected,
}

/// One OAuth popup flow, from the blank popup to the settled result.
#[derive(Clone)]
pub struct OAuthFlow {
    /// The popup URL without `ws_client_id`, parsed as the browser would.
    pre_ack_url: Url,
    settings: FlowSettings,
    state: FlowState,
    ws_client_id: Option<WsClientId>,
}

impl fmt::Debug for OAuthFlow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthFlow")
            .field("pre_ack_url", &redacted_url(self.pre_ack_url.as_str()))
            .field("settings", &self.settings)
            .field("state", &self.state)
            .field("ws_client_id", &self.ws_client_id)
            .finish()
    }
}

impl OAuthFlow {
    /// Starts a flow for the pre-ack popup URL (`{host}/oauth/connect/{key}?{query}`, hand-built
    /// as in §2). The flow starts in [`FlowState::WaitingAck`] and returns no effect until fed.
    ///
    /// Fails with `invalid_host_url` when the URL does not parse (the SDK rejects the same way
    /// before opening the socket); the backend then closes the popup it opened.
    pub fn new(pre_ack_url: &str, settings: FlowSettings) -> Result<OAuthFlow, AuthError> {
        let pre_ack_url = Url::parse(pre_ack_url).map_err(|_| AuthError::invalid_host_url())?;
        Ok(OAuthFlow {
            pre_ack_url,
            settings,
            state: FlowState::WaitingAck,
            ws_client_id: None,
        })
    }

    /// Where the flow stands.
    pub fn state(&self) -> FlowState {
        self.state
    }

    /// True once the flow resolved or rejected; later inputs have no effect.
    pub fn is_settled(&self) -> bool {
        matches!(self.state, FlowState::Resolved | FlowState::Rejected)
    }

    /// The settings the flow was built with (backends read their timer durations here).
    pub fn settings(&self) -> &FlowSettings {
        &self.settings
    }

    /// The id of the last `connection_ack`, once one arrived.
    pub fn ws_client_id(&self) -> Option<&WsClientId> {
        self.ws_client_id.as_ref()
    }

    /// The popup URL with `ws_client_id` set, the way `URLSearchParams.set` does it: the first
    /// existing `ws_client_id` is replaced (others removed), otherwise it is appended; the whole
    /// query is re-serialised form-urlencoded (§2.1 item 3).
    pub fn navigation_url(&self, ws_client_id: &WsClientId) -> String {
        let mut url = self.pre_ack_url.clone();
        let mut pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        let mut replaced = false;
        pairs.retain_mut(|(name, value)| {
            if name != WS_CLIENT_ID_PARAM {
                return true;
            }
            if replaced {
                return false;
            }
            replaced = true;
            *value = ws_client_id.as_str().to_owned();
            true
        });
        if !replaced {
            pairs.push((
                WS_CLIENT_ID_PARAM.to_owned(),
                ws_client_id.as_str().to_owned(),
            ));
        }
        url.query_pairs_mut().clear().extend_pairs(pairs);
        url.into()
    }

    /// Feeds one event and returns what the backend must do, in order. Runs to completion
    /// (see the module docs on atomic frames); after the flow settled it returns nothing.
    pub fn handle(&mut self, input: FlowInput) -> Vec<FlowEffect> {
        if self.is_settled() {
            return Vec::new();
        }
        match input {
            FlowInput::SocketOpened => Vec::new(),
            FlowInput::Frame(text) => self.handle_frame(&text),
            FlowInput::WindowBlocked | FlowInput::WindowNavigationFailed => {
                self.reject(AuthError::blocked_by_browser())
            }
            FlowInput::SocketClosed => self.reject(AuthError::new(
                AuthErrorKind::WebsocketFailed,
                "The WebSocket closed before the authorization flow completed",
            )),
            FlowInput::SocketFailed(reason) => self.reject(AuthError::new(
                AuthErrorKind::WebsocketFailed,
                format!("The WebSocket failed before the authorization flow completed: {reason}"),
            )),
            FlowInput::WindowClosed if self.settings.detect_closed_auth_window => {
                self.reject(AuthError::window_closed())
            }
            // Parity with the SDK: without close detection a closed popup changes nothing (the
            // deadline still ends the flow).
            FlowInput::WindowClosed => Vec::new(),
            FlowInput::Cancel => self.reject(AuthError::new(
                AuthErrorKind::Cancelled,
                "The authorization flow was cancelled",
            )),
            FlowInput::AckTimeout if self.state == FlowState::WaitingAck => {
                self.reject(AuthError::new(
                    AuthErrorKind::WebsocketFailed,
                    format!(
                        "The server did not acknowledge the WebSocket within {} ms",
                        self.settings.ack_timeout.as_millis()
                    ),
                ))
            }
            FlowInput::AckTimeout => Vec::new(),
            FlowInput::DeadlineReached => self.reject(AuthError::new(
                AuthErrorKind::Timeout,
                format!(
                    "The authorization flow did not complete within {} s",
                    self.settings.deadline.as_secs()
                ),
            )),
        }
    }

    /// Handles one WebSocket text frame (the state is not settled).
    fn handle_frame(&mut self, text: &str) -> Vec<FlowEffect> {
        match WsFrame::parse(text) {
            // QUIRK fixed: the SDK throws inside its handler and hangs; the kit rejects.
            Err(error) => self.reject(error.into()),
            Ok(WsFrame::ConnectionAck { ws_client_id }) => {
                let url = self.navigation_url(&ws_client_id);
                self.ws_client_id = Some(ws_client_id);
                self.state = FlowState::Navigated;
                vec![FlowEffect::Navigate(url)]
            }
            Ok(WsFrame::Success {
                provider_config_key,
                connection_id,
                is_pending,
            }) => self.settle(
                FlowState::Resolved,
                FlowEffect::Resolve(AuthSuccess {
                    provider_config_key,
                    connection_id,
                    is_pending: Some(is_pending),
                }),
            ),
            Ok(WsFrame::Error {
                error_type,
                error_desc,
                ..
            }) => self.reject(AuthError::new(error_type, error_desc)),
            Ok(WsFrame::Unknown { .. }) => Vec::new(),
        }
    }

    /// Settles with an error.
    fn reject(&mut self, error: AuthError) -> Vec<FlowEffect> {
        self.settle(FlowState::Rejected, FlowEffect::Reject(error))
    }

    /// Settles: the outcome, then `clear()` (socket now, window after the grace).
    fn settle(&mut self, state: FlowState, outcome: FlowEffect) -> Vec<FlowEffect> {
        self.state = state;
        vec![
            outcome,
            FlowEffect::CloseSocket,
            FlowEffect::CloseWindowAfter(self.settings.close_grace),
        ]
    }
}

/// A URL for logs: values of query parameters whose name mentions a token or a secret are
/// redacted (connect session tokens, client secrets, refresh tokens, TBA secrets).
fn redacted_url(url: &str) -> String {
    let Ok(mut parsed) = Url::parse(url) else {
        return "[unparseable URL]".to_owned();
    };
    if parsed.query().is_none() {
        return parsed.into();
    }
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(name, value)| {
            let lower = name.to_ascii_lowercase();
            let value = if lower.contains("token") || lower.contains("secret") {
                redact(&value)
            } else {
                value.into_owned()
            };
            (name.into_owned(), value)
        })
        .collect();
    parsed.query_pairs_mut().clear().extend_pairs(pairs);
    parsed.into()
}

#[cfg(test)]
mod tests;
