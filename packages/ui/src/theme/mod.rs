//! Theming: light/dark resolution, CSS colour handling with WCAG contrast, brand overrides, and
//! the design tokens stylesheet.

mod colour;
mod mode;
mod named;
mod style;

pub use colour::{Colour, ColourParseError, on_primary};
pub use mode::{Theme, ThemePreference, resolve_theme};
pub use style::ThemeStyle;

/// The design tokens (`assets/tokens.css`): CSS custom properties for both palettes, to be loaded
/// once per document (e.g. in a `<style>` element).
pub const TOKENS_CSS: &str = include_str!("../../../../assets/tokens.css");

/// Our default primary: Nango's brand cyan `#00B2E3`. White text on it is only ≈2.5:1 (fails AA,
/// spec §9.11), so text on it is black (≈8.5:1), as [`on_primary`] picks.
pub const DEFAULT_PRIMARY: Colour = Colour::rgb(0x00, 0xb2, 0xe3);

/// Surface colour of the light palette (`--nango-surface`).
pub const LIGHT_SURFACE: Colour = Colour::rgb(0xff, 0xff, 0xff);

/// Surface colour of the dark palette (`--nango-surface`).
pub const DARK_SURFACE: Colour = Colour::rgb(0x0b, 0x0b, 0x0c);

/// Subtle background of the light palette (`--nango-subtle`).
pub const LIGHT_SUBTLE: Colour = Colour::rgb(0xf0, 0xf0, 0xf0);

/// Subtle background of the dark palette (`--nango-subtle`).
pub const DARK_SUBTLE: Colour = Colour::rgb(0x2a, 0x2b, 0x2f);
