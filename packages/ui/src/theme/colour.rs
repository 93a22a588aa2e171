//! CSS colour values: parsing, WCAG luminance and contrast, mixing, and readable text on a colour.

use super::named::named_colour;

/// An sRGB colour with 8-bit channels and alpha (255 = opaque).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red channel.
    pub r: u8,
    /// Green channel.
    pub g: u8,
    /// Blue channel.
    pub b: u8,
    /// Alpha channel (0 = transparent, 255 = opaque).
    pub a: u8,
}

/// Why a string is not a CSS colour this module understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ColourParseError {
    /// The input is empty.
    #[error("empty colour value")]
    Empty,
    /// A `#` colour whose digits are not 3, 4, 6 or 8 hex digits.
    #[error("invalid hex colour `{0}`")]
    InvalidHex(String),
    /// An `rgb()`/`rgba()` function with bad arguments.
    #[error("invalid rgb() colour `{0}`")]
    InvalidFunction(String),
    /// Neither hex, `rgb()` nor a CSS named colour.
    #[error("unsupported colour `{0}`")]
    Unsupported(String),
}

impl Colour {
    /// Pure black.
    pub const BLACK: Colour = Colour::rgb(0, 0, 0);
    /// Pure white.
    pub const WHITE: Colour = Colour::rgb(255, 255, 255);

    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour { r, g, b, a: 255 }
    }

    /// Parses a CSS colour: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (legacy comma
    /// or modern space syntax, integer/decimal or percentage channels, optional alpha as a number
    /// or percentage), `transparent`, or a CSS named colour. Case-insensitive; surrounding spaces ignored.
    pub fn parse(input: &str) -> Result<Colour, ColourParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ColourParseError::Empty);
        }
        let lower = text.to_ascii_lowercase();
        if let Some(hex) = lower.strip_prefix('#') {
            return parse_hex(hex).ok_or_else(|| ColourParseError::InvalidHex(text.to_owned()));
        }
        let function_args = lower
            .strip_prefix("rgba(")
            .or_else(|| lower.strip_prefix("rgb("));
        if let Some(rest) = function_args {
            return rest
                .strip_suffix(')')
                .and_then(parse_rgb_args)
                .ok_or_else(|| ColourParseError::InvalidFunction(text.to_owned()));
        }
        if lower == "transparent" {
            return Ok(Colour {
                r: 0,
                g: 0,
                b: 0,
                a: 0,
            });
        }
        named_colour(&lower).ok_or_else(|| ColourParseError::Unsupported(text.to_owned()))
    }

    /// WCAG 2.x relative luminance (0 = black, 1 = white), ignoring alpha.
    pub fn relative_luminance(self) -> f64 {
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG contrast ratio between two opaque colours (1.0 to 21.0, symmetric).
    pub fn contrast_ratio(self, other: Colour) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        let (lighter, darker) = if a >= b { (a, b) } else { (b, a) };
        (lighter + 0.05) / (darker + 0.05)
    }

    /// This colour drawn over an opaque `background` (alpha compositing), as an opaque colour.
    pub fn over(self, background: Colour) -> Colour {
        let alpha = f64::from(self.a) / 255.0;
        let blend = |fg: u8, bg: u8| -> u8 {
            channel(f64::from(fg) * alpha + f64::from(bg) * (1.0 - alpha))
        };
        Colour::rgb(
            blend(self.r, background.r),
            blend(self.g, background.g),
            blend(self.b, background.b),
        )
    }

    /// Linear sRGB mix: `amount` 0 gives `self`, 1 gives `other` (clamped); alpha is kept.
    pub fn mix(self, other: Colour, amount: f64) -> Colour {
        let t = amount.clamp(0.0, 1.0);
        let lerp = |a: u8, b: u8| channel(f64::from(a) + (f64::from(b) - f64::from(a)) * t);
        Colour {
            r: lerp(self.r, other.r),
            g: lerp(self.g, other.g),
            b: lerp(self.b, other.b),
            a: self.a,
        }
    }

    /// The closest mix of this colour towards black or white (whichever contrasts more with
    /// `background`) that reaches `min_ratio` against `background`. Ratios up to 4.5 are always
    /// reachable; higher ones may end at pure black or white.
    pub fn with_min_contrast(self, background: Colour, min_ratio: f64) -> Colour {
        let target = best_text_on(background);
        (0..=64)
            .map(|step| self.mix(target, f64::from(step) / 64.0))
            .find(|candidate| candidate.contrast_ratio(background) >= min_ratio)
            .unwrap_or(target)
    }

    /// `#rrggbb` (or `#rrggbbaa` when not opaque), lower case.
    pub fn to_hex(self) -> String {
        if self.a == 255 {
            format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            format!("#{:02x}{:02x}{:02x}{:02x}", self.r, self.g, self.b, self.a)
        }
    }
}

