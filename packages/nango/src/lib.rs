//! nango: connect your users' third-party accounts through Nango from a Dioxus app.
//!
//! This facade re-exports nango-core (options, errors, ids, messages, the provider catalogue and
//! the HTTP client) and, with the `web` feature, the browser backend: [`Nango`] (`auth`,
//! `reconnect`, `create`, `clear`, `open_connect_ui`), the Connect UI iframe host, the
//! [`use_nango`] hook and the [`ConnectButton`] component. The `desktop` backend is not part of
//! this crate yet.
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

#[cfg(feature = "web")]
pub use nango_web::{
    AuthFuture, ConnectButton, ConnectButtonProps, ConnectStatus, ConnectUiHandle,
    ConnectUiOptions, EventCallback, Nango, TokenFuture, open_connect_ui, use_nango,
};
