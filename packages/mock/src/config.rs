//! Server configuration ([`MockConfig`], mirroring the CLI) and the deterministic test hooks
//! ([`Hooks`]: fixed ids, a clock override, auto-approve, forced pending and forced WS errors).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use nango_core::{AuthErrorKind, SecretKey};

use crate::static_files::{CONNECT_UI_PREFIX, StaticMount};
use time::OffsetDateTime;

/// The secret key printed for local use when none is configured (a UUID v4, like Nango's).
pub const DEFAULT_SECRET_KEY: &str = "0d5c1e2a-7b3f-4c8d-9e1f-2a3b4c5d6e7f";

/// The Connect UI a `connect_link` points at when none is configured.
pub const DEFAULT_CONNECT_UI_URL: &str = "https://connect.nango.dev";

/// Everything the server needs to start; the CLI flags map 1:1 onto these fields.
#[derive(Clone, Debug)]
pub struct MockConfig {
    /// TCP port; 0 picks a free one.
    pub port: u16,
    /// Address to bind.
    pub bind: IpAddr,
    /// The environment secret key (`Authorization: Bearer …` for the backend endpoints).
    pub secret_key: SecretKey,
    /// Optional public key (deprecated public-key auth); `None` answers every key `unknown_account`.
    pub public_key: Option<String>,
    /// Environment HMAC key: when set, public-key auth must carry a valid `hmac` digest.
    pub hmac_key: Option<crate::hmac_auth::HmacKey>,
    /// The WebSocket path (exact match), default `/`.
    pub websockets_path: String,
    /// Lifetime of a connect session.
    pub session_ttl: Duration,
    /// Base URL of the Connect UI used in `connect_link`. Left at the default while
    /// [`connect_ui_dir`](Self::connect_ui_dir) is set, links point at this server's `/connect/`.
    pub connect_ui_url: String,
    /// A built Connect UI app (`dist/connect-app`) served at `/connect/`.
    pub connect_ui_dir: Option<PathBuf>,
    /// More folders served at URL prefixes (`/gallery` → `dist/gallery`).
    pub static_mounts: Vec<StaticMount>,
    /// Public base URL of this server (logos, OAuth redirect URI); `None` derives it from the
    /// request's `Host` header.
    pub public_url: Option<String>,
    /// Official `providers.yaml` to load instead of the built-in demo providers.
    pub providers: Option<PathBuf>,
    /// Integrations file (TOML or YAML) to load instead of the built-in demo integrations.
    pub integrations: Option<PathBuf>,
    /// Directory for the SQLite database; `None` keeps everything in memory.
    pub data_dir: Option<PathBuf>,
    /// Per-environment connection cap (`resource_capped` when a session is created at the cap).
    pub max_connections: Option<usize>,
    /// Emulate Nango Cloud: omit `websocketsPath` from `GET /connect/session`.
    pub emulate_cloud: bool,
    /// Largest accepted request body, in bytes.
    pub body_limit: usize,
    /// Per-request timeout (HTTP only; WebSockets are long-lived).
    pub request_timeout: Duration,
    /// Deterministic behaviour for tests.
    pub hooks: Hooks,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            port: 3003,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            secret_key: SecretKey::new(DEFAULT_SECRET_KEY),
            public_key: None,
            hmac_key: None,
            websockets_path: "/".to_owned(),
            session_ttl: Duration::from_secs(30 * 60),
            connect_ui_url: DEFAULT_CONNECT_UI_URL.to_owned(),
            connect_ui_dir: None,
            static_mounts: Vec::new(),
            public_url: None,
            providers: None,
            integrations: None,
            data_dir: None,
            max_connections: None,
            emulate_cloud: false,
            body_limit: 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            hooks: Hooks::default(),
        }
    }
}

impl MockConfig {
    /// Every served folder, the Connect UI first, longer prefixes before shorter ones.
    pub fn mounts(&self) -> Vec<StaticMount> {
        let mut mounts: Vec<StaticMount> = self
            .connect_ui_dir
            .iter()
            .map(|dir| StaticMount {
                prefix: CONNECT_UI_PREFIX.to_owned(),
                dir: dir.clone(),
            })
            .chain(self.static_mounts.iter().cloned())
            .collect();
        mounts.sort_by_key(|mount| std::cmp::Reverse(mount.prefix.len()));
        mounts
    }

    /// True when `connect_link` points at this server's own `/connect/` (a Connect UI dir is
    /// served and no other Connect UI URL was set).
    pub fn links_to_own_connect_ui(&self) -> bool {
        self.connect_ui_dir.is_some() && self.connect_ui_url == DEFAULT_CONNECT_UI_URL
    }

    /// The base of `connect_link` (no trailing slash): [`connect_ui_url`](Self::connect_ui_url),
    /// or this server's `/connect` (see [`links_to_own_connect_ui`](Self::links_to_own_connect_ui)).
    pub fn connect_link_base(&self, public_base: &str) -> String {
        if self.links_to_own_connect_ui() {
            format!("{}{CONNECT_UI_PREFIX}", public_base.trim_end_matches('/'))
        } else {
            self.connect_ui_url.trim_end_matches('/').to_owned()
        }
    }

