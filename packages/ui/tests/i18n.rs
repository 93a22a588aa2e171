//! The catalogues: key parity with English, variables, formatting, fallback, overrides and
//! language negotiation.

use std::collections::{BTreeMap, BTreeSet};

use dioxus_i18n::fluent::{FluentArgs, FluentValue};
use fluent_syntax::ast;
use fluent_syntax::parser::parse;
use nango_core::AuthErrorKind;
use nango_ui::i18n::{
    I18nCatalogue, I18nError, Language, MessageKey, PLACEHOLDER_ATTRIBUTE, Translator, negotiate,
};

/// Message id (or `id.attribute`) → variables referenced anywhere in its pattern.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn ftl_source(language: Language) -> String {
    let path = format!(
        "{}/locales/{}.ftl",
        env!("CARGO_MANIFEST_DIR"),
        language.tag()
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn collect_pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression_vars(expression, vars);
        }
    }
}

fn collect_expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline_vars(selector, vars);
            for variant in variants {
                collect_pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => collect_inline_vars(inline, vars),
    }
}

fn collect_inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => {
            collect_expression_vars(expression, vars)
        }
        _ => {}
    }
}

/// Parses a catalogue strictly (any syntax error fails) into its shape.
fn shape(language: Language) -> Shape {
    let source = ftl_source(language);
    let resource = parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{language}: syntax errors {errors:?}"));
    let mut shape = Shape::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name;
                assert!(
                    !shape.contains_key(id),
                    "{language}: duplicate message {id}"
                );
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    collect_pattern_vars(value, &mut vars);
                }
                shape.insert(id.to_owned(), vars);
                for attribute in &message.attributes {
                    let mut vars = BTreeSet::new();
                    collect_pattern_vars(&attribute.value, &mut vars);
                    shape.insert(format!("{id}.{}", attribute.id.name), vars);
                }
            }
            ast::Entry::Term(term) => panic!("{language}: unexpected term {}", term.id.name),
            ast::Entry::Junk { content } => panic!("{language}: junk {content:?}"),
            _ => {}
        }
    }
    shape
}

