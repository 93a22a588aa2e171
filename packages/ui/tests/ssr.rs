//! Proves the Dioxus wiring: a component reads translations from the context, rendered by dioxus-ssr.

use dioxus::prelude::*;
use nango_ui::i18n::{
    ConnectI18nConfig, Language, MessageKey, use_connect_i18n, use_init_connect_i18n,
};

#[component]
fn Heading(provider: String) -> Element {
    let i18n = use_connect_i18n();
    rsx! {
        h1 { id: "connect-ui-title", {i18n.text_with(MessageKey::GoLinkAccount, &[("provider", &provider)])} }
        button { aria_label: i18n.text(MessageKey::CommonClose), "×" }
    }
}

fn french_root() -> Element {
    use_init_connect_i18n(|| ConnectI18nConfig::new(Language::French));
    let via_macro = dioxus_i18n::tid!("common-back");
    rsx! {
        div { class: "nango-connect", lang: "fr",
            Heading { provider: "GitHub" }
            a { {via_macro} }
        }
    }
}

fn context_free_root() -> Element {
    rsx! { Heading { provider: "Slack" } }
}

#[test]
fn renders_french_from_context() {
    let mut dom = VirtualDom::new(french_root);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains("Connectez votre compte GitHub"), "{html}");
    assert!(html.contains(r#"aria-label="Fermer""#), "{html}");
    // The dioxus-i18n macros see the same catalogue.
    assert!(html.contains(">Retour</a>"), "{html}");
}

#[test]
fn renders_english_without_a_provider() {
    let mut dom = VirtualDom::new(context_free_root);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains("Connect your Slack account"), "{html}");
}
