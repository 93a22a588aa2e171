//! The waiting state (beyond Nango): while the provider's sign-in window is open, a spinner,
//! "Waiting for {provider}…" in a status region, and a visible Cancel.

use dioxus::prelude::*;

use super::icons::{Icon, IconName, Spinner};
use super::logo::{LogoSize, LogoTile};
use super::shell::{DialogHeader, TITLE_ID};
use crate::i18n::{MessageKey, use_connect_i18n};

/// The waiting view.
#[component]
pub fn WaitingView(
    /// The provider's display name.
    provider: String,
    /// Its logo URL.
    #[props(default)]
    logo: String,
    /// The sign-in happens in the system browser (desktop) rather than a window we opened.
    #[props(default)]
    in_browser: bool,
    /// Cancel the flow.
    on_cancel: EventHandler<()>,
    /// Run the sign-in again (a new window or browser tab); hidden when `None`.
    #[props(default)]
    on_reopen: Option<EventHandler<()>>,
    /// Shows the close X when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
) -> Element {
    let i18n = use_connect_i18n();
    let text = if in_browser {
        i18n.text(MessageKey::GoWaitingBrowser)
    } else {
        i18n.text_with(MessageKey::GoWaitingProvider, &[("provider", &provider)])
    };
    rsx! {
        div { class: "nc-view", "data-screen": "waiting",
            DialogHeader { on_close }
            div { class: "nc-view__body nc-view__body--centered nc-waiting",
                div { class: "nc-waiting__visual",
                    LogoTile { src: logo, name: provider.clone(), size: LogoSize::Hero }
                    Spinner { class: "nc-waiting__spinner".to_string() }
                }
                div { role: "status", aria_live: "polite",
                    h1 { id: TITLE_ID, class: "nc-title", "{text}" }
                }
            }
            div { class: "nc-actions",
                if let Some(reopen) = on_reopen {
                    button {
                        r#type: "button",
                        class: "nc-button nc-button--secondary",
                        "data-testid": "reopen",
                        // Runs the driver's sign-in inside this click (popups need a user gesture).
                        onclick: move |_| reopen.call(()),
                        Icon { name: IconName::Refresh }
                        {i18n.text(MessageKey::GoReopenWindow)}
                    }
                }
                button {
                    r#type: "button",
                    class: "nc-button nc-button--ghost",
                    "data-testid": "cancel",
                    onclick: move |_| on_cancel.call(()),
                    {i18n.text(MessageKey::CommonCancel)}
                }
            }
        }
    }
}
