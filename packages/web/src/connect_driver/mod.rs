//! [`WebConnectDriver`]: nango-ui's [`ConnectDriver`] for the browser. Data through nango-core's
//! API client, `auth` through this crate's [`Nango`] (popup opened synchronously), telemetry as
//! `navigator.sendBeacon`, and the page services (confirm, clipboard, timers, ids, clock, colour
//! scheme, languages) from the window. Also the OAuth callback hand-shake of connect-ui §2.5.7.

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub(crate) mod browser_json;
pub mod callback;

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_util::future::{Either, FutureExt, select};
use nango_core::connect_ui::{origin_of, websockets_path_for};
use nango_core::session::{ConnectSession, TelemetryEvent};
use nango_core::{
    AuthError, AuthOptions, AuthSuccess, ClientAuth, ConnectSessionToken, NangoApi, NangoOptions,
    ProviderConfigKey,
};
use nango_ui::driver::{ConnectDriver, DriverFuture};

pub use callback::{CallbackGate, CallbackOutcome};

use crate::client::Nango;

/// What closing the Connect UI means for the page hosting it.
#[derive(Clone, Default)]
pub enum CloseBehaviour {
    /// The UI is the Connect UI app inside an iframe: post `{type:'close'}` to the parent window
    /// (the parent removes the iframe).
    PostToParent,
    /// The UI is mounted in-page: run this (unmount the overlay).
    Run(Rc<dyn Fn()>),
    /// Nothing to close (a connect link in its own tab).
    #[default]
    Nothing,
}

impl fmt::Debug for CloseBehaviour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CloseBehaviour::PostToParent => "PostToParent",
            CloseBehaviour::Run(_) => "Run",
            CloseBehaviour::Nothing => "Nothing",
        })
    }
}

/// The browser's Connect UI driver. Cheap to clone; clones share the pending `auth`.
#[derive(Clone)]
pub struct WebConnectDriver {
    /// The shared state.
    inner: Rc<DriverState>,
}

/// What clones of one driver share.
struct DriverState {
    /// `apiURL` as given.
    api_url: String,
    /// The API client, or why `apiURL` is unusable.
    api: Result<NangoApi, AuthError>,
    /// What `close` does.
    close: CloseBehaviour,
    /// The session's `websocketsPath`, remembered from the last `GET /connect/session`.
    server_websockets_path: RefCell<Option<String>>,
    /// The SDK instance of the last `auth` (for `cancel`).
    nango: RefCell<Option<Nango>>,
    /// Where an OAuth callback error goes while an `auth` is pending.
    callback_error: Rc<RefCell<CallbackSlot>>,
    /// Log the flow to the console (secrets redacted).
    debug: bool,
    /// The window `message` listener of the callback hand-shake (removed on drop).
    #[cfg(target_arch = "wasm32")]
    _listener: Option<browser::CallbackListener>,
}

impl fmt::Debug for WebConnectDriver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebConnectDriver")
            .field("api_url", &self.inner.api_url)
            .field("close", &self.inner.close)
            .finish_non_exhaustive()
    }
}

impl WebConnectDriver {
    /// A driver for the Nango API at `api_url` (the Connect UI's `apiURL`). An unusable URL is
    /// not an error here: every call then fails with `invalid_host_url`, which the UI shows.
    ///
    /// In a browser this starts listening for the OAuth callback page's messages (accepted only
    /// from `api_url`'s origin and from another window, acknowledged to their sender).
    pub fn new(api_url: &str, close: CloseBehaviour) -> WebConnectDriver {
        let callback_error = Rc::new(RefCell::new(CallbackSlot::default()));
        #[cfg(target_arch = "wasm32")]
        let listener = origin_of(api_url).ok().and_then(|origin| {
            browser::CallbackListener::install(CallbackGate::new(origin), callback_error.clone())
        });
        WebConnectDriver {
            inner: Rc::new(DriverState {
                api_url: api_url.to_owned(),
                api: NangoApi::new(api_url),
                close,
                server_websockets_path: RefCell::new(None),
                nango: RefCell::new(None),
                callback_error,
                debug: false,
                #[cfg(target_arch = "wasm32")]
                _listener: listener,
            }),
        }
    }

