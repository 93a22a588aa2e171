//! The app's window: the user's connected accounts, a "Connect an account" button that opens
//! the Connect UI in its own window or as an overlay over this one (a setting), the OAuth-window
//! setting, the "Waiting for your browser… Cancel" state and a log of Connect UI events.
//!
//! Progress also goes to stdout, one line per step (`connections: 2`, `event: connect …`), which
//! is what the end-to-end test reads, and `timing: PHASE MS` lines (milliseconds since `main`)
//! that the cold-start bench reads.

use std::sync::Arc;
use std::time::Instant;

use dioxus::prelude::*;
use nango::connection::ConnectionSummary;
use nango::messages::ConnectUiEvent;
// The backend's module path works whichever other backend a workspace build also enables.
use nango::NangoOptions;
use nango::desktop::{
    AuthPhase, AuthWindowChoice, ConnectUiOverlay, ConnectUiPresentation, ConnectUiWindow,
    ConnectUiWindowOptions, Nango, apply_lean_webview_settings, use_native_auth_windows,
};
use tokio::sync::mpsc;

use crate::backend::Backend;

/// Where OAuth sign-in pages open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OAuthMode {
    /// A second window of this app (the default).
    NativeWindow,
    /// The user's default browser; completion arrives over the WebSocket.
    SystemBrowser,
}

impl OAuthMode {
    /// The mode named by `NANGO_OAUTH_WINDOW` (`browser` or `native`), native by default.
    pub fn from_env() -> OAuthMode {
        match std::env::var("NANGO_OAUTH_WINDOW").as_deref() {
            Ok("browser" | "system-browser") => OAuthMode::SystemBrowser,
            _ => OAuthMode::NativeWindow,
        }
    }

    /// The desktop backend's window choice for this mode.
    fn choice(self) -> AuthWindowChoice {
        match self {
            OAuthMode::NativeWindow => AuthWindowChoice::NativeWindow,
            OAuthMode::SystemBrowser => AuthWindowChoice::SystemBrowser,
        }
    }
}

/// Where the Connect UI opens, named by `NANGO_CONNECT_UI` (`overlay` or `window`), its own
/// window by default.
pub fn presentation_from_env() -> ConnectUiPresentation {
    match std::env::var("NANGO_CONNECT_UI").as_deref() {
        Ok("overlay") => ConnectUiPresentation::Overlay,
        _ => ConnectUiPresentation::Window,
    }
}

/// Prints a `timing: PHASE MS` line (milliseconds since `main`) for the cold-start bench.
pub fn timing(started: Instant, phase: &str) {
    println!("timing: {phase} {}", started.elapsed().as_millis());
}

/// What `main` hands to the root component.
#[derive(Clone, Debug)]
pub struct AppSettings {
    /// The Nango this app talks to.
    pub backend: Backend,
    /// The OAuth mode the setting starts with.
    pub initial_mode: OAuthMode,
    /// Where the Connect UI opens at first (own window or overlay).
    pub initial_presentation: ConnectUiPresentation,
    /// Open the Connect UI as soon as the window is up (`--open-connect-ui`).
    pub open_on_start: bool,
    /// When the process started (for the log's timestamps).
    pub started: Instant,
}

/// One line of the event log.
#[derive(Clone, Debug, PartialEq)]
struct LogEntry {
    /// Seconds since start.
    at: f32,
    /// Short label (`connect`, `error`, `session`…).
    label: String,
    /// What happened.
    detail: String,
    /// Shown as an error.
    failed: bool,
}

/// The connection list as loaded from Nango.
#[derive(Clone, Debug, PartialEq)]
enum ConnectionsState {
    /// The first load is running.
    Loading,
    /// The stored connections, newest first.
    Loaded(Vec<ConnectionSummary>),
    /// The list could not be read.
    Failed(String),
}

