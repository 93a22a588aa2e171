//! The browser services of [`WebConnectDriver`](super::WebConnectDriver): the OAuth callback
//! listener, beacons, new tabs, `confirm`, the clipboard, timers, ids, the clock, the colour
//! scheme and the languages. Every call tolerates a missing API (no panic, a neutral answer).

use std::cell::RefCell;
use std::rc::Rc;

use nango_core::connect_ui::api_endpoint;
use nango_core::session::{TelemetryBeacon, TelemetryDimensions, TelemetryEvent};
use nango_core::{ConnectSessionToken, ProviderConfigKey};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Window};

use super::browser_json::{json_of, to_js};
use super::{CallbackGate, CallbackOutcome, CallbackSlot};

/// The window `message` listener of the OAuth callback hand-shake; removed when dropped.
pub(super) struct CallbackListener {
    /// The JS callback.
    callback: Closure<dyn FnMut(JsValue)>,
}

impl CallbackListener {
    /// Listens for `nango_oauth_callback_*` messages through `gate`; an accepted message is
    /// acknowledged to its sender, an error one also fails the `auth` waiting on `slot`.
    pub(super) fn install(
        gate: CallbackGate,
        slot: Rc<RefCell<CallbackSlot>>,
    ) -> Option<CallbackListener> {
        let window = web_sys::window()?;
        let callback: Closure<dyn FnMut(JsValue)> =
            Closure::own_assert_unwind_safe(move |event: JsValue| {
                if let Some(error) = handle_callback_message(&gate, &event) {
                    CallbackSlot::fail(&slot, error);
                }
            });
        window
            .add_event_listener_with_callback("message", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(CallbackListener { callback })
    }
}

impl Drop for CallbackListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "message",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Checks one `message` event against `gate`, acknowledges an accepted one to `event.source`
/// with target `event.origin`, and returns the error it reports (if any).
pub fn handle_callback_message(
    gate: &CallbackGate,
    event: &JsValue,
) -> Option<nango_core::AuthError> {
    let event = event.dyn_ref::<MessageEvent>()?;
    let origin = event.origin();
    if origin != gate.api_origin() {
        return None;
    }
    // A cross-origin WindowProxy fails `instanceof Window`, so no checked cast: it is a window
    // when it is not a MessagePort or a ServiceWorker.
    let source = event.source()?;
    if source.is_instance_of::<web_sys::MessagePort>() {
        return None;
    }
    let source: Window = source.unchecked_into();
    let own = web_sys::window()?;
    let from_other_window = !js_sys::Object::is(&source, &own);
    let data = json_of(&event.data())?;
    let outcome = gate.accept(&origin, from_other_window, &data)?;
    if let Ok(ack) = to_js(&CallbackGate::ack()) {
        let _ = source.post_message(&ack, &origin);
    }
    match outcome {
        CallbackOutcome::Acknowledge => None,
        CallbackOutcome::AcknowledgeAndFail(error) => Some(error),
    }
}

/// Posts a telemetry beacon (`application/json` Blob) to `<apiURL>/connect/telemetry`. Beacons
/// of a page that has not shown its first frame yet wait for it (see [`BeaconQueue`]).
pub(super) fn send_beacon(
    api_url: &str,
    token: &ConnectSessionToken,
    event: TelemetryEvent,
    integration: Option<ProviderConfigKey>,
) {
    let beacon = TelemetryBeacon {
        event,
        dimensions: integration.map(|integration| TelemetryDimensions {
            integration: Some(integration),
        }),
        token: token.clone(),
        timestamp: now_iso8601(),
    };
    let Ok(body) = serde_json::to_string(&beacon) else {
        return;
    };
    let url = api_endpoint(api_url, "/connect/telemetry");
    let send_now = BEACONS.with(|queue| queue.borrow_mut().send_or_wait(url.clone(), &body));
    if send_now {
        post_beacon(&url, &body);
    }
}

/// How long beacons wait at most for the first frame (a hidden page draws none).
const BEACON_WAIT_MS: i32 = 1_000;

thread_local! {
    /// This page's waiting beacons.
    static BEACONS: RefCell<BeaconQueue> = RefCell::default();
}

/// Telemetry is never urgent, the first paint is: beacons asked for before the page's first
/// frame (the Connect UI's `open`, sent as its list renders) go out just after that frame, in
/// order; later ones go out at once. When no frame comes (a hidden page) they go after
/// [`BEACON_WAIT_MS`], and a page leaving (`pagehide`) sends whatever still waits.
#[derive(Default)]
struct BeaconQueue {
    /// The first frame came (or the wait ended): send at once.
    open: bool,
    /// A flush is scheduled.
    scheduled: bool,
    /// `(url, body)` of the waiting beacons, oldest first.
    waiting: Vec<(String, String)>,
}

impl BeaconQueue {
    /// True when the beacon should go now; else it waits (and a flush is scheduled).
    fn send_or_wait(&mut self, url: String, body: &str) -> bool {
        if self.open {
            return true;
        }
        self.waiting.push((url, body.to_owned()));
        if !self.scheduled {
            self.scheduled = true;
            schedule_beacon_flush();
        }
        false
    }
}

/// Sends every waiting beacon and opens the queue (idempotent).
fn flush_beacons() {
    let waiting = BEACONS.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.open = true;
        std::mem::take(&mut queue.waiting)
    });
    for (url, body) in waiting {
        post_beacon(&url, &body);
    }
}

