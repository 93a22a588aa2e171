//! Internationalisation: 12 Fluent catalogues (English always compiled in, the others with the
//! `bundled-translations` feature or added at runtime), language negotiation, a pure translator
//! and the Dioxus context that hands translations to components.

mod catalogue;
mod context;
mod keys;
mod language;

pub use catalogue::{ConnectBundle, I18nCatalogue, I18nError, Translator, string_args};
pub use context::{ConnectI18n, ConnectI18nConfig, use_connect_i18n, use_init_connect_i18n};
pub use keys::{MessageKey, PLACEHOLDER_ATTRIBUTE};
pub use language::{Language, negotiate};
