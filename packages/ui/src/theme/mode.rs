//! Light/dark theme choice and its precedence (spec §5.1).

/// The theme actually shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Light palette (the default).
    #[default]
    Light,
    /// Dark palette.
    Dark,
}

impl Theme {
    /// The value for the `data-theme` attribute on the `.nango-connect` root (`light`/`dark`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl std::fmt::Display for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A requested theme: from the URL/SDK `theme` option or the session's `defaultTheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThemePreference {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// Follow the operating system / browser preference.
    System,
}

impl ThemePreference {
    /// Parses `light`, `dark` or `system` (exact, lower case, as Nango sends them); anything else
    /// is invalid and gives `None` (the spec ignores invalid values).
    pub fn parse(value: &str) -> Option<ThemePreference> {
        match value {
            "light" => Some(ThemePreference::Light),
            "dark" => Some(ThemePreference::Dark),
            "system" => Some(ThemePreference::System),
            _ => None,
        }
    }

    /// The wire value (`light`/`dark`/`system`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ThemePreference::Light => "light",
            ThemePreference::Dark => "dark",
            ThemePreference::System => "system",
        }
    }

    /// The theme this preference shows, given the system preference.
    pub const fn resolve(self, system_prefers_dark: bool) -> Theme {
        match self {
            ThemePreference::Light => Theme::Light,
            ThemePreference::Dark => Theme::Dark,
            ThemePreference::System if system_prefers_dark => Theme::Dark,
            ThemePreference::System => Theme::Light,
        }
    }
}

/// The effective theme (§5.1): a valid URL/SDK override wins, else the session's `defaultTheme`,
/// else the system preference (also what applies before the session has loaded). `System` follows
/// `system_prefers_dark`; callers may re-resolve when the OS preference changes (Nango resolves once).
pub fn resolve_theme(
    url_override: Option<ThemePreference>,
    session_default: Option<ThemePreference>,
    system_prefers_dark: bool,
) -> Theme {
    url_override
        .or(session_default)
        .unwrap_or(ThemePreference::System)
        .resolve(system_prefers_dark)
}
