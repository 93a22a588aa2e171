//! Checks assets/tokens.css: every listed text/background pair meets WCAG AA in both palettes,
//! and the Rust constants and default brand shades agree with the stylesheet.

use std::collections::BTreeMap;

use nango_ui::theme::{
    Colour, DARK_SUBTLE, DARK_SURFACE, DEFAULT_PRIMARY, LIGHT_SUBTLE, LIGHT_SURFACE, TOKENS_CSS,
    Theme, ThemeStyle,
};

type Block = BTreeMap<String, String>;

/// Custom properties per rule, keyed by the nesting path of selectors (`@media … >> selector`).
fn parse_blocks(css: &str) -> BTreeMap<String, Block> {
    let mut without_comments = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("closed comment") + start + 2;
        rest = &rest[end..];
    }
    without_comments.push_str(rest);

    let mut blocks: BTreeMap<String, Block> = BTreeMap::new();
    let mut stack: Vec<String> = Vec::new();
    let mut pending = String::new();
    for ch in without_comments.chars() {
        match ch {
            '{' => {
                stack.push(pending.split_whitespace().collect::<Vec<_>>().join(" "));
                pending.clear();
            }
            ';' | '}' => {
                let declaration = pending.trim();
                if let Some((name, value)) = declaration.split_once(':')
                    && name.trim().starts_with("--")
                {
                    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
                    blocks
                        .entry(stack.join(" >> "))
                        .or_default()
                        .insert(name.trim().to_owned(), value);
                }
                pending.clear();
                if ch == '}' {
                    stack.pop();
                }
            }
            _ => pending.push(ch),
        }
    }
    blocks
}

const LIGHT: &str = ":root, .nango-connect";
const DARK: &str = ".nango-connect[data-theme=\"dark\"], .nango-connect.dark, .dark .nango-connect";
const SYSTEM_DARK: &str =
    "@media (prefers-color-scheme: dark) >> .nango-connect[data-theme=\"system\"]";

/// The light palette, with the dark block layered over it when `dark`.
fn palette(dark: bool) -> Block {
    let blocks = parse_blocks(TOKENS_CSS);
    let mut palette = blocks.get(LIGHT).expect("light block").clone();
    if dark {
        palette.extend(blocks.get(DARK).expect("dark block").clone());
    }
    palette
}

fn colour(palette: &Block, name: &str) -> Colour {
    let value = palette
        .get(name)
        .unwrap_or_else(|| panic!("token {name} missing"));
    Colour::parse(value).unwrap_or_else(|e| panic!("token {name}: {e}"))
}

/// (foreground, backgrounds) pairs for body text: 4.5:1.
const TEXT_PAIRS: &[(&str, &[&str])] = &[
    (
        "--nango-text-primary",
        &[
            "--nango-surface",
            "--nango-elevated",
            "--nango-subtle",
            "--nango-dropdown-bg-default",
            "--nango-dropdown-bg-hover",
            "--nango-dropdown-bg-press",
        ],
    ),
    (
        "--nango-text-secondary",
        &[
            "--nango-surface",
            "--nango-elevated",
            "--nango-subtle",
            "--nango-dropdown-bg-default",
            "--nango-dropdown-bg-hover",
            "--nango-dropdown-bg-press",
        ],
    ),
    (
        "--nango-text-tertiary",
        &[
            "--nango-surface",
            "--nango-elevated",
            "--nango-subtle",
            "--nango-dropdown-bg-default",
            "--nango-dropdown-bg-hover",
        ],
    ),
    (
        "--nango-on-primary",
        &[
            "--nango-primary",
            "--nango-primary-hover",
            "--nango-primary-active",
        ],
    ),
    (
        "--nango-error",
        &["--nango-surface", "--nango-elevated", "--nango-error-bg"],
    ),
    ("--nango-warning", &["--nango-warning-bg"]),
    (
        "--nango-success",
        &["--nango-surface", "--nango-elevated", "--nango-success-bg"],
    ),
];

