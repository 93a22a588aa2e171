//! The error fallbacks of connect-ui §2.3 (opened directly, session expired, generic), translated.

use dioxus::prelude::*;

use super::icons::{Icon, IconName};
use super::shell::{DialogHeader, TITLE_ID};
use crate::connect::Fallback;
use crate::i18n::use_connect_i18n;

/// An error fallback screen: header, then one centred alert message.
#[component]
pub fn ErrorView(
    /// Which fallback.
    kind: Fallback,
    /// Shows the close X when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
) -> Element {
    let i18n = use_connect_i18n();
    let state = match kind {
        Fallback::OpenedDirectly => "opened-directly",
        Fallback::SessionExpired => "session-expired",
        Fallback::Generic => "generic",
    };
    rsx! {
        div { class: "nc-view", "data-screen": "error", "data-state": state,
            DialogHeader { on_close }
            div { class: "nc-view__body nc-view__body--centered nc-fallback",
                div { class: "nc-fallback__icon", Icon { name: IconName::Warning } }
                p { id: TITLE_ID, class: "nc-error-text", role: "alert",
                    {i18n.text(kind.message_key())}
                }
            }
        }
    }
}
