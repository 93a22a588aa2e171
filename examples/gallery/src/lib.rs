//! The Nango Connect UI gallery: every screen of nango-ui in every state, theme and language,
//! rendered from fixtures over the fake driver (no server), plus live flows against nango-mock.
//!
//! - [`registry`]: the one table of stories; [`stories`]: one folder per story group.
//! - [`route`]: the URL hash that encodes the story and the controls.
//! - [`canvas`]: renders a story inside the real Connect UI shell.
//! - [`app`]: the gallery chrome (sidebar, controls, canvas, snippet, event log).
//! - [`live`]: the live section (browser only: iframe and headless flows against nango-mock).

pub mod app;
pub mod canvas;
pub mod live;
pub mod platform;
pub mod registry;
pub mod route;
pub mod stories;

pub use app::Gallery;

/// The gallery's own stylesheet (the Connect UI brings its own).
pub const GALLERY_CSS: &str = include_str!("gallery.css");
