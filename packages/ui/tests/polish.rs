//! The polish pass: uncontrolled inputs (no value written back while typing), the secret
//! show/hide toggle, reopening the sign-in window, focusing the first invalid field, and
//! switching language at runtime.

mod common;

use std::rc::Rc;

use common::{Harness, en, en_with, esc, every_mode_driver};
use dioxus::dioxus_core::Mutation;
use dioxus::prelude::*;
use nango_core::AuthErrorKind;
use nango_core::catalogue::{FieldGroup, FieldId};
use nango_core::messages::ConnectUiEvent;
use nango_ui::ConnectUi;
use nango_ui::components::form::first_invalid_field;
use nango_ui::components::{FieldView, GoScreen};
use nango_ui::connect::{DriverProp, FormPhase, FormScreen, HostingMode, Input};
use nango_ui::driver::SharedDriver;
use nango_ui::fake::{DriverCall, FakeDriver, Outcome};
use nango_ui::i18n::{Language, MessageKey, Translator};

#[component]
fn Screen(form: FormScreen) -> Element {
    rsx! { GoScreen { form, mode: HostingMode::Overlay, handlers: common::noop_handlers() } }
}

fn render(form: FormScreen) -> String {
    let mut dom = VirtualDom::new_with_props(Screen, ScreenProps { form });
    dom.rebuild_in_place();
    dioxus_ssr::render(&dom)
}

fn form_of(key: &str) -> FormScreen {
    let mut h = Harness::started(every_mode_driver());
    h.open(key);
    h.form().clone()
}

fn api_key() -> FieldId {
    FieldId::new(FieldGroup::Credentials, "apiKey")
}

// --- Uncontrolled inputs -------------------------------------------------------------------

thread_local! {
    static FIELD_VALUE: std::cell::Cell<Option<Signal<String>>> = const { std::cell::Cell::new(None) };
}

/// A field whose value prop follows a signal, as the machine's `Edit` does after each keystroke.
#[component]
fn EditedField(form: FormScreen) -> Element {
    let value = use_signal(String::new);
    FIELD_VALUE.with(|cell| cell.set(Some(value)));
    let field = form
        .model
        .fields
        .iter()
        .find(|f| f.id() == api_key())
        .cloned()
        .expect("apiKey field");
    rsx! {
        FieldView {
            field,
            value: value(),
            on_edit: |_| {},
            on_docs: |_| {},
        }
    }
}

#[test]
fn typing_never_writes_the_value_back_into_the_input() {
    let form = form_of("github-api-key");
    let mut dom = VirtualDom::new_with_props(EditedField, EditedFieldProps { form });
    dom.rebuild_in_place();
    let value = FIELD_VALUE.with(|cell| cell.get()).expect("signal");
    for typed in ["g", "gi", "git", "gith", "githu", "github"] {
        dom.in_runtime(|| {
            let mut value = value;
            value.set(typed.to_owned());
        });
        let edits = dom.render_immediate_to_vec().edits;
        let writes: Vec<&Mutation> = edits
            .iter()
            .filter(|m| matches!(m, Mutation::SetAttribute { name, .. } if *name == "value"))
            .collect();
        assert!(
            writes.is_empty(),
            "a re-render after typing {typed:?} wrote the input's value (a stale write loses keystrokes): {writes:?}"
        );
    }
}

