//! The Connect UI's own side of the iframe channel (spec §11.5, connect-ui §4): the messages it
//! accepts from its parent window, and the events it posts to it.
//!
//! The UI cannot know its parent's origin in advance (any app may frame it), so instead of an
//! origin check it accepts a message only when `event.source` is `window.parent` itself. Posts to
//! the parent use target `*`: `ready`, `connect`, `error` and `close` carry no secret.

use nango_core::messages::ParentMessage;
use serde_json::Value;

/// Classifies one `message` event: the parent's typed message, or `None` (ignore it) when it
/// did not come from the parent window (`from_parent`) or is not an object with a truthy `type`.
/// A known type with a malformed field (`session_token` without a string `sessionToken`) is
/// ignored too.
pub fn accept_parent_message(from_parent: bool, data: &Value) -> Option<ParentMessage> {
    if !from_parent {
        return None;
    }
    let message = ParentMessage::from_value(data).ok()?;
    match &message {
        ParentMessage::SessionToken { session_token } if session_token.expose().is_empty() => None,
        _ => Some(message),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{ParentListener, handle_parent_event, is_top_level, post_to_parent};

#[cfg(target_arch = "wasm32")]
mod browser {
    use nango_core::messages::{ConnectUiMessage, ParentMessage};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::MessageEvent;

    use super::accept_parent_message;
    use crate::connect_driver::browser_json::{json_of, to_js};

    /// True when the page is not framed (`window.parent === window`, or no parent at all).
    pub fn is_top_level() -> bool {
        let Some(window) = web_sys::window() else {
            return true;
        };
        match window.parent() {
            Ok(Some(parent)) => js_sys::Object::is(&parent, &window),
            _ => true,
        }
    }

    /// Posts `message` to the parent window with target `*` (nothing when top-level).
    pub fn post_to_parent(message: &ConnectUiMessage) {
        if is_top_level() {
            return;
        }
        let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten())
        else {
            return;
        };
        if let Ok(value) = to_js(&message.to_value()) {
            let _ = parent.post_message(&value, "*");
        }
    }

    /// The parent's message in `event`, if `event.source` is `window.parent` (and not this
    /// window itself, which a top-level page's parent is).
    pub fn handle_parent_event(event: &JsValue) -> Option<ParentMessage> {
        let event = event.dyn_ref::<MessageEvent>()?;
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        // No `dyn_into::<Window>()`: a cross-origin WindowProxy fails `instanceof Window`.
        let from_parent = event.source().is_some_and(|source| {
            js_sys::Object::is(&source, &parent) && !js_sys::Object::is(&source, &window)
        });
        accept_parent_message(from_parent, &json_of(&event.data())?)
    }

    /// A window `message` listener for the parent's messages; removed when dropped.
    pub struct ParentListener {
        /// The JS callback.
        callback: Closure<dyn FnMut(JsValue)>,
    }

    impl ParentListener {
        /// Calls `on_message` with every message the parent window posts.
        pub fn install(mut on_message: impl FnMut(ParentMessage) + 'static) -> Option<Self> {
            let window = web_sys::window()?;
            let callback: Closure<dyn FnMut(JsValue)> =
                Closure::own_assert_unwind_safe(move |event: JsValue| {
                    if let Some(message) = handle_parent_event(&event) {
                        on_message(message);
                    }
                });
            window
                .add_event_listener_with_callback("message", callback.as_ref().unchecked_ref())
                .ok()?;
            Some(ParentListener { callback })
        }
    }

    impl Drop for ParentListener {
        fn drop(&mut self) {
            if let Some(window) = web_sys::window() {
                let _ = window.remove_event_listener_with_callback(
                    "message",
                    self.callback.as_ref().unchecked_ref(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_parent_s_typed_messages_count() {
        let token = json!({"type": "session_token", "sessionToken": "nango_connect_session_x"});
        let Some(ParentMessage::SessionToken { session_token }) =
            accept_parent_message(true, &token)
        else {
            panic!("token not accepted");
        };
        assert_eq!(session_token.expose(), "nango_connect_session_x");
        assert_eq!(accept_parent_message(false, &token), None);
        for ignored in [
            json!({"type": "session_token"}),
            json!({"type": "session_token", "sessionToken": ""}),
            json!({"type": "session_token", "sessionToken": 7}),
            json!({"type": ""}),
            json!({}),
            json!("session_token"),
            json!(null),
        ] {
            assert_eq!(accept_parent_message(true, &ignored), None, "{ignored}");
        }
        assert_eq!(
            accept_parent_message(true, &json!({"type": "ping"})),
            Some(ParentMessage::Unknown("ping".into()))
        );
    }

    #[test]
    fn settings_changed_is_passed_on() {
        let data = json!({"type": "settings_changed", "payload": {
            "theme": {"light": {"primary": "#ff0000"}, "dark": {"primary": "#00ff00"}},
            "defaultTheme": "dark", "showWatermark": false}});
        assert!(matches!(
            accept_parent_message(true, &data),
            Some(ParentMessage::SettingsChanged { .. })
        ));
    }
}