#[test]
fn every_language_has_exactly_the_english_keys() {
    let english = shape(Language::English);
    for language in Language::ALL {
        let keys: BTreeSet<_> = shape(language).into_keys().collect();
        let expected: BTreeSet<_> = english.keys().cloned().collect();
        let missing: Vec<_> = expected.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn every_translation_uses_the_english_variables() {
    let english = shape(Language::English);
    for language in Language::ALL {
        for (id, vars) in shape(language) {
            assert_eq!(
                Some(&vars),
                english.get(&id),
                "{language}: variables of {id}"
            );
        }
    }
}

#[test]
fn message_key_enum_matches_the_english_catalogue() {
    let english = shape(Language::English);
    let messages: BTreeSet<&str> = english
        .keys()
        .filter(|k| !k.contains('.'))
        .map(String::as_str)
        .collect();
    let enum_ids: BTreeSet<&str> = MessageKey::ALL.iter().map(|k| k.id()).collect();
    assert_eq!(messages, enum_ids);
    for key in MessageKey::ALL {
        let declared: BTreeSet<String> = key.variables().iter().map(|v| v.to_string()).collect();
        assert_eq!(english[key.id()], declared, "variables of {key}");
        let placeholder = format!("{}.{PLACEHOLDER_ATTRIBUTE}", key.id());
        assert_eq!(
            english.contains_key(&placeholder),
            key.has_placeholder(),
            "{key}"
        );
    }
}

#[test]
fn the_36_spec_keys_are_all_mapped() {
    let spec_keys: Vec<&str> = MessageKey::ALL
        .iter()
        .filter_map(|k| k.spec_key())
        .collect();
    assert_eq!(spec_keys.len(), 36);
    assert_eq!(
        spec_keys
            .iter()
            .filter(|k| k.starts_with("common."))
            .count(),
        10
    );
    assert_eq!(
        spec_keys
            .iter()
            .filter(|k| k.starts_with("integrationsList."))
            .count(),
        6
    );
    assert_eq!(
        spec_keys.iter().filter(|k| k.starts_with("go.")).count(),
        20
    );
    assert_eq!(
        MessageKey::from_spec_key("go.linkAccount"),
        Some(MessageKey::GoLinkAccount)
    );
    assert_eq!(
        MessageKey::from_spec_key("integrationsList.connectTo"),
        Some(MessageKey::IntegrationsListConnectTo)
    );
    assert_eq!(
        MessageKey::from_id("common-dialog-label"),
        Some(MessageKey::CommonDialogLabel)
    );
}

fn sample_args(key: MessageKey) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for var in key.variables() {
        if *var == "count" {
            args.set(*var, FluentValue::from(3));
        } else {
            args.set(*var, FluentValue::from("Sample"));
        }
    }
    args
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    for language in Language::ALL {
        let translator = Translator::new(language);
        for key in MessageKey::ALL {
            let args = sample_args(*key);
            let text = translator
                .try_format(key.id(), Some(&args))
                .unwrap_or_else(|e| panic!("{language} {key}: {e}"));
            assert!(!text.trim().is_empty(), "{language} {key}");
            assert!(!text.contains('{'), "{language} {key}: {text}");
            if key.has_placeholder() {
                let id = format!("{}.{PLACEHOLDER_ATTRIBUTE}", key.id());
                translator
                    .try_format(&id, None)
                    .unwrap_or_else(|e| panic!("{language} {id}: {e}"));
            }
        }
    }
}

#[test]
fn translations_are_not_english_copies() {
    let english = Translator::new(Language::English);
    for language in Language::ALL.into_iter().skip(1) {
        let translator = Translator::new(language);
        let same = [
            MessageKey::IntegrationsListTitle,
            MessageKey::GoConnectionErrorGeneric,
            MessageKey::ErrorSessionExpired,
            MessageKey::ValidationRequired,
        ]
        .into_iter()
        .filter(|key| translator.text(*key) == english.text(*key))
        .count();
        assert_eq!(same, 0, "{language} repeats English text");
    }
}

#[test]
fn variables_are_substituted_without_isolation_marks() {
    let fr = Translator::new(Language::French);
    assert_eq!(
        fr.text_with(MessageKey::GoLinkAccount, &[("provider", "GitHub")]),
        "Connectez votre compte GitHub"
    );
    let en = Translator::new(Language::English);
    assert_eq!(
        en.text_with(
            MessageKey::IntegrationsListConnectTo,
            &[("provider", "github")]
        ),
        "Connect github"
    );
    assert_eq!(en.placeholder(MessageKey::FieldApiKey), "Your API Key");
    assert_eq!(en.text(MessageKey::FieldApiKey), "API Key");
}

#[test]
fn plurals_follow_each_languages_rules() {
    let count = |language: Language, n: i64| {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(n));
        Translator::new(language)
            .format_id(MessageKey::IntegrationsListResultCount.id(), Some(&args))
    };
    assert_eq!(count(Language::English, 1), "One app found");
    assert_eq!(count(Language::English, 4), "4 apps found");
    assert_eq!(count(Language::Polish, 1), "Znaleziono 1 aplikację");
    assert_eq!(count(Language::Polish, 3), "Znaleziono 3 aplikacje");
    assert_eq!(count(Language::Polish, 5), "Znaleziono 5 aplikacji");
    assert_eq!(count(Language::Japanese, 1), "1 件のアプリが見つかりました");
}

