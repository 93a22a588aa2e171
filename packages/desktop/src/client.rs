//! [`Nango`] for desktop apps: the web backend's API (`auth`, `reconnect`, `create`, `clear`,
//! `cancel`), with the OAuth flow in a native window or the system browser.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use nango_core::query::ConnectionConfig;
use nango_core::request::ApiRequest;
use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, AuthPlan, AuthSuccess, ConnectionId, FlowSettings,
    NangoApi, NangoConfig, NangoOptions, OAuthFlow, ProviderConfigKey, plan_auth, plan_create,
    plan_reconnect,
};
use serde_json::Value;
use tokio::sync::watch;

use crate::browser::{BrowserLauncher, SystemBrowserLauncher, SystemBrowserWindow};
use crate::debug_log::DebugLog;
use crate::driver::{FlowIo, drive_oauth_flow};
use crate::slot::{CancelMode, FlowSlot};
use crate::window::{
    AuthPhase, AuthWindow, AuthWindowChoice, AuthWindowError, DesktopAuthOptions, PopupSize,
    ResolvedWindowKind, WindowClosedNotifier, resolve_window_kind,
};

/// A Nango client for desktop apps. Cheap to clone; clones share the active OAuth flow (a new
/// `auth()` on any clone cancels the pending one).
///
/// The returned futures need a tokio runtime (dioxus-desktop provides one) and are `Send +
/// 'static`, so they can be spawned.
#[derive(Clone)]
pub struct Nango {
    /// The options as given (to derive a client for another session token).
    #[cfg_attr(not(feature = "native-window"), allow(dead_code))]
    options: NangoOptions,
    /// The validated options.
    config: NangoConfig,
    /// The HTTP client for credential requests and `create`.
    api: NangoApi,
    /// Debug logging.
    log: DebugLog,
    /// The app's window choice (per-call options override it).
    window_choice: AuthWindowChoice,
    /// Timer settings of OAuth flows (close detection comes from each call's options).
    flow_settings: FlowSettings,
    /// How the system browser is launched.
    launcher: Arc<dyn BrowserLauncher>,
    /// The app's native window host, when it registered one.
    #[cfg(feature = "native-window")]
    native_windows: Option<crate::native::NativeWindowHost>,
    /// The Connect UI window of this client and its clones, once opened.
    #[cfg(feature = "native-window")]
    connect_ui: Arc<std::sync::Mutex<Option<crate::connect_window::ConnectUiWindow>>>,
    /// The active OAuth flow, shared by clones.
    slot: Arc<FlowSlot>,
}

impl fmt::Debug for Nango {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nango")
            .field("config", &self.config)
            .field("window_choice", &self.window_choice)
            .field("flow_settings", &self.flow_settings)
            .finish_non_exhaustive()
    }
}

impl Nango {
    /// Validates `options` (spec §1): fails with `invalid_host_url` when the host is not an
    /// absolute `http(s)` URL. Credentials are not checked here.
    pub fn new(options: NangoOptions) -> Result<Nango, AuthError> {
        let config = NangoConfig::new(options.clone())?;
        let api = NangoApi::new(config.host_base_url())?;
        let log = DebugLog::new(config.debug());
        log.line(format_args!("Debug mode is enabled."));
        log.line(format_args!("Using host: {}.", config.host_base_url()));
        Ok(Nango {
            options,
            config,
            api,
            log,
            window_choice: AuthWindowChoice::Auto,
            flow_settings: FlowSettings::default(),
            launcher: Arc::new(SystemBrowserLauncher),
            #[cfg(feature = "native-window")]
            native_windows: None,
            #[cfg(feature = "native-window")]
            connect_ui: Arc::default(),
            slot: FlowSlot::new(),
        })
    }

    /// Sets the app's OAuth window choice (default [`AuthWindowChoice::Auto`]).
    pub fn with_auth_window(mut self, choice: AuthWindowChoice) -> Self {
        self.window_choice = choice;
        self
    }

