//! Starting and stopping the server: [`MockServer::builder`] → [`RunningServer`] (address, base
//! URL, secret key, graceful shutdown), used by tests and by the `nango-mock` binary.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nango_core::{AuthErrorKind, SecretKey};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::catalogue::{Catalogue, CatalogueError};
use crate::config::{Clock, Hooks, IdSource, MockConfig};
use crate::fake_provider::FakeProvider;
use crate::routes::{App, AppState, TelemetryRecord};
use crate::state::{MemoryStore, SqliteStore, Store, StoreError};
use crate::ws::WsHub;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The catalogue or integrations file is invalid.
    #[error("catalogue: {0}")]
    Catalogue(#[from] CatalogueError),
    /// The data directory could not be opened.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// Binding the port failed.
    #[error("bind {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The WebSocket path does not start with `/`.
    #[error("websockets path must start with '/': {0:?}")]
    WebsocketsPath(String),
    /// A folder to serve (`--connect-ui-dir`, `--static`) is not a directory.
    #[error("{prefix}: not a directory: {}", dir.display())]
    StaticDir {
        /// The URL prefix.
        prefix: String,
        /// The folder.
        dir: PathBuf,
    },
}

/// Entry point of the library API.
#[derive(Debug)]
pub struct MockServer;

impl MockServer {
    /// A builder with test-friendly defaults: port 0 (a free port), in-memory state.
    pub fn builder() -> MockServerBuilder {
        MockServerBuilder {
            config: MockConfig {
                port: 0,
                ..MockConfig::default()
            },
            catalogue: None,
        }
    }
}

/// Configures a server before [`MockServerBuilder::start`].
#[derive(Debug)]
pub struct MockServerBuilder {
    config: MockConfig,
    catalogue: Option<Catalogue>,
}

impl MockServerBuilder {
    /// Replaces the whole configuration.
    pub fn config(mut self, config: MockConfig) -> Self {
        self.config = config;
        self
    }

