//! The loading skeleton (connect-ui §2.2): header, title and text placeholders and four card
//! blocks with a shimmer, all inside a `status` region named by `common.loading`.

use dioxus::prelude::*;

use super::shell::{DialogHeader, TITLE_ID};
use crate::i18n::{MessageKey, use_connect_i18n};

/// The loading view.
#[component]
pub fn LoadingView(
    /// Shows the close X when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
) -> Element {
    let i18n = use_connect_i18n();
    let label = i18n.text(MessageKey::CommonLoading);
    rsx! {
        div { class: "nc-view", "data-screen": "loading",
            DialogHeader { on_close }
            div {
                class: "nc-skeleton",
                role: "status",
                aria_label: "{label}",
                aria_busy: "true",
                span { id: TITLE_ID, class: "nc-sr-only", "{label}" }
                div { class: "nc-skeleton__bar nc-skeleton__bar--title" }
                div { class: "nc-skeleton__bar nc-skeleton__bar--text" }
                for index in 0..4 {
                    div { key: "{index}", class: "nc-skeleton__card" }
                }
            }
        }
    }
}
