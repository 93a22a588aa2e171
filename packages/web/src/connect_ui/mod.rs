//! The Connect UI host: [`open_connect_ui`] puts Nango's Connect UI (or a drop-in such as our
//! connect-app) in a full-viewport iframe and speaks its `postMessage` protocol (spec §11).
//!
//! The in-page mode ([`ConnectUiOverlay`], [`use_connect_ui`]) mounts nango-ui's components as
//! an overlay instead, and [`embedded`] is the other end of the channel, used by the Connect UI
//! app inside the iframe.

mod channel;
pub mod embedded;
#[cfg(target_arch = "wasm32")]
mod iframe;
mod overlay;

use std::fmt;
use std::rc::Rc;

use nango_core::connect_ui::{DEFAULT_CONNECT_UI_URL, ThemeOverride, connect_ui_iframe_url};
use nango_core::messages::ConnectUiEvent;
use nango_core::{AuthError, ConnectSessionToken};

pub use channel::{ChannelAction, ConnectUiChannel};
pub use overlay::{
    ConnectUiMode, ConnectUiOverlay, ConnectUiOverlayProps, InPageConnectUi, use_connect_ui,
};

/// The app's event callback: called for every accepted message of the Connect UI.
pub type EventCallback = Rc<dyn Fn(ConnectUiEvent)>;

/// How to open the Connect UI (the JS SDK's `ConnectUIProps`).
#[derive(Clone)]
pub struct ConnectUiOptions {
    /// The session token to post after `ready`; may also be set later on the handle.
    pub session_token: Option<ConnectSessionToken>,
    /// Where the Connect UI is served (default Nango's hosted one,
    /// [`DEFAULT_CONNECT_UI_URL`]); messages are accepted only from its exact origin.
    pub base_url: String,
    /// The Nango API the Connect UI talks to (`None`: Nango Cloud; `Some("")`: left out).
    /// Never derived from the client's host, as in the JS SDK.
    pub api_url: Option<String>,
    /// Report an OAuth popup closed early as an `error` event.
    pub detect_closed_auth_window: bool,
    /// UI language, e.g. `fr`.
    pub lang: Option<String>,
    /// Forced theme.
    pub theme_override: Option<ThemeOverride>,
    /// Called for every accepted message (`close` after the UI was removed).
    pub on_event: Option<EventCallback>,
    /// Log the handshake to the console (the token stays redacted).
    pub debug: bool,
}

impl Default for ConnectUiOptions {
    fn default() -> Self {
        ConnectUiOptions {
            session_token: None,
            base_url: DEFAULT_CONNECT_UI_URL.to_owned(),
            api_url: None,
            detect_closed_auth_window: false,
            lang: None,
            theme_override: None,
            on_event: None,
            debug: false,
        }
    }
}

impl fmt::Debug for ConnectUiOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectUiOptions")
            .field("session_token", &self.session_token)
            .field("base_url", &self.base_url)
            .field("api_url", &self.api_url)
            .field("detect_closed_auth_window", &self.detect_closed_auth_window)
            .field("lang", &self.lang)
            .field("theme_override", &self.theme_override)
            .field("on_event", &self.on_event.as_ref().map(|_| "Fn"))
            .field("debug", &self.debug)
            .finish()
    }
}

impl ConnectUiOptions {
    /// The iframe URL (spec §11.1; the token is never part of it).
    pub fn iframe_url(&self) -> Result<String, AuthError> {
        connect_ui_iframe_url(
            &self.base_url,
            self.api_url.as_deref(),
            self.detect_closed_auth_window,
            self.lang.as_deref(),
            self.theme_override,
        )
    }
}

/// The inline style of the Connect UI iframe (spec §11.1), plus `border: none`: the browser's
/// default 2px inset frame border would otherwise outline the viewport while the UI is open.
pub const IFRAME_STYLE: &str = "position: fixed; z-index: 9999; top: 0; left: 0; right: 0; bottom: 0; width: 100vw; height: 100vh; background-color: transparent; border: none";

/// The `id` of the Connect UI iframe.
pub const IFRAME_ID: &str = "connect-ui";

