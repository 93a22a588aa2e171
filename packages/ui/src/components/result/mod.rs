//! The result screens (connect-ui §2.5.9–2.5.10): success with Finish, and connection failed
//! with a details disclosure and Back.

use dioxus::prelude::*;
use nango_core::catalogue::DocsUrl;

use super::form::DocsFooter;
use super::icons::{Icon, IconName};
use super::logo::{LogoBadge, LogoSize, LogoTile};
use super::shell::{DialogHeader, TITLE_ID};
use crate::connect::FailureDetails;
use crate::i18n::{MessageKey, use_connect_i18n};

/// The success screen.
#[component]
pub fn SuccessView(
    /// The provider's display name (the provider's, not the integration's, per spec).
    provider: String,
    /// The integration's logo URL.
    #[props(default)]
    logo: String,
    /// Connect-link mode: "you can close this tab", no Finish.
    #[props(default)]
    connect_link: bool,
    /// Finish (closes the UI).
    #[props(default)]
    on_finish: Option<EventHandler<()>>,
    /// Shows the close X when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
) -> Element {
    let i18n = use_connect_i18n();
    let mut message = i18n.text_with(MessageKey::GoSuccessMessage, &[("provider", &provider)]);
    if connect_link {
        message.push(' ');
        message.push_str(&i18n.text(MessageKey::GoCloseTab));
    }
    rsx! {
        div { class: "nc-view", "data-screen": "success",
            DialogHeader { on_close }
            div { class: "nc-view__body nc-view__body--centered nc-result",
                LogoTile { src: logo, name: provider.clone(), size: LogoSize::Hero, badge: LogoBadge::Success }
                div { class: "nc-result__text", role: "status",
                    h1 { id: TITLE_ID, class: "nc-title", {i18n.text(MessageKey::GoSuccess)} }
                    p { class: "nc-lead", "{message}" }
                }
            }
            if let (false, Some(handler)) = (connect_link, on_finish) {
                button {
                    r#type: "button",
                    class: "nc-button nc-button--primary",
                    "data-testid": "finish",
                    onclick: move |_| handler.call(()),
                    {i18n.text(MessageKey::CommonFinish)}
                }
            }
        }
    }
}

/// The connection-failed screen.
#[component]
pub fn FailureView(
    /// The display name.
    provider: String,
    /// The logo URL.
    #[props(default)]
    logo: String,
    /// The details text.
    details: FailureDetails,
    /// The disclosure is open.
    #[props(default)]
    expanded: bool,
    /// The docs link for the footer.
    #[props(default)]
    docs: Option<DocsUrl>,
    /// Toggle the disclosure.
    on_toggle: EventHandler<()>,
    /// Back to the form.
    on_back: EventHandler<()>,
    /// Shows the close X when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
    /// A docs link was followed.
    on_docs: EventHandler<bool>,
) -> Element {
    let i18n = use_connect_i18n();
    let details_text = match &details {
        FailureDetails::Translated { key, provider } => match provider {
            Some(name) => i18n.text_with(*key, &[("provider", name)]),
            None => i18n.text(*key),
        },
        FailureDetails::Raw(text) => text.clone(),
    };
    let toggle_label = if expanded {
        i18n.text(MessageKey::GoHideErrorDetails)
    } else {
        i18n.text(MessageKey::GoShowErrorDetails)
    };
    rsx! {
        div { class: "nc-view", "data-screen": "failure",
            DialogHeader { on_close }
            div { class: "nc-view__body nc-view__body--centered nc-result",
                LogoTile { src: logo, name: provider.clone(), size: LogoSize::Hero, badge: LogoBadge::Failure }
                div { class: "nc-result__text", role: "alert",
                    h1 { id: TITLE_ID, class: "nc-title", {i18n.text(MessageKey::GoConnectionFailed)} }
                    p { class: "nc-lead", {i18n.text(MessageKey::GoConnectionErrorGeneric)} }
                }
                div { class: "nc-disclosure", "data-state": if expanded { "open" } else { "closed" },
                    button {
                        r#type: "button",
                        class: "nc-disclosure__toggle",
                        "data-testid": "details-toggle",
                        aria_expanded: if expanded { "true" } else { "false" },
                        aria_controls: "nc-error-details",
                        onclick: move |_| on_toggle.call(()),
                        span { "{toggle_label}" }
                        Icon { name: IconName::ChevronDown, class: "nc-disclosure__chevron".to_string() }
                    }
                    div {
                        id: "nc-error-details",
                        class: "nc-disclosure__panel",
                        hidden: !expanded,
                        pre { class: "nc-disclosure__text", "data-testid": "error-details", "{details_text}" }
                    }
                }
            }
            button {
                r#type: "button",
                class: "nc-button nc-button--secondary",
                "data-testid": "failure-back",
                onclick: move |_| on_back.call(()),
                {i18n.text(MessageKey::CommonBack)}
            }
            if let Some(docs) = docs {
                DocsFooter { docs, on_docs }
            }
        }
    }
}
