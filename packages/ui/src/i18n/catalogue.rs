//! The translation catalogue (built-in FTL files plus host overrides) and the pure `Translator`.
//!
//! English is always embedded with `include_str!`; the other eleven catalogues (about 6 KB of UTF-8
//! each) are embedded only with the `bundled-translations` feature (on by default). Without it, a
//! browser app fetches `locales/<tag>.ftl` and adds it with [`I18nCatalogue::with_override`]
//! (nango-connect-app does), which keeps ~70 KB out of the wasm; the per-message fallback to
//! English covers the time before it arrives. Only English and the chosen language are parsed,
//! when a [`Translator`] or bundle is built.

use std::borrow::Cow;

use dioxus_i18n::fluent::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use dioxus_i18n::unic_langid::LanguageIdentifier;

use super::keys::{MessageKey, PLACEHOLDER_ATTRIBUTE};
use super::language::Language;

/// A Fluent bundle holding one language's messages layered over English.
pub type ConnectBundle = FluentBundle<FluentResource>;

/// What can go wrong with catalogues and message lookups.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum I18nError {
    /// A host-supplied FTL source does not parse.
    #[error("invalid Fluent source for `{lang}`: {details}")]
    Syntax {
        /// The language the source was supplied for.
        lang: String,
        /// The parser's complaints.
        details: String,
    },
    /// No message with this id exists (in the chosen language or English).
    #[error("unknown message `{0}`")]
    UnknownMessage(String),
    /// The message exists but has no value (or no such attribute).
    #[error("message `{0}` has no such value or attribute")]
    MissingPattern(String),
    /// Formatting reported errors (for example a missing variable).
    #[error("formatting `{id}` failed: {details}")]
    Format {
        /// The message id.
        id: String,
        /// Fluent's complaints.
        details: String,
    },
}

/// The set of translations the UI can use: the 12 built-in catalogues plus any FTL sources the
/// host app supplies to override strings or add a language.
#[derive(Debug, Clone, Default)]
pub struct I18nCatalogue {
    /// Host-supplied FTL sources, applied in insertion order over the built-in ones.
    overrides: Vec<(LanguageIdentifier, Cow<'static, str>)>,
}

impl I18nCatalogue {
    /// The built-in catalogues, without overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds FTL source for a language: its messages replace the built-in ones with the same id,
    /// new ids are added, and a language that is not built in becomes available (falling back to
    /// English per message). Overrides for English also apply to messages a translation lacks.
    ///
    /// The source is checked here; a syntax error is returned as [`I18nError::Syntax`].
    pub fn with_override(
        mut self,
        lang: impl Into<LanguageIdentifier>,
        ftl_src: impl Into<Cow<'static, str>>,
    ) -> Result<Self, I18nError> {
        let lang = lang.into();
        let src = ftl_src.into();
        if let Err((_, errors)) = FluentResource::try_new(src.clone().into_owned()) {
            let details = errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            return Err(I18nError::Syntax {
                lang: lang.to_string(),
                details,
            });
        }
        self.overrides.push((lang, src));
        Ok(self)
    }

    /// The languages this catalogue can show: the built-in ones, then host-added ones.
    pub fn languages(&self) -> Vec<LanguageIdentifier> {
        let mut languages: Vec<LanguageIdentifier> =
            Language::ALL.iter().map(|l| l.langid()).collect();
        for (lang, _) in &self.overrides {
            if !languages.iter().any(|known| same_language(known, lang)) {
                languages.push(lang.clone());
            }
        }
        languages
    }

    /// Like [`negotiate`](super::negotiate), but host-added languages count as supported too.
    pub fn negotiate(&self, prop: Option<&str>, system_langs: &[String]) -> LanguageIdentifier {
        let languages = self.languages();
        let supported = |tag: &str| -> Option<LanguageIdentifier> {
            if let Some(builtin) = Language::from_tag(tag) {
                return Some(builtin.langid());
            }
            let wanted: LanguageIdentifier = tag
                .split(['.', '@'])
                .next()?
                .replace('_', "-")
                .parse()
                .ok()?;
            languages
                .iter()
                .find(|known| same_language(known, &wanted))
                .cloned()
        };
        prop.and_then(supported)
            .or_else(|| system_langs.iter().find_map(|tag| supported(tag)))
            .unwrap_or_else(|| Language::English.langid())
    }

