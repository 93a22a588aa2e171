//! nango-web: the browser backend of the Nango kit.
//!
//! [`Nango`] is the headless SDK with the JS SDK's API in Rust form: `auth` opens the OAuth popup
//! synchronously and returns an [`AuthFuture`], the WebSocket, timers and window polling feed
//! nango-core's [`OAuthFlow`](nango_core::OAuthFlow), credential flows and `create` go through
//! nango-core's [`NangoApi`](nango_core::NangoApi). [`open_connect_ui`] hosts the Connect UI in a
//! full-viewport iframe speaking Nango's `postMessage` protocol, or in-page as an overlay
//! ([`ConnectUiOverlay`], [`use_connect_ui`]). [`WebConnectDriver`] is nango-ui's platform driver
//! for the browser (used in-page and by the standalone Connect UI app). [`use_nango`] and
//! [`ConnectButton`] integrate it all with Dioxus.
//!
//! Everything that touches web-sys is compiled only for `wasm32`; on other targets the same API
//! exists, popups report `blocked_by_browser` (there is no browser window to open) and the Connect
//! UI iframe cannot be opened, so the crate's pure parts build and test on the host.

mod auth_future;
#[cfg(target_arch = "wasm32")]
mod browser;
mod client;
pub mod connect_button;
pub mod connect_driver;
pub mod connect_ui;
mod debug_log;
mod flow_driver;
pub mod hooks;

pub use auth_future::AuthFuture;
pub use client::Nango;
pub use connect_button::{ConnectButton, ConnectButtonProps, ConnectStatus, TokenFuture};
pub use connect_driver::{CloseBehaviour, WebConnectDriver};
pub use connect_ui::{
    ChannelAction, ConnectUiChannel, ConnectUiHandle, ConnectUiMode, ConnectUiOptions,
    ConnectUiOverlay, EventCallback, InPageConnectUi, open_connect_ui, use_connect_ui,
};
pub use debug_log::DebugLog;
pub use hooks::use_nango;
