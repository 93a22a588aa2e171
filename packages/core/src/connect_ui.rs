//! Connect UI URL rules: the iframe URL the parent builds, the query parameters the Connect UI
//! reads, exact-origin checks, the WebSocket path and API endpoint derivation from `apiURL`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use url::Url;

use crate::{AuthError, AuthErrorKind, ConnectSessionToken};

/// Where Nango hosts its Connect UI (`baseURL` default of the JS SDK's `ConnectUI`).
pub const DEFAULT_CONNECT_UI_URL: &str = "https://connect.nango.dev";

/// Nango Cloud's API (`apiURL` default of the JS SDK's `ConnectUI`; never derived from `host`).
pub const DEFAULT_API_URL: &str = "https://api.nango.dev";

/// A Connect UI colour theme: the `theme` query parameter, `themeOverride` and `defaultTheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeOverride {
    /// Light theme.
    Light,
    /// Dark theme.
    Dark,
    /// Follow the operating system preference (also what unknown wire values read as).
    #[default]
    #[serde(other)]
    System,
}

impl ThemeOverride {
    /// Every theme, in wire order.
    pub const ALL: [ThemeOverride; 3] = [
        ThemeOverride::Light,
        ThemeOverride::Dark,
        ThemeOverride::System,
    ];

    /// The wire string (`light`, `dark` or `system`).
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeOverride::Light => "light",
            ThemeOverride::Dark => "dark",
            ThemeOverride::System => "system",
        }
    }

    /// Parses an exact wire string; anything else is `None` (the Connect UI ignores invalid themes).
    pub fn parse(value: &str) -> Option<Self> {
        ThemeOverride::ALL
            .into_iter()
            .find(|theme| theme.as_str() == value)
    }
}

impl fmt::Display for ThemeOverride {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`ThemeOverride`] from a string that is not `light`, `dark` or `system`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown theme {0:?} (expected light, dark or system)")]
pub struct UnknownTheme(pub String);

impl FromStr for ThemeOverride {
    type Err = UnknownTheme;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ThemeOverride::parse(s).ok_or_else(|| UnknownTheme(s.to_owned()))
    }
}

/// The inputs of the Connect UI iframe URL (the JS SDK's `ConnectUI` props that reach the URL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectUiUrl {
    /// Where the Connect UI is served (`baseURL`).
    pub base_url: String,
    /// The Nango API the Connect UI talks to (`apiURL`); `None` means [`DEFAULT_API_URL`], an
    /// empty string leaves the parameter out (as the JS SDK does for a falsy `apiURL`).
    pub api_url: Option<String>,
    /// Report an OAuth popup closed early as an error (`detectClosedAuthWindow`).
    pub detect_closed_auth_window: bool,
    /// UI language (`lang`); empty means none.
    pub lang: Option<String>,
    /// Theme forced over the dashboard default (`themeOverride`).
    pub theme: Option<ThemeOverride>,
}

impl Default for ConnectUiUrl {
    fn default() -> Self {
        ConnectUiUrl {
            base_url: DEFAULT_CONNECT_UI_URL.to_owned(),
            api_url: None,
            detect_closed_auth_window: false,
            lang: None,
            theme: None,
        }
    }
}

impl ConnectUiUrl {
    /// Builds the iframe URL (see [`connect_ui_iframe_url`]).
    pub fn build(&self) -> Result<String, AuthError> {
        connect_ui_iframe_url(
            &self.base_url,
            self.api_url.as_deref(),
            self.detect_closed_auth_window,
            self.lang.as_deref(),
            self.theme,
        )
    }
}

