//! The per-integration auth screen (connect-ui §2.5): the generated form of nango-core's
//! [`FormModel`] rendered as is (labels, placeholders, adornments, secrets, selects, optional
//! pills, hidden and preconfigured fields, docs links), the AWS External ID box, alerts, the
//! submit button and the docs footer; plus [`GoScreen`], which picks the view for each phase.

use dioxus::prelude::*;
use nango_core::catalogue::{
    Control, DocsUrl, FieldError, FieldId, FormField, FormModel, FormValues,
};

use super::icons::{Icon, IconName, Spinner};
use super::logo::{LogoSize, LogoTile};
use super::result::{FailureView, SuccessView};
use super::shell::{DialogHeader, TITLE_ID};
use super::waiting::WaitingView;
use crate::connect::{FormAlert, FormPhase, FormScreen, HostingMode};
use crate::driver::use_connect_driver;
use crate::i18n::{ConnectI18n, MessageKey, use_connect_i18n};

/// The DOM id of a field's control (stable; dots and other characters made safe).
pub fn field_dom_id(id: &FieldId) -> String {
    let safe: String = id
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("nc-field-{}-{safe}", id.group.as_str())
}

/// The label shown for a field: the translated built-in default, else the model's label.
pub fn field_label(i18n: &ConnectI18n, field: &FormField) -> String {
    match field
        .default_label_key
        .and_then(|_| MessageKey::default_field(&field.name))
    {
        Some(key) => i18n.text(key),
        None => field.label.clone(),
    }
}

/// The placeholder shown for a field: the translated built-in default, else the model's.
pub fn field_placeholder(i18n: &ConnectI18n, field: &FormField) -> String {
    match field
        .default_placeholder_key
        .and_then(|_| MessageKey::default_field(&field.name))
    {
        Some(key) => i18n.placeholder(key),
        None => field.placeholder.clone(),
    }
}

/// The translated message of a validation error (`label` fills "Invalid {field}").
pub fn field_error_text(i18n: &ConnectI18n, error: &FieldError, label: &str) -> String {
    match error {
        FieldError::Required => i18n.text(MessageKey::ValidationRequired),
        FieldError::InvalidHostname => i18n.text(MessageKey::ValidationInvalidHostname),
        FieldError::InvalidUuid => i18n.text(MessageKey::ValidationInvalidUuid),
        FieldError::InvalidUrl => i18n.text(MessageKey::ValidationInvalidUrl),
        FieldError::InvalidEmail => i18n.text(MessageKey::ValidationInvalidEmail),
        FieldError::PatternMismatch { .. } => {
            i18n.text_with(MessageKey::ValidationIncorrect, &[("field", label)])
        }
        FieldError::NotInEnum { .. } => i18n.text(MessageKey::ValidationNotAllowed),
        _ => i18n.text(MessageKey::ValidationNotAllowed),
    }
}

/// The first visible field, in display order, whose value fails validation: it takes the focus
/// when a submit is refused. Hidden (preconfigured) fields are skipped: the user cannot fix them.
pub fn first_invalid_field(model: &FormModel, values: &FormValues) -> Option<FieldId> {
    let errors = model.validate(values);
    model
        .fields
        .iter()
        .filter(|field| !field.hidden)
        .map(FormField::id)
        .find(|id| errors.contains_key(id))
}

/// Moves the focus to a field's control (browsers and webviews; nothing under SSR).
fn focus_field(id: &FieldId) {
    let dom_id = field_dom_id(id);
    // The id holds only [A-Za-z0-9_-], so it is safe inside a JS string literal.
    let _focus = document::eval(&format!(
        "const el = document.getElementById('{dom_id}'); if (el) {{ el.focus(); }}"
    ));
}

