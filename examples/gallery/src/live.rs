//! The live section: real flows against a running nango-mock (`cargo xtask demo`): create a
//! connect session, open the Connect UI in an iframe or in-page, connect headlessly with OAuth or an API
//! key, reconnect, and log every `ConnectUiEvent` / result. Browser only (it uses nango-web).
//!
//! Sessions are created from the browser with nango-mock's **local demo secret key** (printed
//! by nango-mock, public in its README). This is a demo shortcut: a real app creates sessions on
//! its server and never ships a secret key to the browser.

use dioxus::prelude::*;

use crate::app::{EventLog, LoggedEvent};
use crate::route::{Controls, GalleryRoute, Page};

/// nango-mock's default, documented secret key (a local demo key, not a real secret).
pub const MOCK_DEMO_SECRET_KEY: &str = "0d5c1e2a-7b3f-4c8d-9e1f-2a3b4c5d6e7f";

/// The demo integrations the live flows use (nango-mock's demo catalogue).
pub const OAUTH_INTEGRATION: &str = "demo-oauth2";
/// The API-key integration of nango-mock's demo catalogue.
pub const API_KEY_INTEGRATION: &str = "demo-api-key";

/// The live page.
#[component]
pub fn LivePage(controls: Controls, on_go: EventHandler<GalleryRoute>) -> Element {
    let mut mock_url = use_signal(|| controls.mock_url.clone());
    let events = use_signal(Vec::<LoggedEvent>::new);
    let status = use_signal(String::new);
    let session = use_signal(|| None::<String>);
    let last_connection = use_signal(|| None::<(String, String)>);
    let in_page = flows::use_in_page();
    let flows = flows::Flows {
        in_page,
        theme: controls.theme,
        mock_url,
        events,
        status,
        session,
        last_connection,
    };
    let supported = flows::SUPPORTED;
    let session_label = match session() {
        Some(redacted) => format!("Session ready ({redacted})"),
        None => "No session yet".to_owned(),
    };
    rsx! {
        div { class: "gx-story-head",
            p { class: "gx-eyebrow", "Live" }
            h1 { class: "gx-story-title", "Real flows against nango-mock" }
            p { class: "gx-story-summary",
                "Start the local server with "
                code { "cargo xtask demo" }
                ", create a connect session, then open the Connect UI or connect headlessly. "
                "Every event and result is logged below."
            }
        }
        if !supported {
            p { class: "gx-note", role: "note",
                "The live flows run in the browser build of the gallery (they use nango-web). "
                "Open the web gallery served by "
                code { "cargo xtask demo" }
                "."
            }
        }
        section { class: "gx-controls", aria_label: "Live settings",
            div { class: "gx-control gx-control--wide",
                label { r#for: "gx-mock-url", class: "gx-control__label", "nango-mock URL" }
                input {
                    id: "gx-mock-url",
                    class: "gx-input",
                    r#type: "url",
                    value: "{mock_url}",
                    oninput: move |evt: FormEvent| mock_url.set(evt.value()),
                    onchange: move |evt: FormEvent| {
                        let mut next = GalleryRoute { page: Page::Live, controls: controls.clone() };
                        next.controls.mock_url = evt.value();
                        on_go.call(next);
                    },
                }
            }
            p { class: "gx-note gx-note--small", role: "note",
                "Sessions are created with nango-mock's local demo secret key. "
                "Never put a real secret key in a browser: create sessions on your server."
            }
        }
        section { class: "gx-live", aria_label: "Flows",
            div { class: "gx-live__step",
                h2 { class: "gx-panel__title", "1. Session" }
                p { class: "gx-muted", "{session_label}" }
                button {
                    r#type: "button",
                    class: "gx-button",
                    disabled: !supported,
                    onclick: move |_| flows.create_session(),
                    "Create a connect session"
                }
            }
            div { class: "gx-live__step",
                h2 { class: "gx-panel__title", "2. Connect UI" }
                div { class: "gx-live__buttons",
                    button {
                        r#type: "button",
                        class: "gx-button gx-button--primary",
                        disabled: !supported || session().is_none(),
                        onclick: move |_| flows.open_iframe(),
                        "Open in an iframe"
                    }
                    button {
                        r#type: "button",
                        class: "gx-button",
                        disabled: !supported || session().is_none(),
                        onclick: move |_| flows.open_in_page(),
                        "Open in-page"
                    }
                }
            }
            div { class: "gx-live__step",
                h2 { class: "gx-panel__title", "3. Headless" }
                div { class: "gx-live__buttons",
                    button {
                        r#type: "button",
                        class: "gx-button",
                        disabled: !supported || session().is_none(),
                        onclick: move |_| flows.oauth(),
                        "OAuth popup ({OAUTH_INTEGRATION})"
                    }
                    button {
                        r#type: "button",
                        class: "gx-button",
                        disabled: !supported || session().is_none(),
                        onclick: move |_| flows.api_key(),
                        "API key ({API_KEY_INTEGRATION})"
                    }
                    button {
                        r#type: "button",
                        class: "gx-button",
                        disabled: !supported || last_connection().is_none(),
                        onclick: move |_| flows.reconnect(),
                        "Reconnect the last connection"
                    }
                }
            }
            p { class: "gx-status", role: "status", aria_live: "polite", "{status}" }
        }
        div { class: "gx-panels",
            EventLog { events: events() }
        }
        flows::InPageOverlay { ui: in_page }
    }
}

/// The flows, wired to nango-web in the browser.
#[cfg(target_arch = "wasm32")]
mod flows {
    use std::rc::Rc;

    use dioxus::prelude::*;
    use nango_core::connect_ui::ThemeOverride;
    use nango_core::options::{ClientAuth, NangoOptions};
    use nango_core::session::{CreateConnectSession, CreateReconnectSession, EndUserInput};
    use nango_core::{
        AuthError, AuthOptions, ConnectSessionToken, ConnectionId, Credentials, NangoApi,
        ProviderConfigKey, SecretKey,
    };
    use nango_web::Nango;
    use nango_web::connect_ui::{
        ConnectUiOptions, ConnectUiOverlay, EventCallback, InPageConnectUi, use_connect_ui,
    };

    use super::{API_KEY_INTEGRATION, MOCK_DEMO_SECRET_KEY, OAUTH_INTEGRATION};
    use crate::app::{LoggedEvent, describe_event};
    use crate::route::ThemeChoice;

    /// The browser can run the flows.
    pub const SUPPORTED: bool = true;

    thread_local! {
        static TOKEN: std::cell::RefCell<Option<ConnectSessionToken>> = const { std::cell::RefCell::new(None) };
    }

    /// The in-page Connect UI's handle.
    pub type InPage = InPageConnectUi;

    /// Creates the in-page Connect UI's handle (closed).
    pub fn use_in_page() -> InPage {
        use_connect_ui()
    }

    /// Renders the in-page Connect UI while it is open.
    #[component]
    pub fn InPageOverlay(ui: InPage) -> Element {
        rsx! { ConnectUiOverlay { ui } }
    }

    /// The live page's state and actions.
    #[derive(Clone, Copy)]
    pub struct Flows {
        pub in_page: InPage,
        pub theme: ThemeChoice,
        pub mock_url: Signal<String>,
        pub events: Signal<Vec<LoggedEvent>>,
        pub status: Signal<String>,
        pub session: Signal<Option<String>>,
        pub last_connection: Signal<Option<(String, String)>>,
    }

    impl Flows {
        fn log(mut self, kind: &str, detail: String) {
            let n = self.events.peek().len() + 1;
            self.events.write().push(LoggedEvent {
                n,
                kind: kind.to_owned(),
                detail,
            });
        }

        fn token() -> Option<ConnectSessionToken> {
            TOKEN.with(|t| t.borrow().clone())
        }

        fn nango(self) -> Result<Nango, AuthError> {
            Nango::new(NangoOptions {
                host: Some(self.mock_url.peek().clone()),
                auth: match Self::token() {
                    Some(token) => ClientAuth::SessionToken(token),
                    None => ClientAuth::default(),
                },
                ..NangoOptions::default()
            })
        }

        fn store(mut self, token: ConnectSessionToken) {
            self.session.set(Some(token.redacted()));
            TOKEN.with(|t| *t.borrow_mut() = Some(token));
        }

        /// Creates a connect session with the mock's demo key.
        pub fn create_session(mut self) {
            let url = self.mock_url.peek().clone();
            self.status.set("Creating a session…".to_owned());
            spawn(async move {
                let result = async {
                    let api = NangoApi::new(&url)?;
                    let body = CreateConnectSession {
                        end_user: Some(EndUserInput {
                            id: "gallery-user".to_owned(),
                            display_name: Some("Gallery user".to_owned()),
                            ..EndUserInput::default()
                        }),
                        ..CreateConnectSession::default()
                    };
                    api.create_connect_session(&SecretKey::new(MOCK_DEMO_SECRET_KEY), &body)
                        .await
                }
                .await;
                match result {
                    Ok(created) => {
                        self.store(created.token);
                        self.status.set("Session created.".to_owned());
                        self.log("session", "created".to_owned());
                    }
                    Err(error) => {
                        self.status
                            .set(format!("Could not create a session: {}", error.message));
                        self.log(
                            "session",
                            format!("{}: {}", error.kind.as_str(), error.message),
                        );
                    }
                }
            });
        }

        /// The Connect UI's event callback: logs every event and remembers the connection.
        fn event_logger(self) -> EventCallback {
            Rc::new(move |event: nango_core::messages::ConnectUiEvent| {
                self.log(event.event_type(), describe_event(&event));
                if let nango_core::messages::ConnectUiEvent::Connect(payload) = &event {
                    let mut last = self.last_connection;
                    last.set(Some((
                        payload.provider_config_key.as_str().to_owned(),
                        payload.connection_id.as_str().to_owned(),
                    )));
                }
            })
        }

        /// Opens the Connect UI in-page: nango-ui mounted in this app as an overlay, talking
        /// to the mock directly (no iframe).
        pub fn open_in_page(mut self) {
            let Some(token) = Self::token() else {
                self.status.set("Create a session first.".to_owned());
                return;
            };
            let url = self.mock_url.peek().clone();
            self.in_page.open(ConnectUiOptions {
                session_token: Some(token),
                api_url: Some(url),
                detect_closed_auth_window: true,
                // The gallery's theme control applies to the in-page UI too.
                theme_override: Some(match self.theme {
                    ThemeChoice::Light => ThemeOverride::Light,
                    ThemeChoice::Dark => ThemeOverride::Dark,
                    ThemeChoice::System => ThemeOverride::System,
                }),
                on_event: Some(self.event_logger()),
                ..ConnectUiOptions::default()
            });
            self.status.set("Connect UI opened in-page.".to_owned());
        }

        /// Opens the Connect UI in an iframe served by the mock at `/connect/`.
        pub fn open_iframe(mut self) {
            let url = self.mock_url.peek().clone();
            let on_event = self.event_logger();
            let opened = self.nango().and_then(|nango| {
                nango.open_connect_ui(ConnectUiOptions {
                    base_url: format!("{}/connect/", url.trim_end_matches('/')),
                    api_url: Some(url.clone()),
                    detect_closed_auth_window: true,
                    on_event: Some(on_event),
                    ..ConnectUiOptions::default()
                })
            });
            match opened {
                Ok(handle) => {
                    // The iframe lives until the user closes it.
                    std::mem::forget(handle);
                    self.status.set("Connect UI opened.".to_owned());
                }
                Err(error) => self
                    .status
                    .set(format!("Could not open: {}", error.message)),
            }
        }

        fn settle(
            mut self,
            label: &'static str,
            started: Result<nango_web::AuthFuture, AuthError>,
        ) {
            match started {
                Ok(future) => {
                    self.status.set(format!("{label}: waiting…"));
                    spawn(async move {
                        match future.await {
                            Ok(success) => {
                                self.last_connection.set(Some((
                                    success.provider_config_key.as_str().to_owned(),
                                    success.connection_id.as_str().to_owned(),
                                )));
                                self.status.set(format!("{label}: connected."));
                                self.log("connect", format!("{success:?}"));
                            }
                            Err(error) => {
                                self.status.set(format!("{label}: {}", error.kind.as_str()));
                                self.log(
                                    "error",
                                    format!("{}: {}", error.kind.as_str(), error.message),
                                );
                            }
                        }
                    });
                }
                Err(error) => {
                    self.status.set(format!("{label}: {}", error.message));
                    self.log(
                        "error",
                        format!("{}: {}", error.kind.as_str(), error.message),
                    );
                }
            }
        }

        /// Headless OAuth: the popup opens inside this click.
        pub fn oauth(self) {
            let started = self.nango().and_then(|nango| {
                nango.auth(
                    &ProviderConfigKey::from(OAUTH_INTEGRATION),
                    None,
                    AuthOptions {
                        detect_closed_auth_window: true,
                        ..AuthOptions::default()
                    },
                )
            });
            self.settle("OAuth", started);
        }

        /// Headless API key.
        pub fn api_key(self) {
            let started = self.nango().and_then(|nango| {
                nango.auth(
                    &ProviderConfigKey::from(API_KEY_INTEGRATION),
                    None,
                    AuthOptions {
                        credentials: Some(Credentials::ApiKey {
                            api_key: "sk_test_gallery".to_owned(),
                        }),
                        ..AuthOptions::default()
                    },
                )
            });
            self.settle("API key", started);
        }

        /// Creates a reconnect session for the last connection, then re-runs its flow.
        pub fn reconnect(mut self) {
            let Some((key, connection)) = self.last_connection.peek().clone() else {
                return;
            };
            let url = self.mock_url.peek().clone();
            self.status.set("Creating a reconnect session…".to_owned());
            spawn(async move {
                let result = async {
                    let api = NangoApi::new(&url)?;
                    let body = CreateReconnectSession {
                        connection_id: ConnectionId::from(connection.as_str()),
                        integration_id: ProviderConfigKey::from(key.as_str()),
                        end_user: None,
                        organization: None,
                        integrations_config_defaults: None,
                        overrides: None,
                        tags: None,
                        webhook_url_override: None,
                    };
                    api.create_reconnect_session(&SecretKey::new(MOCK_DEMO_SECRET_KEY), &body)
                        .await
                }
                .await;
                match result {
                    Ok(created) => {
                        self.store(created.token);
                        self.log(
                            "session",
                            format!("reconnect session for {key}/{connection}"),
                        );
                        self.status.set(
                            "Reconnect session ready: open the Connect UI to re-enter credentials."
                                .to_owned(),
                        );
                    }
                    Err(error) => {
                        self.status
                            .set(format!("Reconnect failed: {}", error.message));
                    }
                }
            });
        }
    }
}

/// Outside the browser the flows are unavailable (the buttons are disabled).
#[cfg(not(target_arch = "wasm32"))]
mod flows {
    use dioxus::prelude::*;

    use crate::app::LoggedEvent;

    /// The flows need a browser.
    pub const SUPPORTED: bool = false;

    /// No in-page Connect UI outside the browser.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct InPage;

    /// The inert handle.
    pub fn use_in_page() -> InPage {
        InPage
    }

    /// Renders nothing.
    #[component]
    pub fn InPageOverlay(ui: InPage) -> Element {
        let _ = ui;
        rsx! {}
    }

    /// The live page's state (inert outside the browser; same shape as the browser version).
    #[derive(Clone, Copy)]
    #[allow(dead_code)]
    pub struct Flows {
        pub in_page: InPage,
        pub theme: crate::route::ThemeChoice,
        pub mock_url: Signal<String>,
        pub events: Signal<Vec<LoggedEvent>>,
        pub status: Signal<String>,
        pub session: Signal<Option<String>>,
        pub last_connection: Signal<Option<(String, String)>>,
    }

    impl Flows {
        /// Unavailable.
        pub fn create_session(self) {}
        /// Unavailable.
        pub fn open_iframe(self) {}
        /// Unavailable.
        pub fn open_in_page(self) {}
        /// Unavailable.
        pub fn oauth(self) {}
        /// Unavailable.
        pub fn api_key(self) {}
        /// Unavailable.
        pub fn reconnect(self) {}
    }
}
