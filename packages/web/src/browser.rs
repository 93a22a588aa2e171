//! The browser side of a popup flow: `window.open`, the WebSocket, the close poll and the
//! timers, all owned by [`BrowserFlowIo`] and released when the flow settles.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::time::Duration;

use nango_core::{FlowInput, NangoConfig, OAuthFlow, PopupLayout, flow::CLOSE_POLL_INTERVAL};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, WebSocket, Window};

use crate::auth_future::Settlement;
use crate::debug_log::DebugLog;
use crate::flow_driver::{FlowDriver, FlowIo};

/// A popup flow driven by the browser.
pub(crate) type BrowserDriver = Rc<RefCell<FlowDriver<BrowserFlowIo>>>;

/// A JS callback of the flow, kept alive until the flow settles.
type Callback = Closure<dyn FnMut(JsValue)>;

/// Opens the blank OAuth popup, centred on the screen (`window.open("", "_blank", features)`).
///
/// Must run synchronously inside the caller's user-activation (click) handler. `None` when the
/// browser refused: `window.open` threw or gave `null`, or the handle's `closed` is `true` or
/// not a boolean (the SDK's `blocked_by_browser` rule).
pub(crate) fn open_popup(config: &NangoConfig, log: DebugLog) -> Option<Window> {
    let window = web_sys::window()?;
    let (width, height) = config.popup_size();
    let (screen_width, screen_height) = window
        .screen()
        .ok()
        .and_then(|screen| Some((screen.width().ok()?, screen.height().ok()?)))
        .unwrap_or((0, 0));
    let layout = PopupLayout::compute(
        f64::from(width),
        f64::from(height),
        f64::from(screen_width),
        f64::from(screen_height),
    );
    let features = layout.features();
    log.line(|| format!("opening the popup with {features}"));
    let popup = window
        .open_with_url_and_target_and_features("", "_blank", &features)
        .ok()
        .flatten()?;
    if is_open(&popup) {
        Some(popup)
    } else {
        log.line(|| "the browser blocked the popup".to_owned());
        None
    }
}

/// True when `closed` on the window handle is exactly `false`.
fn is_open(popup: &Window) -> bool {
    js_sys::Reflect::get(popup, &JsValue::from_str("closed"))
        .ok()
        .and_then(|closed| closed.as_bool())
        == Some(false)
}

/// Starts the flow: the WebSocket, the ack and deadline timers and (with close detection) the
/// 500 ms close poll. A missing popup settles the flow with `blocked_by_browser` at once.
pub(crate) fn start_flow(
    flow: OAuthFlow,
    popup: Option<Window>,
    websocket_url: &str,
    settlement: Rc<RefCell<Settlement>>,
    log: DebugLog,
) -> BrowserDriver {
    let popup_present = popup.is_some();
    let settings = *flow.settings();
    let driver = Rc::new(RefCell::new(FlowDriver::new(
        flow,
        BrowserFlowIo::new(popup),
        settlement,
        log,
    )));
    let Ok(mut guard) = driver.try_borrow_mut() else {
        return driver;
    };
    if !popup_present {
        guard.feed(FlowInput::WindowBlocked);
        drop(guard);
        return driver;
    }
    let socket = match WebSocket::new(websocket_url) {
        Ok(socket) => socket,
        Err(error) => {
            guard.feed(FlowInput::SocketFailed(js_error_text(&error)));
            drop(guard);
            return driver;
        }
    };
    log.line(|| format!("opening the WebSocket {websocket_url}"));
    let weak = Rc::downgrade(&driver);
    let io = guard.io_mut();
    let on_open = feeder(&weak, |_| Some(FlowInput::SocketOpened));
    let on_message = feeder(&weak, |event| {
        // Binary frames are not part of the protocol: ignore them.
        let text = event.dyn_ref::<MessageEvent>()?.data().as_string()?;
        Some(FlowInput::Frame(text))
    });
    let on_close = feeder(&weak, |_| Some(FlowInput::SocketClosed));
    let on_error = feeder(&weak, |_| {
        Some(FlowInput::SocketFailed(
            "the connection failed (error event)".to_owned(),
        ))
    });
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    socket.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    io.socket = Some(socket);
    io.socket_callbacks = vec![on_open, on_message, on_close, on_error];

    io.add_timeout(
        settings.ack_timeout,
        feeder(&weak, |_| Some(FlowInput::AckTimeout)),
    );
    io.add_timeout(
        settings.deadline,
        feeder(&weak, |_| Some(FlowInput::DeadlineReached)),
    );
    if settings.detect_closed_auth_window {
        let poll_weak = weak.clone();
        let poll: Callback = Closure::own_assert_unwind_safe(move |_: JsValue| {
            let Some(driver) = poll_weak.upgrade() else {
                return;
            };
            let Ok(mut driver) = driver.try_borrow_mut() else {
                return;
            };
            let closed = driver
                .io_mut()
                .popup
                .as_ref()
                .is_none_or(|popup| !is_open(popup));
            if closed {
                driver.feed(FlowInput::WindowClosed);
            }
        });
        io.set_poll(CLOSE_POLL_INTERVAL, poll);
    }
    drop(guard);
    driver
}

