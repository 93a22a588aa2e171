//! nango: connect your users' third-party accounts through Nango from a Dioxus app.
//!
//! This facade re-exports nango-core (options, errors, ids, messages, the provider catalogue and
//! the HTTP client) and one backend, picked by feature:
//!
//! - `web`: the browser backend ([`web`]): `Nango` (`auth`, `reconnect`, `create`, `clear`,
//!   `open_connect_ui`), the Connect UI iframe host, the `use_nango` hook and `ConnectButton`;
//! - `desktop`: the desktop backend ([`desktop`]): the same `Nango` API with a native OAuth
//!   window or the system browser, and the Connect UI in a native window.
//!
//! With exactly one backend enabled its items are also at the crate root (`nango::Nango`). With
//! both (a workspace build with all features), use the `web` and `desktop` modules.
//!
//! ```
//! use nango::{ClientAuth, ConnectSessionToken, NangoOptions};
//!
//! let options = NangoOptions {
//!     host: Some("http://localhost:3003".into()),
//!     auth: ClientAuth::SessionToken(ConnectSessionToken::new("nango_connect_session_…")),
//!     ..NangoOptions::default()
//! };
//! assert!(nango::NangoConfig::new(options).is_ok());
//! ```

pub use nango_core::*;

/// The browser backend crate, for items the facade does not list.
#[cfg(feature = "web")]
pub use nango_web as web;

/// The desktop backend crate.
#[cfg(feature = "desktop")]
pub use nango_desktop as desktop;

#[cfg(all(feature = "web", not(feature = "desktop")))]
pub use nango_web::{
    AuthFuture, ConnectButton, ConnectButtonProps, ConnectStatus, ConnectUiHandle, ConnectUiMode,
    ConnectUiOptions, ConnectUiOverlay, EventCallback, InPageConnectUi, Nango, TokenFuture,
    WebConnectDriver, open_connect_ui, use_connect_ui, use_nango,
};

#[cfg(all(feature = "desktop", not(feature = "web")))]
pub use nango_desktop::{
    AuthFuture, AuthPhase, AuthWindowChoice, ConnectUiWindow, ConnectUiWindowOptions,
    DesktopAuthOptions, DesktopConnectDriver, Nango, prefers_system_browser,
    use_native_auth_windows,
};