/// Builds the Connect UI iframe URL exactly as the JS SDK's `ConnectUI.open()` does.
///
/// The base URL's path gets a trailing `/`, its query is kept, then `apiURL` (default
/// [`DEFAULT_API_URL`]; skipped when empty), `detectClosedAuthWindow=true` (only when true),
/// `lang` (when non-empty) and `theme` are appended form-urlencoded. The session token is never
/// part of the URL. A base URL that is not an absolute `http(s)` URL is `invalid_host_url`.
///
/// ```
/// use nango_core::connect_ui::{connect_ui_iframe_url, ThemeOverride};
///
/// let url = connect_ui_iframe_url(
///     "http://localhost:3009",
///     Some("http://localhost:3003"),
///     true,
///     Some("fr"),
///     Some(ThemeOverride::Dark),
/// )?;
/// assert_eq!(
///     url,
///     "http://localhost:3009/?apiURL=http%3A%2F%2Flocalhost%3A3003&detectClosedAuthWindow=true&lang=fr&theme=dark"
/// );
/// # Ok::<(), nango_core::AuthError>(())
/// ```
pub fn connect_ui_iframe_url(
    base_url: &str,
    api_url: Option<&str>,
    detect_closed_auth_window: bool,
    lang: Option<&str>,
    theme: Option<ThemeOverride>,
) -> Result<String, AuthError> {
    let mut url = parse_http_url(base_url, "Connect UI base URL")?;
    if !url.path().ends_with('/') {
        let with_slash = format!("{}/", url.path());
        url.set_path(&with_slash);
    }

    let mut appended: Vec<(&str, &str)> = Vec::new();
    let api_url = api_url.unwrap_or(DEFAULT_API_URL);
    if !api_url.is_empty() {
        appended.push(("apiURL", api_url));
    }
    if detect_closed_auth_window {
        appended.push(("detectClosedAuthWindow", "true"));
    }
    if let Some(lang) = lang.filter(|lang| !lang.is_empty()) {
        appended.push(("lang", lang));
    }
    if let Some(theme) = theme {
        appended.push(("theme", theme.as_str()));
    }

    if !appended.is_empty() {
        // URLSearchParams.append re-serialises the whole list, existing pairs included.
        let existing: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        url.set_query(None);
        url.query_pairs_mut()
            .extend_pairs(existing)
            .extend_pairs(appended);
    }
    Ok(url.into())
}

/// The origin (scheme, host and port) of an absolute URL, for exact-origin `postMessage` checks.
///
/// URLs whose origin is opaque (`data:`, `file:`, relative or unparsable input) are
/// `invalid_host_url`: no message can be trusted as coming from them.
pub fn origin_of(url: &str) -> Result<String, AuthError> {
    let parsed = Url::parse(url).map_err(|_| invalid_url("URL"))?;
    let origin = parsed.origin();
    if origin.is_tuple() {
        Ok(origin.ascii_serialization())
    } else {
        Err(invalid_url("URL with a scheme://host origin"))
    }
}

/// The `websocketsPath` the Connect UI gives its internal SDK instance: the path of `api_url`
/// with trailing slashes trimmed, followed by the server's `websocketsPath` (default `/`, a
/// leading `/` added when missing), so reverse-proxy prefixes survive.
///
/// An `api_url` that does not parse contributes no prefix.
pub fn websockets_path_for(api_url: &str, server_path: Option<&str>) -> String {
    let prefix = Url::parse(api_url)
        .map(|url| url.path().trim_end_matches('/').to_owned())
        .unwrap_or_default();
    let server_path = server_path.filter(|path| !path.is_empty()).unwrap_or("/");
    if server_path.starts_with('/') {
        format!("{prefix}{server_path}")
    } else {
        format!("{prefix}/{server_path}")
    }
}

/// The URL of an API endpoint under `api_url`: its path prefix kept, trailing slashes trimmed,
/// then `path` (given with or without its leading `/`).
pub fn api_endpoint(api_url: &str, path: &str) -> String {
    format!(
        "{}/{}",
        api_url.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// The query parameters the Connect UI app reads from its own URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectUiParams {
    /// `apiURL`: base of every API call ([`DEFAULT_API_URL`] when absent or empty).
    pub api_url: String,
    /// `lang`: the first subtag, lower-cased (`fr-CA` → `fr`); support is checked elsewhere.
    pub lang: Option<String>,
    /// `theme`, only when it is exactly `light`, `dark` or `system`.
    pub theme: Option<ThemeOverride>,
    /// `detectClosedAuthWindow`, true only for the exact string `true`.
    pub detect_closed_auth_window: bool,
    /// `session_token` (connect link and dashboard preview); `None` when absent or empty.
    pub session_token: Option<ConnectSessionToken>,
    /// `embedded=true`: embedded layout without backdrop.
    pub embedded: bool,
    /// `preview=true`: dashboard preview mode.
    pub preview: bool,
}

impl Default for ConnectUiParams {
    fn default() -> Self {
        ConnectUiParams {
            api_url: DEFAULT_API_URL.to_owned(),
            lang: None,
            theme: None,
            detect_closed_auth_window: false,
            session_token: None,
            embedded: false,
            preview: false,
        }
    }
}

impl ConnectUiParams {
    /// Parses a query string (with or without its leading `?`); the first occurrence of each
    /// parameter wins, unknown parameters are ignored. Never fails.
    pub fn from_query(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut params = ConnectUiParams::default();
        let mut seen: Vec<String> = Vec::new();
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            if seen.iter().any(|k| *k == key) {
                continue;
            }
            seen.push(key.clone().into_owned());
            match key.as_ref() {
                "apiURL" if !value.is_empty() => params.api_url = value.into_owned(),
                "lang" => {
                    let subtag = value.split('-').next().unwrap_or_default().trim();
                    if !subtag.is_empty() {
                        params.lang = Some(subtag.to_ascii_lowercase());
                    }
                }
                "theme" => params.theme = ThemeOverride::parse(&value),
                "detectClosedAuthWindow" => params.detect_closed_auth_window = value == "true",
                "session_token" if !value.is_empty() => {
                    params.session_token = Some(ConnectSessionToken::new(value.into_owned()));
                }
                "embedded" => params.embedded = value == "true",
                "preview" => params.preview = value == "true",
                _ => {}
            }
        }
        params
    }
}