    /// Port (0 picks a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.config.port = port;
        self
    }

    /// Secret key.
    pub fn secret_key(mut self, key: impl Into<String>) -> Self {
        self.config.secret_key = SecretKey::new(key);
        self
    }

    /// WebSocket path.
    pub fn websockets_path(mut self, path: impl Into<String>) -> Self {
        self.config.websockets_path = path.into();
        self
    }

    /// Session lifetime.
    pub fn session_ttl(mut self, ttl: Duration) -> Self {
        self.config.session_ttl = ttl;
        self
    }

    /// Connect UI base URL for `connect_link`.
    pub fn connect_ui_url(mut self, url: impl Into<String>) -> Self {
        self.config.connect_ui_url = url.into();
        self
    }

    /// Serves a built Connect UI app (`dist/connect-app`) at `/connect/`; `connect_link` then
    /// points there (unless [`connect_ui_url`](Self::connect_ui_url) set another URL).
    pub fn connect_ui_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.config.connect_ui_dir = Some(dir.into());
        self
    }

    /// Serves a folder at a URL prefix (`/gallery`).
    pub fn static_mount(mut self, mount: crate::static_files::StaticMount) -> Self {
        self.config.static_mounts.push(mount);
        self
    }

    /// Persist to this directory (SQLite).
    pub fn data_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.config.data_dir = Some(dir.into());
        self
    }

    /// Connection cap (`resource_capped`).
    pub fn max_connections(mut self, cap: usize) -> Self {
        self.config.max_connections = Some(cap);
        self
    }

    /// Accept this public key (deprecated public-key auth).
    pub fn public_key(mut self, key: impl Into<String>) -> Self {
        self.config.public_key = Some(key.into());
        self
    }

    /// Enables HMAC for public-key auth with this environment key.
    pub fn hmac_key(mut self, key: impl Into<String>) -> Self {
        self.config.hmac_key = Some(crate::hmac_auth::HmacKey::new(key));
        self
    }

    /// Largest accepted body.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.config.body_limit = bytes;
        self
    }

    /// Uses this catalogue instead of loading files or the demo.
    pub fn catalogue(mut self, catalogue: Catalogue) -> Self {
        self.catalogue = Some(catalogue);
        self
    }

    /// All hooks at once.
    pub fn hooks(mut self, hooks: Hooks) -> Self {
        self.config.hooks = hooks;
        self
    }

    /// Predictable ids.
    pub fn fixed_ids(mut self, on: bool) -> Self {
        self.config.hooks.fixed_ids = on;
        self
    }

    /// Clock override.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.config.hooks.clock = clock;
        self
    }

    /// The fake provider approves without its consent page.
    pub fn auto_approve(mut self, on: bool) -> Self {
        self.config.hooks.auto_approve = on;
        self
    }

    /// `is_pending: true` in success frames.
    pub fn force_pending(mut self, on: bool) -> Self {
        self.config.hooks.force_pending = on;
        self
    }

    /// Every OAuth callback publishes this error type instead of success.
    pub fn force_ws_error(mut self, kind: Option<AuthErrorKind>) -> Self {
        self.config.hooks.force_ws_error = kind;
        self
    }

    /// Binds and serves; returns once the port is listening.
    pub async fn start(self) -> Result<RunningServer, StartError> {
        let config = self.config;
        if !config.websockets_path.starts_with('/') {
            return Err(StartError::WebsocketsPath(config.websockets_path));
        }
        if let Some(mount) = config
            .mounts()
            .into_iter()
            .find(|mount| !mount.dir.is_dir())
        {
            return Err(StartError::StaticDir {
                prefix: mount.prefix,
                dir: mount.dir,
            });
        }
        let catalogue = match self.catalogue {
            Some(c) => c,
            None => Catalogue::load(config.providers.as_deref(), config.integrations.as_deref())?,
        };
        let store: Arc<dyn Store> = match &config.data_dir {
            Some(dir) => Arc::new(SqliteStore::open(dir)?),
            None => Arc::new(MemoryStore::new()),
        };
        let addr = SocketAddr::new(config.bind, config.port);
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Bind { addr, source })?;
        let local_addr = listener
            .local_addr()
            .map_err(|source| StartError::Bind { addr, source })?;
        let started_at_ms = crate::routes::unix_ms(config.hooks.clock.now());
        let app: AppState = Arc::new(App {
            started_at_ms,
            ids: IdSource::new(config.hooks.fixed_ids),
            config,
            catalogue,
            store,
            hub: Arc::new(WsHub::new()),
            oauth_sessions: Mutex::new(HashMap::new()),
            provider: FakeProvider::new(),
            telemetry: Mutex::new(Vec::new()),
            local_addr,
        });
        let router = crate::routes::router(app.clone());
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stop_rx.await;
                })
                .await;
        });
        Ok(RunningServer {
            app,
            local_addr,
            stop: Some(stop_tx),
            task: Some(task),
        })
    }
}

/// A started server. Dropping it stops accepting new connections.
pub struct RunningServer {
    app: AppState,
    local_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for RunningServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunningServer")
            .field("addr", &self.local_addr)
            .finish_non_exhaustive()
    }
}

impl RunningServer {
    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// `http://ADDR:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// `ws://ADDR:PORT{websockets_path}`.
    pub fn ws_url(&self) -> String {
        format!(
            "ws://{}{}",
            self.local_addr, self.app.config.websockets_path
        )
    }

    /// The secret key.
    pub fn secret_key(&self) -> &SecretKey {
        &self.app.config.secret_key
    }

    /// The catalogue being served.
    pub fn catalogue(&self) -> &Catalogue {
        &self.app.catalogue
    }

    /// The store (to inspect or seed connections in tests).
    pub fn store(&self) -> Arc<dyn Store> {
        self.app.store.clone()
    }

    /// Telemetry events received so far.
    pub fn telemetry(&self) -> Vec<TelemetryRecord> {
        self.app
            .telemetry
            .lock()
            .map(|t| t.clone())
            .unwrap_or_default()
    }

    /// How many WebSocket clients are subscribed.
    pub fn ws_clients(&self) -> usize {
        self.app.hub.len()
    }

    /// Stops accepting connections and waits for in-flight requests (open WebSockets are
    /// dropped after 5 s).
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
