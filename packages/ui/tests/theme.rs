//! Theme precedence, CSS colour parsing, WCAG contrast and brand overrides.

use nango_ui::theme::{
    Colour, ColourParseError, DEFAULT_PRIMARY, Theme, ThemePreference, ThemeStyle, on_primary,
    resolve_theme,
};
use proptest::prelude::*;

fn pref(value: &str) -> Option<ThemePreference> {
    ThemePreference::parse(value)
}

#[test]
fn preference_parses_only_the_three_wire_values() {
    assert_eq!(pref("light"), Some(ThemePreference::Light));
    assert_eq!(pref("dark"), Some(ThemePreference::Dark));
    assert_eq!(pref("system"), Some(ThemePreference::System));
    for invalid in ["", "Dark", "auto", "light ", "blue"] {
        assert_eq!(pref(invalid), None, "{invalid:?}");
    }
}

#[test]
fn url_theme_wins_over_session_default() {
    assert_eq!(
        resolve_theme(pref("dark"), pref("light"), false),
        Theme::Dark
    );
    assert_eq!(
        resolve_theme(pref("light"), pref("dark"), true),
        Theme::Light
    );
    assert_eq!(
        resolve_theme(pref("system"), pref("light"), true),
        Theme::Dark
    );
}

#[test]
fn invalid_url_theme_falls_back_to_session_default() {
    assert_eq!(
        resolve_theme(pref("neon"), pref("dark"), false),
        Theme::Dark
    );
    assert_eq!(resolve_theme(None, pref("light"), true), Theme::Light);
}

#[test]
fn system_follows_os_when_nothing_else_is_set() {
    assert_eq!(resolve_theme(None, None, true), Theme::Dark);
    assert_eq!(resolve_theme(None, None, false), Theme::Light);
    assert_eq!(resolve_theme(None, pref("system"), true), Theme::Dark);
    assert_eq!(resolve_theme(None, pref("system"), false), Theme::Light);
}

#[test]
fn parses_hex_forms() {
    assert_eq!(Colour::parse("#00B2E3"), Ok(Colour::rgb(0, 0xb2, 0xe3)));
    assert_eq!(Colour::parse("#0be"), Ok(Colour::rgb(0, 0xbb, 0xee)));
    assert_eq!(
        Colour::parse("#0be8"),
        Ok(Colour {
            r: 0,
            g: 0xbb,
            b: 0xee,
            a: 0x88
        })
    );
    assert_eq!(
        Colour::parse("  #00b2e380 "),
        Ok(Colour {
            r: 0,
            g: 0xb2,
            b: 0xe3,
            a: 0x80
        })
    );
    for bad in [
        "#",
        "#12",
        "#12345",
        "#1234567",
        "#gggggg",
        "#00b2e3ff00",
        "#é00",
    ] {
        assert!(
            matches!(Colour::parse(bad), Err(ColourParseError::InvalidHex(_))),
            "{bad}"
        );
    }
}

#[test]
fn parses_rgb_functions() {
    assert_eq!(
        Colour::parse("rgb(0, 178, 227)"),
        Ok(Colour::rgb(0, 178, 227))
    );
    assert_eq!(
        Colour::parse("RGB(0 178 227)"),
        Ok(Colour::rgb(0, 178, 227))
    );
    assert_eq!(
        Colour::parse("rgb(100%, 50%, 0%)"),
        Ok(Colour::rgb(255, 128, 0))
    );
    assert_eq!(
        Colour::parse("rgba(0, 178, 227, 0.5)"),
        Ok(Colour {
            r: 0,
            g: 178,
            b: 227,
            a: 128
        })
    );
    assert_eq!(
        Colour::parse("rgb(0 178 227 / 25%)"),
        Ok(Colour {
            r: 0,
            g: 178,
            b: 227,
            a: 64
        })
    );
    assert_eq!(
        Colour::parse("rgb(300, -5, 12.6)"),
        Ok(Colour::rgb(255, 0, 13))
    );
    for bad in [
        "rgb(1, 2)",
        "rgb(1, 2, 3",
        "rgb(a, b, c)",
        "rgb(1 2 3 4)",
        "rgb(nan, 1, 2)",
        "rgb()",
    ] {
        assert!(
            matches!(
                Colour::parse(bad),
                Err(ColourParseError::InvalidFunction(_))
            ),
            "{bad}"
        );
    }
}

#[test]
fn parses_named_colours_and_rejects_others() {
    assert_eq!(Colour::parse("teal"), Ok(Colour::rgb(0, 0x80, 0x80)));
    assert_eq!(
        Colour::parse("RebeccaPurple"),
        Ok(Colour::rgb(0x66, 0x33, 0x99))
    );
    assert_eq!(Colour::parse("white"), Ok(Colour::WHITE));
    assert_eq!(Colour::parse("transparent").map(|c| c.a), Ok(0));
    assert_eq!(Colour::parse(""), Err(ColourParseError::Empty));
    assert!(matches!(
        Colour::parse("hsl(0 100% 50%)"),
        Err(ColourParseError::Unsupported(_))
    ));
    assert!(matches!(
        Colour::parse("notacolour"),
        Err(ColourParseError::Unsupported(_))
    ));
}