/// (non-text foreground, backgrounds): focus indicators and control outlines, 3:1.
const UI_PAIRS: &[(&str, &[&str])] = &[
    (
        "--nango-focus-ring",
        &["--nango-surface", "--nango-elevated", "--nango-subtle"],
    ),
    (
        "--nango-border-control",
        &["--nango-surface", "--nango-elevated"],
    ),
];

fn check_pairs(dark: bool, pairs: &[(&str, &[&str])], minimum: f64) -> Vec<String> {
    let palette = palette(dark);
    let mut failures = Vec::new();
    for (foreground, backgrounds) in pairs {
        for background in *backgrounds {
            let ratio = colour(&palette, foreground).contrast_ratio(colour(&palette, background));
            if ratio < minimum {
                failures.push(format!(
                    "{} {foreground} on {background}: {ratio:.2} < {minimum}",
                    if dark { "dark" } else { "light" }
                ));
            }
        }
    }
    failures
}

#[test]
fn text_pairs_meet_aa_in_both_palettes() {
    let mut failures = check_pairs(false, TEXT_PAIRS, 4.5);
    failures.extend(check_pairs(true, TEXT_PAIRS, 4.5));
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn focus_ring_and_control_borders_meet_3_to_1() {
    let mut failures = check_pairs(false, UI_PAIRS, 3.0);
    failures.extend(check_pairs(true, UI_PAIRS, 3.0));
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn system_dark_block_repeats_the_dark_block() {
    let blocks = parse_blocks(TOKENS_CSS);
    assert_eq!(blocks.get(SYSTEM_DARK), blocks.get(DARK));
}

#[test]
fn rust_constants_match_the_stylesheet() {
    let light = palette(false);
    let dark = palette(true);
    assert_eq!(colour(&light, "--nango-primary"), DEFAULT_PRIMARY);
    assert_eq!(colour(&light, "--nango-surface"), LIGHT_SURFACE);
    assert_eq!(colour(&light, "--nango-subtle"), LIGHT_SUBTLE);
    assert_eq!(colour(&dark, "--nango-surface"), DARK_SURFACE);
    assert_eq!(colour(&dark, "--nango-subtle"), DARK_SUBTLE);
}

#[test]
fn default_brand_shades_match_theme_style() {
    for (theme, dark) in [(Theme::Light, false), (Theme::Dark, true)] {
        let palette = palette(dark);
        let style = ThemeStyle::new(theme, None);
        assert_eq!(
            colour(&palette, "--nango-primary"),
            style.primary,
            "{theme}"
        );
        assert_eq!(
            colour(&palette, "--nango-on-primary"),
            style.on_primary,
            "{theme}"
        );
        assert_eq!(
            colour(&palette, "--nango-primary-hover"),
            style.primary_hover,
            "{theme}"
        );
        assert_eq!(
            colour(&palette, "--nango-primary-active"),
            style.primary_active,
            "{theme}"
        );
        assert_eq!(
            colour(&palette, "--nango-focus-ring"),
            style.focus_ring,
            "{theme}"
        );
    }
}

#[test]
fn scales_and_reduced_motion_are_defined() {
    let light = palette(false);
    assert_eq!(light["--nango-font-size-body"], "14px");
    assert_eq!(light["--nango-control-height"], "36px");
    assert_eq!(light["--nango-button-height"], "40px");
    assert_eq!(light["--nango-button-height-lg"], "44px");
    assert!(light["--nango-font-sans"].starts_with("Inter, ui-sans-serif, system-ui"));
    let blocks = parse_blocks(TOKENS_CSS);
    let reduced = blocks
        .get("@media (prefers-reduced-motion: reduce) >> :root, .nango-connect")
        .expect("reduced-motion block");
    for duration in [
        "--nango-duration-fast",
        "--nango-duration-normal",
        "--nango-duration-slow",
    ] {
        assert!(light.contains_key(duration));
        assert_eq!(reduced[duration], "0ms");
    }
}