    /// Like [`WebConnectDriver::new`], logging the OAuth flow to the console (redacted).
    pub fn with_debug(api_url: &str, close: CloseBehaviour) -> WebConnectDriver {
        let mut driver = WebConnectDriver::new(api_url, close);
        if let Some(state) = Rc::get_mut(&mut driver.inner) {
            state.debug = true;
        }
        driver
    }

    /// The `apiURL` this driver talks to.
    pub fn api_url(&self) -> &str {
        &self.inner.api_url
    }

    /// The origin OAuth callback messages are accepted from (`None` for an unusable `apiURL`).
    pub fn callback_origin(&self) -> Option<String> {
        origin_of(&self.inner.api_url).ok()
    }

    /// The SDK options of the next `auth`: host = `apiURL`, `websocketsPath` =
    /// [`websockets_path_for`] (`apiURL`'s path + the session's `websocketsPath`), the token.
    pub fn sdk_options(&self, token: &ConnectSessionToken) -> NangoOptions {
        let server_path = self.inner.server_websockets_path.borrow().clone();
        NangoOptions {
            host: Some(self.inner.api_url.clone()),
            websockets_path: Some(websockets_path_for(
                &self.inner.api_url,
                server_path.as_deref(),
            )),
            debug: self.inner.debug,
            auth: ClientAuth::SessionToken(token.clone()),
            ..NangoOptions::default()
        }
    }

    /// Fails the pending `auth` (if any) with `error`, as an OAuth callback error does.
    pub fn fail_pending_auth(&self, error: AuthError) {
        CallbackSlot::fail(&self.inner.callback_error, error);
    }
}

impl ConnectDriver for WebConnectDriver {
    fn api(&self) -> Option<NangoApi> {
        self.inner.api.as_ref().ok().cloned()
    }

    fn session(
        &self,
        token: &ConnectSessionToken,
    ) -> DriverFuture<Result<ConnectSession, AuthError>> {
        let api = self.inner.api.clone();
        let token = token.clone();
        let state = self.inner.clone();
        async move {
            let session = api?.get_session(&token).await?;
            state
                .server_websockets_path
                .replace(session.websockets_path.clone());
            Ok(session)
        }
        .boxed_local()
    }

    fn auth(
        &self,
        token: &ConnectSessionToken,
        key: &ProviderConfigKey,
        options: AuthOptions,
    ) -> DriverFuture<Result<AuthSuccess, AuthError>> {
        // Everything up to `nango.auth` runs now, inside the user's click: the popup opens here.
        let nango = match Nango::new(self.sdk_options(token)) {
            Ok(nango) => nango,
            Err(error) => return async move { Err(error) }.boxed_local(),
        };
        if let Some(previous) = self.inner.nango.replace(Some(nango.clone())) {
            previous.cancel();
        }
        let started = nango.auth(key, None, options);
        let failure = CallbackSlot::arm(&self.inner.callback_error);
        async move {
            let flow = match started {
                Ok(flow) => flow,
                Err(error) => return Err(error),
            };
            match select(flow, failure).await {
                Either::Left((result, _)) => result,
                Either::Right((error, _)) => {
                    // The popup reported an error first: end the socket, let the popup close.
                    nango.clear();
                    Err(error)
                }
            }
        }
        .boxed_local()
    }

    fn telemetry(
        &self,
        token: &ConnectSessionToken,
        event: TelemetryEvent,
        integration: Option<ProviderConfigKey>,
    ) -> DriverFuture<()> {
        #[cfg(target_arch = "wasm32")]
        {
            browser::send_beacon(&self.inner.api_url, token, event, integration);
            async {}.boxed_local()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (token, event, integration);
            async {}.boxed_local()
        }
    }

