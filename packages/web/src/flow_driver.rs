//! [`FlowDriver`]: carries out the effects of nango-core's [`OAuthFlow`] on a [`FlowIo`] (the
//! popup window, the WebSocket and the timers) and settles the caller's future.
//!
//! The driver is platform-neutral: the browser implementation of [`FlowIo`] lives in
//! `browser.rs`; tests use a recording fake.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;

#[cfg(test)]
use nango_core::FlowState;
use nango_core::{FlowEffect, FlowInput, OAuthFlow};

use crate::auth_future::Settlement;
use crate::debug_log::DebugLog;

/// The I/O a popup flow needs, as the driver sees it.
pub(crate) trait FlowIo {
    /// Navigates the popup to `url`; false when the popup is gone (missing or closed) afterwards.
    fn navigate(&mut self, url: &str) -> bool;
    /// Detaches the socket's handlers and closes it.
    fn close_socket(&mut self);
    /// Closes the popup after `delay` (at once for zero); later calls find no popup.
    fn close_window_after(&mut self, delay: Duration);
    /// Stops the close poll and the ack and deadline timers, releasing their callbacks.
    fn stop_timers(&mut self);
}

/// One popup flow: the state machine, its I/O and the slot of the caller's future.
pub(crate) struct FlowDriver<Io: FlowIo> {
    /// The protocol state machine.
    flow: OAuthFlow,
    /// The window, socket and timers.
    io: Io,
    /// Where the result goes.
    settlement: Rc<RefCell<Settlement>>,
    /// Debug output (redacted).
    log: DebugLog,
}

impl<Io: FlowIo> FlowDriver<Io> {
    /// A driver for `flow` on `io`, settling `settlement`.
    pub(crate) fn new(
        flow: OAuthFlow,
        io: Io,
        settlement: Rc<RefCell<Settlement>>,
        log: DebugLog,
    ) -> Self {
        FlowDriver {
            flow,
            io,
            settlement,
            log,
        }
    }