#[test]
fn missing_keys_fall_back_to_english_then_to_the_id() {
    // A host language with a single message: everything else comes from English.
    let catalogue = I18nCatalogue::new()
        .with_override(
            "uk".parse::<dioxus_i18n::unic_langid::LanguageIdentifier>()
                .unwrap(),
            "common-close = Закрити\n",
        )
        .unwrap();
    let uk = catalogue.translator(
        "uk".parse::<dioxus_i18n::unic_langid::LanguageIdentifier>()
            .unwrap(),
    );
    assert_eq!(uk.text(MessageKey::CommonClose), "Закрити");
    assert_eq!(uk.text(MessageKey::CommonBack), "Back");
    assert_eq!(uk.format_id("no-such-message", None), "no-such-message");
    assert_eq!(
        uk.try_format("no-such-message", None),
        Err(I18nError::UnknownMessage("no-such-message".into()))
    );
    assert!(matches!(
        uk.try_format("common-close.nope", None),
        Err(I18nError::MissingPattern(_))
    ));
}

#[test]
fn host_overrides_replace_built_in_strings() {
    let catalogue = I18nCatalogue::new()
        .with_override(Language::French, "common-finish = C’est parti\n")
        .unwrap()
        .with_override(
            Language::English,
            "common-need-help = Questions?\nextra-key = Extra\n",
        )
        .unwrap();
    let fr = catalogue.translator(Language::French);
    assert_eq!(fr.text(MessageKey::CommonFinish), "C’est parti");
    // French has its own need-help, so the English override does not leak in…
    assert_eq!(
        fr.text(MessageKey::CommonNeedHelp),
        "Besoin d’aide\u{202f}?"
    );
    // …but a key only the English override defines falls back to it.
    assert_eq!(fr.format_id("extra-key", None), "Extra");
    let en = catalogue.translator(Language::English);
    assert_eq!(en.text(MessageKey::CommonNeedHelp), "Questions?");
    assert_eq!(en.text(MessageKey::CommonFinish), "Done");
}

#[test]
fn invalid_override_source_is_a_typed_error() {
    let result = I18nCatalogue::new().with_override(Language::German, "this is { not fluent");
    assert!(matches!(result, Err(I18nError::Syntax { lang, .. }) if lang == "de"));
}

#[test]
fn catalogue_negotiation_includes_host_languages() {
    let catalogue = I18nCatalogue::new()
        .with_override(
            "uk".parse::<dioxus_i18n::unic_langid::LanguageIdentifier>()
                .unwrap(),
            "common-close = Закрити\n",
        )
        .unwrap();
    assert_eq!(catalogue.languages().len(), 13);
    assert_eq!(catalogue.negotiate(Some("uk-UA"), &[]).to_string(), "uk");
    assert_eq!(
        catalogue
            .negotiate(None, &["uk_UA.UTF-8".into()])
            .to_string(),
        "uk"
    );
    assert_eq!(
        catalogue
            .negotiate(Some("ro"), &["fr-CA".into()])
            .to_string(),
        "fr"
    );
    assert_eq!(catalogue.negotiate(None, &[]).to_string(), "en");
}

#[test]
fn language_tags_round_trip() {
    for language in Language::ALL {
        assert_eq!(Language::from_tag(language.tag()), Some(language));
        assert_eq!(language.langid().to_string(), language.tag());
        assert!(!language.native_name().is_empty());
    }
}

#[test]
fn from_tag_uses_the_first_subtag() {
    assert_eq!(Language::from_tag("fr-CA"), Some(Language::French));
    assert_eq!(Language::from_tag("PT-br"), Some(Language::Portuguese));
    assert_eq!(Language::from_tag("de_DE.UTF-8"), Some(Language::German));
    assert_eq!(Language::from_tag("sv_SE@euro"), Some(Language::Swedish));
    assert_eq!(Language::from_tag("en-GB"), Some(Language::English));
    assert_eq!(Language::from_tag("ko-KR"), Some(Language::Korean));
    assert_eq!(Language::from_tag("xx"), None);
    assert_eq!(Language::from_tag(""), None);
    assert_eq!(Language::from_tag("english"), None);
}

#[test]
fn chinese_maps_simplified_and_skips_traditional() {
    for tag in [
        "zh",
        "zh-CN",
        "zh-Hans",
        "zh-Hans-CN",
        "zh_CN.UTF-8",
        "zh-SG",
    ] {
        assert_eq!(
            Language::from_tag(tag),
            Some(Language::ChineseSimplified),
            "{tag}"
        );
    }
    for tag in ["zh-TW", "zh-Hant", "zh-Hant-HK", "zh-HK"] {
        assert_eq!(Language::from_tag(tag), None, "{tag}");
    }
}

