//! [`NangoOptions`] (what a caller passes to `Nango::new`) and [`NangoConfig`] (the validated
//! result: base URL, WebSocket URL, popup size, auth token), following spec §1.

use url::Url;

use crate::{AuthError, ConnectSessionToken, PublicKey};

/// The Nango host used when none is given.
pub const DEFAULT_HOST: &str = "https://api.nango.dev";
/// The WebSocket path used when none is given.
pub const DEFAULT_WEBSOCKETS_PATH: &str = "/";
/// The default popup width in CSS pixels.
pub const DEFAULT_POPUP_WIDTH: u32 = 500;
/// The default popup height in CSS pixels.
pub const DEFAULT_POPUP_HEIGHT: u32 = 600;

/// How the client authenticates its `auth`/`create` calls: at most one of a connect session token
/// or a (deprecated) public key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ClientAuth {
    /// No token: fine for the Connect UI alone; `auth`/`create` fail with `missing_auth_token`.
    #[default]
    None,
    /// A connect session token (`nango_connect_session_…`), sent as `connect_session_token`.
    SessionToken(ConnectSessionToken),
    /// A public key (deprecated by Nango), sent as `public_key`.
    PublicKey(PublicKey),
}

impl ClientAuth {
    /// The session token, when one is set and non-empty (JS truthiness).
    pub fn session_token(&self) -> Option<&ConnectSessionToken> {
        match self {
            ClientAuth::SessionToken(token) if !token.expose().is_empty() => Some(token),
            _ => None,
        }
    }

    /// The public key, when one is set and non-empty (JS truthiness).
    pub fn public_key(&self) -> Option<&PublicKey> {
        match self {
            ClientAuth::PublicKey(key) if !key.as_str().is_empty() => Some(key),
            _ => None,
        }
    }

    /// True when a non-empty token or key is set (the check of spec §1.1).
    pub fn is_present(&self) -> bool {
        self.session_token().is_some() || self.public_key().is_some()
    }
}

/// The options of a Nango client, mirroring the JS SDK constructor's options.
///
/// `Debug` never prints the session token (its type redacts it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NangoOptions {
    /// The Nango host, e.g. `https://api.nango.dev` (the default; `None` or `""` select it).
    pub host: Option<String>,
    /// The WebSocket path, resolved relative to `host` (default `/`; `None` or `""` select it).
    pub websockets_path: Option<String>,
    /// The popup width (default 500; `Some(0)` is ignored like in JS).
    pub width: Option<u32>,
    /// The popup height (default 600; `Some(0)` is ignored like in JS).
    pub height: Option<u32>,
    /// Enables debug logging by the backends (secrets stay redacted).
    pub debug: bool,
    /// The session token or public key.
    pub auth: ClientAuth,
}

/// Validated client configuration derived from [`NangoOptions`] (spec §1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NangoConfig {
    host_base_url: String,
    websocket_url: String,
    width: u32,
    height: u32,
    debug: bool,
    auth: ClientAuth,
}

impl NangoConfig {
    /// Validates options and derives the base and WebSocket URLs.
    ///
    /// Fails with `invalid_host_url` when the host is not an absolute URL that can serve as a base
    /// (`api.nango.dev` has no scheme, `localhost:3003` parses with an opaque path) or when the
    /// WebSocket path cannot be resolved against it. Credentials are not checked here.
    pub fn new(options: NangoOptions) -> Result<NangoConfig, AuthError> {
        let host = options
            .host
            .as_deref()
            .filter(|h| !h.is_empty())
            .unwrap_or(DEFAULT_HOST);
        let host_base_url = host.trim_end_matches('/').to_owned();
        let websockets_path = options
            .websockets_path
            .as_deref()
            .filter(|p| !p.is_empty())
            .unwrap_or(DEFAULT_WEBSOCKETS_PATH);
        let websocket_url = derive_websocket_url(&host_base_url, websockets_path)?;
        Ok(NangoConfig {
            host_base_url,
            websocket_url,
            width: options
                .width
                .filter(|w| *w != 0)
                .unwrap_or(DEFAULT_POPUP_WIDTH),
            height: options
                .height
                .filter(|h| *h != 0)
                .unwrap_or(DEFAULT_POPUP_HEIGHT),
            debug: options.debug,
            auth: options.auth,
        })
    }

    /// The host with all trailing `/` removed, e.g. `https://api.nango.dev`.
    pub fn host_base_url(&self) -> &str {
        &self.host_base_url
    }

    /// The WebSocket URL, e.g. `wss://api.nango.dev/`.
    pub fn websocket_url(&self) -> &str {
        &self.websocket_url
    }

    /// The requested popup size `(width, height)`.
    pub fn popup_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// The session token or public key.
    pub fn auth(&self) -> &ClientAuth {
        &self.auth
    }

    /// Whether debug logging is on.
    pub fn debug(&self) -> bool {
        self.debug
    }
}