    /// Builds the Fluent bundle for a language: English, English overrides, then the language's
    /// built-in catalogue and its overrides, each layer replacing messages of the one below.
    /// Placeables are not wrapped in Unicode isolation marks (none of the built-in languages is
    /// right-to-left, and the marks would leak into accessible names and copied text).
    pub fn bundle(&self, lang: &LanguageIdentifier) -> ConnectBundle {
        let mut bundle = FluentBundle::new(vec![lang.clone()]);
        bundle.set_use_isolating(false);
        if let Some(english_src) = Language::English.ftl_source() {
            bundle.add_resource_overriding(parse_lenient(english_src.to_owned()));
        }
        let english = Language::English.langid();
        self.add_overrides(&mut bundle, &english);
        if !same_language(lang, &english) {
            if let Some(builtin_src) =
                Language::from_tag(&lang.to_string()).and_then(Language::ftl_source)
            {
                bundle.add_resource_overriding(parse_lenient(builtin_src.to_owned()));
            }
            self.add_overrides(&mut bundle, lang);
        }
        bundle
    }

    /// A translator for one language.
    pub fn translator(&self, lang: impl Into<LanguageIdentifier>) -> Translator {
        let lang = lang.into();
        Translator {
            bundle: self.bundle(&lang),
            language: lang,
        }
    }

    fn add_overrides(&self, bundle: &mut ConnectBundle, lang: &LanguageIdentifier) {
        for (override_lang, src) in &self.overrides {
            if same_language(override_lang, lang) {
                bundle.add_resource_overriding(parse_lenient(src.clone().into_owned()));
            }
        }
    }
}

/// Parses FTL, keeping every entry that parsed even if others did not.
fn parse_lenient(src: String) -> FluentResource {
    FluentResource::try_new(src).unwrap_or_else(|(partial, _)| partial)
}

/// Two identifiers name the same catalogue: same built-in language, or same language subtag.
fn same_language(a: &LanguageIdentifier, b: &LanguageIdentifier) -> bool {
    match (
        Language::from_tag(&a.to_string()),
        Language::from_tag(&b.to_string()),
    ) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.language == b.language,
        _ => false,
    }
}

/// Formats messages of one language, outside Dioxus (SSR tests, native code, logs).
///
/// Fallback per message: the chosen language, then English, then the message id itself.
///
/// ```
/// use nango_ui::i18n::{Language, MessageKey, Translator};
///
/// let de = Translator::new(Language::German);
/// assert_eq!(
///     de.text_with(MessageKey::GoLinkAccount, &[("provider", "GitHub")]),
///     "Ihr GitHub-Konto verbinden"
/// );
/// assert_eq!(de.format_id("no-such-key", None), "no-such-key");
/// ```
pub struct Translator {
    bundle: ConnectBundle,
    language: LanguageIdentifier,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl Translator {
    /// A translator for a built-in language with the built-in catalogues only.
    pub fn new(language: Language) -> Self {
        I18nCatalogue::new().translator(language)
    }

    /// The language this translator was built for.
    pub fn language(&self) -> &LanguageIdentifier {
        &self.language
    }

    /// The text of a message without variables.
    pub fn text(&self, key: MessageKey) -> String {
        self.format_id(key.id(), None)
    }

    /// The text of a message with string variables, e.g. `[("provider", "GitHub")]`.
    pub fn text_with(&self, key: MessageKey, args: &[(&str, &str)]) -> String {
        let fluent_args = string_args(args);
        self.format_id(key.id(), Some(&fluent_args))
    }

    /// The default placeholder of a well-known field label key (`field-apiKey` → "Your API Key").
    pub fn placeholder(&self, key: MessageKey) -> String {
        self.format_id(&format!("{}.{PLACEHOLDER_ATTRIBUTE}", key.id()), None)
    }

    /// Formats a message or attribute (`id` or `id.attribute`); never fails: on a lookup error
    /// the id itself is returned, and formatting errors keep Fluent's best-effort text.
    pub fn format_id(&self, id: &str, args: Option<&FluentArgs>) -> String {
        match self.render(id, args) {
            Ok((text, _)) => text,
            Err(_) => id.to_owned(),
        }
    }

    /// Formats a message or attribute, reporting a missing message or any Fluent error.
    pub fn try_format(&self, id: &str, args: Option<&FluentArgs>) -> Result<String, I18nError> {
        let (text, errors) = self.render(id, args)?;
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(I18nError::Format {
                id: id.to_owned(),
                details: errors.join("; "),
            })
        }
    }

    /// Looks the pattern up and formats it, returning the text and any formatting errors.
    fn render(
        &self,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<(String, Vec<String>), I18nError> {
        let (message_id, attribute) = match id.split_once('.') {
            Some((message, attribute)) => (message, Some(attribute)),
            None => (id, None),
        };
        let message = self
            .bundle
            .get_message(message_id)
            .ok_or_else(|| I18nError::UnknownMessage(id.to_owned()))?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name).map(|a| a.value()),
            None => message.value(),
        }
        .ok_or_else(|| I18nError::MissingPattern(id.to_owned()))?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Ok((
            text.into_owned(),
            errors.iter().map(ToString::to_string).collect(),
        ))
    }
}

/// Builds Fluent arguments from string pairs.
pub fn string_args<'a>(args: &[(&'a str, &'a str)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(*value));
    }
    fluent_args
}
