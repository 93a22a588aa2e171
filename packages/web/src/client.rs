//! [`Nango`]: the headless browser SDK (`auth`, `reconnect`, `create`, `clear`,
//! `open_connect_ui`) with the JS SDK's rules, on top of nango-core's planners and flow machine.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use nango_core::query::ConnectionConfig;
use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, AuthPlan, ConnectionId, FlowSettings, NangoApi,
    NangoConfig, NangoOptions, OAuthFlow, PopupPlan, ProviderConfigKey, plan_auth, plan_create,
    plan_reconnect,
};
use serde_json::Value;

use crate::auth_future::{AuthFuture, AuthResult, Settlement};
use crate::connect_ui::{ConnectUiHandle, ConnectUiOptions, open_connect_ui};
use crate::debug_log::DebugLog;
use crate::flow_driver::FlowDriver;

#[cfg(target_arch = "wasm32")]
use crate::browser::{BrowserFlowIo as PlatformIo, open_popup, start_flow};

/// A popup flow on this platform.
type PlatformDriver = Rc<RefCell<FlowDriver<PlatformIo>>>;

/// A Nango client for the browser: the JS SDK's `new Nango(options)`.
///
/// Cheap to clone (clones share the pending popup flow). Not `Send`: it lives on the browser's
/// main thread, like the window and the sockets it drives.
#[derive(Clone)]
pub struct Nango {
    /// The shared state.
    inner: Rc<NangoInner>,
}

/// What clones of one [`Nango`] share.
struct NangoInner {
    /// The validated options.
    config: NangoConfig,
    /// The API client, or why it could not be built (reported by the calls that need it).
    api: Result<NangoApi, AuthError>,
    /// Debug output.
    log: DebugLog,
    /// The popup flow of the last `auth`/`reconnect`, settled or not.
    current: RefCell<Option<PlatformDriver>>,
}

impl fmt::Debug for Nango {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nango")
            .field("config", &self.inner.config)
            .field("pending_auth", &self.has_pending_auth())
            .finish()
    }
}

impl Nango {
    /// Validates the options (`invalid_host_url` for a host that is not an absolute URL);
    /// credentials are checked by the calls that need them, as in the JS SDK.
    pub fn new(options: NangoOptions) -> Result<Nango, AuthError> {
        let config = NangoConfig::new(options)?;
        let log = DebugLog::new(config.debug());
        log.line(|| "Debug mode is enabled.".to_owned());
        log.line(|| format!("Using host: {}.", config.host_base_url()));
        let api = NangoApi::new(config.host_base_url());
        Ok(Nango {
            inner: Rc::new(NangoInner {
                config,
                api,
                log,
                current: RefCell::new(None),
            }),
        })
    }

    /// The validated configuration.
    pub fn config(&self) -> &NangoConfig {
        &self.inner.config
    }

    /// Starts an authorization: the JS SDK's `auth(providerConfigKey, connectionId?, options)`.
    ///
    /// Synchronous errors (`missing_auth_token`, `missing_credentials`, `invalid_host_url`, …)
    /// are returned at once. For the OAuth popup the window is opened **before this returns**,
    /// so call it directly inside a click handler (not after an `await`) or the browser blocks
    /// it; a blocked popup makes the future fail with `blocked_by_browser`. A pending popup
    /// flow of this instance is cancelled (its future fails with `cancelled`, where the JS SDK
    /// leaves its promise pending forever). Credential flows send one request.
    pub fn auth(
        &self,
        key: &ProviderConfigKey,
        connection_id: Option<&ConnectionId>,
        options: AuthOptions,
    ) -> Result<AuthFuture, AuthError> {
        let plan = plan_auth(&self.inner.config, key, connection_id, &options)?;
        Ok(self.run(plan))
    }

    /// Re-authorizes the connection a reconnect session (`POST /connect/sessions/reconnect`)
    /// is pinned to: `auth` without a connection id, failing at once with
    /// `missing_connect_session_token` without a session token.
    pub fn reconnect(
        &self,
        key: &ProviderConfigKey,
        options: AuthOptions,
    ) -> Result<AuthFuture, AuthError> {
        let plan = plan_reconnect(&self.inner.config, key, &options)?;
        Ok(self.run(plan))
    }

    /// Creates a connection for an integration that needs no credentials
    /// (`POST /auth/unauthenticated/{key}`). Like the JS SDK's async `create`, every error
    /// (`missing_auth_token` included) arrives through the future.
    pub fn create(
        &self,
        key: &ProviderConfigKey,
        connection_id: Option<&ConnectionId>,
        connection_config: &ConnectionConfig,
    ) -> AuthFuture {
        match plan_create(&self.inner.config, key, connection_id, connection_config) {
            Ok(request) => self.run(AuthPlan::Request(request)),
            Err(error) => AuthFuture::ready(Err(error)),
        }
    }

    /// The JS SDK's `clear()`: ends the pending popup flow, closing its socket now and its
    /// popup after the 500 ms grace. The pending future fails with `cancelled` (the JS SDK
    /// leaves it pending forever). Settled flows have already cleared themselves.
    pub fn clear(&self) {
        self.end_current(false);
    }

    /// Cancels the pending popup flow (a UI's cancel button): its future fails with
    /// `cancelled`, the socket and the popup close at once.
    pub fn cancel(&self) {
        self.end_current(true);
    }