/// Callbacks of the auth screen, bundled so every view gets the same set.
#[derive(Clone, Copy, PartialEq)]
pub struct GoHandlers {
    /// A field changed.
    pub on_edit: EventHandler<(FieldId, String)>,
    /// Connect (button or Enter).
    pub on_submit: EventHandler<()>,
    /// Back to the list (`None` in single-integration mode).
    pub on_back: Option<EventHandler<()>>,
    /// Close X (`None` in connect-link mode).
    pub on_close: Option<EventHandler<()>>,
    /// A docs link was followed (`true`: a field's info link).
    pub on_docs: EventHandler<bool>,
    /// Cancel while waiting for the OAuth window.
    pub on_cancel: EventHandler<()>,
    /// Reopen the OAuth window while waiting (`None`: not offered).
    pub on_reopen: Option<EventHandler<()>>,
    /// Toggle the failure details.
    pub on_toggle_details: EventHandler<()>,
    /// Failure screen Back: to the form.
    pub on_retry: EventHandler<()>,
    /// Finish on the success screen (`None` in connect-link mode).
    pub on_finish: Option<EventHandler<()>>,
}

/// The auth screen in its current phase: form, waiting, success or failure.
#[component]
pub fn GoScreen(
    /// The screen state.
    form: FormScreen,
    /// How the UI is hosted.
    mode: HostingMode,
    /// Callbacks.
    handlers: GoHandlers,
) -> Element {
    let in_browser = use_connect_driver().signs_in_with_system_browser();
    match &form.phase {
        FormPhase::Editing { .. } | FormPhase::Connecting => {
            rsx! { AuthFormView { form, handlers } }
        }
        FormPhase::Waiting => rsx! {
            WaitingView {
                provider: form.model.display_name.clone(),
                logo: form.integration.logo.clone(),
                in_browser,
                on_cancel: handlers.on_cancel,
                on_reopen: handlers.on_reopen,
                on_close: handlers.on_close,
            }
        },
        FormPhase::Success(_) => rsx! {
            SuccessView {
                provider: form.provider.display_name.clone(),
                logo: form.integration.logo.clone(),
                connect_link: mode == HostingMode::ConnectLink,
                on_finish: handlers.on_finish,
                on_close: handlers.on_close,
            }
        },
        FormPhase::Failed { details, expanded } => rsx! {
            FailureView {
                provider: form.model.display_name.clone(),
                logo: form.integration.logo.clone(),
                details: details.clone(),
                expanded: *expanded,
                docs: form.docs.clone(),
                on_toggle: handlers.on_toggle_details,
                on_back: handlers.on_retry,
                on_close: handlers.on_close,
                on_docs: handlers.on_docs,
            }
        },
    }
}

