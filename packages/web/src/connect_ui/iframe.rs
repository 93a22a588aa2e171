//! The browser side of the Connect UI host: the iframe, the window `message` listener, the body
//! scroll lock and the token posts, driven by [`ConnectUiChannel`].

use std::cell::RefCell;
use std::rc::Rc;

use nango_core::messages::{ConnectUiEvent, ParentMessage};
use nango_core::{AuthError, AuthErrorKind, ConnectSessionToken};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlIFrameElement, MessageEvent};

use super::{ChannelAction, ConnectUiChannel, EventCallback, IFRAME_ID, IFRAME_STYLE};
use crate::debug_log::DebugLog;

/// The window `message` listener.
type Listener = Closure<dyn FnMut(JsValue)>;

/// One Connect UI iframe and its channel.
pub(super) struct IframeHost {
    /// The iframe URL.
    url: String,
    /// The protocol state.
    channel: ConnectUiChannel,
    /// The app's event callback.
    on_event: Option<EventCallback>,
    /// Debug output.
    log: DebugLog,
    /// The iframe, while open.
    iframe: Option<HtmlIFrameElement>,
    /// The window `message` listener, while open (it holds this host alive).
    listener: Option<Listener>,
    /// The body's `overflow` before the UI opened, restored on close.
    saved_overflow: Option<String>,
}

impl IframeHost {
    /// A closed host.
    pub(super) fn shared(
        url: String,
        channel: ConnectUiChannel,
        on_event: Option<EventCallback>,
        debug: bool,
    ) -> Rc<RefCell<IframeHost>> {
        Rc::new(RefCell::new(IframeHost {
            url,
            channel,
            on_event,
            log: DebugLog::new(debug),
            iframe: None,
            listener: None,
            saved_overflow: None,
        }))
    }

    /// True while the iframe is attached to the document.
    pub(super) fn is_open(host: &Rc<RefCell<IframeHost>>) -> bool {
        host.try_borrow()
            .ok()
            .and_then(|host| host.iframe.as_ref().map(|iframe| iframe.is_connected()))
            .unwrap_or(false)
    }

    /// Appends the iframe, locks body scrolling and listens for messages. No-op while the
    /// iframe is attached; a detached iframe (removed by the page) is cleaned up first.
    pub(super) fn open(host: &Rc<RefCell<IframeHost>>) -> Result<(), AuthError> {
        if IframeHost::is_open(host) {
            return Ok(());
        }
        IframeHost::close(host);
        let window = web_sys::window().ok_or_else(|| dom_error("no window"))?;
        let document = window.document().ok_or_else(|| dom_error("no document"))?;
        let body = document
            .body()
            .ok_or_else(|| dom_error("no document body"))?;
        let iframe: HtmlIFrameElement = document
            .create_element("iframe")
            .map_err(|_| dom_error("could not create the iframe"))?
            .dyn_into()
            .map_err(|_| dom_error("could not create the iframe"))?;
        let Ok(mut state) = host.try_borrow_mut() else {
            return Err(dom_error("the Connect UI is busy"));
        };
        iframe.set_id(IFRAME_ID);
        iframe.set_src(&state.url);
        iframe
            .set_attribute("allow", "clipboard-write")
            .and_then(|()| iframe.set_attribute("style", IFRAME_STYLE))
            .map_err(|_| dom_error("could not set the iframe's attributes"))?;

        let listener_host = Rc::clone(host);
        let listener: Listener = Closure::own_assert_unwind_safe(move |event: JsValue| {
            IframeHost::receive(&listener_host, &event);
        });
        window
            .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
            .map_err(|_| dom_error("could not listen for messages"))?;
        if body.append_child(&iframe).is_err() {
            let _ = window
                .remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            return Err(dom_error("could not append the iframe"));
        }
        let style = body.style();
        state.saved_overflow = Some(style.get_property_value("overflow").unwrap_or_default());
        let _ = style.set_property("overflow", "hidden");
        state.channel.reset();
        state.iframe = Some(iframe);
        state.listener = Some(listener);
        state
            .log
            .line(|| format!("Connect UI opened at {}", state.url));
        Ok(())
    }