/// The root component.
#[component]
pub fn App() -> Element {
    let settings: AppSettings = use_context();
    let started = settings.started;
    use_hook(|| timing(started, "root-component"));
    let native_windows = use_native_auth_windows();
    // This window shows one small document: lean WebKit settings (cache model, no WebGL).
    let main_window = dioxus_desktop::use_window();
    use_hook(move || apply_lean_webview_settings(&main_window));
    let mut mode = use_signal(|| settings.initial_mode);
    let mut presentation = use_signal(|| settings.initial_presentation);
    let mut connections = use_signal(|| ConnectionsState::Loading);
    let mut log = use_signal(Vec::<LogEntry>::new);
    let mut phase = use_signal(|| AuthPhase::Idle);
    let mut connect_ui = use_signal(|| None::<ConnectUiWindow>);
    let mut client = use_signal(|| None::<Nango>);
    let mut phase_task = use_signal(|| None::<dioxus::core::Task>);
    // The Connect button gets the keyboard focus at start and back when the Connect UI closes,
    // as a dialog returns focus to what opened it.
    let mut connect_button = use_signal(|| None::<std::rc::Rc<MountedData>>);

    let mut note = move |label: &str, detail: String, failed: bool| {
        println!("{label}: {detail}");
        log.write().push(LogEntry {
            at: started.elapsed().as_secs_f32(),
            label: label.to_owned(),
            detail,
            failed,
        });
    };

    let backend = settings.backend.clone();
    let refresh = use_callback(move |()| {
        let backend = backend.clone();
        spawn(async move {
            match backend.connections().await {
                Ok(list) => {
                    println!("connections: {}", list.len());
                    connections.set(ConnectionsState::Loaded(list));
                }
                Err(error) => {
                    note("list", format!("could not list connections: {error}"), true);
                    connections.set(ConnectionsState::Failed(error.to_string()));
                }
            }
        });
    });

    // Connect UI events arrive on any thread; this task applies them to the window's state.
    let events = use_hook(move || {
        let (sender, mut received) = mpsc::unbounded_channel::<ConnectUiEvent>();
        spawn(async move {
            while let Some(event) = received.recv().await {
                match &event {
                    ConnectUiEvent::Connect(payload) => {
                        note(
                            "event",
                            format!(
                                "connect {} {}",
                                payload.provider_config_key, payload.connection_id
                            ),
                            false,
                        );
                        refresh.call(());
                    }
                    ConnectUiEvent::Error(error) => {
                        note(
                            "event",
                            format!("error {}: {}", error.kind, error.message),
                            true,
                        );
                    }
                    ConnectUiEvent::Ready => {
                        timing(started, "connect-ui-started");
                        note("event", "ready".to_owned(), false);
                    }
                    ConnectUiEvent::Close => {
                        note("event", "close".to_owned(), false);
                        connect_ui.set(None);
                        if let Some(button) = connect_button.peek().clone() {
                            let _ = button.set_focus(true).await;
                        }
                    }
                    other => note("event", other.event_type().to_owned(), false),
                }
            }
        });
        sender
    });

    let backend = settings.backend.clone();
    let open_connect_ui = use_callback(move |()| {
        if connect_ui
            .peek()
            .as_ref()
            .is_some_and(ConnectUiWindow::is_open)
        {
            note(
                "connect",
                "the Connect UI is already open".to_owned(),
                false,
            );
            return;
        }
        let backend = backend.clone();
        let native_windows = native_windows.clone();
        let events = events.clone();
        spawn(async move {
            // Open first (its skeleton paints at once), then ask the backend for a session: the
            // token reaches the open UI, which then loads the session and integrations together.
            let choice = mode.peek().choice();
            let nango = Nango::new(NangoOptions {
                host: Some(backend.host.clone()),
                ..NangoOptions::default()
            })
            .map(|nango| {
                nango
                    .with_native_windows(native_windows)
                    .with_auth_window(choice)
            });
            let nango = match nango {
                Ok(nango) => nango,
                Err(error) => {
                    note("connect", format!("bad Nango options: {error}"), true);
                    return;
                }
            };
            // Follow the OAuth phase for the "Waiting for your browser… Cancel" state.
            if let Some(previous) = phase_task.take() {
                previous.cancel();
            }
            let mut phases = nango.phase();
            phase_task.set(Some(spawn(async move {
                loop {
                    let current = *phases.borrow_and_update();
                    println!("phase: {current:?}");
                    phase.set(current);
                    if phases.changed().await.is_err() {
                        break;
                    }
                }
            })));
            let on_event = Arc::new(move |event: ConnectUiEvent| {
                let _ = events.send(event);
            });
            let window = match nango.open_connect_ui(ConnectUiWindowOptions {
                detect_closed_auth_window: true,
                presentation: *presentation.peek(),
                on_event: Some(on_event),
                ..ConnectUiWindowOptions::default()
            }) {
                Ok(window) => window,
                Err(error) => {
                    note("connect", format!("could not open: {error}"), true);
                    return;
                }
            };
            timing(started, "connect-ui-opened");
            connect_ui.set(Some(window.clone()));
            client.set(Some(nango));
            match backend.create_session().await {
                Ok(token) => {
                    timing(started, "session-created");
                    note("session", "connect session created".to_owned(), false);
                    window.set_session_token(token);
                }
                Err(error) => {
                    note(
                        "session",
                        format!("could not create a session: {error}"),
                        true,
                    );
                    window.close();
                }
            }
        });
    });

    let open_on_start = settings.open_on_start;
    use_hook(move || {
        refresh.call(());
        if open_on_start {
            open_connect_ui.call(());
        }
    });

    let connect_open = connect_ui
        .read()
        .as_ref()
        .is_some_and(ConnectUiWindow::is_open);
    let source = if settings.backend.embedded {
        format!("Embedded nango-mock at {}", settings.backend.host)
    } else {
        format!("Nango at {}", settings.backend.host)
    };

    rsx! {
        div { class: "app",
            header { class: "app-header",
                div {
                    h1 { "Connected accounts" }
                    p { class: "subtle", "{source}" }
                }
                button {
                    class: "primary",
                    id: "connect",
                    "aria-haspopup": "dialog",
                    onmounted: move |event: MountedEvent| async move {
                        timing(started, "main-window-mounted");
                        let button = event.data();
                        let _ = button.set_focus(true).await;
                        connect_button.set(Some(button));
                    },
                    onclick: move |_| open_connect_ui.call(()),
                    if connect_open { "Connect UI is open" } else { "Connect an account" }
                }
            }
            StatusBanner {
                phase: phase(),
                on_cancel: move |()| {
                    if let Some(nango) = client.peek().as_ref() {
                        nango.cancel();
                        note("oauth", "sign-in cancelled".to_owned(), false);
                    }
                },
            }
            section { class: "card settings", "aria-labelledby": "settings-title",
                h2 { id: "settings-title", "Settings" }
                fieldset {
                    legend { class: "subtle", "Where OAuth sign-in pages open (applies to the next connection)" }
                    label { class: "choice",
                        input {
                            r#type: "radio",
                            name: "oauth-mode",
                            value: "native",
                            checked: mode() == OAuthMode::NativeWindow,
                            onchange: move |_| {
                                mode.set(OAuthMode::NativeWindow);
                                println!("mode: native window");
                            },
                        }
                        span { "In-app window" }
                    }
                    label { class: "choice",
                        input {
                            r#type: "radio",
                            name: "oauth-mode",
                            value: "browser",
                            checked: mode() == OAuthMode::SystemBrowser,
                            onchange: move |_| {
                                mode.set(OAuthMode::SystemBrowser);
                                println!("mode: system browser");
                            },
                        }
                        span { "System browser" }
                    }
                }
                fieldset {
                    legend { class: "subtle", "Where the Connect UI opens" }
                    label { class: "choice",
                        input {
                            r#type: "radio",
                            name: "connect-ui",
                            value: "window",
                            checked: presentation() == ConnectUiPresentation::Window,
                            onchange: move |_| {
                                presentation.set(ConnectUiPresentation::Window);
                                println!("connect ui: window");
                            },
                        }
                        span { "Own window" }
                    }
                    label { class: "choice",
                        input {
                            r#type: "radio",
                            name: "connect-ui",
                            value: "overlay",
                            checked: presentation() == ConnectUiPresentation::Overlay,
                            onchange: move |_| {
                                presentation.set(ConnectUiPresentation::Overlay);
                                println!("connect ui: overlay");
                            },
                        }
                        span { "Overlay in this window" }
                    }
                }
            }
            section { class: "card", "aria-labelledby": "connections-title",
                div { class: "card-title",
                    h2 { id: "connections-title", "Your connections" }
                    button { class: "quiet", onclick: move |_| refresh.call(()), "Refresh" }
                }
                ConnectionList { state: connections() }
            }
            section { class: "card", "aria-labelledby": "log-title",
                h2 { id: "log-title", "Event log" }
                EventLog { entries: log() }
            }
        }
        // Where the Connect UI appears in overlay mode (nothing until it opens).
        ConnectUiOverlay {}
    }
}