    fn cancel(&self) {
        if let Some(nango) = self.inner.nango.borrow_mut().take() {
            nango.cancel();
        }
        CallbackSlot::disarm(&self.inner.callback_error);
    }

    fn open_url(&self, url: &str) -> bool {
        #[cfg(target_arch = "wasm32")]
        return browser::open_new_tab(url);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = url;
            false
        }
    }

    fn close(&self) {
        match &self.inner.close {
            CloseBehaviour::PostToParent => {
                #[cfg(target_arch = "wasm32")]
                crate::connect_ui::embedded::post_to_parent(
                    &nango_core::messages::ConnectUiMessage::Close,
                );
            }
            CloseBehaviour::Run(close) => close(),
            CloseBehaviour::Nothing => {}
        }
    }

    fn confirm_leave(&self, message: &str) -> bool {
        #[cfg(target_arch = "wasm32")]
        return browser::confirm(message);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = message;
            true
        }
    }

    fn copy_text(&self, text: &str) -> DriverFuture<bool> {
        #[cfg(target_arch = "wasm32")]
        return browser::copy_text(text.to_owned()).boxed_local();
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = text;
            async { false }.boxed_local()
        }
    }

    fn sleep(&self, millis: u32) -> DriverFuture<()> {
        #[cfg(target_arch = "wasm32")]
        return browser::sleep(millis).boxed_local();
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = millis;
            futures_util::future::pending().boxed_local()
        }
    }

    fn new_external_id(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        return browser::random_uuid();
        #[cfg(not(target_arch = "wasm32"))]
        nango_ui::driver::random_uuid_v4()
    }

    fn now_iso8601(&self) -> Option<String> {
        #[cfg(target_arch = "wasm32")]
        return Some(browser::now_iso8601());
        #[cfg(not(target_arch = "wasm32"))]
        {
            let since = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(nango_ui::driver::iso8601_from_unix_millis(
                since.as_millis(),
            ))
        }
    }

    fn system_prefers_dark(&self) -> bool {
        #[cfg(target_arch = "wasm32")]
        return browser::prefers_dark();
        #[cfg(not(target_arch = "wasm32"))]
        false
    }

    fn system_languages(&self) -> Vec<String> {
        #[cfg(target_arch = "wasm32")]
        return browser::languages();
        #[cfg(not(target_arch = "wasm32"))]
        Vec::new()
    }
}

/// The slot an OAuth callback error is delivered through while an `auth` waits.
#[derive(Debug, Default)]
pub(crate) struct CallbackSlot {
    /// Which `auth` the slot belongs to (a new `auth` re-arms it).
    generation: u64,
    /// True while an `auth` waits.
    armed: bool,
    /// The delivered error, until taken.
    error: Option<AuthError>,
    /// The waiting task.
    waker: Option<Waker>,
}

impl CallbackSlot {
    /// Arms the slot for a new `auth`; the returned future resolves with the next error
    /// delivered to it (and never, if none is).
    fn arm(slot: &Rc<RefCell<CallbackSlot>>) -> CallbackFailure {
        let generation = match slot.try_borrow_mut() {
            Ok(mut state) => {
                state.generation += 1;
                state.armed = true;
                state.error = None;
                state.waker = None;
                state.generation
            }
            Err(_) => 0,
        };
        CallbackFailure {
            slot: slot.clone(),
            generation,
        }
    }

    /// No `auth` waits any more.
    fn disarm(slot: &Rc<RefCell<CallbackSlot>>) {
        if let Ok(mut state) = slot.try_borrow_mut() {
            state.armed = false;
            state.error = None;
            state.waker = None;
        }
    }

