//! nango-desktop: the desktop backend of the Nango Dioxus kit.
//!
//! [`Nango`] has the web backend's API (`auth`, `reconnect`, `create`, `clear`, `cancel`); its
//! OAuth flows are nango-core's [`nango_core::OAuthFlow`] driven by a tokio-tungstenite
//! WebSocket and tokio timers, shown in a native webview window (feature `native-window`,
//! registered with `use_native_auth_windows`) or in the system browser (RFC 8252: completion
//! arrives over the same WebSocket, no loopback listener). Providers whose sign-in refuses
//! embedded webviews (Google, Microsoft) go to the system browser automatically.

mod browser;
mod client;
mod debug_log;
mod driver;
#[cfg(feature = "native-window")]
mod native;
mod slot;
mod window;

pub use browser::{
    BROWSER_COMMAND_ENV, BrowserLauncher, CommandBrowserLauncher, SystemBrowserLauncher,
    SystemBrowserWindow,
};
pub use client::Nango;
#[cfg(feature = "native-window")]
pub use native::{NativeAuthWindow, NativeWindowHost, use_native_auth_windows};
pub use window::{
    AuthPhase, AuthWindow, AuthWindowChoice, AuthWindowError, AuthWindowFactory,
    DesktopAuthOptions, EMBEDDED_WEBVIEW_REFUSING_HOSTS, PopupSize, WindowClosedNotifier,
    authorization_url_host, prefers_system_browser,
};

pub use nango_core::{
    AuthError, AuthErrorKind, AuthOptions, AuthSuccess, ClientAuth, ConnectSessionToken,
    ConnectionId, FlowSettings, NangoOptions, ProviderConfigKey,
};
