//! A runtime language switch reaches the API: provider fetches ask for the UI's current language
//! (`Accept-Language`, spec §5.3), and an open form fetches its provider again in the new
//! language while keeping what the user typed.

mod common;

use std::rc::Rc;

use common::Harness;
use dioxus::prelude::*;
use futures_util::FutureExt;
use nango_core::AuthError;
use nango_core::AuthErrorKind;
use nango_core::catalogue::{FieldGroup, FieldId};
use nango_ui::ConnectUi;
use nango_ui::connect::{DriverProp, Effect, Input, Screen};
use nango_ui::driver::SharedDriver;
use nango_ui::fake::{DriverCall, FakeDriver, fixtures};

fn api_key() -> FieldId {
    FieldId::new(FieldGroup::Credentials, "apiKey")
}

/// The languages of every provider fetch, in order.
fn provider_languages(driver: &FakeDriver) -> Vec<Option<String>> {
    driver
        .calls()
        .into_iter()
        .filter_map(|call| match call {
            DriverCall::Provider { language, .. } => Some(language),
            _ => None,
        })
        .collect()
}

#[test]
fn language_change_refetches_the_open_forms_provider_and_keeps_its_values() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    h.send(Input::Edit {
        field: api_key(),
        value: "sk-typed".into(),
    });
    assert_eq!(provider_languages(&h.driver), [Some("en".to_owned())]);

    h.runner.language = Rc::new(|| Some("fr".to_owned()));
    h.send(Input::LanguageChanged);
    assert_eq!(
        provider_languages(&h.driver),
        [Some("en".to_owned()), Some("fr".to_owned())]
    );
    let form = h.form();
    assert_eq!(form.integration.unique_key.as_str(), "github");
    assert_eq!(form.values.get(&api_key()), Some("sk-typed"));
    assert!(h.machine.dirty, "the edit is still unsaved");
    assert_eq!(h.machine.relocalising, None);
}

#[test]
fn language_change_without_a_form_fetches_nothing() {
    let mut h = Harness::started(FakeDriver::new());
    assert_eq!(h.machine.screen, Screen::List);
    h.send(Input::LanguageChanged);
    assert!(provider_languages(&h.driver).is_empty());
    assert_eq!(h.machine.screen, Screen::List);
}

#[test]
fn a_failed_refetch_keeps_the_form_in_the_previous_language() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    let before = h.form().model.clone();
    // The relocalisation fetch fails (network): no card error, no fallback, same form.
    let effects = h.machine.apply(Input::LanguageChanged);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::FetchProvider { integration, .. } if integration.unique_key.as_str() == "github")),
        "{effects:?}"
    );
    h.machine.apply(Input::ProviderFailed {
        key: "github".into(),
        error: AuthError::new(AuthErrorKind::RequestFailed, "offline"),
    });
    assert!(matches!(h.machine.screen, Screen::Form(_)));
    assert_eq!(h.machine.card_error, None);
    assert_eq!(h.form().model, before);
}

thread_local! {
    static LANGUAGE: std::cell::Cell<Option<Signal<String>>> = const { std::cell::Cell::new(None) };
    static DRIVER: std::cell::RefCell<Option<Rc<FakeDriver>>> = const { std::cell::RefCell::new(None) };
}

#[component]
fn SwitchingRoot() -> Element {
    let language = use_signal(|| "en".to_owned());
    LANGUAGE.with(|cell| cell.set(Some(language)));
    let driver = use_hook(|| {
        let fake = Rc::new(
            FakeDriver::new()
                .with_session(Ok(fixtures::single_session("github")))
                .with_integrations(Ok(vec![fixtures::integration(
                    "github",
                    "github-api-key",
                    "GitHub",
                )])),
        );
        DRIVER.with(|cell| *cell.borrow_mut() = Some(fake.clone()));
        DriverProp(fake as SharedDriver)
    });
    let token = use_signal(|| Some(nango_core::ConnectSessionToken::new(fixtures::TOKEN)));
    rsx! { ConnectUi { token, language: Some(language()), driver: Some(driver) } }
}

/// Runs the virtual DOM's ready tasks and renders until nothing is left to do.
fn settle(dom: &mut VirtualDom) {
    for _ in 0..20 {
        dom.wait_for_work().now_or_never();
        dom.render_immediate_to_vec();
    }
}

#[test]
fn connect_ui_language_prop_change_refetches_the_provider_in_the_new_language() {
    let mut dom = VirtualDom::new(SwitchingRoot);
    dom.rebuild_in_place();
    settle(&mut dom);
    let driver = DRIVER.with(|cell| cell.borrow().clone()).expect("driver");
    let html = dioxus_ssr::render(&dom);
    assert_eq!(
        provider_languages(&driver),
        [Some("en".to_owned())],
        "{:?}",
        driver.calls()
    );
    assert!(html.contains(r#"data-screen="form""#), "{html}");

    let language = LANGUAGE.with(|cell| cell.get()).expect("signal");
    dom.in_runtime(|| {
        let mut language = language;
        language.set("de".to_owned());
    });
    settle(&mut dom);
    assert_eq!(
        provider_languages(&driver),
        [Some("en".to_owned()), Some("de".to_owned())]
    );
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(r#"lang="de""#), "{html}");
    assert!(html.contains(r#"data-screen="form""#), "{html}");
}