    /// Delivers `error` to the waiting `auth`; ignored when none waits.
    pub(crate) fn fail(slot: &Rc<RefCell<CallbackSlot>>, error: AuthError) {
        let waker = match slot.try_borrow_mut() {
            Ok(mut state) if state.armed => {
                state.armed = false;
                state.error = Some(error);
                state.waker.take()
            }
            _ => None,
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// Resolves with the OAuth callback error delivered to its `auth`.
struct CallbackFailure {
    /// The shared slot.
    slot: Rc<RefCell<CallbackSlot>>,
    /// The `auth` this future belongs to.
    generation: u64,
}

impl Future for CallbackFailure {
    type Output = AuthError;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<AuthError> {
        let Ok(mut state) = self.slot.try_borrow_mut() else {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        };
        if state.generation != self.generation {
            return Poll::Pending;
        }
        match state.error.take() {
            Some(error) => Poll::Ready(error),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl Drop for CallbackFailure {
    /// A settled or abandoned `auth` stops accepting callback errors.
    fn drop(&mut self) {
        if let Ok(mut state) = self.slot.try_borrow_mut()
            && state.generation == self.generation
        {
            state.armed = false;
            state.waker = None;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use nango_core::AuthErrorKind;

    fn token() -> ConnectSessionToken {
        ConnectSessionToken::new(format!("nango_connect_session_{}", "ab".repeat(32)))
    }

    #[test]
    fn sdk_options_use_the_api_url_and_the_session_websockets_path() {
        let driver =
            WebConnectDriver::new("http://127.0.0.1:3003/base/path/", CloseBehaviour::Nothing);
        let options = driver.sdk_options(&token());
        assert_eq!(
            options.host.as_deref(),
            Some("http://127.0.0.1:3003/base/path/")
        );
        assert_eq!(options.websockets_path.as_deref(), Some("/base/path/"));
        driver
            .inner
            .server_websockets_path
            .replace(Some("ws".to_owned()));
        let options = driver.sdk_options(&token());
        assert_eq!(options.websockets_path.as_deref(), Some("/base/path/ws"));
        assert_eq!(options.auth.session_token(), Some(&token()));
        assert_eq!(
            driver.callback_origin().as_deref(),
            Some("http://127.0.0.1:3003")
        );
    }

    #[test]
    fn an_unusable_api_url_fails_calls_instead_of_panicking() {
        let driver = WebConnectDriver::new("not a url", CloseBehaviour::Nothing);
        assert!(driver.api().is_none());
        assert_eq!(driver.callback_origin(), None);
        let result = futures_util::FutureExt::now_or_never(driver.session(&token()));
        assert_eq!(
            result.map(|r| r.map(|_| ()).unwrap_err().kind),
            Some(AuthErrorKind::InvalidHostUrl)
        );
    }

    #[test]
    fn a_callback_error_reaches_only_the_armed_auth() {
        let slot = Rc::new(RefCell::new(CallbackSlot::default()));
        // Nobody waits: the error is dropped.
        CallbackSlot::fail(&slot, AuthError::window_closed());
        let mut first = CallbackSlot::arm(&slot);
        let mut second = CallbackSlot::arm(&slot);
        let waker = Waker::noop();
        let mut cx = Context::from_waker(waker);
        assert!(Pin::new(&mut first).poll(&mut cx).is_pending());
        assert!(Pin::new(&mut second).poll(&mut cx).is_pending());
        let error = AuthError::new(AuthErrorKind::ConnectionValidationFailed, "denied");
        CallbackSlot::fail(&slot, error.clone());
        assert!(
            Pin::new(&mut first).poll(&mut cx).is_pending(),
            "stale auth"
        );
        assert_eq!(Pin::new(&mut second).poll(&mut cx), Poll::Ready(error));
        drop(second);
        assert!(!slot.borrow().armed);
    }

    #[test]
    fn close_runs_the_in_page_callback() {
        let closed = Rc::new(std::cell::Cell::new(0));
        let counter = closed.clone();
        let driver = WebConnectDriver::new(
            "http://127.0.0.1:3003",
            CloseBehaviour::Run(Rc::new(move || counter.set(counter.get() + 1))),
        );
        driver.close();
        assert_eq!(closed.get(), 1);
    }
}
