//! nango-desktop: the desktop backend of the Nango Dioxus kit.
//!
//! [`Nango`] has the web backend's API (`auth`, `reconnect`, `create`, `clear`, `cancel`); its
//! OAuth flows are nango-core's [`nango_core::OAuthFlow`] driven by a tokio-tungstenite
//! WebSocket and tokio timers, shown in a native webview window (feature `native-window`,
//! registered with `use_native_auth_windows`) or in the system browser (RFC 8252: completion
//! arrives over the same WebSocket, no loopback listener). Providers whose sign-in refuses
//! embedded webviews (Google, Microsoft) go to the system browser automatically.
//!
//! ```no_run
//! use nango_desktop::{
//!     AuthOptions, AuthWindowChoice, ClientAuth, ConnectSessionToken, Nango, NangoOptions,
//!     ProviderConfigKey,
//! };
//!
//! # async fn connect(token: String) -> Result<(), nango_desktop::AuthError> {
//! let nango = Nango::new(NangoOptions {
//!     host: Some("http://127.0.0.1:3003".into()),
//!     auth: ClientAuth::SessionToken(ConnectSessionToken::new(token)),
//!     ..NangoOptions::default()
//! })?
//! // Inside a dioxus-desktop app, `.with_native_windows(use_native_auth_windows())` instead.
//! .with_auth_window(AuthWindowChoice::SystemBrowser);
//! // Planning errors (missing token, bad host) come back here, before anything opens...
//! let flow = nango.auth(&ProviderConfigKey::new("github"), None, AuthOptions::default())?;
//! // ...and the flow's outcome (success, `cancelled`, `timeout`, `websocket_failed`…) here.
//! let connection = flow.await?;
//! println!("connected {}", connection.connection_id.as_str());
//! # Ok(())
//! # }
//! ```

mod browser;
mod client;
#[cfg(feature = "native-window")]
mod connect_window;
mod debug_log;
mod driver;
#[cfg(feature = "native-window")]
mod native;
mod slot;
#[cfg(feature = "native-window")]
mod webview_tuning;
mod window;

pub use browser::{
    BROWSER_COMMAND_ENV, BrowserLauncher, CommandBrowserLauncher, SystemBrowserLauncher,
    SystemBrowserWindow,
};
pub use client::{AuthFuture, Nango};
#[cfg(feature = "native-window")]
pub use connect_window::{
    ConnectUiEventCallback, ConnectUiOverlay, ConnectUiPresentation, ConnectUiWindow,
    ConnectUiWindowOptions, DesktopConnectDriver,
};
#[cfg(feature = "native-window")]
pub use native::{NativeAuthWindow, NativeWindowHost, use_native_auth_windows};
#[cfg(feature = "native-window")]
pub use webview_tuning::apply_lean_webview_settings;
pub use window::{
    AuthPhase, AuthWindow, AuthWindowChoice, AuthWindowError, AuthWindowFactory,
    DesktopAuthOptions, EMBEDDED_WEBVIEW_REFUSING_HOSTS, PopupSize, WindowClosedNotifier,
    authorization_url_host, prefers_system_browser,
};

pub use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, AuthSuccess, ClientAuth, ConnectSessionToken,
    ConnectionId, FlowSettings, NangoOptions, ProviderConfigKey,
};
