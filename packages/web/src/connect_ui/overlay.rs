//! In-page mode: nango-ui's [`ConnectUi`] mounted as an overlay inside the current Dioxus app
//! (no iframe), driven by a [`use_connect_ui`] handle, with the same [`ConnectUiEvent`]s as the
//! iframe mode.

use std::rc::Rc;

use dioxus::prelude::*;
use nango_core::ConnectSessionToken;
use nango_core::connect_ui::DEFAULT_API_URL;
use nango_core::messages::ConnectUiEvent;
use nango_ui::connect::DriverProp;
use nango_ui::driver::SharedDriver;
use nango_ui::{ConnectUi, HostingMode};

use super::ConnectUiOptions;
use crate::connect_driver::{CloseBehaviour, WebConnectDriver};

/// How the Connect UI is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ConnectUiMode {
    /// A full-viewport iframe to `base_url` speaking Nango's `postMessage` protocol (the JS
    /// SDK's `openConnectUI`; works with Nango's hosted Connect UI).
    #[default]
    Iframe,
    /// nango-ui's components mounted in this app as an overlay (no iframe, no second origin).
    InPage,
}

/// One opening of the in-page UI.
struct OpenUi {
    /// The options it was opened with (`base_url` is unused in-page).
    options: ConnectUiOptions,
    /// Its driver (closing runs [`InPageConnectUi::close`]).
    driver: SharedDriver,
    /// Distinguishes openings, so a reopened UI starts from scratch.
    generation: u64,
}

/// The handle of an in-page Connect UI: open, close, hand it the session token. `Copy`; valid
/// while the component that called [`use_connect_ui`] is mounted. Render a
/// [`ConnectUiOverlay`] with it somewhere below that component.
#[derive(Clone, Copy, PartialEq)]
pub struct InPageConnectUi {
    /// The open UI, if any.
    open: Signal<Option<Rc<OpenUi>>>,
    /// The session token (may arrive after `open`).
    token: Signal<Option<ConnectSessionToken>>,
    /// Openings so far.
    generation: Signal<u64>,
    /// The body's `overflow` before opening, restored on close.
    saved_overflow: Signal<Option<String>>,
}

/// Creates an in-page Connect UI handle owned by the calling component (closed at first; closed
/// again when the component unmounts).
pub fn use_connect_ui() -> InPageConnectUi {
    let ui = InPageConnectUi {
        open: use_signal(|| None),
        token: use_signal(|| None),
        generation: use_signal(|| 0),
        saved_overflow: use_signal(|| None),
    };
    use_drop(move || ui.restore_scroll());
    ui
}

impl InPageConnectUi {
    /// Opens the UI (no-op while open): the overlay mounts, page scrolling is locked, and the
    /// UI loads as soon as it has a token (`options.session_token` or
    /// [`set_session_token`](Self::set_session_token)). `options.api_url` is the Nango API
    /// (default Nango Cloud); `on_event` receives `ready`, `connect`, `error` and `close`.
    pub fn open(mut self, options: ConnectUiOptions) {
        if self.is_open() {
            return;
        }
        let api_url = options
            .api_url
            .clone()
            .filter(|url| !url.is_empty())
            .unwrap_or_else(|| DEFAULT_API_URL.to_owned());
        let close = CloseBehaviour::Run(Rc::new(move || self.close()));
        let driver: SharedDriver = if options.debug {
            Rc::new(WebConnectDriver::with_debug(&api_url, close))
        } else {
            Rc::new(WebConnectDriver::new(&api_url, close))
        };
        let generation = *self.generation.peek() + 1;
        self.generation.set(generation);
        self.token.set(
            options
                .session_token
                .clone()
                .filter(|token| !token.expose().is_empty()),
        );
        self.lock_scroll();
        self.open.set(Some(Rc::new(OpenUi {
            options,
            driver,
            generation,
        })));
    }

    /// Unmounts the overlay and restores page scrolling; safe to repeat. A pending OAuth flow
    /// is cleared with it.
    pub fn close(mut self) {
        // `try_write`: this also runs while the owning component unmounts (signals may be gone).
        let open = self.open.try_write().ok().and_then(|mut open| open.take());
        if let Some(open) = open {
            open.driver.cancel();
            if let Ok(mut token) = self.token.try_write() {
                *token = None;
            }
        }
        self.restore_scroll();
    }

