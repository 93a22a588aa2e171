//! Integration logos on a white tile, with an initials avatar when the logo is missing or fails
//! to load, and an optional success/failure badge.

use dioxus::prelude::*;

use super::icons::{Icon, IconName};
use super::integrations::search::case_map;
use crate::i18n::{MessageKey, use_connect_i18n};

/// Tile sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogoSize {
    /// 40 px, in integration cards.
    Card,
    /// 64 px, above a screen's heading.
    Hero,
}

/// A status badge on the tile's corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogoBadge {
    /// Green check (success screen).
    Success,
    /// Red cross (failure screen).
    Failure,
}

/// Up to two initials of a display name (`"Google Calendar"` → `"GC"`, `"github"` → `"G"`).
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '(')
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        // `char::to_uppercase` without the standard library's 12 KB table.
        .flat_map(case_map::uppercase)
        .collect()
}

/// A stable hue (0–359) for a name, so each initials avatar keeps its colour.
pub fn avatar_hue(name: &str) -> u32 {
    name.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    }) % 360
}

/// A logo tile.
#[component]
pub fn LogoTile(
    /// Logo URL (empty: initials).
    src: String,
    /// The integration's display name (alt text, initials).
    name: String,
    /// Tile size.
    size: LogoSize,
    /// Optional corner badge.
    #[props(default)]
    badge: Option<LogoBadge>,
) -> Element {
    let i18n = use_connect_i18n();
    // The source that failed to load (a new source gets a new chance).
    let mut failed_src = use_signal(|| None::<String>);
    let size_class = match size {
        LogoSize::Card => "nc-logo--card",
        LogoSize::Hero => "nc-logo--hero",
    };
    let show_image = !src.is_empty() && failed_src().as_deref() != Some(src.as_str());
    let error_src = src.clone();
    let alt = i18n.text_with(MessageKey::CommonLogoAlt, &[("provider", &name)]);
    let hue = avatar_hue(&name);
    rsx! {
        div { class: "nc-logo {size_class}", "data-testid": "logo",
            if show_image {
                img {
                    class: "nc-logo__img",
                    src: "{src}",
                    alt: "{alt}",
                    loading: "lazy",
                    decoding: "async",
                    draggable: "false",
                    onerror: move |_| failed_src.set(Some(error_src.clone())),
                }
            } else {
                // Decorative (the integration's name is next to or labels the tile): drawn by CSS
                // from `data-initials`, so it is neither read out nor visible text that a card's
                // accessible name would have to contain (WCAG 2.5.3).
                span {
                    class: "nc-logo__initials",
                    aria_hidden: "true",
                    "data-initials": initials(&name),
                    style: "--nc-avatar-hue: {hue};",
                }
            }
            match badge {
                Some(LogoBadge::Success) => rsx! {
                    span { class: "nc-logo__badge nc-logo__badge--success", "data-testid": "badge-success",
                        Icon { name: IconName::Check }
                    }
                },
                Some(LogoBadge::Failure) => rsx! {
                    span { class: "nc-logo__badge nc-logo__badge--failure", "data-testid": "badge-failure",
                        Icon { name: IconName::Close }
                    }
                },
                None => rsx! {},
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Google Calendar"), "GC");
        assert_eq!(initials("github"), "G");
        assert_eq!(initials("GitHub (User OAuth)"), "GU");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("élan vital"), "ÉV");
        assert_eq!(initials("яндекс диск"), "ЯД");
        // Upper-casing can give several characters, as `char::to_uppercase` does.
        assert_eq!(initials("ßeta"), "SS");
    }

    #[test]
    fn hues_are_stable_and_in_range() {
        assert_eq!(avatar_hue("Slack"), avatar_hue("Slack"));
        assert!(avatar_hue("anything") < 360);
    }
}