impl std::fmt::Display for Colour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl std::str::FromStr for Colour {
    type Err = ColourParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Colour::parse(s)
    }
}

/// Black or white, whichever has the higher contrast with `background`.
fn best_text_on(background: Colour) -> Colour {
    let opaque = Colour {
        a: 255,
        ..background
    };
    if opaque.contrast_ratio(Colour::BLACK) >= opaque.contrast_ratio(Colour::WHITE) {
        Colour::BLACK
    } else {
        Colour::WHITE
    }
}

/// The text colour for content on a `primary` surface: pure black or pure white, whichever
/// contrasts more. Black and white are the only pair for which the better one always reaches
/// 4.5:1 (the worst case, at luminance ≈ 0.18, is √21 ≈ 4.58:1); any softer pair (e.g. #18191b
/// and white) dips below AA for mid-tones. A translucent primary is judged by its RGB; composite
/// it over the surface first ([`Colour::over`]) for an exact answer.
pub fn on_primary(primary: Colour) -> Colour {
    best_text_on(primary)
}

/// Rounds and clamps a channel value to 0–255.
fn channel(value: f64) -> u8 {
    // The clamp makes the cast exact.
    value.round().clamp(0.0, 255.0) as u8
}

fn parse_hex(hex: &str) -> Option<Colour> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
    let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    match hex.len() {
        3 | 4 => {
            let r = digit(0)? * 17;
            let g = digit(1)? * 17;
            let b = digit(2)? * 17;
            let a = if hex.len() == 4 { digit(3)? * 17 } else { 255 };
            Some(Colour { r, g, b, a })
        }
        6 | 8 => {
            let a = if hex.len() == 8 { pair(6)? } else { 255 };
            Some(Colour {
                r: pair(0)?,
                g: pair(2)?,
                b: pair(4)?,
                a,
            })
        }
        _ => None,
    }
}

/// Parses the inside of `rgb(...)`: `r, g, b[, a]` or `r g b[ / a]`.
fn parse_rgb_args(args: &str) -> Option<Colour> {
    let (channels, alpha): (Vec<&str>, Option<&str>) = if args.contains(',') {
        let parts: Vec<&str> = args.split(',').map(str::trim).collect();
        match parts.len() {
            3 => (parts, None),
            4 => (parts[..3].to_vec(), Some(parts[3])),
            _ => return None,
        }
    } else {
        let (colour_part, alpha_part) = match args.split_once('/') {
            Some((c, a)) => (c, Some(a.trim())),
            None => (args, None),
        };
        let parts: Vec<&str> = colour_part.split_whitespace().collect();
        if parts.len() != 3 {
            return None;
        }
        (parts, alpha_part)
    };
    let r = parse_channel(channels.first()?)?;
    let g = parse_channel(channels.get(1)?)?;
    let b = parse_channel(channels.get(2)?)?;
    let a = match alpha {
        Some(text) => parse_alpha(text)?,
        None => 255,
    };
    Some(Colour { r, g, b, a })
}

fn parse_number(text: &str) -> Option<f64> {
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(value)
}

fn parse_channel(text: &str) -> Option<u8> {
    match text.strip_suffix('%') {
        Some(percent) => Some(channel(parse_number(percent)? / 100.0 * 255.0)),
        None => Some(channel(parse_number(text)?)),
    }
}

fn parse_alpha(text: &str) -> Option<u8> {
    let fraction = match text.strip_suffix('%') {
        Some(percent) => parse_number(percent)? / 100.0,
        None => parse_number(text)?,
    };
    Some(channel(fraction.clamp(0.0, 1.0) * 255.0))
}