    /// The session's `connect_link`: `<base>/?session_token=<token>`, plus `&apiURL=<this
    /// server>` when it links to its own Connect UI (which otherwise talks to Nango Cloud).
    pub fn connect_link(&self, public_base: &str, token: &str) -> String {
        let base = self.connect_link_base(public_base);
        if self.links_to_own_connect_ui() {
            let api: String =
                url::form_urlencoded::byte_serialize(public_base.trim_end_matches('/').as_bytes())
                    .collect();
            format!("{base}/?session_token={token}&apiURL={api}")
        } else {
            format!("{base}/?session_token={token}")
        }
    }
}

/// A source of "now"; tests swap it to move time (session expiry).
pub trait Clock: Send + Sync {
    /// The current instant, in UTC.
    fn now(&self) -> OffsetDateTime;
}

/// The system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that stands still until moved: `advance` it to expire sessions in tests.
#[derive(Debug)]
pub struct FixedClock {
    now: Mutex<OffsetDateTime>,
}

impl FixedClock {
    /// A clock frozen at `start`.
    pub fn new(start: OffsetDateTime) -> Self {
        FixedClock {
            now: Mutex::new(start),
        }
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.now.lock() {
            *now += by;
        }
    }

    /// Sets the clock.
    pub fn set(&self, to: OffsetDateTime) {
        if let Ok(mut now) = self.now.lock() {
            *now = to;
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        self.now
            .lock()
            .map(|now| *now)
            .unwrap_or_else(|_| OffsetDateTime::now_utc())
    }
}

/// Deterministic hooks for tests (library API and CLI flags).
#[derive(Clone)]
pub struct Hooks {
    /// Generate predictable ids (`ws_client_id`, connection ids, tokens, states) from counters.
    pub fixed_ids: bool,
    /// The clock used for session expiry and timestamps.
    pub clock: Arc<dyn Clock>,
    /// The fake provider approves at once instead of showing its Approve/Deny page.
    pub auto_approve: bool,
    /// Report `is_pending: true` in the OAuth `success` frame.
    pub force_pending: bool,
    /// Answer every OAuth callback with a WS `error` frame of this type instead of success.
    pub force_ws_error: Option<AuthErrorKind>,
}

impl Default for Hooks {
    fn default() -> Self {
        Hooks {
            fixed_ids: false,
            clock: Arc::new(SystemClock),
            auto_approve: false,
            force_pending: false,
            force_ws_error: None,
        }
    }
}

impl fmt::Debug for Hooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hooks")
            .field("fixed_ids", &self.fixed_ids)
            .field("auto_approve", &self.auto_approve)
            .field("force_pending", &self.force_pending)
            .field("force_ws_error", &self.force_ws_error)
            .finish_non_exhaustive()
    }
}

/// Generates tokens and ids: random by default, from counters with [`Hooks::fixed_ids`].
#[derive(Debug)]
pub struct IdSource {
    fixed: bool,
    counter: AtomicU64,
}

/// The kinds of generated identifiers (each has its own recognisable fixed form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A `ws_client_id`.
    WsClient,
    /// A connection id.
    Connection,
    /// An OAuth `state`.
    State,
    /// A fake provider authorization code or request id.
    Code,
}

impl IdSource {
    /// A source; `fixed` selects counters instead of randomness.
    pub fn new(fixed: bool) -> Self {
        IdSource {
            fixed,
            counter: AtomicU64::new(0),
        }
    }

    fn next(&self) -> u64 {
        self.counter.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// A UUID v4 (or, fixed, `0000000K-0000-4000-8000-<counter>`).
    pub fn uuid(&self, kind: IdKind) -> String {
        if self.fixed {
            let tag = match kind {
                IdKind::WsClient => 1,
                IdKind::Connection => 2,
                IdKind::State => 3,
                IdKind::Code => 4,
            };
            format!("0000000{tag}-0000-4000-8000-{:012x}", self.next())
        } else {
            uuid::Uuid::new_v4().to_string()
        }
    }

    /// A connect session token: `nango_connect_session_` + 64 lowercase hex digits.
    pub fn session_token(&self) -> String {
        if self.fixed {
            format!("nango_connect_session_{:064x}", self.next())
        } else {
            let bytes: [u8; 32] = rand::random();
            let mut out = String::with_capacity(22 + 64);
            out.push_str("nango_connect_session_");
            for b in bytes {
                out.push_str(&format!("{b:02x}"));
            }
            out
        }
    }

    /// An opaque random string (access tokens of the fake provider).
    pub fn opaque(&self, prefix: &str) -> String {
        if self.fixed {
            format!("{prefix}{:016x}", self.next())
        } else {
            let bytes: [u8; 16] = rand::random();
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            format!("{prefix}{hex}")
        }
    }
}