/// The "Connecting…" / "Waiting for your browser… Cancel" line under the header.
#[component]
fn StatusBanner(phase: AuthPhase, on_cancel: EventHandler<()>) -> Element {
    let text = match phase {
        AuthPhase::Idle => return rsx! {},
        AuthPhase::Connecting => "Connecting to Nango…",
        AuthPhase::WaitingForWindow => "Finish signing in in the window that opened…",
        AuthPhase::WaitingForBrowser => "Waiting for your browser…",
    };
    rsx! {
        div { class: "banner", role: "status", "data-phase": "{phase:?}",
            span { class: "spinner", "aria-hidden": "true" }
            span { class: "banner-text", "{text}" }
            if phase == AuthPhase::WaitingForBrowser {
                button { class: "quiet", onclick: move |_| on_cancel.call(()), "Cancel" }
            }
        }
    }
}

/// The stored connections.
#[component]
fn ConnectionList(state: ConnectionsState) -> Element {
    match state {
        ConnectionsState::Loading => rsx! { p { class: "subtle", "Loading…" } },
        ConnectionsState::Failed(error) => rsx! { p { class: "error", "{error}" } },
        ConnectionsState::Loaded(list) if list.is_empty() => rsx! {
            p { class: "empty", "No accounts connected yet. Use “Connect an account” to add one." }
        },
        ConnectionsState::Loaded(list) => rsx! {
            ul { class: "connections",
                for connection in list {
                    li { key: "{connection.provider_config_key}/{connection.connection_id}",
                        span { class: "monogram", "aria-hidden": "true",
                            {monogram(connection.provider_config_key.as_str())}
                        }
                        div { class: "connection-text",
                            strong { "{connection.provider_config_key}" }
                            span { class: "subtle", "{connection.provider} · {connection.connection_id}" }
                        }
                        time { class: "subtle", datetime: "{connection.created}",
                            {short_time(&connection.created)}
                        }
                    }
                }
            }
        },
    }
}

/// The event log, newest first.
#[component]
fn EventLog(entries: Vec<LogEntry>) -> Element {
    if entries.is_empty() {
        return rsx! { p { class: "subtle", "Connect UI events appear here." } };
    }
    rsx! {
        ol { class: "log", "aria-live": "polite",
            for (index, entry) in entries.iter().enumerate().rev() {
                li { key: "{index}", class: if entry.failed { "failed" },
                    span { class: "at", "{entry.at:.1} s" }
                    span { class: "label", "{entry.label}" }
                    span { class: "detail", "{entry.detail}" }
                }
            }
        }
    }
}

/// The first letter of an integration key, upper-cased.
fn monogram(key: &str) -> String {
    key.chars()
        .find(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap_or_else(|| "?".to_owned())
}

/// `2026-12-04T17:30:12.345Z` → `2026-12-04 17:30`.
fn short_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monograms_and_times_are_short() {
        assert_eq!(monogram("github"), "G");
        assert_eq!(monogram("-demo"), "D");
        assert_eq!(monogram(""), "?");
        assert_eq!(short_time("2026-12-04T17:30:12.345Z"), "2026-12-04 17:30");
        assert_eq!(short_time("yesterday"), "yesterday");
    }
}
