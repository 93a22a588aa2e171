//! The gallery's address: which page (a story or the live section) and the controls, encoded in
//! the URL hash (`#/story/form-api-key?theme=dark&lang=fr&primary=%23ff5500&width=mobile`) so
//! any state can be linked, opened directly and screenshotted.

use nango_ui::Language;
use percent_encoding::{NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// The theme control.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
    /// Follow the operating system.
    System,
}

impl ThemeChoice {
    /// Every choice, in control order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
            ThemeChoice::System => "system",
        }
    }

    /// Parses a URL value.
    pub fn parse(value: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::System => "System",
        }
    }
}

/// The viewport control: the canvas width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Viewport {
    /// A desktop browser window.
    #[default]
    Desktop,
    /// A phone (390 px wide).
    Mobile,
}

impl Viewport {
    /// Every viewport, in control order.
    pub const ALL: [Viewport; 2] = [Viewport::Desktop, Viewport::Mobile];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Viewport::Desktop => "desktop",
            Viewport::Mobile => "mobile",
        }
    }

    /// Parses a URL value.
    pub fn parse(value: &str) -> Option<Viewport> {
        Viewport::ALL.into_iter().find(|v| v.as_str() == value)
    }

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            Viewport::Desktop => "Desktop",
            Viewport::Mobile => "Mobile",
        }
    }
}

/// The values control of form stories: what the fields hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormValuesChoice {
    /// Fresh form.
    #[default]
    Empty,
    /// Every field filled with a valid value.
    Valid,
    /// Bad values and a submit attempt: every error shows.
    Invalid,
    /// Connection config preconfigured by the session (those fields are hidden).
    Preconfigured,
}

impl FormValuesChoice {
    /// Every choice, in control order.
    pub const ALL: [FormValuesChoice; 4] = [
        FormValuesChoice::Empty,
        FormValuesChoice::Valid,
        FormValuesChoice::Invalid,
        FormValuesChoice::Preconfigured,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            FormValuesChoice::Empty => "empty",
            FormValuesChoice::Valid => "valid",
            FormValuesChoice::Invalid => "invalid",
            FormValuesChoice::Preconfigured => "preconfigured",
        }
    }

    /// Parses a URL value.
    pub fn parse(value: &str) -> Option<FormValuesChoice> {
        FormValuesChoice::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
    }

    /// The option label.
    pub fn label(self) -> &'static str {
        match self {
            FormValuesChoice::Empty => "Empty",
            FormValuesChoice::Valid => "Valid values",
            FormValuesChoice::Invalid => "Invalid values (submitted)",
            FormValuesChoice::Preconfigured => "Preconfigured by the session",
        }
    }
}

/// The nango-mock address of the live section when the page does not tell (the gallery served
/// by `cargo xtask demo` uses its own origin instead: [`crate::platform::default_mock_url`]).
pub const DEFAULT_MOCK_URL: &str = "http://127.0.0.1:3003";

/// Every control of the gallery.
#[derive(Clone, Debug, PartialEq)]
pub struct Controls {
    /// Theme.
    pub theme: ThemeChoice,
    /// Connect UI language.
    pub language: Language,
    /// Primary colour override (a CSS colour), else the session's default.
    pub primary: Option<String>,
    /// Canvas width.
    pub viewport: Viewport,
    /// Form values (form stories).
    pub values: FormValuesChoice,
    /// nango-mock's address (live section).
    pub mock_url: String,
}

impl Default for Controls {
    fn default() -> Self {
        Controls {
            theme: ThemeChoice::default(),
            language: Language::English,
            primary: None,
            viewport: Viewport::default(),
            values: FormValuesChoice::default(),
            mock_url: crate::platform::default_mock_url(),
        }
    }
}

/// Which page is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// A story by id.
    Story(String),
    /// The live flows against nango-mock.
    Live,
}

/// A full gallery address.
#[derive(Clone, Debug, PartialEq)]
pub struct GalleryRoute {
    /// The page.
    pub page: Page,
    /// The controls.
    pub controls: Controls,
}

impl GalleryRoute {
    /// The route of story `id` with default controls.
    pub fn story(id: &str) -> GalleryRoute {
        GalleryRoute {
            page: Page::Story(id.to_owned()),
            controls: Controls::default(),
        }
    }

