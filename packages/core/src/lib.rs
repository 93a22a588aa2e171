//! nango-core: Nango's frontend-SDK protocol as typed, sans-I/O Rust.
//!
//! Everything a Nango client needs that does not touch a socket, a window or a timer lives here:
//! options and their validation, [`AuthError`], query and URL building, credential routing, the
//! OAuth popup flow as a state machine, wire messages, the provider catalogue and form model, and
//! the one HTTP client for Nango's API. Backends (web, desktop) own the I/O and feed this crate.

pub mod api;
pub mod auth;
pub mod catalogue;
pub mod connect_ui;
pub mod connection;
pub mod credentials;
pub mod encoding;
pub mod error;
pub mod flow;
pub mod ids;
pub mod messages;
pub mod options;
pub mod popup;
pub mod qs;
pub mod query;
pub mod request;
pub mod session;
pub mod success;
pub mod ws;

pub use api::NangoApi;
pub use auth::{AuthOptions, AuthPlan, PopupPlan, plan_auth, plan_create, plan_reconnect};
pub use credentials::Credentials;
pub use error::{AuthError, AuthErrorKind};
pub use flow::{FlowEffect, FlowInput, FlowSettings, FlowState, OAuthFlow};
pub use ids::{
    ConnectSessionToken, ConnectionId, ProviderConfigKey, PublicKey, SecretKey, WsClientId,
};
pub use options::{ClientAuth, NangoConfig, NangoOptions};
pub use popup::PopupLayout;
pub use success::AuthSuccess;
pub use ws::{FrameError, WsFrame};
