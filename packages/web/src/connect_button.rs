//! [`ConnectButton`]: the seed's "Connect" button in Dioxus: click → open the Connect UI →
//! fetch a session token from the app's backend → hand it to the UI → show the outcome.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use dioxus::prelude::*;
use nango_core::connect_ui::{DEFAULT_CONNECT_UI_URL, ThemeOverride};
use nango_core::messages::ConnectUiEvent;
use nango_core::{ConnectSessionToken, ConnectionId};

use crate::connect_ui::{
    ConnectUiHandle, ConnectUiMode, ConnectUiOptions, ConnectUiOverlay, EventCallback,
    InPageConnectUi, open_connect_ui, use_connect_ui,
};

/// What `get_session_token` returns: the token, or a message to show when the app's backend
/// could not provide one.
pub type TokenFuture = Pin<Box<dyn Future<Output = Result<ConnectSessionToken, String>>>>;

/// Where a [`ConnectButton`] stands (also its `data-state` attribute).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectStatus {
    /// Not clicked yet.
    Idle,
    /// The Connect UI was opened; waiting for it and for the session token.
    Opening,
    /// The Connect UI said `ready`.
    Open,
    /// A connection was created.
    Connected(ConnectionId),
    /// Opening, the token fetch or the connection failed; the message says why.
    Failed(String),
    /// The user closed the Connect UI without connecting.
    Closed,
}

impl ConnectStatus {
    /// The `data-state` value: `idle`, `opening`, `open`, `connected`, `failed` or `closed`.
    pub fn state_name(&self) -> &'static str {
        match self {
            ConnectStatus::Idle => "idle",
            ConnectStatus::Opening => "opening",
            ConnectStatus::Open => "open",
            ConnectStatus::Connected(_) => "connected",
            ConnectStatus::Failed(_) => "failed",
            ConnectStatus::Closed => "closed",
        }
    }

    /// The status line shown under the button (empty when idle).
    pub fn text(&self) -> String {
        match self {
            ConnectStatus::Idle => String::new(),
            ConnectStatus::Opening => "Opening…".to_owned(),
            ConnectStatus::Open => "Waiting for you to connect…".to_owned(),
            ConnectStatus::Connected(id) => {
                format!("Connected (connection {id})", id = id.as_str())
            }
            ConnectStatus::Failed(message) => format!("Failed: {message}"),
            ConnectStatus::Closed => "Closed without connecting".to_owned(),
        }
    }

    /// The status after `event`: `connect` and `error` are final, `close` only counts while
    /// nothing final happened.
    pub fn after(&self, event: &ConnectUiEvent) -> ConnectStatus {
        let finished = matches!(self, ConnectStatus::Connected(_) | ConnectStatus::Failed(_));
        match event {
            ConnectUiEvent::Ready if !finished => ConnectStatus::Open,
            ConnectUiEvent::Connect(payload) => {
                ConnectStatus::Connected(payload.connection_id.clone())
            }
            ConnectUiEvent::Error(error) => ConnectStatus::Failed(error.message.clone()),
            ConnectUiEvent::Close if !finished => ConnectStatus::Closed,
            _ => self.clone(),
        }
    }
}

/// The Connect UI a button opened, in either mode.
#[derive(Clone)]
enum OpenedUi {
    /// The iframe host.
    Iframe(ConnectUiHandle),
    /// The in-page overlay.
    InPage(InPageConnectUi),
}

impl OpenedUi {
    fn close(&self) {
        match self {
            OpenedUi::Iframe(ui) => ui.close(),
            OpenedUi::InPage(ui) => ui.close(),
        }
    }

    fn set_session_token(&self, token: ConnectSessionToken) {
        match self {
            OpenedUi::Iframe(ui) => ui.set_session_token(token),
            OpenedUi::InPage(ui) => ui.set_session_token(token),
        }
    }
}