#[test]
fn negotiate_prefers_prop_then_system_then_english() {
    let system = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(
        negotiate(Some("ja"), &system(&["fr-FR"])),
        Language::Japanese
    );
    assert_eq!(
        negotiate(None, &system(&["fr-FR", "en-US"])),
        Language::French
    );
    assert_eq!(
        negotiate(None, &system(&["ru-RU", "zh-TW", "nl-BE"])),
        Language::Dutch
    );
    // An unsupported prop falls through to the system languages (deviation: Nango shows English).
    assert_eq!(
        negotiate(Some("ru"), &system(&["it-IT"])),
        Language::Italian
    );
    assert_eq!(negotiate(Some("ru"), &system(&["uk"])), Language::English);
    assert_eq!(negotiate(None, &[]), Language::English);
}

#[test]
fn auth_errors_map_to_the_specs_messages() {
    assert_eq!(
        MessageKey::for_auth_error(&AuthErrorKind::BlockedByBrowser),
        Some(MessageKey::GoPopupBlocked)
    );
    assert_eq!(
        MessageKey::for_auth_error(&AuthErrorKind::WindowClosed),
        Some(MessageKey::GoPopupClosed)
    );
    assert_eq!(
        MessageKey::for_auth_error(&AuthErrorKind::ConnectionTestFailed),
        Some(MessageKey::GoInvalidCredentials)
    );
    assert_eq!(
        MessageKey::for_auth_error(&AuthErrorKind::ResourceCapped),
        Some(MessageKey::GoResourceCapped)
    );
    assert_eq!(
        MessageKey::for_auth_error(&AuthErrorKind::from_wire("invalid_credentials")),
        None
    );
}

#[test]
fn default_field_labels_cover_the_spec_table() {
    for name in [
        "apiKey",
        "username",
        "password",
        "pat_name",
        "pat_secret",
        "content_url",
        "client_id",
        "client_secret",
        "client_certificate",
        "client_private_key",
        "privateKey",
        "oauth_client_id_override",
        "oauth_client_secret_override",
        "oauth_refresh_token_override",
        "token_id",
        "token_secret",
        "organization_id",
        "dev_key",
        "role_arn",
        "issuerId",
        "privateKeyId",
    ] {
        let key = MessageKey::default_field(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(key.id(), format!("field-{name}"));
        assert!(key.has_placeholder());
    }
    assert_eq!(MessageKey::default_field("subdomain"), None);
    let en = Translator::new(Language::English);
    assert_eq!(en.placeholder(MessageKey::FieldTokenSecret), "Token secret");
    assert!(
        en.placeholder(MessageKey::FieldRoleArn)
            .starts_with("arn:aws:iam::")
    );
}

#[test]
fn english_is_always_compiled_in_and_every_language_has_its_file() {
    for language in Language::ALL {
        let expected = language == Language::English || cfg!(feature = "bundled-translations");
        assert_eq!(language.is_bundled(), expected, "{language}");
        let path = format!(
            "{}/locales/{}",
            env!("CARGO_MANIFEST_DIR"),
            language.ftl_file_name()
        );
        assert!(std::path::Path::new(&path).is_file(), "{path}");
    }
    assert_eq!(Language::ChineseSimplified.ftl_file_name(), "zh-CN.ftl");
}

#[test]
fn a_language_that_is_not_compiled_in_can_be_added_as_an_override() {
    let catalogue = I18nCatalogue::new()
        .with_override(Language::Swedish, ftl_source(Language::Swedish))
        .unwrap();
    let translator = catalogue.translator(Language::Swedish);
    let english = Translator::new(Language::English);
    let title = MessageKey::IntegrationsListTitle;
    assert_ne!(translator.text(title), english.text(title));
    assert_eq!(translator.text(title), "Välj en app att ansluta");
}
