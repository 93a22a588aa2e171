//! Command-line flags of the `nango-mock` binary; each has an env var `NANGO_MOCK_<NAME>`.

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use nango_core::{AuthErrorKind, SecretKey};

use crate::config::{DEFAULT_CONNECT_UI_URL, DEFAULT_SECRET_KEY, FixedClock, Hooks, MockConfig};
use crate::static_files::StaticMount;

/// nango-mock: a local Nango-compatible server with a built-in fake OAuth provider.
#[derive(Debug, Parser)]
#[command(name = "nango-mock", version, about)]
pub struct Cli {
    /// Port to listen on (0 picks a free port).
    #[arg(long, env = "NANGO_MOCK_PORT", default_value_t = 3003)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, env = "NANGO_MOCK_BIND", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Environment secret key (Bearer for /connect/sessions and the backend endpoints).
    #[arg(long, env = "NANGO_MOCK_SECRET_KEY", default_value = DEFAULT_SECRET_KEY, hide_default_value = true)]
    pub secret_key: String,
    /// Public key accepted by the deprecated public-key auth.
    #[arg(long, env = "NANGO_MOCK_PUBLIC_KEY")]
    pub public_key: Option<String>,
    /// Environment HMAC key: public-key auth then needs `hmac` (hex HMAC-SHA256 of
    /// `providerConfigKey[:connectionId]`).
    #[arg(long, env = "NANGO_MOCK_HMAC_KEY", hide_env_values = true)]
    pub hmac_key: Option<String>,
    /// WebSocket path (exact match).
    #[arg(long, env = "NANGO_MOCK_WEBSOCKETS_PATH", default_value = "/")]
    pub websockets_path: String,
    /// Connect session lifetime in seconds.
    #[arg(long, env = "NANGO_MOCK_SESSION_TTL", default_value_t = 1800)]
    pub session_ttl: u64,
    /// Connect UI base URL used in `connect_link` (with --connect-ui-dir: this server's /connect/).
    #[arg(long, env = "NANGO_MOCK_CONNECT_UI_URL", default_value = DEFAULT_CONNECT_UI_URL)]
    pub connect_ui_url: String,
    /// Serve this built Connect UI app (`dist/connect-app`) at /connect/.
    #[arg(long, env = "NANGO_MOCK_CONNECT_UI_DIR")]
    pub connect_ui_dir: Option<PathBuf>,
    /// Serve a folder at a URL prefix, `PREFIX=DIR` (repeatable; comma-separated in the env var).
    #[arg(
        long = "static",
        env = "NANGO_MOCK_STATIC",
        value_name = "PREFIX=DIR",
        value_delimiter = ','
    )]
    pub static_mounts: Vec<StaticMount>,
    /// Public base URL of this server (default: from the request's Host header).
    #[arg(long, env = "NANGO_MOCK_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Official providers.yaml (npm @nangohq/providers) to load.
    #[arg(long, env = "NANGO_MOCK_PROVIDERS")]
    pub providers: Option<PathBuf>,
    /// Integrations file (TOML or YAML).
    #[arg(long, env = "NANGO_MOCK_INTEGRATIONS")]
    pub integrations: Option<PathBuf>,
    /// Directory for the SQLite database (default: in memory).
    #[arg(long, env = "NANGO_MOCK_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Connection cap: creating a session at the cap answers `resource_capped`.
    #[arg(long, env = "NANGO_MOCK_MAX_CONNECTIONS")]
    pub max_connections: Option<usize>,
    /// Emulate Nango Cloud (no `websocketsPath` in GET /connect/session).
    #[arg(long, env = "NANGO_MOCK_EMULATE_CLOUD")]
    pub emulate_cloud: bool,
    /// Largest accepted request body in bytes.
    #[arg(long, env = "NANGO_MOCK_BODY_LIMIT", default_value_t = 1024 * 1024)]
    pub body_limit: usize,
    /// Per-request timeout in seconds.
    #[arg(long, env = "NANGO_MOCK_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout: u64,
    /// Test hook: predictable ids.
    #[arg(long, env = "NANGO_MOCK_FIXED_IDS")]
    pub fixed_ids: bool,
    /// Test hook: freeze the clock at this RFC 3339 time.
    #[arg(long, env = "NANGO_MOCK_FIXED_TIME")]
    pub fixed_time: Option<String>,
    /// Test hook: the fake provider approves without its consent page.
    #[arg(long, env = "NANGO_MOCK_AUTO_APPROVE")]
    pub auto_approve: bool,
    /// Test hook: report `is_pending: true` on OAuth success.
    #[arg(long, env = "NANGO_MOCK_FORCE_PENDING")]
    pub force_pending: bool,
    /// Test hook: answer every OAuth callback with a WS error of this type.
    #[arg(long, env = "NANGO_MOCK_FORCE_WS_ERROR")]
    pub force_ws_error: Option<String>,
}

