//! Inline SVG icons (our own drawings on a 20×20 grid, stroked with `currentColor`). Every icon
//! is decorative (`aria-hidden`): the control around it carries the accessible name.

use dioxus::prelude::*;

/// The icons of the Connect UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IconName {
    /// A cross (close, failure badge).
    Close,
    /// Arrow pointing left (Back).
    ArrowLeft,
    /// Arrow pointing right (integration cards).
    ArrowRight,
    /// Chevron pointing down (disclosures, selects).
    ChevronDown,
    /// Box with an arrow leaving it (external links).
    ExternalLink,
    /// Circled "i" (field documentation links).
    Info,
    /// Triangle with "!" (alerts).
    Warning,
    /// Check mark (success badge, copied).
    Check,
    /// Magnifying glass (search box).
    Search,
    /// Two overlapping sheets (copy).
    Copy,
    /// Padlock (watermark).
    Lock,
    /// Plug (empty state).
    Plug,
    /// An open eye (show a secret).
    Eye,
    /// A struck-through eye (hide a secret).
    EyeOff,
    /// A circular arrow (reopen the sign-in window).
    Refresh,
}

impl IconName {
    /// The SVG path data of the icon (stroked).
    fn paths(self) -> &'static [&'static str] {
        match self {
            IconName::Close => &["M5 5l10 10", "M15 5L5 15"],
            IconName::ArrowLeft => &["M16 10H4", "M9 5l-5 5 5 5"],
            IconName::ArrowRight => &["M4 10h12", "M11 5l5 5-5 5"],
            IconName::ChevronDown => &["M5 8l5 5 5-5"],
            IconName::ExternalLink => &[
                "M11 4h5v5",
                "M16 4l-7 7",
                "M14 12v3a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h3",
            ],
            IconName::Info => &[
                "M10 17.5a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15z",
                "M10 9v5",
                "M10 6.25v.01",
            ],
            IconName::Warning => &[
                "M8.6 3.4L2.2 14.5A1.6 1.6 0 0 0 3.6 17h12.8a1.6 1.6 0 0 0 1.4-2.5L11.4 3.4a1.6 1.6 0 0 0-2.8 0z",
                "M10 8v3.5",
                "M10 14v.01",
            ],
            IconName::Check => &["M4.5 10.5l3.5 3.5 7.5-8"],
            IconName::Search => &[
                "M9 15.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z",
                "M17.5 17.5L13.8 13.8",
            ],
            IconName::Copy => &[
                "M8 7h8a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z",
                "M13 7V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h3",
            ],
            IconName::Lock => &[
                "M5.5 9h9a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1z",
                "M7 9V6.5a3 3 0 0 1 6 0V9",
            ],
            IconName::Plug => &[
                "M7 2.5v4",
                "M13 2.5v4",
                "M5 6.5h10v3a5 5 0 0 1-10 0z",
                "M10 14.5v3",
            ],
            IconName::Eye => &[
                "M1.8 10s3-5.8 8.2-5.8 8.2 5.8 8.2 5.8-3 5.8-8.2 5.8S1.8 10 1.8 10z",
                "M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z",
            ],
            IconName::EyeOff => &[
                "M8.2 4.4A7.9 7.9 0 0 1 10 4.2c5.2 0 8.2 5.8 8.2 5.8a14 14 0 0 1-1.9 2.7",
                "M12 12.1a2.5 2.5 0 0 1-4-2.9",
                "M14.7 14.7A8.3 8.3 0 0 1 10 15.8C4.8 15.8 1.8 10 1.8 10a14.5 14.5 0 0 1 3.5-4.7",
                "M2.5 2.5l15 15",
            ],
            IconName::Refresh => &["M16.5 10a6.5 6.5 0 1 1-1.9-4.6", "M16.5 3.5v3.5H13"],
        }
    }
}

/// One decorative icon, sized by CSS (`--nc-icon-size`, default 16 px).
#[component]
pub fn Icon(
    /// Which icon.
    name: IconName,
    /// Extra classes.
    #[props(default)]
    class: String,
) -> Element {
    rsx! {
        svg {
            class: "nc-icon {class}",
            view_box: "0 0 20 20",
            fill: "none",
            stroke: "currentColor",
            stroke_width: "1.6",
            stroke_linecap: "round",
            stroke_linejoin: "round",
            "aria-hidden": "true",
            "focusable": "false",
            for d in name.paths().iter() {
                path { d: "{d}" }
            }
        }
    }
}

/// A spinning progress ring (decorative; pair it with a status text).
#[component]
pub fn Spinner(
    /// Extra classes.
    #[props(default)]
    class: String,
) -> Element {
    rsx! {
        svg {
            class: "nc-spinner {class}",
            view_box: "0 0 20 20",
            fill: "none",
            "aria-hidden": "true",
            "focusable": "false",
            circle { cx: "10", cy: "10", r: "7.5", stroke: "currentColor", stroke_opacity: "0.25", stroke_width: "2.2" }
            path { d: "M17.5 10a7.5 7.5 0 0 0-7.5-7.5", stroke: "currentColor", stroke_width: "2.2", stroke_linecap: "round" }
        }
    }
}
