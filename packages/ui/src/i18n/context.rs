//! Dioxus wiring: provide the chosen language's catalogue to a component tree and read it back.
//!
//! [`use_init_connect_i18n`] also installs a `dioxus-i18n` bundle context, so the `t!`/`tid!` macros of
//! `dioxus_i18n` work in components alongside [`ConnectI18n`].

use std::rc::Rc;

use dioxus::prelude::*;
use dioxus_i18n::fluent::FluentArgs;
use dioxus_i18n::prelude::{I18nBundle, use_init_i18n_from_bundle};
use dioxus_i18n::unic_langid::LanguageIdentifier;

use super::catalogue::{I18nCatalogue, Translator, string_args};
use super::keys::MessageKey;
use super::language::Language;

/// What [`use_init_connect_i18n`] needs: the catalogue and the initial language.
#[derive(Debug, Clone)]
pub struct ConnectI18nConfig {
    catalogue: I18nCatalogue,
    language: LanguageIdentifier,
}

impl ConnectI18nConfig {
    /// The built-in catalogues, starting in `language`.
    pub fn new(language: impl Into<LanguageIdentifier>) -> Self {
        Self {
            catalogue: I18nCatalogue::new(),
            language: language.into(),
        }
    }

    /// Uses a catalogue with host overrides or added languages.
    pub fn with_catalogue(mut self, catalogue: I18nCatalogue) -> Self {
        self.catalogue = catalogue;
        self
    }
}

/// Handle to the UI's translations, shared through Dioxus context. Reading a text subscribes the
/// calling component, so changing the language re-renders it.
#[derive(Clone, Copy)]
pub struct ConnectI18n {
    translator: Signal<Translator>,
    catalogue: CopyValue<Rc<I18nCatalogue>>,
    fluent_context: Option<I18nBundle>,
}

impl ConnectI18n {
    /// The current language.
    pub fn language(&self) -> LanguageIdentifier {
        self.translator.read().language().clone()
    }

    /// Switches language; every component that read a text re-renders.
    pub fn set_language(&mut self, language: impl Into<LanguageIdentifier>) {
        let language = language.into();
        let catalogue = self.catalogue.read().clone();
        if let Some(fluent_context) = self.fluent_context.as_mut() {
            fluent_context.set_bundle(catalogue.bundle(&language));
        }
        self.translator.set(catalogue.translator(language));
    }

    /// Switches to the language negotiated from a `language` prop and the system languages
    /// (a prop changed at runtime); returns true when the language changed.
    pub fn follow_language_prop(&mut self, prop: Option<&str>, system: &[String]) -> bool {
        let wanted = self.catalogue.read().negotiate(prop, system);
        if *self.translator.peek().language() == wanted {
            return false;
        }
        self.set_language(wanted);
        true
    }

    /// The text of a message without variables.
    pub fn text(&self, key: MessageKey) -> String {
        self.translator.read().text(key)
    }

    /// The text of a message with string variables, e.g. `[("provider", "GitHub")]`.
    pub fn text_with(&self, key: MessageKey, args: &[(&str, &str)]) -> String {
        let fluent_args = string_args(args);
        self.translator
            .read()
            .format_id(key.id(), Some(&fluent_args))
    }

    /// A message or attribute by id, with any Fluent arguments (numbers for plurals).
    pub fn format_id(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.translator.read().format_id(id, args)
    }

    /// The default placeholder of a well-known field label key.
    pub fn placeholder(&self, key: MessageKey) -> String {
        self.translator.read().placeholder(key)
    }
}

/// Creates the translations for this component and its descendants (call once, near the root).
pub fn use_init_connect_i18n(init: impl FnOnce() -> ConnectI18nConfig) -> ConnectI18n {
    let config = use_hook(|| Rc::new(init()));
    let bundle_config = config.clone();
    let fluent_context =
        use_init_i18n_from_bundle(move || bundle_config.catalogue.bundle(&bundle_config.language));
    use_hook(move || {
        let catalogue = Rc::new(config.catalogue.clone());
        let handle = ConnectI18n {
            translator: Signal::new(catalogue.translator(config.language.clone())),
            catalogue: CopyValue::new(catalogue),
            fluent_context: Some(fluent_context),
        };
        provide_context(handle)
    })
}

/// The translations provided by an ancestor's [`use_init_connect_i18n`]; without one, English with
/// the built-in catalogue (so a component rendered alone never panics).
pub fn use_connect_i18n() -> ConnectI18n {
    use_hook(|| {
        try_consume_context::<ConnectI18n>().unwrap_or_else(|| ConnectI18n {
            translator: Signal::new(Translator::new(Language::English)),
            catalogue: CopyValue::new(Rc::new(I18nCatalogue::new())),
            fluent_context: None,
        })
    })
}
