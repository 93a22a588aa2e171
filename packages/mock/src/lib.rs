//! nango-mock: a local, Nango-compatible server with a built-in fake OAuth provider.
//!
//! It serves the endpoints the frontend SDK, the Connect UI and the backend Node client use
//! (sessions, catalogue, the OAuth popup flow with its WebSocket, every credential endpoint and
//! the connection read side) on one port, so the kit, its tests and users' CI run offline.
//! Start it from tests with [`MockServer::builder`], or run the `nango-mock` binary.

pub mod catalogue;
pub mod cli;
pub mod config;
pub mod demo;
pub mod envelope;
pub mod fake_provider;
pub mod hmac_auth;
pub mod pages;
pub mod qs;
pub mod routes;
pub mod server;
pub mod state;
pub mod static_files;
pub mod validation;
pub mod wire;
pub mod ws;

pub use catalogue::{Catalogue, Integration};
pub use config::{Clock, FixedClock, Hooks, MockConfig, SystemClock};
pub use server::{MockServer, MockServerBuilder, RunningServer, StartError};
pub use static_files::StaticMount;
