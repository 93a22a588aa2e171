//! The dialog shell around every screen (connect-ui §2.1, §7.1): theme root, stylesheet, backdrop,
//! modal dialog semantics with a focus trap, Escape and click-outside, the watermark; plus the
//! header row (Back link, close X) the screens share.

use dioxus::prelude::*;

use super::STYLES;
use super::icons::{Icon, IconName};
use crate::connect::{CloseTrigger, HostingMode};
use crate::i18n::{MessageKey, use_connect_i18n};

/// The id of every screen's heading (the dialog is labelled by it).
pub const TITLE_ID: &str = "connect-ui-title";

/// Installs the focus trap (Tab/Shift-Tab wrap inside the dialog) and moves focus into it.
/// When a screen change removes the focused element (focus falls back to `<body>`), focus
/// returns to the dialog, so Escape and Tab keep working; focus that the host page moved
/// elsewhere on purpose is left alone. Runs once per dialog element (never under SSR).
const FOCUS_TRAP_JS: &str = r#"
const id = await dioxus.recv();
const d = document.getElementById(id);
if (d && !d.__ncTrap) {
  d.__ncTrap = true;
  const sel = 'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';
  d.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const f = Array.from(d.querySelectorAll(sel)).filter((el) => el.getClientRects().length > 0);
    if (f.length === 0) { e.preventDefault(); d.focus(); return; }
    const first = f[0], last = f[f.length - 1], a = document.activeElement;
    if (e.shiftKey && (a === first || a === d || !d.contains(a))) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (a === last || !d.contains(a))) { e.preventDefault(); first.focus(); }
  });
  new MutationObserver(() => {
    const a = document.activeElement;
    if (d.isConnected && (a === null || a === document.body)) d.focus({ preventScroll: true });
  }).observe(d, { childList: true, subtree: true });
  if (!d.contains(document.activeElement)) d.focus({ preventScroll: true });
}
"#;

/// The theme root, stylesheet, backdrop and modal dialog around the current screen.
#[component]
pub fn ConnectShell(
    /// How the UI is hosted.
    mode: HostingMode,
    /// `light` or `dark` (the `data-theme` attribute).
    theme: String,
    /// Inline brand overrides (`ThemeStyle::to_inline_css`).
    #[props(default)]
    brand_css: String,
    /// The UI language tag (`lang` attribute).
    #[props(default = "en".to_string())]
    language: String,
    /// Show the "Secured by Nango" footer.
    #[props(default)]
    show_watermark: bool,
    /// The dialog element id (unique per page when several UIs are shown, as in the gallery).
    #[props(default = "nango-connect-dialog".to_string())]
    dialog_id: String,
    /// Escape or a click outside the dialog (`None`: nothing to close, e.g. connect link).
    #[props(default)]
    on_close_request: Option<EventHandler<CloseTrigger>>,
    /// The screen.
    children: Element,
) -> Element {
    let i18n = use_connect_i18n();
    let mode_attr = match mode {
        HostingMode::Overlay => "overlay",
        HostingMode::ConnectLink => "connect-link",
        HostingMode::Embedded => "embedded",
    };
    let trap_id = dialog_id.clone();
    rsx! {
        div {
            class: "nango-connect nc-root",
            "data-theme": "{theme}",
            "data-mode": mode_attr,
            lang: "{language}",
            style: "{brand_css}",
            onkeydown: move |evt: KeyboardEvent| {
                if evt.key() == Key::Escape
                    && let Some(handler) = on_close_request
                {
                    evt.stop_propagation();
                    handler.call(CloseTrigger::Outside);
                }
            },
            style { dangerous_inner_html: STYLES }
            if mode == HostingMode::Overlay {
                div {
                    class: "nc-backdrop",
                    "data-testid": "backdrop",
                    onclick: move |_| {
                        if let Some(handler) = on_close_request {
                            handler.call(CloseTrigger::Outside);
                        }
                    },
                }
            }
            div {
                id: "{dialog_id}",
                class: "nc-dialog",
                role: "dialog",
                aria_modal: "true",
                aria_labelledby: TITLE_ID,
                aria_label: i18n.text(MessageKey::CommonDialogLabel),
                tabindex: "-1",
                onmounted: move |_| {
                    let eval = document::eval(FOCUS_TRAP_JS);
                    let _sent = eval.send(trap_id.clone());
                },
                div { class: "nc-scroll", {children} }
                if show_watermark {
                    footer { class: "nc-watermark",
                        a {
                            class: "nc-watermark__link",
                            href: "https://nango.dev?utm_source=connectui",
                            target: "_blank",
                            rel: "noopener noreferrer",
                            Icon { name: IconName::Lock }
                            span { {i18n.text(MessageKey::CommonSecuredBy)} }
                            span { class: "nc-watermark__brand", "Nango" }
                            span { class: "nc-sr-only", {i18n.text(MessageKey::CommonOpensInNewTab)} }
                        }
                    }
                }
            }
        }
    }
}

/// The header row of a screen: an optional Back link and an optional close X.
#[component]
pub fn DialogHeader(
    /// Shows Back (with its text) when set.
    #[props(default)]
    on_back: Option<EventHandler<()>>,
    /// Shows the close X when set.
    #[props(default)]
    on_close: Option<EventHandler<()>>,
) -> Element {
    let i18n = use_connect_i18n();
    let back = i18n.text(MessageKey::CommonBack);
    rsx! {
        div { class: "nc-header",
            if let Some(handler) = on_back {
                button {
                    r#type: "button",
                    class: "nc-link-button nc-header__back",
                    "data-testid": "back",
                    title: "{back}",
                    onclick: move |_| handler.call(()),
                    Icon { name: IconName::ArrowLeft }
                    span { "{back}" }
                }
            }
            span { class: "nc-header__spacer" }
            if let Some(handler) = on_close {
                button {
                    r#type: "button",
                    class: "nc-icon-button nc-header__close",
                    "data-testid": "close",
                    aria_label: i18n.text(MessageKey::CommonClose),
                    title: i18n.text(MessageKey::CommonClose),
                    onclick: move |_| handler.call(()),
                    Icon { name: IconName::Close }
                }
            }
        }
    }
}
