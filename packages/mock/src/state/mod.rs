//! Stored state: connect sessions and connections, behind the [`Store`] trait, kept in memory
//! ([`MemoryStore`]) or in SQLite with a write-through memory cache ([`SqliteStore`]).

mod memory;
mod sqlite;

pub use memory::MemoryStore;
pub use sqlite::SqliteStore;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use nango_core::session::EndUser;

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored row could not be decoded.
    #[error("corrupt row: {0}")]
    Corrupt(#[from] serde_json::Error),
    /// A lock was poisoned by a panicking thread.
    #[error("store lock poisoned")]
    Poisoned,
    /// The data directory could not be created.
    #[error("data dir: {0}")]
    Io(#[from] std::io::Error),
}

/// The connection a reconnect session is pinned to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PinnedConnection {
    /// Integration key.
    pub provider_config_key: String,
    /// Connection id.
    pub connection_id: String,
}

/// One connect session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// The bearer token.
    pub token: String,
    /// End user (None only for tag-only sessions).
    pub end_user: Option<EndUser>,
    /// Allowed integration keys, when restricted.
    pub allowed_integrations: Option<Vec<String>>,
    /// Per-integration defaults as sent (including `user_scopes`).
    pub integrations_config_defaults: Option<Map<String, Value>>,
    /// Per-integration overrides.
    pub overrides: Option<Map<String, Value>>,
    /// Session tags (lower-cased keys).
    pub tags: Option<Map<String, Value>>,
    /// Webhook URL override.
    pub webhook_url_override: Option<String>,
    /// Set for reconnect sessions.
    pub reconnect: Option<PinnedConnection>,
    /// Creation time, unix milliseconds.
    pub created_at_ms: i64,
    /// Expiry, unix milliseconds.
    pub expires_at_ms: i64,
}

/// One stored connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionRecord {
    /// Internal numeric id (assigned by the store).
    pub id: u64,
    /// Connection id.
    pub connection_id: String,
    /// Integration key.
    pub provider_config_key: String,
    /// Provider template name.
    pub provider: String,
    /// Connection configuration (`params`).
    pub connection_config: Map<String, Value>,
    /// Credentials, typed by their `type` key.
    pub credentials: Value,
    /// End user, from the session that created it.
    pub end_user: Option<EndUser>,
    /// Tags.
    pub tags: Map<String, Value>,
    /// Outbound installs are stored pending.
    pub pending: bool,
    /// Creation time, unix milliseconds.
    pub created_at_ms: i64,
    /// Last update, unix milliseconds.
    pub updated_at_ms: i64,
}

impl ConnectionRecord {
    /// A new, not pending connection, owned by the end user and tags of the `session` that
    /// created it (none for connections made with a public key).
    pub fn created(
        session: Option<&SessionRecord>,
        connection_id: String,
        provider_config_key: String,
        provider: String,
        connection_config: Map<String, Value>,
        credentials: Value,
        now_ms: i64,
    ) -> Self {
        ConnectionRecord {
            id: 0,
            connection_id,
            provider_config_key,
            provider,
            connection_config,
            credentials,
            end_user: session.and_then(|s| s.end_user.clone()),
            tags: session.and_then(|s| s.tags.clone()).unwrap_or_default(),
            pending: false,
            created_at_ms: now_ms,
            updated_at_ms: now_ms,
        }
    }
}

/// Persistence for sessions and connections. Writes are durable when they return.
pub trait Store: Send + Sync {
    /// Stores a new session.
    fn insert_session(&self, session: SessionRecord) -> Result<(), StoreError>;
    /// Looks a session up by token (expired ones included; the caller checks expiry).
    fn session(&self, token: &str) -> Result<Option<SessionRecord>, StoreError>;
    /// Deletes a session; true when it existed.
    fn delete_session(&self, token: &str) -> Result<bool, StoreError>;
    /// Inserts or overwrites a connection (same key and id): keeps `id` and `created_at_ms`
    /// of an existing one, and its end user and tags when the new record has none; returns the
    /// stored record.
    fn upsert_connection(
        &self,
        connection: ConnectionRecord,
    ) -> Result<ConnectionRecord, StoreError>;
    /// One connection.
    fn connection(
        &self,
        provider_config_key: &str,
        connection_id: &str,
    ) -> Result<Option<ConnectionRecord>, StoreError>;
    /// Every connection, oldest first.
    fn connections(&self) -> Result<Vec<ConnectionRecord>, StoreError>;
    /// Deletes a connection; true when it existed.
    fn delete_connection(
        &self,
        provider_config_key: &str,
        connection_id: &str,
    ) -> Result<bool, StoreError>;
    /// How many connections exist.
    fn connection_count(&self) -> Result<usize, StoreError>;
}