/// The auth form.
#[component]
pub fn AuthFormView(
    /// The screen state (phase `Editing` or `Connecting`).
    form: FormScreen,
    /// Callbacks.
    handlers: GoHandlers,
) -> Element {
    let i18n = use_connect_i18n();
    let model = form.model.clone();
    let errors = model.validate(&form.values);
    let connecting = form.phase == FormPhase::Connecting;
    let alert = match &form.phase {
        FormPhase::Editing { alert: Some(alert) } => Some(match alert.message_key() {
            Some(key) => i18n.text(key),
            None => match alert {
                FormAlert::Message(text) => crate::connect::compact_json(text),
                _ => String::new(),
            },
        }),
        _ if model.nothing_to_ask() && !errors.is_empty() => {
            Some(i18n.text(MessageKey::GoInvalidPreconfigured))
        }
        _ => None,
    };
    let has_alert = matches!(&form.phase, FormPhase::Editing { alert: Some(_) });
    let button_label = if connecting {
        i18n.text(MessageKey::CommonConnecting)
    } else if has_alert {
        i18n.text(MessageKey::CommonTryAgain)
    } else {
        i18n.text(MessageKey::GoConnect)
    };
    let provider = model.display_name.clone();
    let on_submit = handlers.on_submit;
    let submit_model = model.clone();
    let submit_values = form.values.clone();
    rsx! {
        div {
            class: "nc-view",
            "data-screen": "form",
            "data-state": if connecting { "connecting" } else { "editing" },
            "data-auth-mode": "{model.auth_mode.as_str()}",
            DialogHeader { on_back: handlers.on_back, on_close: handlers.on_close }
            form {
                class: if form.docs.is_some() { "nc-form" } else { "nc-form nc-form--centered" },
                novalidate: true,
                onsubmit: move |evt: FormEvent| {
                    evt.prevent_default();
                    on_submit.call(());
                    // A refused submit shows every error; take the user to the first one.
                    if let Some(id) = first_invalid_field(&submit_model, &submit_values) {
                        focus_field(&id);
                    }
                },
                div { class: "nc-hero",
                    LogoTile { src: form.integration.logo.clone(), name: provider.clone(), size: LogoSize::Hero }
                    h1 { id: TITLE_ID, class: "nc-title",
                        {i18n.text_with(MessageKey::GoLinkAccount, &[("provider", &provider)])}
                    }
                }
                div { class: "nc-form__alert", role: "alert", aria_live: "assertive",
                    if let Some(text) = alert {
                        div { class: "nc-alert", "data-testid": "form-alert",
                            Icon { name: IconName::Warning }
                            span { "{text}" }
                        }
                    }
                }
                if let Some(external_id) = form.external_id.clone() {
                    ExternalIdBox { external_id }
                }
                div { class: "nc-fields",
                    for field in model.fields.iter() {
                        {
                            let id = field.id();
                            let value = form.values.get(&id).unwrap_or_default().to_owned();
                            let show_error = form.submit_attempted || form.touched.contains(&id);
                            let label = field_label(&i18n, field);
                            let error = errors
                                .get(&id)
                                .filter(|_| show_error)
                                .map(|e| field_error_text(&i18n, e, &label));
                            let docs_link = form.docs.as_ref().map(|docs| FormModel::field_doc_link(field, docs));
                            rsx! {
                                FieldView {
                                    key: "{id}",
                                    field: field.clone(),
                                    value,
                                    error,
                                    docs_link,
                                    disabled: connecting,
                                    on_edit: handlers.on_edit,
                                    on_docs: handlers.on_docs,
                                }
                            }
                        }
                    }
                }
                if model.nothing_to_ask() {
                    div { class: "nc-info", "data-testid": "will-connect",
                        p { {i18n.text_with(MessageKey::GoWillConnect, &[("provider", &provider)])} }
                        if model.shows_popup_warning() {
                            p { class: "nc-info__hint", {i18n.text(MessageKey::GoPopupWarning)} }
                        }
                    }
                }
                button {
                    r#type: "submit",
                    class: "nc-button nc-button--primary",
                    "data-testid": "submit",
                    disabled: connecting,
                    aria_busy: if connecting { "true" } else { "false" },
                    if connecting { Spinner {} }
                    "{button_label}"
                }
            }
            if let Some(docs) = form.docs.clone() {
                DocsFooter { docs, on_docs: handlers.on_docs }
            }
        }
    }
}