    /// True while a popup flow of this instance waits for its result.
    pub fn has_pending_auth(&self) -> bool {
        self.inner
            .current
            .try_borrow()
            .ok()
            .and_then(|current| {
                current
                    .as_ref()
                    .and_then(|driver| driver.try_borrow().ok().map(|d| !d.is_settled()))
            })
            .unwrap_or(false)
    }

    /// Opens the Connect UI in a full-viewport iframe (the JS SDK's `openConnectUI`). Without
    /// `options.session_token` the instance's session token is used (set one later with
    /// [`ConnectUiHandle::set_session_token`]).
    pub fn open_connect_ui(
        &self,
        mut options: ConnectUiOptions,
    ) -> Result<ConnectUiHandle, AuthError> {
        if options.session_token.is_none() {
            options.session_token = self.inner.config.auth().session_token().cloned();
        }
        if !options.debug {
            options.debug = self.inner.log.is_enabled();
        }
        open_connect_ui(options)
    }

    /// Runs a plan: a popup flow or one HTTP request.
    fn run(&self, plan: AuthPlan) -> AuthFuture {
        match plan {
            AuthPlan::Popup(popup) => self.run_popup(popup),
            AuthPlan::Request(request) => {
                let api = self.inner.api.clone();
                let log = self.inner.log;
                log.line(|| format!("sending {request:?}"));
                AuthFuture::request(async move {
                    let value = api?.execute(&request).await?;
                    success_from_json(value)
                })
            }
        }
    }

    /// Opens the popup synchronously, cancels the previous flow, starts the new one.
    fn run_popup(&self, plan: PopupPlan) -> AuthFuture {
        let log = self.inner.log;
        log.line(|| format!("starting the popup flow {plan:?}"));
        let popup = open_popup(&self.inner.config, log);
        self.end_current(false);
        let settlement = Settlement::shared();
        let settings = FlowSettings {
            detect_closed_auth_window: plan.detect_closed_auth_window,
            ..FlowSettings::default()
        };
        let flow = match OAuthFlow::new(&plan.pre_ack_url, settings) {
            Ok(flow) => flow,
            Err(error) => {
                close_unused_popup(popup);
                return AuthFuture::ready(Err(error));
            }
        };
        let driver = start_flow(
            flow,
            popup,
            self.inner.config.websocket_url(),
            settlement.clone(),
            log,
        );
        if let Ok(mut current) = self.inner.current.try_borrow_mut() {
            *current = Some(driver.clone());
        }
        AuthFuture::popup(settlement, driver)
    }

    /// Cancels the current flow (if pending) and forgets it.
    fn end_current(&self, close_now: bool) {
        let previous = self
            .inner
            .current
            .try_borrow_mut()
            .ok()
            .and_then(|mut current| current.take());
        if let Some(driver) = previous
            && let Ok(mut driver) = driver.try_borrow_mut()
        {
            driver.cancel(close_now);
        }
    }
}

/// Reads the JSON of a successful credential request or `create` as an [`AuthSuccess`].
fn success_from_json(value: Value) -> AuthResult {
    serde_json::from_value(value).map_err(|error| {
        AuthError::new(
            AuthErrorKind::InvalidResponse,
            format!("the server's answer is not a connection ({error})"),
        )
    })
}

/// Closes a popup that no flow will use.
#[cfg(target_arch = "wasm32")]
fn close_unused_popup(popup: Option<web_sys::Window>) {
    if let Some(popup) = popup {
        let _ = popup.close();
    }
}

/// The host has no browser: no window opens, so popup flows end with `blocked_by_browser`.
#[cfg(not(target_arch = "wasm32"))]
mod no_browser {
    use super::*;
    use crate::flow_driver::FlowIo;

    /// I/O of a popup flow where no browser exists: nothing to navigate, close or stop.
    #[derive(Debug, Default)]
    pub(crate) struct NoBrowserIo;

    impl FlowIo for NoBrowserIo {
        fn navigate(&mut self, _url: &str) -> bool {
            false
        }
        fn close_socket(&mut self) {}
        fn close_window_after(&mut self, _delay: std::time::Duration) {}
        fn stop_timers(&mut self) {}
    }

    /// There is no window to open.
    pub(crate) fn open_popup(_config: &NangoConfig, log: DebugLog) -> Option<()> {
        log.line(|| "no browser window can be opened on this platform".to_owned());
        None
    }

    /// Settles the flow with `blocked_by_browser` at once.
    pub(crate) fn start_flow(
        flow: OAuthFlow,
        _popup: Option<()>,
        _websocket_url: &str,
        settlement: Rc<RefCell<Settlement>>,
        log: DebugLog,
    ) -> PlatformDriver {
        let mut driver = FlowDriver::new(flow, NoBrowserIo, settlement, log);
        driver.feed(nango_core::FlowInput::WindowBlocked);
        Rc::new(RefCell::new(driver))
    }

    /// Nothing was opened.
    pub(crate) fn close_unused_popup(_popup: Option<()>) {}
}

#[cfg(not(target_arch = "wasm32"))]
use no_browser::{NoBrowserIo as PlatformIo, close_unused_popup, open_popup, start_flow};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
