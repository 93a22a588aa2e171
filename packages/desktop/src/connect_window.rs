//! The Connect UI on desktop: nango-ui's [`ConnectUi`] in its own dioxus-desktop window, or as an
//! overlay over the app's own window ([`ConnectUiPresentation::Overlay`], rendered where the app
//! placed [`ConnectUiOverlay`]), talking to Nango through [`DesktopConnectDriver`] (this crate's
//! OAuth flows, nango-core's API client), with its events delivered to a Rust callback. Open it
//! with `Nango::open_connect_ui`.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use dioxus::prelude::*;
use futures_util::FutureExt;
use nango_core::connect_ui::ThemeOverride;
use nango_core::messages::ConnectUiEvent;
use nango_core::{
    AuthError, AuthOptions, AuthSuccess, ConnectSessionToken, NangoApi, ProviderConfigKey,
};
use nango_ui::connect::DriverProp;
use nango_ui::driver::{ConnectDriver, DriverFuture, SharedDriver};
use nango_ui::{ConnectUi, HostingMode};
use tokio::sync::{mpsc, watch};

use crate::client::Nango;
use crate::native::NativeCommand;

/// The Connect UI window's size: nango-ui's embedded dialog is at most 500×700.
pub(crate) const CONNECT_UI_SIZE: (u32, u32) = (500, 700);

/// Receives every Connect UI event (`ready`, `connect`, `error`, `close`), on the main thread.
pub type ConnectUiEventCallback = Arc<dyn Fn(ConnectUiEvent) + Send + Sync>;

/// Where `Nango::open_connect_ui` shows the Connect UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ConnectUiPresentation {
    /// In its own native window (500×700, centred on the app's monitor).
    #[default]
    Window,
    /// Over the app's current window, as a modal with a translucent backdrop (like the web's
    /// iframe overlay): no second window and no second WebKit web process. The app must render
    /// [`ConnectUiOverlay`] in that window; without it, opening fails with an `error` event
    /// followed by `close`.
    Overlay,
}

/// The options of `Nango::open_connect_ui` (the desktop counterpart of the web's
/// `ConnectUiOptions`: no iframe, so no base URL; the UI talks to the client's own host).
#[derive(Clone, Default)]
pub struct ConnectUiWindowOptions {
    /// The session token; `None` uses the client's, or one set later on the handle.
    pub session_token: Option<ConnectSessionToken>,
    /// Report an OAuth window closed early as an `error` event.
    pub detect_closed_auth_window: bool,
    /// UI language, e.g. `fr` (else the system languages, then English).
    pub lang: Option<String>,
    /// Forced theme.
    pub theme_override: Option<ThemeOverride>,
    /// Own window (default) or overlay over the app's window.
    pub presentation: ConnectUiPresentation,
    /// Called for every event; `close` comes once, whether the UI, the window's close button or
    /// [`ConnectUiWindow::close`] closed it.
    pub on_event: Option<ConnectUiEventCallback>,
}

impl fmt::Debug for ConnectUiWindowOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectUiWindowOptions")
            .field("session_token", &self.session_token)
            .field("detect_closed_auth_window", &self.detect_closed_auth_window)
            .field("lang", &self.lang)
            .field("theme_override", &self.theme_override)
            .field("presentation", &self.presentation)
            .field("on_event", &self.on_event.is_some())
            .finish()
    }
}

/// State shared by a [`ConnectUiWindow`] handle, its window's component and the main thread.
pub(crate) struct ConnectUiShared {
    /// The window number (shared with OAuth windows' numbering).
    pub(crate) id: u64,
    /// True while the window is open (or opening).
    pub(crate) open: AtomicBool,
    /// The session token, observed by the window's component.
    pub(crate) token: watch::Sender<Option<ConnectSessionToken>>,
    /// The client (OAuth flows, API, window choice).
    pub(crate) nango: Nango,
    /// The options it was opened with.
    pub(crate) options: ConnectUiWindowOptions,
    /// Commands to the main thread.
    pub(crate) commands: mpsc::UnboundedSender<NativeCommand>,
}

impl ConnectUiShared {
    /// Delivers an event to the callback; `close` only once per opening.
    pub(crate) fn deliver(&self, event: ConnectUiEvent) {
        if matches!(event, ConnectUiEvent::Close) && !self.open.swap(false, Ordering::SeqCst) {
            return;
        }
        if let Some(callback) = &self.options.on_event {
            callback(event);
        }
    }
}

/// A handle to the Connect UI (cheap to clone), in its own window or as an overlay. The UI
/// stays open when every handle is dropped, as on the web; close it with
/// [`ConnectUiWindow::close`].
#[derive(Clone)]
pub struct ConnectUiWindow {
    /// The shared state.
    pub(crate) shared: Arc<ConnectUiShared>,
}