/// Flushes after the next frame, after [`BEACON_WAIT_MS`], or at `pagehide`, whichever is
/// first (at once without a window).
fn schedule_beacon_flush() {
    let Some(window) = web_sys::window() else {
        flush_beacons();
        return;
    };
    // Each closure lives as long as the page (one set per page).
    let flush = Closure::<dyn FnMut()>::new(flush_beacons).into_js_value();
    let after_frame = Closure::<dyn FnMut()>::new({
        let flush = flush.clone();
        move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(flush.unchecked_ref());
            }
        }
    })
    .into_js_value();
    let scheduled = window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_ok()
        & window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                flush.unchecked_ref(),
                BEACON_WAIT_MS,
            )
            .is_ok();
    let _ = window.add_event_listener_with_callback("pagehide", flush.unchecked_ref());
    if !scheduled {
        flush_beacons();
    }
}

/// `navigator.sendBeacon(url, Blob(body, application/json))`.
fn post_beacon(url: &str, body: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let _ = window
        .navigator()
        .send_beacon_with_opt_blob(url, Some(&blob));
}

/// Opens `url` in a new tab without giving it a handle on this page.
pub(super) fn open_new_tab(url: &str) -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer")
                .ok()
        })
        .is_some()
}

/// `window.confirm(message)`; true (leave) when the page cannot ask.
pub(super) fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(message).ok())
        .unwrap_or(true)
}

/// Copies `text`: `navigator.clipboard.writeText`, else a selected textarea and
/// `document.execCommand('copy')`.
pub async fn copy_text(text: String) -> bool {
    if let Some(promise) = clipboard_write(&text)
        && JsFuture::from(promise).await.is_ok()
    {
        return true;
    }
    copy_with_exec_command(&text)
}

/// `navigator.clipboard.writeText(text)` when the API exists (secure contexts only).
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()?
        .dyn_into()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into()
        .ok()
}

/// The pre-Clipboard-API fallback: an off-screen textarea, selected, `execCommand('copy')`.
pub fn copy_with_exec_command(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(area) = document.create_element("textarea").and_then(|element| {
        element
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .map_err(JsValue::from)
    }) else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute(
        "style",
        "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0",
    );
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}

/// Resolves after `millis` milliseconds.
pub(super) async fn sleep(millis: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let delay = i32::try_from(millis).unwrap_or(i32::MAX);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// `crypto.randomUUID()`, else a v4 UUID from `crypto.getRandomValues` (insecure contexts).
pub(super) fn random_uuid() -> String {
    let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) else {
        return nango_ui::driver::random_uuid_v4();
    };
    let has_random_uuid = js_sys::Reflect::get(&crypto, &JsValue::from_str("randomUUID"))
        .map(|f| f.is_function())
        .unwrap_or(false);
    if has_random_uuid {
        return crypto.random_uuid();
    }
    let mut bytes = [0u8; 16];
    if crypto.get_random_values_with_u8_array(&mut bytes).is_err() {
        return nango_ui::driver::random_uuid_v4();
    }
    nango_ui::driver::uuid_v4_from_random_bytes(bytes)
}

/// `new Date().toISOString()`.
pub(super) fn now_iso8601() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

thread_local! {
    /// `matchMedia('(prefers-color-scheme: dark)')`, made once: the call costs a style lookup,
    /// while the list's `matches` stays live.
    static DARK_SCHEME: Option<web_sys::MediaQueryList> = web_sys::window()
        .and_then(|window| window.match_media("(prefers-color-scheme: dark)").ok())
        .flatten();
}

/// `matchMedia('(prefers-color-scheme: dark)').matches`.
pub(super) fn prefers_dark() -> bool {
    DARK_SCHEME.with(|query| query.as_ref().is_some_and(|query| query.matches()))
}

/// `navigator.languages` (else `navigator.language`).
pub(super) fn languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Vec::new();
    };
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|language| language.as_string())
        .collect();
    if languages.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        languages
    }
}