/// Resolves `websockets_path` against `host_base_url` (WHATWG relative resolution), then swaps
/// the first `https://` for `wss://` and the first `http://` for `ws://` (spec §1 step 3).
fn derive_websocket_url(host_base_url: &str, websockets_path: &str) -> Result<String, AuthError> {
    let base = Url::parse(host_base_url).map_err(|_| AuthError::invalid_host_url())?;
    let resolved = base
        .join(websockets_path)
        .map_err(|_| AuthError::invalid_host_url())?;
    Ok(resolved
        .as_str()
        .replacen("https://", "wss://", 1)
        .replacen("http://", "ws://", 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AuthErrorKind;

    fn tok() -> ConnectSessionToken {
        ConnectSessionToken::new(format!("nango_connect_session_{}", "ab".repeat(32)))
    }

    fn config_for(host: &str, path: Option<&str>) -> Result<NangoConfig, AuthError> {
        NangoConfig::new(NangoOptions {
            host: Some(host.to_owned()),
            websockets_path: path.map(str::to_owned),
            ..NangoOptions::default()
        })
    }

    #[test]
    fn tv01_defaults() {
        let config = NangoConfig::new(NangoOptions {
            auth: ClientAuth::SessionToken(tok()),
            ..NangoOptions::default()
        })
        .unwrap();
        assert_eq!(config.host_base_url(), "https://api.nango.dev");
        assert_eq!(config.websocket_url(), "wss://api.nango.dev/");
        assert_eq!(config.popup_size(), (500, 600));
        assert!(!config.debug());
        assert_eq!(config.auth(), &ClientAuth::SessionToken(tok()));
    }

    #[test]
    fn tv02_host_normalisation() {
        let rows = [
            (
                "http://localhost:3003/",
                None,
                "http://localhost:3003",
                "ws://localhost:3003/",
            ),
            (
                "https://nango.example.com/api///",
                Some("/ws"),
                "https://nango.example.com/api",
                "wss://nango.example.com/ws",
            ),
            (
                "https://nango.example.com/api",
                Some("ws"),
                "https://nango.example.com/api",
                "wss://nango.example.com/ws",
            ),
            (
                "https://nango.example.com/api/",
                Some("ws/x"),
                "https://nango.example.com/api",
                "wss://nango.example.com/ws/x",
            ),
        ];
        for (host, path, base, ws) in rows {
            let config = config_for(host, path).unwrap();
            assert_eq!(config.host_base_url(), base, "{host}");
            assert_eq!(config.websocket_url(), ws, "{host}");
        }
        for bad in [
            "localhost:3003",
            "api.nango.dev",
            "http://",
            "https://exa mple.com",
            "mailto:x@y",
        ] {
            let err = config_for(bad, None).unwrap_err();
            assert_eq!(err.kind, AuthErrorKind::InvalidHostUrl, "{bad}");
            assert_eq!(err.message, "Invalid URL provided for the Nango host.");
        }
    }

    #[test]
    fn empty_strings_select_defaults_and_zero_sizes_are_ignored() {
        let config = NangoConfig::new(NangoOptions {
            host: Some(String::new()),
            websockets_path: Some(String::new()),
            width: Some(0),
            height: Some(0),
            ..NangoOptions::default()
        })
        .unwrap();
        assert_eq!(config.host_base_url(), DEFAULT_HOST);
        assert_eq!(config.websocket_url(), "wss://api.nango.dev/");
        assert_eq!(config.popup_size(), (500, 600));
        let sized = NangoConfig::new(NangoOptions {
            width: Some(800),
            height: Some(700),
            debug: true,
            ..NangoOptions::default()
        })
        .unwrap();
        assert_eq!(sized.popup_size(), (800, 700));
        assert!(sized.debug());
    }

    #[test]
    fn absolute_websocket_url_wins_and_scheme_swap_is_a_substring_replace() {
        let config = config_for(
            "https://nango.example.com/api",
            Some("http://other:9/socket"),
        )
        .unwrap();
        assert_eq!(config.websocket_url(), "ws://other:9/socket");
        // Only the first `https://` is replaced; a later `http://` in the query is replaced too
        // (plain substring replace, as the JS SDK does).
        let config = config_for("https://x.example", Some("/ws?next=http://y")).unwrap();
        assert_eq!(config.websocket_url(), "wss://x.example/ws?next=ws://y");
    }

    #[test]
    fn only_trailing_slashes_are_stripped() {
        let config = config_for("https://x.example//a//", None).unwrap();
        assert_eq!(config.host_base_url(), "https://x.example//a");
    }

    #[test]
    fn debug_does_not_leak_the_token() {
        let options = NangoOptions {
            auth: ClientAuth::SessionToken(tok()),
            ..NangoOptions::default()
        };
        let printed = format!(
            "{options:?} {:?}",
            NangoConfig::new(options.clone()).unwrap()
        );
        assert!(!printed.contains("abab"), "{printed}");
    }

    #[test]
    fn empty_tokens_count_as_absent() {
        assert!(!ClientAuth::None.is_present());
        assert!(!ClientAuth::SessionToken(ConnectSessionToken::new("")).is_present());
        assert!(!ClientAuth::PublicKey(PublicKey::new("")).is_present());
        assert!(ClientAuth::PublicKey(PublicKey::new("pk")).is_present());
        assert!(ClientAuth::SessionToken(tok()).is_present());
    }
}
