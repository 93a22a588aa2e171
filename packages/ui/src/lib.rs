//! nango-ui: the building blocks of Nango's Connect UI for Dioxus.
//!
//! - [`i18n`]: twelve Fluent catalogues (English reference), language negotiation, a pure
//!   [`Translator`](i18n::Translator) and the Dioxus context ([`use_init_connect_i18n`](i18n::use_init_connect_i18n)).
//! - [`theme`]: light/dark resolution, CSS colour parsing, WCAG contrast, brand overrides
//!   ([`ThemeStyle`](theme::ThemeStyle)) and the design tokens ([`TOKENS_CSS`](theme::TOKENS_CSS)).

pub mod i18n;
pub mod theme;

pub use i18n::{Language, MessageKey, Translator};
pub use theme::{TOKENS_CSS, Theme, ThemePreference, ThemeStyle};

pub mod components;
pub mod connect;
pub mod driver;
pub mod fake;

pub use connect::{ConnectUi, HostingMode};
pub use driver::{ConnectDriver, SharedDriver, use_connect_driver};
