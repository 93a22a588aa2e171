//! The twelve built-in UI languages and how one is chosen from the `lang` option and the system.

use dioxus_i18n::unic_langid::LanguageIdentifier;

/// A language the Connect UI ships translations for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English (the reference catalogue and the fallback for every key).
    #[default]
    English,
    /// French.
    French,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// Japanese.
    Japanese,
    /// Italian.
    Italian,
    /// Portuguese (Brazilian usage; European readers get the same catalogue).
    Portuguese,
    /// Dutch.
    Dutch,
    /// Polish.
    Polish,
    /// Simplified Chinese.
    ChineseSimplified,
    /// Korean.
    Korean,
    /// Swedish.
    Swedish,
}

impl Language {
    /// Every built-in language, English first.
    pub const ALL: [Language; 12] = [
        Language::English,
        Language::French,
        Language::German,
        Language::Spanish,
        Language::Japanese,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
        Language::Polish,
        Language::ChineseSimplified,
        Language::Korean,
        Language::Swedish,
    ];

    /// The BCP 47 tag, as used for the `lang` option and the `locales/<tag>.ftl` file name.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Japanese => "ja",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Polish => "pl",
            Language::ChineseSimplified => "zh-CN",
            Language::Korean => "ko",
            Language::Swedish => "sv",
        }
    }

    /// The language's name in itself, for a language picker.
    pub const fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
            Language::German => "Deutsch",
            Language::Spanish => "Español",
            Language::Japanese => "日本語",
            Language::Italian => "Italiano",
            Language::Portuguese => "Português",
            Language::Dutch => "Nederlands",
            Language::Polish => "Polski",
            Language::ChineseSimplified => "简体中文",
            Language::Korean => "한국어",
            Language::Swedish => "Svenska",
        }
    }

    /// Parses a language tag from the `lang` option, `navigator.languages` or a POSIX locale.
    ///
    /// Only the first subtag decides (`fr-CA` → French, `pt_BR.UTF-8` → Portuguese), case-insensitively.
    /// Chinese is the exception: `zh`, `zh-CN`, `zh-SG` and `zh-Hans…` map to Simplified Chinese, while
    /// Traditional variants (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…`) return `None` so negotiation moves on
    /// to the next preference instead of showing the wrong script.
    pub fn from_tag(tag: &str) -> Option<Language> {
        // POSIX locales: `de_DE.UTF-8`, `sv_SE@euro`.
        let tag = tag.split(['.', '@']).next().unwrap_or_default().trim();
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
        let language = match primary.as_str() {
            "en" => Language::English,
            "fr" => Language::French,
            "de" => Language::German,
            "es" => Language::Spanish,
            "ja" => Language::Japanese,
            "it" => Language::Italian,
            "pt" => Language::Portuguese,
            "nl" => Language::Dutch,
            "pl" => Language::Polish,
            "ko" => Language::Korean,
            "sv" => Language::Swedish,
            "zh" => {
                let traditional = subtags.any(|s| {
                    matches!(s.to_ascii_lowercase().as_str(), "hant" | "tw" | "hk" | "mo")
                });
                if traditional {
                    return None;
                }
                Language::ChineseSimplified
            }
            _ => return None,
        };
        Some(language)
    }

    /// The Unicode language identifier of this language (for Fluent plural rules).
    pub fn langid(self) -> LanguageIdentifier {
        // Every tag above is a valid BCP 47 tag, so the default ("und") is never used.
        self.tag().parse().unwrap_or_default()
    }

    /// The file name of this language's Fluent catalogue (`locales/<tag>.ftl` in the crate, and
    /// next to a web app that fetches non-bundled languages, e.g. `dist/connect-app/locales/`).
    pub fn ftl_file_name(self) -> String {
        format!("{}.ftl", self.tag())
    }

    /// Whether this language's catalogue is compiled in. English always is; the others only with
    /// the `bundled-translations` feature. Without it, a host fetches `locales/<tag>.ftl` and adds
    /// it with [`I18nCatalogue::with_override`](super::I18nCatalogue::with_override); until then
    /// (or if it never arrives) every message falls back to English.
    pub const fn is_bundled(self) -> bool {
        self.ftl_source().is_some()
    }

    /// The embedded Fluent source of this language, if it is compiled in.
    pub(crate) const fn ftl_source(self) -> Option<&'static str> {
        match self {
            Language::English => Some(include_str!("../../locales/en.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::French => Some(include_str!("../../locales/fr.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::German => Some(include_str!("../../locales/de.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Spanish => Some(include_str!("../../locales/es.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Japanese => Some(include_str!("../../locales/ja.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Italian => Some(include_str!("../../locales/it.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Portuguese => Some(include_str!("../../locales/pt.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Dutch => Some(include_str!("../../locales/nl.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Polish => Some(include_str!("../../locales/pl.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::ChineseSimplified => Some(include_str!("../../locales/zh-CN.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Korean => Some(include_str!("../../locales/ko.ftl")),
            #[cfg(feature = "bundled-translations")]
            Language::Swedish => Some(include_str!("../../locales/sv.ftl")),
            #[cfg(not(feature = "bundled-translations"))]
            _ => None,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl From<Language> for LanguageIdentifier {
    fn from(language: Language) -> Self {
        language.langid()
    }
}

/// Chooses the UI language: the `lang` option if it names a supported language, else the first
/// supported entry of the OS/browser preferences, else English.
///
/// Unlike Nango's Connect UI (where an unsupported `lang` gives English), an unsupported `lang`
/// falls through to the system preferences: they are a better guess than English.
pub fn negotiate(prop: Option<&str>, system_langs: &[String]) -> Language {
    prop.and_then(Language::from_tag)
        .or_else(|| system_langs.iter().find_map(|tag| Language::from_tag(tag)))
        .unwrap_or_default()
}