    /// Hands the UI its session token (before or after it opened).
    pub fn set_session_token(mut self, token: ConnectSessionToken) {
        if !token.expose().is_empty() {
            self.token.set(Some(token));
        }
    }

    /// True while the overlay is mounted.
    pub fn is_open(&self) -> bool {
        self.open.try_peek().is_ok_and(|open| open.is_some())
    }

    /// Hides the page's scrollbars while the overlay is open.
    fn lock_scroll(mut self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(body) = body() {
            let style = body.style();
            self.saved_overflow.set(Some(
                style.get_property_value("overflow").unwrap_or_default(),
            ));
            let _ = style.set_property("overflow", "hidden");
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.saved_overflow.set(Some(String::new()));
    }

    /// Puts the page's `overflow` back.
    fn restore_scroll(mut self) {
        let Ok(Some(saved)) = self
            .saved_overflow
            .try_write()
            .map(|mut saved| saved.take())
        else {
            return;
        };
        #[cfg(target_arch = "wasm32")]
        if let Some(body) = body() {
            let style = body.style();
            if saved.is_empty() {
                let _ = style.remove_property("overflow");
            } else {
                let _ = style.set_property("overflow", &saved);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop(saved);
    }
}

/// The page's `<body>`.
#[cfg(target_arch = "wasm32")]
fn body() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.body()
}

/// Renders the in-page Connect UI of `ui` while it is open (nothing otherwise).
#[component]
pub fn ConnectUiOverlay(
    /// The handle from [`use_connect_ui`].
    ui: InPageConnectUi,
) -> Element {
    let Some(open) = ui.open.read().clone() else {
        return rsx! {};
    };
    let on_event = open.options.on_event.clone();
    let forward = move |event: ConnectUiEvent| {
        if let Some(on_event) = &on_event {
            on_event(event);
        }
    };
    let options = &open.options;
    rsx! {
        div { key: "{open.generation}", "data-testid": "connect-ui-overlay",
            ConnectUi {
                token: ui.token,
                language: options.lang.clone(),
                theme: options.theme_override,
                detect_closed_auth_window: options.detect_closed_auth_window,
                mode: HostingMode::Overlay,
                driver: DriverProp(open.driver.clone()),
                on_event: forward,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static EVENTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn open_mounts_the_overlay_and_close_unmounts_it() {
        fn app() -> Element {
            let ui = use_connect_ui();
            use_hook(move || {
                ui.open(ConnectUiOptions {
                    api_url: Some("http://127.0.0.1:9".into()),
                    on_event: Some(Rc::new(|event: ConnectUiEvent| {
                        EVENTS.with(|events| events.borrow_mut().push(event.event_type().into()));
                    })),
                    ..ConnectUiOptions::default()
                });
                // Idempotent.
                ui.open(ConnectUiOptions::default());
            });
            rsx! {
                p { "open={ui.is_open()}" }
                ConnectUiOverlay { ui }
            }
        }
        let mut dom = VirtualDom::new(app);
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(html.contains("connect-ui-overlay"), "{html}");
        assert!(html.contains(r#"data-mode="overlay""#), "{html}");
        assert!(html.contains("open=true"), "{html}");
        // The UI said `ready` on mount, like the iframe app.
        EVENTS.with(|events| assert_eq!(events.borrow().as_slice(), ["ready"]));
    }

    #[test]
    fn a_closed_handle_renders_nothing() {
        fn app() -> Element {
            let ui = use_connect_ui();
            use_hook(move || {
                ui.open(ConnectUiOptions::default());
                ui.close();
                ui.close();
            });
            rsx! {
                p { "open={ui.is_open()}" }
                ConnectUiOverlay { ui }
            }
        }
        let mut dom = VirtualDom::new(app);
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(!html.contains("connect-ui-overlay"), "{html}");
        assert!(html.contains("open=false"), "{html}");
    }
}