/// One generated field: label (required star or optional pill, docs link), description,
/// control with adornments, error message. Hidden fields render as hidden inputs only.
#[component]
pub fn FieldView(
    /// The field.
    field: FormField,
    /// Its current value.
    value: String,
    /// The translated error, when shown.
    #[props(default)]
    error: Option<String>,
    /// The field's docs link, when the provider has docs.
    #[props(default)]
    docs_link: Option<String>,
    /// Read-only while submitting.
    #[props(default)]
    disabled: bool,
    /// A value changed.
    on_edit: EventHandler<(FieldId, String)>,
    /// The docs link was followed.
    on_docs: EventHandler<bool>,
) -> Element {
    let i18n = use_connect_i18n();
    let driver = use_connect_driver();
    let id = field.id();
    let dom_id = field_dom_id(&id);
    if field.hidden {
        return rsx! {
            input {
                r#type: "hidden",
                id: "{dom_id}",
                name: "{id}",
                "data-testid": "hidden-field",
                value: "{value}",
            }
        };
    }
    let label = field_label(&i18n, &field);
    let placeholder = field_placeholder(&i18n, &field);
    let description_id = format!("{dom_id}-description");
    let error_id = format!("{dom_id}-error");
    let mut described_by: Vec<&str> = Vec::new();
    if field.description.is_some() {
        described_by.push(&description_id);
    }
    if error.is_some() {
        described_by.push(&error_id);
    }
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    let invalid = error.is_some();
    // The text control is uncontrolled: the DOM owns what is typed and reports it through
    // `oninput`; the value is written once, when the control is created. Writing the model's
    // value back on every render (a controlled input) loses keystrokes whenever input events
    // are in flight, as over the desktop webview's IPC ("github" typed fast became "githb").
    let initial_value = use_hook(|| value.clone());
    let mut revealed = use_signal(|| false);
    let reveal_label = i18n.text_with(MessageKey::FieldShowSecret, &[("field", &label)]);
    let edit_id = id.clone();
    let oninput = move |evt: FormEvent| on_edit.call((edit_id.clone(), evt.value()));
    rsx! {
        div {
            class: "nc-field",
            "data-field": "{id}",
            "data-invalid": if invalid { "true" } else { "false" },
            div { class: "nc-field__label-row",
                label { r#for: "{dom_id}", class: "nc-field__label",
                    "{label}"
                    if field.required {
                        span { class: "nc-field__required", aria_hidden: "true", " *" }
                    }
                }
                if field.optional_pill {
                    span { class: "nc-pill", {i18n.text(MessageKey::FieldOptional)} }
                }
                if let Some(href) = docs_link {
                    a {
                        class: "nc-field__docs",
                        href: "{href}",
                        target: "_blank",
                        rel: "noopener noreferrer",
                        aria_label: i18n.text_with(MessageKey::GoFieldDocumentation, &[("field", &label)]),
                        title: i18n.text_with(MessageKey::GoFieldDocumentation, &[("field", &label)]),
                        onclick: move |evt: MouseEvent| {
                            on_docs.call(true);
                            if driver.open_url(&href) {
                                evt.prevent_default();
                            }
                        },
                        Icon { name: IconName::Info }
                    }
                }
            }
            if let Some(description) = field.description.clone() {
                p { id: "{description_id}", class: "nc-field__description", "{description}" }
            }
            match field.control.clone() {
                Control::Select { options, none_option } => rsx! {
                    div { class: "nc-select",
                        select {
                            id: "{dom_id}",
                            name: "{id}",
                            class: "nc-select__control",
                            disabled,
                            aria_required: if field.required { "true" } else { "false" },
                            aria_invalid: if invalid { "true" } else { "false" },
                            aria_describedby: described_by.clone(),
                            oninput,
                            if none_option {
                                option { value: "", selected: value.is_empty(), "{placeholder}" }
                            }
                            for option_value in options {
                                option {
                                    key: "{option_value}",
                                    value: "{option_value}",
                                    selected: option_value == value,
                                    "{option_value}"
                                }
                            }
                        }
                        Icon { name: IconName::ChevronDown, class: "nc-select__chevron".to_string() }
                    }
                },
                Control::Text => rsx! {
                    div { class: if field.secret { "nc-input nc-input--secret" } else { "nc-input" },
                        if let Some(prefix) = field.prefix.clone() {
                            span { class: "nc-input__adornment nc-input__adornment--prefix", aria_hidden: "true", "{prefix}" }
                        }
                        input {
                            id: "{dom_id}",
                            name: "{id}",
                            class: "nc-input__control",
                            r#type: if field.secret && !revealed() { "password" } else { "text" },
                            autocomplete: "off",
                            spellcheck: "false",
                            placeholder: "{placeholder}",
                            // A plain (non-volatile) attribute: written when created, never re-synced.
                            "value": "{initial_value}",
                            disabled,
                            aria_required: if field.required { "true" } else { "false" },
                            aria_invalid: if invalid { "true" } else { "false" },
                            aria_describedby: described_by.clone(),
                            oninput,
                        }
                        if let Some(suffix) = field.suffix.clone() {
                            span { class: "nc-input__adornment nc-input__adornment--suffix", aria_hidden: "true", "{suffix}" }
                        }
                        if field.secret {
                            button {
                                r#type: "button",
                                class: "nc-input__reveal",
                                "data-testid": "reveal-secret",
                                aria_pressed: if revealed() { "true" } else { "false" },
                                aria_controls: "{dom_id}",
                                aria_label: "{reveal_label}",
                                title: "{reveal_label}",
                                disabled,
                                onclick: move |_| revealed.toggle(),
                                Icon { name: if revealed() { IconName::EyeOff } else { IconName::Eye } }
                            }
                        }
                    }
                },
            }
            if let Some(message) = error {
                p { id: "{error_id}", class: "nc-field__error", "{message}" }
            }
        }
    }
}