    /// Sets the OAuth flow timers (ack timeout, deadline, close grace); the
    /// `detect_closed_auth_window` field is ignored and taken from each call's options.
    pub fn with_flow_settings(mut self, settings: FlowSettings) -> Self {
        self.flow_settings = settings;
        self
    }

    /// Sets how the system browser is launched (default [`SystemBrowserLauncher`]).
    pub fn with_browser_launcher(mut self, launcher: Arc<dyn BrowserLauncher>) -> Self {
        self.launcher = launcher;
        self
    }

    /// Registers the app's native OAuth windows (from `use_native_auth_windows`), which makes
    /// [`AuthWindowChoice::Auto`] use them.
    #[cfg(feature = "native-window")]
    pub fn with_native_windows(mut self, host: crate::native::NativeWindowHost) -> Self {
        self.native_windows = Some(host);
        self
    }

    /// The validated configuration.
    pub fn config(&self) -> &NangoConfig {
        &self.config
    }

    /// The phase of the active OAuth flow, for UIs ("Waiting for your browser… Cancel").
    pub fn phase(&self) -> watch::Receiver<AuthPhase> {
        self.slot.subscribe()
    }

    /// `auth(key, connection_id, options)` with the app's window choice. Planning errors
    /// (`missing_auth_token`, `missing_credentials`, `invalid_host_url`) are returned before any
    /// window or socket opens; the future carries the flow's outcome.
    pub fn auth(
        &self,
        key: &ProviderConfigKey,
        connection_id: Option<&ConnectionId>,
        options: AuthOptions,
    ) -> Result<AuthFuture, AuthError> {
        self.auth_with(key, connection_id, options, DesktopAuthOptions::default())
    }

    /// Like [`Nango::auth`], with desktop options for this call (window choice, the provider's
    /// authorization URL for the system-browser rule).
    pub fn auth_with(
        &self,
        key: &ProviderConfigKey,
        connection_id: Option<&ConnectionId>,
        options: AuthOptions,
        desktop: DesktopAuthOptions,
    ) -> Result<AuthFuture, AuthError> {
        let plan = plan_auth(&self.config, key, connection_id, &options)?;
        self.run(plan, &desktop)
    }

    /// `reconnect(key, options)`: needs a connect session token (else
    /// `missing_connect_session_token`, returned immediately); otherwise `auth` without a
    /// connection id.
    pub fn reconnect(
        &self,
        key: &ProviderConfigKey,
        options: AuthOptions,
    ) -> Result<AuthFuture, AuthError> {
        self.reconnect_with(key, options, DesktopAuthOptions::default())
    }

    /// Like [`Nango::reconnect`], with desktop options for this call.
    pub fn reconnect_with(
        &self,
        key: &ProviderConfigKey,
        options: AuthOptions,
        desktop: DesktopAuthOptions,
    ) -> Result<AuthFuture, AuthError> {
        let plan = plan_reconnect(&self.config, key, &options)?;
        self.run(plan, &desktop)
    }

    /// `create(key, connection_id, connection_config)`: `POST /auth/unauthenticated/{key}`.
    /// Like the JS SDK's async `create`, every error (`missing_auth_token` included) arrives
    /// through the future.
    pub fn create(
        &self,
        key: &ProviderConfigKey,
        connection_id: Option<&ConnectionId>,
        connection_config: &ConnectionConfig,
    ) -> AuthFuture {
        let planned = plan_create(&self.config, key, connection_id, connection_config);
        let api = self.api.clone();
        AuthFuture::new(async move { execute_request(&api, &planned?).await })
    }

    /// Cancels the pending OAuth flow (a UI's cancel button, e.g. "Waiting for your browser…
    /// Cancel"): its future fails with `cancelled`, the socket and the window close at once.
    pub fn cancel(&self) {
        self.slot.cancel(CancelMode::Now);
    }

    /// The SDK's `clear()`: ends the pending OAuth flow, closing its socket now and its window
    /// after the 500 ms grace. The pending future fails with `cancelled` (the JS SDK leaves its
    /// promise pending forever). Settled flows have already cleared themselves.
    pub fn clear(&self) {
        self.slot.cancel(CancelMode::AfterGrace);
    }