#[test]
fn prefilled_values_are_still_rendered_once() {
    let mut h = Harness::started(every_mode_driver());
    h.open("github-api-key");
    h.send(Input::Edit {
        field: api_key(),
        value: "sk-123".into(),
    });
    let html = render(h.form().clone());
    assert!(html.contains(r#"value="sk-123""#), "{html}");
}

// --- Secret show/hide toggle ---------------------------------------------------------------

#[test]
fn secret_inputs_have_an_accessible_show_toggle() {
    let html = render(form_of("github-api-key"));
    let label = en(MessageKey::FieldApiKey);
    let name = esc(&en_with(MessageKey::FieldShowSecret, &[("field", &label)]));
    assert!(html.contains(r#"type="password""#), "{html}");
    assert_eq!(html.matches(r#"data-testid="reveal-secret""#).count(), 1);
    assert!(html.contains(r#"aria-pressed="false""#), "{html}");
    assert!(
        html.contains(r#"aria-controls="nc-field-credentials-apiKey""#),
        "{html}"
    );
    assert!(html.contains(&format!(r#"aria-label="{name}""#)), "{html}");
    // The toggle is a real button that never submits the form.
    assert!(
        html.contains(r#"<button type="button" class="nc-input__reveal""#),
        "{html}"
    );
}

#[test]
fn plain_inputs_have_no_toggle() {
    // Amplitude: a plain username, a secret password; one toggle, on the secret only.
    let html = render(form_of("amplitude"));
    assert_eq!(html.matches("reveal-secret").count(), 1, "{html}");
    assert_eq!(html.matches(r#"type="password""#).count(), 1, "{html}");
    assert!(
        html.contains(r#"aria-controls="nc-field-credentials-password""#),
        "{html}"
    );
}

#[test]
fn every_language_translates_the_toggle_with_the_field_name() {
    for language in Language::ALL {
        let text =
            Translator::new(language).text_with(MessageKey::FieldShowSecret, &[("field", "XYZ")]);
        assert!(text.contains("XYZ"), "{language:?}: {text}");
        if language != Language::English {
            assert_ne!(
                text.replace(['\u{2068}', '\u{2069}'], ""),
                "Show XYZ",
                "{language:?} is untranslated"
            );
        }
    }
}

// --- Reopen the sign-in window -------------------------------------------------------------

fn waiting_harness() -> Harness {
    let mut h = Harness::started(every_mode_driver().with_outcome(Outcome::Hang));
    h.open("slack");
    h.send(Input::Submit);
    assert_eq!(h.form().phase, FormPhase::Waiting);
    h
}

fn auth_calls(h: &Harness) -> usize {
    h.driver
        .calls()
        .iter()
        .filter(|c| matches!(c, DriverCall::Auth { .. }))
        .count()
}

#[test]
fn the_waiting_screen_offers_reopen_and_cancel() {
    let h = waiting_harness();
    let html = render(h.form().clone());
    assert!(html.contains(r#"data-testid="reopen""#), "{html}");
    assert!(
        html.contains(&esc(&en(MessageKey::GoReopenWindow))),
        "{html}"
    );
    assert!(html.contains(r#"data-testid="cancel""#), "{html}");
}

#[test]
fn reopen_ends_the_attempt_and_runs_auth_again_inside_the_click() {
    let mut h = waiting_harness();
    assert_eq!(auth_calls(&h), 1);
    h.driver.push_outcome(Outcome::success("slack", "conn-2"));
    h.driver.clear_calls();
    // `send` runs the synchronous effects before returning: the new `auth` call happens inside
    // the user's click (a web popup needs that), after the old attempt was cancelled.
    h.send(Input::ReopenAuthWindow);
    let calls = h.driver.calls();
    let cancel = calls.iter().position(|c| *c == DriverCall::Cancel);
    let auth = calls
        .iter()
        .position(|c| matches!(c, DriverCall::Auth { key, .. } if key == "slack"));
    assert!(
        matches!((cancel, auth), (Some(c), Some(a)) if c < a),
        "{calls:?}"
    );
    assert!(matches!(h.form().phase, FormPhase::Success(_)));
    let events = h.events.borrow();
    // The cancelled first attempt is stale: no error reaches the host; the connection does.
    assert!(
        !events.iter().any(
            |e| matches!(e, ConnectUiEvent::Error(err) if err.kind == AuthErrorKind::Cancelled)
        ),
        "{events:?}"
    );
    assert_eq!(
        events
            .iter()
            .filter(
                |e| matches!(e, ConnectUiEvent::Connect(p) if p.connection_id.as_str() == "conn-2")
            )
            .count(),
        1
    );
}

#[test]
fn reopen_does_nothing_outside_the_waiting_state() {
    let mut h = Harness::started(every_mode_driver());
    h.open("slack");
    h.send(Input::ReopenAuthWindow);
    assert_eq!(auth_calls(&h), 0);
    assert!(matches!(h.form().phase, FormPhase::Editing { .. }));
}

// --- First invalid field -------------------------------------------------------------------

#[test]
fn the_first_visible_invalid_field_takes_the_focus() {
    let form = form_of("jira-basic");
    let visible: Vec<FieldId> = form
        .model
        .fields
        .iter()
        .filter(|f| !f.hidden)
        .map(|f| f.id())
        .collect();
    let errors = form.model.validate(&form.values);
    let expected = visible.iter().find(|id| errors.contains_key(id)).cloned();
    assert!(expected.is_some(), "the empty jira form is invalid");
    assert_eq!(first_invalid_field(&form.model, &form.values), expected);

    // Fill every visible field with something valid for its rule, one by one: the focus target
    // moves down the form and disappears once the form is valid.
    let mut h = Harness::started(every_mode_driver());
    h.open("jira-basic");
    let mut previous: Option<usize> = None;
    while let Some(id) = first_invalid_field(&h.form().model, &h.form().values) {
        let position = visible.iter().position(|v| *v == id).expect("visible");
        assert!(
            previous.is_none_or(|p| position > p),
            "focus went backwards"
        );
        previous = Some(position);
        let value = if id.name.contains("host") || id.name.contains("subdomain") {
            "example.atlassian.net"
        } else if id.name == "username" {
            "me@example.com"
        } else {
            "value"
        };
        h.send(Input::Edit {
            field: id.clone(),
            value: value.into(),
        });
        if h.form().model.validate(&h.form().values).contains_key(&id) {
            // A pattern this test does not know: stop, the ordering was still checked.
            break;
        }
    }
}

#[test]
fn hidden_invalid_fields_are_never_focused() {
    let form = form_of("github-api-key");
    let first = first_invalid_field(&form.model, &form.values);
    if let Some(id) = first {
        let field = form
            .model
            .fields
            .iter()
            .find(|f| f.id() == id)
            .expect("field");
        assert!(!field.hidden);
    }
}

// --- Runtime language switch ---------------------------------------------------------------

thread_local! {
    static LANGUAGE: std::cell::Cell<Option<Signal<String>>> = const { std::cell::Cell::new(None) };
}

#[component]
fn SwitchingRoot() -> Element {
    let language = use_signal(|| "en".to_owned());
    LANGUAGE.with(|cell| cell.set(Some(language)));
    let driver = use_hook(|| DriverProp(Rc::new(FakeDriver::new()) as SharedDriver));
    let token = use_signal(|| None);
    rsx! { ConnectUi { token, language: Some(language()), driver: Some(driver) } }
}

fn loading_name(language: Language) -> String {
    esc(&Translator::new(language).text(MessageKey::CommonLoading))
}

#[test]
fn changing_the_language_prop_retranslates_every_text() {
    let mut dom = VirtualDom::new(SwitchingRoot);
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(&loading_name(Language::English)), "{html}");
    assert!(html.contains(r#"lang="en""#), "{html}");

    let language = LANGUAGE.with(|cell| cell.get()).expect("signal");
    dom.in_runtime(|| {
        let mut language = language;
        language.set("fr".to_owned());
    });
    for _ in 0..4 {
        dom.render_immediate_to_vec();
    }
    let html = dioxus_ssr::render(&dom);
    assert!(html.contains(&loading_name(Language::French)), "{html}");
    assert!(!html.contains(&loading_name(Language::English)), "{html}");
    assert!(html.contains(r#"lang="fr""#), "{html}");
}