/// A button that opens the Connect UI (an iframe, or in-page with `mode: ConnectUiMode::InPage`),
/// asks the app's backend for a session token (`get_session_token`, called on every click) and
/// shows the outcome in a status line.
///
/// The UI is opened synchronously in the click (before the token arrives, like the seed's React
/// example) and closed when the button unmounts.
#[component]
pub fn ConnectButton(
    /// Fetches a connect session token from the app's backend.
    get_session_token: Callback<(), TokenFuture>,
    /// Every event of the Connect UI (`ready`, `connect`, `error`, `close`, …).
    on_event: Option<EventHandler<ConnectUiEvent>>,
    /// The button text.
    #[props(into, default = "Connect".to_owned())]
    label: String,
    /// Where the Connect UI is served (default Nango's hosted one).
    #[props(into, default = DEFAULT_CONNECT_UI_URL.to_owned())]
    base_url: String,
    /// The Nango API the Connect UI talks to (default Nango Cloud).
    #[props(into)]
    api_url: Option<String>,
    /// UI language, e.g. `fr`.
    #[props(into)]
    lang: Option<String>,
    /// Forced theme.
    theme_override: Option<ThemeOverride>,
    /// Report an OAuth popup closed early as an error.
    #[props(default)]
    detect_closed_auth_window: bool,
    /// Iframe (default; `base_url` is framed) or in-page (nango-ui mounted here, `base_url`
    /// unused).
    #[props(default)]
    mode: ConnectUiMode,
) -> Element {
    let mut status = use_signal(|| ConnectStatus::Idle);
    let in_page = use_connect_ui();
    let open_ui = use_hook(|| Rc::new(RefCell::new(None::<OpenedUi>)));
    let on_unmount = open_ui.clone();
    use_drop(move || {
        if let Some(ui) = on_unmount.borrow_mut().take() {
            ui.close();
        }
    });
    let handle_event = use_callback(move |event: ConnectUiEvent| {
        let next = status.peek().after(&event);
        status.set(next);
        if let Some(on_event) = on_event {
            on_event.call(event);
        }
    });

    let onclick = move |_| {
        if let Some(previous) = open_ui.borrow_mut().take() {
            previous.close();
        }
        let forward: EventCallback = Rc::new(move |event| handle_event.call(event));
        let options = ConnectUiOptions {
            base_url: base_url.clone(),
            api_url: api_url.clone(),
            lang: lang.clone(),
            theme_override,
            detect_closed_auth_window,
            on_event: Some(forward),
            ..ConnectUiOptions::default()
        };
        let opened = match mode {
            ConnectUiMode::Iframe => open_connect_ui(options).map(OpenedUi::Iframe),
            ConnectUiMode::InPage => {
                in_page.open(options);
                Ok(OpenedUi::InPage(in_page))
            }
        };
        match opened {
            Ok(ui) => {
                *open_ui.borrow_mut() = Some(ui.clone());
                status.set(ConnectStatus::Opening);
                spawn(async move {
                    match get_session_token.call(()).await {
                        Ok(token) => ui.set_session_token(token),
                        Err(message) => {
                            ui.close();
                            status.set(ConnectStatus::Failed(message));
                        }
                    }
                });
            }
            Err(error) => status.set(ConnectStatus::Failed(error.message)),
        }
    };

    let current = status.read();
    let busy = matches!(*current, ConnectStatus::Opening | ConnectStatus::Open);
    rsx! {
        div { class: "nango-connect-button", "data-state": current.state_name(),
            button { r#type: "button", "data-testid": "connect-button", disabled: busy, onclick, "{label}" }
            p { role: "status", aria_live: "polite", "data-testid": "connect-status", {current.text()} }
            if mode == ConnectUiMode::InPage {
                ConnectUiOverlay { ui: in_page }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nango_core::messages::ConnectPayload;
    use nango_core::{AuthError, AuthErrorKind};

    #[test]
    fn status_follows_events_and_keeps_final_outcomes() {
        let connected = ConnectStatus::Opening.after(&ConnectUiEvent::Connect(ConnectPayload {
            provider_config_key: "github".into(),
            connection_id: "c-7".into(),
            is_pending: None,
        }));
        assert_eq!(connected, ConnectStatus::Connected("c-7".into()));
        assert_eq!(connected.after(&ConnectUiEvent::Close), connected);
        assert_eq!(connected.text(), "Connected (connection c-7)");
        assert_eq!(
            ConnectStatus::Opening.after(&ConnectUiEvent::Ready),
            ConnectStatus::Open
        );
        assert_eq!(
            ConnectStatus::Open.after(&ConnectUiEvent::Close),
            ConnectStatus::Closed
        );
        let failed = ConnectStatus::Open.after(&ConnectUiEvent::Error(AuthError::new(
            AuthErrorKind::ConnectionTestFailed,
            "bad key",
        )));
        assert_eq!(failed.text(), "Failed: bad key");
        assert_eq!(failed.after(&ConnectUiEvent::Close).state_name(), "failed");
    }

    #[test]
    fn renders_an_idle_button_with_its_label() {
        fn app() -> Element {
            rsx! {
                ConnectButton {
                    get_session_token: move |_| -> TokenFuture {
                        Box::pin(async { Err("no backend".to_owned()) })
                    },
                    label: "Connect GitHub",
                }
            }
        }
        let mut dom = VirtualDom::new(app);
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains(r#"data-state="idle""#), "{html}");
        assert!(html.contains(">Connect GitHub</button>"), "{html}");
        assert!(html.contains(r#"type="button""#), "{html}");
        assert!(html.contains(r#"role="status""#), "{html}");
    }
}