#[test]
fn wcag_reference_values() {
    assert!((Colour::BLACK.contrast_ratio(Colour::WHITE) - 21.0).abs() < 1e-9);
    assert!((Colour::WHITE.contrast_ratio(Colour::WHITE) - 1.0).abs() < 1e-9);
    // #767676 on white is the classic 4.54:1 grey.
    let grey = Colour::rgb(0x76, 0x76, 0x76).contrast_ratio(Colour::WHITE);
    assert!((grey - 4.54).abs() < 0.01, "{grey}");
    // Nango's default: white on #00B2E3 fails AA (spec §9.11), black passes.
    assert!(DEFAULT_PRIMARY.contrast_ratio(Colour::WHITE) < 3.0);
    assert!(DEFAULT_PRIMARY.contrast_ratio(Colour::BLACK) > 8.0);
}

#[test]
fn default_primary_gets_dark_text() {
    assert_eq!(on_primary(DEFAULT_PRIMARY), Colour::BLACK);
    assert_eq!(on_primary(Colour::rgb(0x1d, 0x4e, 0xd8)), Colour::WHITE);
}

#[test]
fn theme_style_applies_session_primary_or_falls_back() {
    let navy = ThemeStyle::new(Theme::Light, Some("navy"));
    assert_eq!(navy.primary, Colour::rgb(0, 0, 0x80));
    assert_eq!(navy.on_primary, Colour::WHITE);
    let fallback = ThemeStyle::new(Theme::Light, Some("not a colour"));
    assert_eq!(fallback.primary, DEFAULT_PRIMARY);
    assert_eq!(fallback.on_primary, Colour::BLACK);
    let css = navy.to_inline_css();
    assert!(css.contains("--nango-primary: #000080;"), "{css}");
    assert!(css.contains("--nango-on-primary: #ffffff;"), "{css}");
    assert!(css.contains("--nango-primary-hover: "), "{css}");
    assert!(css.contains("--nango-primary-active: "), "{css}");
}

#[test]
fn theme_style_picks_the_effective_themes_primary() {
    let light = ThemeStyle::from_primaries(Theme::Light, Some("#ff0000"), Some("#00ff00"));
    let dark = ThemeStyle::from_primaries(Theme::Dark, Some("#ff0000"), Some("#00ff00"));
    assert_eq!(light.primary, Colour::rgb(255, 0, 0));
    assert_eq!(dark.primary, Colour::rgb(0, 255, 0));
}

#[test]
fn translucent_primary_is_composited_over_the_surface() {
    let style = ThemeStyle::new(Theme::Dark, Some("rgb(255 255 255 / 0%)"));
    assert_eq!(style.primary, Colour::rgb(0x0b, 0x0b, 0x0c));
    assert_eq!(style.on_primary, Colour::WHITE);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn on_primary_always_reaches_aa(r: u8, g: u8, b: u8) {
        let primary = Colour::rgb(r, g, b);
        let text = on_primary(primary);
        prop_assert!(text.contrast_ratio(primary) >= 4.5);
    }

    #[test]
    fn theme_style_keeps_aa_and_visible_focus(r: u8, g: u8, b: u8, a: u8, dark: bool) {
        let theme = if dark { Theme::Dark } else { Theme::Light };
        let css = format!("#{r:02x}{g:02x}{b:02x}{a:02x}");
        let style = ThemeStyle::new(theme, Some(&css));
        for background in [style.primary, style.primary_hover, style.primary_active] {
            prop_assert!(style.on_primary.contrast_ratio(background) >= 4.5);
        }
        let subtle = if dark { nango_ui::theme::DARK_SUBTLE } else { nango_ui::theme::LIGHT_SUBTLE };
        prop_assert!(style.focus_ring.contrast_ratio(subtle) >= 3.0);
    }

    #[test]
    fn hex_round_trips(r: u8, g: u8, b: u8, a: u8) {
        let colour = Colour { r, g, b, a };
        prop_assert_eq!(Colour::parse(&colour.to_hex()), Ok(colour));
    }

    #[test]
    fn parse_never_panics(input in ".{0,40}") {
        let _ = Colour::parse(&input);
    }
}

/// Every RGB value, exhaustively: the proof the proptest samples.
#[test]
fn on_primary_reaches_aa_for_every_rgb_colour() {
    let mut worst = f64::MAX;
    for r in 0..=255u8 {
        for g in 0..=255u8 {
            for b in (0..=255u8).step_by(1) {
                let primary = Colour::rgb(r, g, b);
                worst = worst.min(on_primary(primary).contrast_ratio(primary));
            }
        }
    }
    assert!(worst >= 4.5, "worst contrast {worst}");
}