    /// True while an OAuth flow of this instance (or a clone) waits for its result: from the
    /// `auth()` call until the flow settles or its future is dropped.
    pub fn has_pending_auth(&self) -> bool {
        *self.slot.subscribe().borrow() != AuthPhase::Idle
    }

    /// Starts a planned call: one HTTP request, or an OAuth flow that cancels the pending one.
    fn run(&self, plan: AuthPlan, desktop: &DesktopAuthOptions) -> Result<AuthFuture, AuthError> {
        let job = match plan {
            AuthPlan::Request(request) => Job::Request(self.api.clone(), request),
            AuthPlan::Popup(popup) => {
                let settings = FlowSettings {
                    detect_closed_auth_window: popup.detect_closed_auth_window,
                    ..self.flow_settings
                };
                let flow = OAuthFlow::new(&popup.pre_ack_url, settings)?;
                let window = self.make_window(desktop);
                let (cancel, phase) = self.slot.start();
                let (width, height) = self.config.popup_size();
                Job::Popup(
                    flow,
                    FlowIo {
                        websocket_url: self.config.websocket_url().to_owned(),
                        window,
                        size: PopupSize { width, height },
                        cancel,
                        phase,
                        log: self.log.clone(),
                    },
                )
            }
        };
        Ok(AuthFuture::new(async move {
            match job {
                Job::Request(api, request) => execute_request(&api, &request).await,
                Job::Popup(flow, io) => drive_oauth_flow(flow, io).await,
            }
        }))
    }

    /// Opens the Connect UI (nango-ui's `ConnectUi`) in its own native window, talking to this
    /// client's host; events go to `options.on_event`. Idempotent: while this client's Connect UI
    /// is open, the same handle is returned. Without `options.session_token` the client's token
    /// is used (or set one later on the handle). Needs the app's native windows
    /// ([`Nango::with_native_windows`]).
    #[cfg(feature = "native-window")]
    pub fn open_connect_ui(
        &self,
        options: crate::connect_window::ConnectUiWindowOptions,
    ) -> Result<crate::connect_window::ConnectUiWindow, AuthError> {
        let host = self
            .native_windows
            .as_ref()
            .ok_or_else(crate::connect_window::no_host)?;
        let mut current = self
            .connect_ui
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(open) = current.as_ref().filter(|window| window.is_open()) {
            return Ok(open.clone());
        }
        let token = options
            .session_token
            .clone()
            .or_else(|| self.config.auth().session_token().cloned());
        let window = host.connect_ui(self.clone(), token, options);
        window.open()?;
        *current = Some(window.clone());
        Ok(window)
    }

    /// The HTTP client for this client's host.
    #[cfg(feature = "native-window")]
    pub(crate) fn api(&self) -> &NangoApi {
        &self.api
    }

    /// This client with another connect session token (same host, windows and active flow).
    #[cfg(feature = "native-window")]
    pub(crate) fn with_session_token(
        &self,
        token: nango_core::ConnectSessionToken,
    ) -> Result<Nango, AuthError> {
        let options = NangoOptions {
            auth: nango_core::ClientAuth::SessionToken(token),
            ..self.options.clone()
        };
        Ok(Nango {
            config: NangoConfig::new(options.clone())?,
            options,
            ..self.clone()
        })
    }

    /// Opens `url` with this client's browser launcher; true when it launched.
    #[cfg(feature = "native-window")]
    pub(crate) fn launch_browser(&self, url: &str) -> bool {
        self.launcher.launch(url).is_ok()
    }

    /// Whether OAuth runs in the system browser when no provider hint is given.
    #[cfg(feature = "native-window")]
    pub(crate) fn prefers_system_browser_by_default(&self) -> bool {
        match &self.window_choice {
            AuthWindowChoice::Custom(_) => false,
            choice => {
                resolve_window_kind(choice, None, self.native_available())
                    == ResolvedWindowKind::SystemBrowser
            }
        }
    }