/// The AWS SigV4 External ID box: explanation, the ID read-only, and a Copy button.
#[component]
pub fn ExternalIdBox(
    /// The External ID.
    external_id: String,
) -> Element {
    let i18n = use_connect_i18n();
    let driver = use_connect_driver();
    let mut copied = use_signal(|| false);
    let copy_value = external_id.clone();
    rsx! {
        section { class: "nc-external-id", "data-testid": "external-id", aria_labelledby: "nc-external-id-title",
            h2 { id: "nc-external-id-title", class: "nc-external-id__title", {i18n.text(MessageKey::AwsExternalIdTitle)} }
            p { class: "nc-external-id__body", {i18n.text(MessageKey::AwsExternalIdBody)} }
            div { class: "nc-external-id__row",
                input {
                    class: "nc-external-id__value",
                    r#type: "text",
                    readonly: true,
                    aria_labelledby: "nc-external-id-title",
                    value: "{external_id}",
                }
                button {
                    r#type: "button",
                    class: "nc-button nc-button--secondary nc-external-id__copy",
                    "data-state": if copied() { "copied" } else { "idle" },
                    onclick: move |_| {
                        let copy = driver.copy_text(&copy_value);
                        let wait = driver.clone();
                        spawn(async move {
                            if copy.await {
                                copied.set(true);
                                wait.sleep(2000).await;
                                copied.set(false);
                            }
                        });
                    },
                    if copied() {
                        Icon { name: IconName::Check }
                        {i18n.text(MessageKey::CommonCopied)}
                    } else {
                        Icon { name: IconName::Copy }
                        {i18n.text(MessageKey::CommonCopy)}
                    }
                }
            }
            span { class: "nc-sr-only", role: "status", aria_live: "polite",
                if copied() { {i18n.text(MessageKey::CommonCopied)} }
            }
        }
    }
}

/// The footer guide link ("Need help? Read the setup guide").
#[component]
pub fn DocsFooter(
    /// The docs URL.
    docs: DocsUrl,
    /// The link was followed (`false`: the footer link).
    on_docs: EventHandler<bool>,
) -> Element {
    let i18n = use_connect_i18n();
    let driver = use_connect_driver();
    let href = docs.url.clone();
    rsx! {
        p { class: "nc-docs-footer",
            {i18n.text(MessageKey::CommonNeedHelp)}
            " "
            a {
                href: "{docs.url}",
                target: "_blank",
                rel: "noopener noreferrer",
                "data-testid": "docs-link",
                onclick: move |evt: MouseEvent| {
                    on_docs.call(false);
                    if driver.open_url(&href) {
                        evt.prevent_default();
                    }
                },
                {i18n.text(MessageKey::CommonViewGuide)}
                Icon { name: IconName::ExternalLink }
                span { class: "nc-sr-only", " " {i18n.text(MessageKey::CommonOpensInNewTab)} }
            }
        }
    }
}