/// Parses an absolute `http`/`https` URL, or fails with `invalid_host_url` naming `what`.
fn parse_http_url(input: &str, what: &str) -> Result<Url, AuthError> {
    let url = Url::parse(input).map_err(|_| invalid_url(what))?;
    if matches!(url.scheme(), "http" | "https") && url.has_host() {
        Ok(url)
    } else {
        Err(invalid_url(what))
    }
}

/// An `invalid_host_url` error about `what`.
fn invalid_url(what: &str) -> AuthError {
    AuthError::new(
        AuthErrorKind::InvalidHostUrl,
        format!("Invalid {what} provided."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tv19_default_iframe_url() {
        let url = connect_ui_iframe_url(DEFAULT_CONNECT_UI_URL, None, false, None, None).unwrap();
        assert_eq!(
            url,
            "https://connect.nango.dev/?apiURL=https%3A%2F%2Fapi.nango.dev"
        );
        assert_eq!(ConnectUiUrl::default().build().unwrap(), url);
    }

    #[test]
    fn tv19_every_option() {
        let url = connect_ui_iframe_url(
            "http://localhost:3009",
            Some("http://localhost:3003"),
            true,
            Some("fr"),
            Some(ThemeOverride::Dark),
        )
        .unwrap();
        assert_eq!(
            url,
            "http://localhost:3009/?apiURL=http%3A%2F%2Flocalhost%3A3003&detectClosedAuthWindow=true&lang=fr&theme=dark"
        );
    }

    #[test]
    fn tv19_base_with_path_and_query() {
        let url = connect_ui_iframe_url(
            "https://connect.example.com/ui?x=1",
            Some("https://nango.example.com/api"),
            false,
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            url,
            "https://connect.example.com/ui/?x=1&apiURL=https%3A%2F%2Fnango.example.com%2Fapi"
        );
    }

    #[test]
    fn iframe_url_reserialises_existing_query_like_url_search_params() {
        let url = connect_ui_iframe_url(
            "https://c.example/?a=b%20c#frag",
            Some(""),
            false,
            None,
            None,
        )
        .unwrap();
        // Nothing appended: the URL stays as parsed.
        assert_eq!(url, "https://c.example/?a=b%20c#frag");
        let url = connect_ui_iframe_url(
            "https://c.example/?a=b%20c#frag",
            None,
            false,
            Some(""),
            None,
        )
        .unwrap();
        assert_eq!(
            url,
            "https://c.example/?a=b+c&apiURL=https%3A%2F%2Fapi.nango.dev#frag"
        );
    }

    #[test]
    fn iframe_url_rejects_non_http_bases() {
        for base in [
            "connect.nango.dev",
            "",
            "mailto:a@b.c",
            "file:///tmp/x",
            "data:text/html,x",
        ] {
            let err = connect_ui_iframe_url(base, None, false, None, None).unwrap_err();
            assert_eq!(err.kind, AuthErrorKind::InvalidHostUrl, "{base}");
        }
    }

    #[test]
    fn origins_are_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://connect.nango.dev/ui/?x=1").unwrap(),
            "https://connect.nango.dev"
        );
        assert_eq!(
            origin_of("http://localhost:3009").unwrap(),
            "http://localhost:3009"
        );
        assert_eq!(
            origin_of("https://a.example:443/x").unwrap(),
            "https://a.example"
        );
        assert_eq!(
            origin_of("HTTPS://A.Example:8443").unwrap(),
            "https://a.example:8443"
        );
        assert!(origin_of("data:text/html,hi").is_err());
        assert!(origin_of("/relative").is_err());
    }

    #[test]
    fn theme_parsing_accepts_exact_values_only() {
        for theme in ThemeOverride::ALL {
            assert_eq!(ThemeOverride::parse(theme.as_str()), Some(theme));
            assert_eq!(theme.as_str().parse::<ThemeOverride>(), Ok(theme));
        }
        assert_eq!(ThemeOverride::parse("Dark"), None);
        assert!("blue".parse::<ThemeOverride>().is_err());
        let unknown: ThemeOverride = serde_json::from_str("\"sepia\"").unwrap();
        assert_eq!(unknown, ThemeOverride::System);
        let dark: ThemeOverride = serde_json::from_str("\"dark\"").unwrap();
        assert_eq!(dark, ThemeOverride::Dark);
    }

    // The seven websocketsPath cases of connect-ui §1.3.
    #[test]
    fn websockets_path_bare_origin() {
        assert_eq!(websockets_path_for("https://api.nango.dev", None), "/");
    }

    #[test]
    fn websockets_path_bare_origin_with_trailing_slash() {
        assert_eq!(websockets_path_for("https://api.nango.dev/", None), "/");
    }

    #[test]
    fn websockets_path_prefix_kept() {
        assert_eq!(
            websockets_path_for("https://example.com/base/path", None),
            "/base/path/"
        );
    }

    #[test]
    fn websockets_path_prefix_with_trailing_slashes() {
        assert_eq!(
            websockets_path_for("https://example.com/base/path//", Some("/ws")),
            "/base/path/ws"
        );
    }

    #[test]
    fn websockets_path_prefix_and_server_path() {
        assert_eq!(
            websockets_path_for("https://example.com/base/path", Some("/ws")),
            "/base/path/ws"
        );
    }

    #[test]
    fn websockets_path_bare_origin_and_server_path() {
        assert_eq!(
            websockets_path_for("http://localhost:3003", Some("/ws")),
            "/ws"
        );
    }

    #[test]
    fn websockets_path_server_path_without_leading_slash() {
        assert_eq!(
            websockets_path_for("https://example.com/base/path", Some("ws")),
            "/base/path/ws"
        );
        assert_eq!(websockets_path_for("https://example.com", Some("")), "/");
    }

    #[test]
    fn api_paths_bare_api_url() {
        assert_eq!(
            api_endpoint(DEFAULT_API_URL, "/connect/session"),
            "https://api.nango.dev/connect/session"
        );
    }

    #[test]
    fn api_paths_keep_prefix() {
        let base = "https://example.com/base/path";
        assert_eq!(
            api_endpoint(base, "/connect/session"),
            "https://example.com/base/path/connect/session"
        );
        assert_eq!(
            api_endpoint(base, "/integrations"),
            "https://example.com/base/path/integrations"
        );
        assert_eq!(
            api_endpoint(base, "/providers/jira"),
            "https://example.com/base/path/providers/jira"
        );
    }

    #[test]
    fn api_paths_trailing_slash_not_doubled() {
        assert_eq!(
            api_endpoint("https://example.com/base/path/", "/connect/session"),
            "https://example.com/base/path/connect/session"
        );
        assert_eq!(
            api_endpoint("https://example.com/base/path//", "integrations"),
            "https://example.com/base/path/integrations"
        );
    }

    #[test]
    fn connect_ui_params_from_sdk_url() {
        let params = ConnectUiParams::from_query(
            "?apiURL=http%3A%2F%2Flocalhost%3A3003&detectClosedAuthWindow=true&lang=fr-CA&theme=dark",
        );
        assert_eq!(params.api_url, "http://localhost:3003");
        assert_eq!(params.lang.as_deref(), Some("fr"));
        assert_eq!(params.theme, Some(ThemeOverride::Dark));
        assert!(params.detect_closed_auth_window);
        assert!(params.session_token.is_none());
        assert!(!params.embedded && !params.preview);
    }

    #[test]
    fn connect_ui_params_defaults_and_invalid_values() {
        let params =
            ConnectUiParams::from_query("theme=blue&detectClosedAuthWindow=1&embedded=yes&lang=");
        assert_eq!(params, ConnectUiParams::default());
        assert_eq!(params.api_url, DEFAULT_API_URL);
        assert_eq!(ConnectUiParams::from_query(""), ConnectUiParams::default());
    }

    #[test]
    fn connect_ui_params_preview_link() {
        let params = ConnectUiParams::from_query(
            "session_token=nango_connect_session_ab&preview=true&embedded=true&x=y&preview=false",
        );
        assert_eq!(
            params
                .session_token
                .as_ref()
                .map(ConnectSessionToken::expose),
            Some("nango_connect_session_ab")
        );
        assert!(params.preview && params.embedded);
        assert!(!format!("{params:?}").contains("nango_connect_session_ab"));
    }
}