/// An open (or closed) Connect UI: the JS SDK's `ConnectUI` object. Cheap to clone.
///
/// An open UI keeps itself alive (its message listener holds it) until it is closed by the
/// user (`close` message) or by [`ConnectUiHandle::close`], so dropping every handle does not
/// remove it, just as in JavaScript.
#[derive(Clone)]
pub struct ConnectUiHandle {
    /// The iframe host.
    #[cfg(target_arch = "wasm32")]
    host: Rc<std::cell::RefCell<iframe::IframeHost>>,
}

impl fmt::Debug for ConnectUiHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectUiHandle")
            .field("open", &self.is_open())
            .finish()
    }
}

/// Opens the Connect UI in a full-viewport iframe and returns its handle.
///
/// Fails with `invalid_host_url` when `base_url` is not an absolute `http(s)` URL, and outside
/// a browser (non-wasm targets) with `unknown_error`.
pub fn open_connect_ui(options: ConnectUiOptions) -> Result<ConnectUiHandle, AuthError> {
    let url = options.iframe_url()?;
    let channel = ConnectUiChannel::new(&options.base_url, options.session_token.clone())?;
    open_iframe(url, channel, options)
}

#[cfg(target_arch = "wasm32")]
fn open_iframe(
    url: String,
    channel: ConnectUiChannel,
    options: ConnectUiOptions,
) -> Result<ConnectUiHandle, AuthError> {
    let host = iframe::IframeHost::shared(url, channel, options.on_event, options.debug);
    iframe::IframeHost::open(&host)?;
    Ok(ConnectUiHandle { host })
}

#[cfg(not(target_arch = "wasm32"))]
fn open_iframe(
    _url: String,
    _channel: ConnectUiChannel,
    _options: ConnectUiOptions,
) -> Result<ConnectUiHandle, AuthError> {
    Err(AuthError::new(
        nango_core::AuthErrorKind::UnknownError,
        "the Connect UI iframe needs a browser (wasm32 target)",
    ))
}

impl ConnectUiHandle {
    /// Opens the UI again after a close (a new iframe and `ready` handshake); no-op while open.
    pub fn open(&self) -> Result<(), AuthError> {
        #[cfg(target_arch = "wasm32")]
        return iframe::IframeHost::open(&self.host);
        #[cfg(not(target_arch = "wasm32"))]
        Ok(())
    }

    /// Removes the iframe and the listener and restores page scrolling; safe to repeat.
    pub fn close(&self) {
        #[cfg(target_arch = "wasm32")]
        iframe::IframeHost::close(&self.host);
    }

    /// Sets the session token: posted now if the UI said `ready`, else on its next `ready`.
    pub fn set_session_token(&self, token: ConnectSessionToken) {
        #[cfg(target_arch = "wasm32")]
        iframe::IframeHost::set_session_token(&self.host, token);
        #[cfg(not(target_arch = "wasm32"))]
        drop(token);
    }

    /// True while the iframe is in the document.
    pub fn is_open(&self) -> bool {
        #[cfg(target_arch = "wasm32")]
        return iframe::IframeHost::is_open(&self.host);
        #[cfg(not(target_arch = "wasm32"))]
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_options_point_at_nango_cloud_and_build_the_seed_url() {
        let options = ConnectUiOptions::default();
        assert_eq!(
            options.iframe_url().unwrap(),
            "https://connect.nango.dev/?apiURL=https%3A%2F%2Fapi.nango.dev"
        );
    }

    #[test]
    fn options_debug_hides_the_token() {
        let options = ConnectUiOptions {
            session_token: Some(ConnectSessionToken::new(format!(
                "nango_connect_session_{}",
                "cd".repeat(32)
            ))),
            on_event: Some(Rc::new(|_| {})),
            ..ConnectUiOptions::default()
        };
        let printed = format!("{options:?}");
        assert!(!printed.contains("cdcdcdcd"), "{printed}");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn opening_outside_a_browser_is_an_error_not_a_panic() {
        let error = open_connect_ui(ConnectUiOptions::default()).unwrap_err();
        assert_eq!(error.kind, nango_core::AuthErrorKind::UnknownError);
        let error = open_connect_ui(ConnectUiOptions {
            base_url: "connect.example".into(),
            ..ConnectUiOptions::default()
        })
        .unwrap_err();
        assert_eq!(error.kind, nango_core::AuthErrorKind::InvalidHostUrl);
    }
}