    /// Removes the listener and the iframe and restores the body's `overflow`; safe to repeat.
    pub(super) fn close(host: &Rc<RefCell<IframeHost>>) {
        let Ok(mut state) = host.try_borrow_mut() else {
            return;
        };
        let listener = state.listener.take();
        let iframe = state.iframe.take();
        let saved_overflow = state.saved_overflow.take();
        state.channel.reset();
        let was_open = iframe.is_some();
        drop(state);
        if let (Some(listener), Some(window)) = (&listener, web_sys::window()) {
            let _ = window
                .remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        if let Some(iframe) = iframe {
            iframe.remove();
        }
        if let Some(overflow) = saved_overflow
            && let Some(body) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.body())
        {
            restore_overflow(&body, &overflow);
        }
        if was_open && let Ok(state) = host.try_borrow() {
            state.log.line(|| "Connect UI closed".to_owned());
        }
        // Dropped last: while a message is being handled wasm-bindgen defers the free.
        drop(listener);
    }

    /// Stores the token and posts it if the UI is ready.
    pub(super) fn set_session_token(host: &Rc<RefCell<IframeHost>>, token: ConnectSessionToken) {
        let action = match host.try_borrow_mut() {
            Ok(mut state) => state.channel.set_session_token(token),
            Err(_) => return,
        };
        if let Some(ChannelAction::Post(message)) = action {
            IframeHost::post(host, &message);
        }
    }

    /// Handles one window `message` event.
    fn receive(host: &Rc<RefCell<IframeHost>>, event: &JsValue) {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        let origin = event.origin();
        let (actions, on_event) = {
            let Ok(mut state) = host.try_borrow_mut() else {
                return;
            };
            // Cheap origin check before the payload is even converted.
            if origin != state.channel.target_origin() {
                return;
            }
            let Some(data) = json_of(&event.data()) else {
                return;
            };
            let actions = state.channel.receive(&origin, &data);
            if !actions.is_empty() {
                state
                    .log
                    .line(|| format!("Connect UI message {:?}", message_type(&data)));
            }
            (actions, state.on_event.clone())
        };
        let mut events: Vec<ConnectUiEvent> = Vec::new();
        for action in actions {
            match action {
                ChannelAction::Post(message) => IframeHost::post(host, &message),
                ChannelAction::Close => IframeHost::close(host),
                ChannelAction::Emit(event) => events.push(event),
            }
        }
        if let Some(on_event) = on_event {
            for event in events {
                on_event(event);
            }
        }
    }

    /// Posts `message` to the iframe with the exact target origin of the Connect UI.
    fn post(host: &Rc<RefCell<IframeHost>>, message: &ParentMessage) {
        let Ok(state) = host.try_borrow() else {
            return;
        };
        let Some(target) = state
            .iframe
            .as_ref()
            .and_then(HtmlIFrameElement::content_window)
        else {
            return;
        };
        let Ok(text) = serde_json::to_string(&message.to_value()) else {
            return;
        };
        let Ok(value) = js_sys::JSON::parse(&text) else {
            return;
        };
        let origin = state.channel.target_origin().to_owned();
        state.log.line(|| {
            format!(
                "posting {} to the Connect UI at {origin}",
                message.message_type()
            )
        });
        drop(state);
        let _ = target.post_message(&value, &origin);
    }
}

/// Sets the body's `overflow` back (an empty value removes the inline property).
fn restore_overflow(body: &HtmlElement, overflow: &str) {
    let style = body.style();
    if overflow.is_empty() {
        let _ = style.remove_property("overflow");
    } else {
        let _ = style.set_property("overflow", overflow);
    }
}

/// The JSON of a message's data: objects only (arrays included; the channel rejects them).
/// Data that JSON cannot represent (cycles, BigInt) counts as no message.
fn json_of(data: &JsValue) -> Option<Value> {
    if !data.is_object() {
        return None;
    }
    let text = js_sys::JSON::stringify(data).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// The `type` of a message, for debug lines (never the payload).
fn message_type(data: &Value) -> String {
    data.get("type").map(Value::to_string).unwrap_or_default()
}

/// An error of the page's DOM (no document, refused append, …).
fn dom_error(reason: &str) -> AuthError {
    AuthError::new(
        AuthErrorKind::UnknownError,
        format!("could not open the Connect UI: {reason}"),
    )
}
