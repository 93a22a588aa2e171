//! Per-session brand colours turned into inline CSS custom-property overrides.

use super::colour::{Colour, on_primary};
use super::mode::Theme;
use super::{DARK_SUBTLE, DARK_SURFACE, DEFAULT_PRIMARY, LIGHT_SUBTLE, LIGHT_SURFACE};

/// How far hover and active shades move the primary away from its text colour.
const HOVER_MIX: f64 = 0.12;
const ACTIVE_MIX: f64 = 0.24;
/// WCAG 1.4.11 minimum for a focus indicator against the surface.
const FOCUS_RING_MIN_CONTRAST: f64 = 3.0;

/// The brand colours of one theme, derived from a session's primary colour.
///
/// The primary is composited over the theme's surface (so a translucent brand colour is judged as
/// seen), text on it is black or white by contrast ([`on_primary`]), hover/active shades move away
/// from that text colour (so they keep at least the same contrast), and the focus ring is the
/// primary adjusted until it reaches 3:1 against the `subtle` background, the hardest of the
/// palette's backgrounds for it (so it holds on surface and elevated blocks too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeStyle {
    /// The theme these colours are for.
    pub theme: Theme,
    /// Primary (button) background.
    pub primary: Colour,
    /// Text and icons on the primary background.
    pub on_primary: Colour,
    /// Primary background on hover.
    pub primary_hover: Colour,
    /// Primary background while pressed.
    pub primary_active: Colour,
    /// Focus ring colour.
    pub focus_ring: Colour,
}

impl ThemeStyle {
    /// Colours for `theme` from a CSS colour string (`connectUISettings.theme.<theme>.primary`);
    /// a missing or unparseable colour gives our default primary.
    pub fn new(theme: Theme, primary_css: Option<&str>) -> ThemeStyle {
        let (surface, subtle) = match theme {
            Theme::Light => (LIGHT_SURFACE, LIGHT_SUBTLE),
            Theme::Dark => (DARK_SURFACE, DARK_SUBTLE),
        };
        let primary = primary_css
            .and_then(|css| Colour::parse(css).ok())
            .unwrap_or(DEFAULT_PRIMARY)
            .over(surface);
        let text = on_primary(primary);
        ThemeStyle {
            theme,
            primary,
            on_primary: text,
            primary_hover: primary.mix(inverse(text), HOVER_MIX),
            primary_active: primary.mix(inverse(text), ACTIVE_MIX),
            focus_ring: primary.with_min_contrast(subtle, FOCUS_RING_MIN_CONTRAST),
        }
    }

    /// Colours for the effective theme from the session's light and dark primaries.
    pub fn from_primaries(theme: Theme, light: Option<&str>, dark: Option<&str>) -> ThemeStyle {
        match theme {
            Theme::Light => ThemeStyle::new(Theme::Light, light),
            Theme::Dark => ThemeStyle::new(Theme::Dark, dark),
        }
    }

    /// Inline `style` declarations overriding the brand tokens of `assets/tokens.css`.
    pub fn to_inline_css(&self) -> String {
        format!(
            "--nango-primary: {}; --nango-on-primary: {}; --nango-primary-hover: {}; \
             --nango-primary-active: {}; --nango-focus-ring: {};",
            self.primary, self.on_primary, self.primary_hover, self.primary_active, self.focus_ring
        )
    }
}

/// White for black text and black for white text: the direction that raises contrast.
fn inverse(text: Colour) -> Colour {
    if text == Colour::BLACK {
        Colour::WHITE
    } else {
        Colour::BLACK
    }
}