impl fmt::Debug for ConnectUiWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectUiWindow")
            .field("open", &self.is_open())
            .finish()
    }
}

impl ConnectUiWindow {
    /// Opens the window again after a close; a no-op while it is open.
    pub fn open(&self) -> Result<(), AuthError> {
        if self.shared.open.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        self.shared
            .commands
            .send(NativeCommand::OpenConnectUi {
                shared: Arc::clone(&self.shared),
            })
            .map_err(|_| {
                self.shared.open.store(false, Ordering::SeqCst);
                no_host()
            })
    }

    /// Closes the window (the callback gets `close` once); safe to repeat.
    pub fn close(&self) {
        if !self.is_open() {
            return;
        }
        let sent = self
            .shared
            .commands
            .send(NativeCommand::CloseConnectUi { id: self.shared.id });
        if sent.is_err() {
            // No main-thread task any more: nothing to close, still end the UI.
            self.shared.deliver(ConnectUiEvent::Close);
        }
    }

    /// Sets the session token (the UI loads its session as soon as it has one).
    pub fn set_session_token(&self, token: ConnectSessionToken) {
        self.shared.token.send_replace(Some(token));
    }

    /// True while the window is open.
    pub fn is_open(&self) -> bool {
        self.shared.open.load(Ordering::SeqCst)
    }
}

/// The error of a Connect UI asked for without native windows.
pub(crate) fn no_host() -> AuthError {
    AuthError::new(
        nango_core::AuthErrorKind::UnknownError,
        "the Connect UI window needs the app's native window host (use_native_auth_windows)",
    )
}

/// The props of the Connect UI window's root: the shared state, compared by identity.
#[derive(Clone)]
pub(crate) struct SharedConnectUi(pub(crate) Arc<ConnectUiShared>);

impl PartialEq for SharedConnectUi {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The root component of a Connect UI (its window's root, or the overlay's content).
#[component]
pub(crate) fn ConnectUiRoot(shared: SharedConnectUi) -> Element {
    let shared = shared.0;
    let mut token = use_signal(|| shared.token.borrow().clone());
    let watched = Arc::clone(&shared);
    use_hook(move || {
        let mut updates = watched.token.subscribe();
        spawn(async move {
            while updates.changed().await.is_ok() {
                let next = updates.borrow_and_update().clone();
                token.set(next);
            }
        });
    });
    let driver_shared = Arc::clone(&shared);
    let driver = use_hook(move || {
        DriverProp(std::rc::Rc::new(DesktopConnectDriver {
            nango: driver_shared.nango.clone(),
            shared: Some(driver_shared),
        }) as SharedDriver)
    });
    let events = Arc::clone(&shared);
    let mode = match shared.options.presentation {
        ConnectUiPresentation::Window => HostingMode::Embedded,
        ConnectUiPresentation::Overlay => HostingMode::Overlay,
    };
    rsx! {
        ConnectUi {
            token,
            language: shared.options.lang.clone(),
            theme: shared.options.theme_override,
            detect_closed_auth_window: shared.options.detect_closed_auth_window,
            mode,
            driver: Some(driver),
            on_event: move |event: ConnectUiEvent| events.deliver(event),
        }
    }
}

/// The overlay slot of the app's window: the Connect UI shown there, and how many
/// [`ConnectUiOverlay`] components are mounted to show it (provided by `use_native_auth_windows`).
#[derive(Clone, Copy)]
pub(crate) struct OverlaySlot {
    /// The Connect UI currently shown as an overlay.
    pub(crate) current: Signal<Option<SharedConnectUi>>,
    /// Mounted [`ConnectUiOverlay`] components.
    pub(crate) mounted: Signal<usize>,
}

impl OverlaySlot {
    /// An empty slot, owned by the calling component's scope.
    pub(crate) fn new() -> OverlaySlot {
        OverlaySlot {
            current: Signal::new(None),
            mounted: Signal::new(0),
        }
    }

    /// True when a [`ConnectUiOverlay`] is mounted to show an overlay.
    pub(crate) fn is_mounted(self) -> bool {
        *self.mounted.peek() > 0
    }

    /// Shows `shared` as the overlay and returns the one shown before, if any (another
    /// client's Connect UI, which the caller closes).
    pub(crate) fn replace(mut self, shared: Arc<ConnectUiShared>) -> Option<Arc<ConnectUiShared>> {
        self.current
            .replace(Some(SharedConnectUi(shared)))
            .map(|previous| previous.0)
    }