/// A flag value that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("--fixed-time: {0}")]
pub struct CliError(String);

impl Cli {
    /// The configuration these flags describe.
    pub fn into_config(self) -> Result<MockConfig, CliError> {
        let clock: Arc<dyn crate::config::Clock> = match &self.fixed_time {
            Some(text) => {
                let t = time::OffsetDateTime::parse(
                    text,
                    &time::format_description::well_known::Rfc3339,
                )
                .map_err(|e| CliError(e.to_string()))?;
                Arc::new(FixedClock::new(t))
            }
            None => Arc::new(crate::config::SystemClock),
        };
        Ok(MockConfig {
            port: self.port,
            bind: self.bind,
            secret_key: SecretKey::new(self.secret_key),
            public_key: self.public_key,
            hmac_key: self.hmac_key.map(crate::hmac_auth::HmacKey::new),
            websockets_path: self.websockets_path,
            session_ttl: Duration::from_secs(self.session_ttl),
            connect_ui_url: self.connect_ui_url,
            connect_ui_dir: self.connect_ui_dir,
            static_mounts: self.static_mounts,
            public_url: self.public_url,
            providers: self.providers,
            integrations: self.integrations,
            data_dir: self.data_dir,
            max_connections: self.max_connections,
            emulate_cloud: self.emulate_cloud,
            body_limit: self.body_limit,
            request_timeout: Duration::from_secs(self.request_timeout),
            hooks: Hooks {
                fixed_ids: self.fixed_ids,
                clock,
                auto_approve: self.auto_approve,
                force_pending: self.force_pending,
                force_ws_error: self.force_ws_error.as_deref().map(AuthErrorKind::from_wire),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_issue() {
        let cli = Cli::try_parse_from(["nango-mock"]).unwrap();
        let config = cli.into_config().unwrap();
        assert_eq!(config.port, 3003);
        assert_eq!(config.bind.to_string(), "127.0.0.1");
        assert_eq!(config.websockets_path, "/");
        assert_eq!(config.session_ttl, Duration::from_secs(1800));
    }

    #[test]
    fn static_folders_parse() {
        let cli = Cli::try_parse_from([
            "nango-mock",
            "--connect-ui-dir",
            "dist/connect-app",
            "--static",
            "/gallery=dist/gallery",
            "--static",
            "/docs/=site",
        ])
        .unwrap();
        let config = cli.into_config().unwrap();
        let prefixes: Vec<String> = config.mounts().into_iter().map(|m| m.prefix).collect();
        assert_eq!(prefixes, ["/connect", "/gallery", "/docs"]);
        assert_eq!(
            config.connect_link_base("http://127.0.0.1:3003"),
            "http://127.0.0.1:3003/connect"
        );
        assert!(Cli::try_parse_from(["nango-mock", "--static", "gallery"]).is_err());
        let explicit = Cli::try_parse_from([
            "nango-mock",
            "--connect-ui-dir",
            "d",
            "--connect-ui-url",
            "http://localhost:5173/",
        ])
        .unwrap()
        .into_config()
        .unwrap();
        assert_eq!(
            explicit.connect_link_base("http://127.0.0.1:3003"),
            "http://localhost:5173"
        );
    }

    #[test]
    fn hmac_key_flag_enables_hmac() {
        let off = Cli::try_parse_from(["nango-mock"]).unwrap();
        assert!(off.into_config().unwrap().hmac_key.is_none());
        let cli = Cli::try_parse_from(["nango-mock", "--hmac-key", "k1"]).unwrap();
        let config = cli.into_config().unwrap();
        assert_eq!(config.hmac_key, Some(crate::hmac_auth::HmacKey::new("k1")));
        assert!(!format!("{config:?}").contains("k1"));
    }

    #[test]
    fn hooks_parse() {
        let cli = Cli::try_parse_from([
            "nango-mock",
            "--port",
            "0",
            "--force-ws-error",
            "callback_err",
            "--fixed-time",
            "2026-01-01T00:00:00Z",
        ])
        .unwrap();
        let config = cli.into_config().unwrap();
        assert_eq!(
            config.hooks.force_ws_error,
            Some(AuthErrorKind::CallbackErr)
        );
        assert_eq!(config.hooks.clock.now().year(), 2026);
    }
}
