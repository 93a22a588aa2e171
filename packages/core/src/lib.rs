//! nango-core: Nango's frontend-SDK protocol as typed, sans-I/O Rust.
//!
//! Everything a Nango client needs that does not touch a socket, a window or a timer lives here:
//! options and their validation, [`AuthError`], query and URL building, credential routing, the
//! OAuth popup flow as a state machine, wire messages, the provider catalogue and form model, and
//! the one HTTP client for Nango's API. Backends (web, desktop) own the I/O and feed this crate.

pub mod auth;
pub mod catalogue;
pub mod credentials;
pub mod encoding;
pub mod error;
pub mod ids;
pub mod options;
pub mod qs;
pub mod query;
pub mod request;

pub use auth::{
    AuthOptions, AuthPlan, AuthSuccess, PopupPlan, plan_auth, plan_create, plan_reconnect,
};
pub use credentials::Credentials;
pub use error::{AuthError, AuthErrorKind};
pub use ids::{
    ConnectSessionToken, ConnectionId, ProviderConfigKey, PublicKey, SecretKey, WsClientId,
};
pub use options::{ClientAuth, NangoConfig, NangoOptions};
pub use query::{ConnectionConfig, OAuthClientOverrides};