    /// Removes the overlay numbered `id`; returns it when it was shown.
    pub(crate) fn hide(mut self, id: u64) -> Option<Arc<ConnectUiShared>> {
        let shown = self
            .current
            .peek()
            .as_ref()
            .is_some_and(|current| current.0.id == id);
        if !shown {
            return None;
        }
        self.current.take().map(|current| current.0)
    }
}

/// Where the Connect UI appears when opened with [`ConnectUiPresentation::Overlay`]: place it once
/// in the app's window, inside the component that called `use_native_auth_windows` (typically at
/// the end of the root). It renders nothing until an overlay opens; the Connect UI then covers
/// the window (fixed position, backdrop), and Escape, a click outside, its close button or
/// `ConnectUiWindow::close` remove it (one `close` event).
#[component]
pub fn ConnectUiOverlay() -> Element {
    let slot = try_consume_context::<OverlaySlot>();
    use_hook(move || {
        if let Some(mut slot) = slot {
            *slot.mounted.write() += 1;
        }
    });
    use_drop(move || {
        if let Some(mut slot) = slot {
            let mut mounted = slot.mounted.write();
            *mounted = mounted.saturating_sub(1);
        }
    });
    let Some(slot) = slot else {
        return rsx! {};
    };
    let current = slot.current.read().clone();
    match current {
        Some(shared) => {
            let id = shared.0.id;
            rsx! {
                ConnectUiRoot { key: "{id}", shared }
            }
        }
        None => rsx! {},
    }
}

/// nango-ui's platform seam on desktop: data through nango-core's API client, OAuth through this
/// crate's flows (native window or system browser), docs links in the system browser.
pub struct DesktopConnectDriver {
    /// The client.
    nango: Nango,
    /// The window this driver serves (for `close`), when it serves one.
    shared: Option<Arc<ConnectUiShared>>,
}

impl fmt::Debug for DesktopConnectDriver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DesktopConnectDriver")
            .field("nango", &self.nango)
            .finish_non_exhaustive()
    }
}

impl DesktopConnectDriver {
    /// A driver for a Connect UI the app mounts itself (e.g. as an overlay in its own window).
    pub fn new(nango: Nango) -> Self {
        DesktopConnectDriver {
            nango,
            shared: None,
        }
    }
}

impl ConnectDriver for DesktopConnectDriver {
    fn api(&self) -> Option<NangoApi> {
        Some(self.nango.api().clone())
    }

    fn auth(
        &self,
        token: &ConnectSessionToken,
        key: &ProviderConfigKey,
        options: AuthOptions,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        let flow = self
            .nango
            .with_session_token(token.clone())
            .and_then(|nango| nango.auth(key, None, options));
        async move { flow?.await }.boxed_local()
    }

    fn cancel(&self) {
        self.nango.cancel();
    }

    fn open_url(&self, url: &str) -> bool {
        self.nango.launch_browser(url)
    }

    fn close(&self) {
        if let Some(shared) = &self.shared {
            let _ = shared
                .commands
                .send(NativeCommand::CloseConnectUi { id: shared.id });
        }
    }

    fn sleep(&self, millis: u32) -> DriverFuture<()> {
        tokio::time::sleep(std::time::Duration::from_millis(u64::from(millis))).boxed_local()
    }

    fn signs_in_with_system_browser(&self) -> bool {
        self.nango.prefers_system_browser_by_default()
    }

    fn system_languages(&self) -> Vec<String> {
        system_languages(|name| std::env::var(name).ok())
    }
}

/// The user's languages from `LANGUAGE` (colon-separated), `LC_ALL`, `LC_MESSAGES` and `LANG`,
/// as BCP 47 tags (`fr_FR.UTF-8` → `fr-FR`); `C`/`POSIX` are skipped.
pub(crate) fn system_languages(var: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut languages = Vec::new();
    let candidates = var("LANGUAGE")
        .map(|list| list.split(':').map(str::to_owned).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .filter_map(&var),
        );
    for raw in candidates {
        let base = raw.split(['.', '@']).next().unwrap_or_default().trim();
        if base.is_empty() || base == "C" || base == "POSIX" {
            continue;
        }
        let tag = base.replace('_', "-");
        if !languages.contains(&tag) {
            languages.push(tag);
        }
    }
    languages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_languages_follow_posix_variables() {
        let env = |name: &str| match name {
            "LANGUAGE" => Some("fr_CA:fr".to_owned()),
            "LANG" => Some("de_DE.UTF-8".to_owned()),
            "LC_ALL" => Some("C".to_owned()),
            _ => None,
        };
        assert_eq!(system_languages(env), ["fr-CA", "fr", "de-DE"]);
        assert!(system_languages(|_| None).is_empty());
    }
}