    /// Parses a hash (`#/story/ID?k=v&…`, with or without the `#`). Unknown keys and bad values
    /// are ignored; an empty or unknown path gives `default_story`.
    pub fn parse(hash: &str, default_story: &str) -> GalleryRoute {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let path = path.trim_matches('/');
        let page = if path == "live" {
            Page::Live
        } else if let Some(id) = path.strip_prefix("story/").filter(|id| !id.is_empty()) {
            Page::Story(decode(id))
        } else {
            Page::Story(default_story.to_owned())
        };
        let mut controls = Controls::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "theme" => {
                    if let Some(theme) = ThemeChoice::parse(&value) {
                        controls.theme = theme;
                    }
                }
                "lang" => {
                    if let Some(language) = Language::from_tag(&value) {
                        controls.language = language;
                    }
                }
                "primary" if is_colour(&value) => controls.primary = Some(value),
                "width" => {
                    if let Some(viewport) = Viewport::parse(&value) {
                        controls.viewport = viewport;
                    }
                }
                "values" => {
                    if let Some(values) = FormValuesChoice::parse(&value) {
                        controls.values = values;
                    }
                }
                "mock" if value.starts_with("http://") || value.starts_with("https://") => {
                    controls.mock_url = value;
                }
                _ => {}
            }
        }
        GalleryRoute { page, controls }
    }

    /// The hash of this route (`#/…`); default controls are left out.
    pub fn to_hash(&self) -> String {
        let path = match &self.page {
            Page::Story(id) => format!("/story/{}", encode(id)),
            Page::Live => "/live".to_owned(),
        };
        let defaults = Controls::default();
        let c = &self.controls;
        let mut query = Vec::new();
        if c.theme != defaults.theme {
            query.push(format!("theme={}", c.theme.as_str()));
        }
        if c.language != defaults.language {
            query.push(format!("lang={}", c.language.tag()));
        }
        if let Some(primary) = &c.primary {
            query.push(format!("primary={}", encode(primary)));
        }
        if c.viewport != defaults.viewport {
            query.push(format!("width={}", c.viewport.as_str()));
        }
        if c.values != defaults.values {
            query.push(format!("values={}", c.values.as_str()));
        }
        if c.mock_url != defaults.mock_url {
            query.push(format!("mock={}", encode(&c.mock_url)));
        }
        if query.is_empty() {
            format!("#{path}")
        } else {
            format!("#{path}?{}", query.join("&"))
        }
    }
}

/// True for the colours the primary control accepts: `#rgb` or `#rrggbb`.
pub fn is_colour(value: &str) -> bool {
    value
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

fn encode(value: &str) -> String {
    utf8_percent_encode(value, NON_ALPHANUMERIC)
        .to_string()
        .replace("%2D", "-")
        .replace("%5F", "_")
        .replace("%2E", ".")
}

fn decode(value: &str) -> String {
    percent_decode_str(value).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_parses_and_round_trips() {
        let hash = "#/story/form-api-key?theme=dark&lang=fr&primary=%23ff5500&width=mobile";
        let route = GalleryRoute::parse(hash, "list");
        assert_eq!(route.page, Page::Story("form-api-key".into()));
        assert_eq!(route.controls.theme, ThemeChoice::Dark);
        assert_eq!(route.controls.language, Language::French);
        assert_eq!(route.controls.primary.as_deref(), Some("#ff5500"));
        assert_eq!(route.controls.viewport, Viewport::Mobile);
        assert_eq!(route.to_hash(), hash);
    }

    #[test]
    fn defaults_are_omitted_and_bad_values_ignored() {
        let route = GalleryRoute::parse("#/story/list?theme=purple&primary=red&lang=xx&x=1", "a");
        assert_eq!(route, GalleryRoute::story("list"));
        assert_eq!(route.to_hash(), "#/story/list");
        assert_eq!(GalleryRoute::parse("", "list"), GalleryRoute::story("list"));
        assert_eq!(GalleryRoute::parse("#/live", "list").page, Page::Live);
    }

    #[test]
    fn mock_url_and_values_round_trip() {
        let mut route = GalleryRoute::story("form-basic");
        route.controls.values = FormValuesChoice::Invalid;
        route.controls.mock_url = "http://localhost:4000".into();
        let hash = route.to_hash();
        assert_eq!(
            hash,
            "#/story/form-basic?values=invalid&mock=http%3A%2F%2Flocalhost%3A4000"
        );
        assert_eq!(GalleryRoute::parse(&hash, "x"), route);
    }
}