/// A JS callback that maps its argument to a flow input (if any) and feeds it to the driver.
fn feeder(
    driver: &Weak<RefCell<FlowDriver<BrowserFlowIo>>>,
    input: impl Fn(&JsValue) -> Option<FlowInput> + 'static,
) -> Callback {
    let driver = driver.clone();
    Closure::own_assert_unwind_safe(move |event: JsValue| {
        let Some(input) = input(&event) else {
            return;
        };
        let Some(driver) = driver.upgrade() else {
            return;
        };
        // Callbacks run one at a time on the event loop; a busy driver cannot happen, and if it
        // did the input is dropped rather than panicking.
        if let Ok(mut driver) = driver.try_borrow_mut() {
            driver.feed(input);
        }
    })
}

/// The text of a thrown JS value (an `Error`'s message, or the value as a string).
fn js_error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// The popup window, the WebSocket and the timers of one flow.
pub(crate) struct BrowserFlowIo {
    /// The popup, until it is closed (or handed to the delayed close).
    popup: Option<Window>,
    /// The socket, until it is closed.
    socket: Option<WebSocket>,
    /// `onopen`, `onmessage`, `onclose`, `onerror`, dropped when the socket closes.
    socket_callbacks: Vec<Callback>,
    /// Pending one-shot timers (ack, deadline) and their callbacks.
    timeouts: Vec<(i32, Callback)>,
    /// The close poll and its callback.
    poll: Option<(i32, Callback)>,
}

impl BrowserFlowIo {
    /// I/O around `popup`; the socket and timers are installed by [`start_flow`].
    fn new(popup: Option<Window>) -> Self {
        BrowserFlowIo {
            popup,
            socket: None,
            socket_callbacks: Vec::new(),
            timeouts: Vec::new(),
            poll: None,
        }
    }

    /// Starts a one-shot timer.
    fn add_timeout(&mut self, delay: Duration, callback: Callback) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(id) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            millis(delay),
        ) {
            self.timeouts.push((id, callback));
        }
    }

    /// Starts the repeating close poll.
    fn set_poll(&mut self, interval: Duration, callback: Callback) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(id) = window.set_interval_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            millis(interval),
        ) {
            self.poll = Some((id, callback));
        }
    }
}

/// A duration in whole milliseconds for `setTimeout`, saturating at `i32::MAX`.
fn millis(duration: Duration) -> i32 {
    i32::try_from(duration.as_millis()).unwrap_or(i32::MAX)
}

impl FlowIo for BrowserFlowIo {
    fn navigate(&mut self, url: &str) -> bool {
        let Some(popup) = &self.popup else {
            return false;
        };
        // The popup is still about:blank (same origin), so its location can be set.
        if popup.location().set_href(url).is_err() {
            return false;
        }
        is_open(popup)
    }

    fn close_socket(&mut self) {
        if let Some(socket) = self.socket.take() {
            socket.set_onopen(None);
            socket.set_onmessage(None);
            socket.set_onclose(None);
            socket.set_onerror(None);
            // Errors (already closing) are of no interest here.
            let _ = socket.close();
        }
        // Safe even while one of them runs: wasm-bindgen defers the free to the end of the call.
        self.socket_callbacks.clear();
    }

    fn close_window_after(&mut self, delay: Duration) {
        let Some(popup) = self.popup.take() else {
            return;
        };
        let window = web_sys::window();
        if delay.is_zero() || window.is_none() {
            let _ = popup.close();
            return;
        }
        let close = Closure::once_into_js(move || {
            let _ = popup.close();
        });
        if let Some(window) = window {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                close.unchecked_ref(),
                millis(delay),
            );
        }
    }

    fn stop_timers(&mut self) {
        let window = web_sys::window();
        for (id, _callback) in self.timeouts.drain(..) {
            if let Some(window) = &window {
                window.clear_timeout_with_handle(id);
            }
        }
        if let Some((id, _callback)) = self.poll.take()
            && let Some(window) = &window
        {
            window.clear_interval_with_handle(id);
        }
    }
}

impl Drop for BrowserFlowIo {
    /// A flow dropped while pending (nobody holds its instance or future) releases everything
    /// at once: timers, socket and popup.
    fn drop(&mut self) {
        self.stop_timers();
        self.close_socket();
        if let Some(popup) = self.popup.take() {
            let _ = popup.close();
        }
    }
}