    /// The I/O, for the platform code that installs sockets and timers after construction.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_mut(&mut self) -> &mut Io {
        &mut self.io
    }

    /// Where the flow stands.
    #[cfg(test)]
    pub(crate) fn state(&self) -> FlowState {
        self.flow.state()
    }

    /// True once the flow resolved or rejected.
    pub(crate) fn is_settled(&self) -> bool {
        self.flow.is_settled()
    }

    /// Feeds one event and carries out every effect, in order. A navigation that finds the
    /// popup gone feeds [`FlowInput::WindowNavigationFailed`] right after.
    pub(crate) fn feed(&mut self, input: FlowInput) {
        self.run(input, None);
    }

    /// Feeds `input`; `close_delay` replaces the delay of a [`FlowEffect::CloseWindowAfter`].
    fn run(&mut self, input: FlowInput, close_delay: Option<Duration>) {
        let mut pending = VecDeque::from([input]);
        while let Some(input) = pending.pop_front() {
            self.log.line(|| format!("flow input {input:?}"));
            for effect in self.flow.handle(input) {
                self.log.line(|| format!("flow effect {effect:?}"));
                match effect {
                    FlowEffect::Navigate(url) => {
                        if !self.io.navigate(&url) {
                            pending.push_back(FlowInput::WindowNavigationFailed);
                        }
                    }
                    FlowEffect::Resolve(success) => {
                        self.io.stop_timers();
                        Settlement::settle(&self.settlement, Ok(success));
                    }
                    FlowEffect::Reject(error) => {
                        self.io.stop_timers();
                        Settlement::settle(&self.settlement, Err(error));
                    }
                    FlowEffect::CloseSocket => self.io.close_socket(),
                    FlowEffect::CloseWindowAfter(delay) => {
                        self.io.close_window_after(close_delay.unwrap_or(delay));
                    }
                }
            }
        }
    }

    /// Cancels a pending flow (its future rejects with `cancelled`); with `close_now` the popup
    /// closes at once instead of after the grace delay. No effect on a settled flow.
    pub(crate) fn cancel(&mut self, close_now: bool) {
        if self.flow.is_settled() {
            return;
        }
        let close_delay = close_now.then_some(Duration::ZERO);
        self.run(FlowInput::Cancel, close_delay);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nango_core::{AuthErrorKind, FlowSettings};

    /// Records what the driver asked for; `popup_open` decides what `navigate` reports.
    #[derive(Debug, Default)]
    struct RecordingIo {
        calls: Vec<String>,
        popup_gone_after_navigation: bool,
    }

    impl FlowIo for RecordingIo {
        fn navigate(&mut self, url: &str) -> bool {
            self.calls.push(format!("navigate {url}"));
            !self.popup_gone_after_navigation
        }
        fn close_socket(&mut self) {
            self.calls.push("close_socket".into());
        }
        fn close_window_after(&mut self, delay: Duration) {
            self.calls
                .push(format!("close_window_after {}", delay.as_millis()));
        }
        fn stop_timers(&mut self) {
            self.calls.push("stop_timers".into());
        }
    }

    const PRE_ACK: &str = "http://localhost:3003/oauth/connect/github?connect_session_token=t";
    const ACK: &str = r#"{"message_type":"connection_ack","ws_client_id":"ws-1"}"#;

    fn driver(settings: FlowSettings) -> (FlowDriver<RecordingIo>, Rc<RefCell<Settlement>>) {
        let slot = Settlement::shared();
        let flow = OAuthFlow::new(PRE_ACK, settings).unwrap();
        (
            FlowDriver::new(
                flow,
                RecordingIo::default(),
                slot.clone(),
                DebugLog::new(true),
            ),
            slot,
        )
    }

    fn result(slot: &Rc<RefCell<Settlement>>) -> Option<crate::auth_future::AuthResult> {
        let settlement = slot.borrow();
        let printed = format!("{settlement:?}");
        // The Debug of a settled slot is safe to print (AuthSuccess has no secrets).
        assert!(!printed.contains("connect_session_token=t"));
        drop(settlement);
        let mut future = crate::AuthFuture::popup(slot.clone(), Rc::new(()));
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        match std::pin::Pin::new(&mut future).poll(&mut cx) {
            std::task::Poll::Ready(result) => Some(result),
            std::task::Poll::Pending => None,
        }
    }

    use std::future::Future;

    #[test]
    fn ack_navigates_then_success_resolves_and_clears() {
        let (mut driver, slot) = driver(FlowSettings::default());
        driver.feed(FlowInput::SocketOpened);
        driver.feed(FlowInput::Frame(ACK.into()));
        assert_eq!(driver.state(), FlowState::Navigated);
        assert!(result(&slot).is_none());
        driver.feed(FlowInput::Frame(
            r#"{"message_type":"success","provider_config_key":"github","connection_id":"c-9","is_pending":false}"#
                .into(),
        ));
        assert!(driver.is_settled());
        assert_eq!(
            driver.io.calls,
            [
                format!("navigate {PRE_ACK}&ws_client_id=ws-1"),
                "stop_timers".into(),
                "close_socket".into(),
                "close_window_after 500".into(),
            ]
        );
        let success = result(&slot).unwrap().unwrap();
        assert_eq!(success.connection_id.as_str(), "c-9");
        assert_eq!(success.is_pending, Some(false));
    }

    #[test]
    fn popup_gone_after_navigation_is_blocked_by_browser() {
        let (mut driver, slot) = driver(FlowSettings::default());
        driver.io.popup_gone_after_navigation = true;
        driver.feed(FlowInput::Frame(ACK.into()));
        let error = result(&slot).unwrap().unwrap_err();
        assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser);
        assert_eq!(driver.io.calls.last().unwrap(), "close_window_after 500");
    }

    #[test]
    fn refused_socket_rejects_with_websocket_failed_once() {
        let (mut driver, slot) = driver(FlowSettings::default());
        driver.feed(FlowInput::SocketFailed("error event".into()));
        driver.feed(FlowInput::SocketClosed);
        assert_eq!(
            result(&slot).unwrap().unwrap_err().kind,
            AuthErrorKind::WebsocketFailed
        );
        // Settling happened once: one stop, one close of each.
        assert_eq!(driver.io.calls.len(), 3, "{:?}", driver.io.calls);
    }

    #[test]
    fn cancel_rejects_and_can_close_the_popup_at_once() {
        let (mut driver, slot) = driver(FlowSettings::default());
        driver.cancel(true);
        assert_eq!(
            result(&slot).unwrap().unwrap_err().kind,
            AuthErrorKind::Cancelled
        );
        assert_eq!(
            driver.io.calls,
            ["stop_timers", "close_socket", "close_window_after 0"]
        );
        // Cancelling a settled flow does nothing.
        let calls = driver.io.calls.len();
        driver.cancel(true);
        assert_eq!(driver.io.calls.len(), calls);
    }

    #[test]
    fn closed_window_rejects_only_with_detection_on() {
        let (mut driver, slot) = driver(FlowSettings::default());
        driver.feed(FlowInput::WindowClosed);
        assert!(result(&slot).is_none());
        let (mut driver, slot) = self::driver(FlowSettings {
            detect_closed_auth_window: true,
            ..FlowSettings::default()
        });
        driver.feed(FlowInput::WindowClosed);
        assert_eq!(
            result(&slot).unwrap().unwrap_err().kind,
            AuthErrorKind::WindowClosed
        );
    }
}