    /// Builds the OAuth window this call uses.
    fn make_window(&self, desktop: &DesktopAuthOptions) -> Box<dyn AuthWindow> {
        let choice = desktop.window.as_ref().unwrap_or(&self.window_choice);
        if let AuthWindowChoice::Custom(factory) = choice {
            return factory();
        }
        let kind = resolve_window_kind(
            choice,
            desktop.authorization_url.as_deref(),
            self.native_available(),
        );
        self.log.line(format_args!("OAuth window: {kind:?}"));
        match kind {
            ResolvedWindowKind::SystemBrowser => {
                Box::new(SystemBrowserWindow::new(Arc::clone(&self.launcher)))
            }
            ResolvedWindowKind::Native => self.native_window(),
        }
    }

    /// Whether the app registered native windows.
    fn native_available(&self) -> bool {
        #[cfg(feature = "native-window")]
        {
            self.native_windows.is_some()
        }
        #[cfg(not(feature = "native-window"))]
        {
            false
        }
    }

    /// A native window, or a window that fails to open when none is registered.
    fn native_window(&self) -> Box<dyn AuthWindow> {
        #[cfg(feature = "native-window")]
        if let Some(host) = &self.native_windows {
            return Box::new(host.window());
        }
        Box::new(UnavailableNativeWindow)
    }
}

/// The outcome of `auth`, `reconnect` or `create`: a `Send + 'static` future (spawn it, or await
/// it in a dioxus task). Dropping it before it settles closes the OAuth window and socket.
#[must_use = "the flow runs only when the future is awaited or spawned"]
pub struct AuthFuture(Pin<Box<dyn Future<Output = Result<AuthSuccess, AuthError>> + Send>>);

impl AuthFuture {
    /// Boxes a flow.
    fn new(flow: impl Future<Output = Result<AuthSuccess, AuthError>> + Send + 'static) -> Self {
        AuthFuture(Box::pin(flow))
    }
}

impl Future for AuthFuture {
    type Output = Result<AuthSuccess, AuthError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.0.as_mut().poll(cx)
    }
}

impl fmt::Debug for AuthFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthFuture")
    }
}

/// What a planned call runs.
enum Job {
    /// One HTTP request.
    Request(NangoApi, ApiRequest),
    /// An OAuth flow with its I/O.
    Popup(OAuthFlow, FlowIo),
}

/// Sends a credential or `create` request and reads `{connectionId, providerConfigKey}`.
async fn execute_request(api: &NangoApi, request: &ApiRequest) -> Result<AuthSuccess, AuthError> {
    let body = api.execute(request).await?;
    success_from_json(body)
}

/// Reads an HTTP success body as an [`AuthSuccess`] (`invalid_response` when it is not one).
fn success_from_json(body: Value) -> Result<AuthSuccess, AuthError> {
    serde_json::from_value(body).map_err(|error| {
        AuthError::new(
            AuthErrorKind::InvalidResponse,
            format!("The server's answer is not a connection: {error}"),
        )
    })
}

/// The native window asked for when the app registered none: it fails to open, so the flow
/// rejects with `blocked_by_browser`.
struct UnavailableNativeWindow;

impl AuthWindow for UnavailableNativeWindow {
    fn open(
        &mut self,
        _size: PopupSize,
        _closed: WindowClosedNotifier,
    ) -> Result<(), AuthWindowError> {
        Err(AuthWindowError(
            "no native OAuth window host is registered (see use_native_auth_windows)".to_owned(),
        ))
    }

    fn navigate(&mut self, _url: &str) -> Result<(), AuthWindowError> {
        Err(AuthWindowError("no native OAuth window".to_owned()))
    }

    fn close(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn http_success_bodies_become_auth_success() {
        let success =
            success_from_json(json!({"connectionId": "c-1", "providerConfigKey": "stripe"}))
                .unwrap();
        assert_eq!(success.connection_id.as_str(), "c-1");
        assert_eq!(success.is_pending, None);
        let error = success_from_json(json!({"unexpected": true})).unwrap_err();
        assert_eq!(error.kind, AuthErrorKind::InvalidResponse);
        let error = success_from_json(Value::Null).unwrap_err();
        assert_eq!(error.kind, AuthErrorKind::InvalidResponse);
    }
}
