//! SQLite [`Store`] for `--data-dir`: every write goes to the database first (WAL,
//! `synchronous=FULL`), then to an in-memory cache that serves all reads.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, params};

use super::{ConnectionRecord, MemoryStore, SessionRecord, Store, StoreError};

/// The database file name inside the data directory.
pub const DATABASE_FILE: &str = "nango-mock.sqlite3";

/// Durable store: survives restarts and crashes (a returned write is on disk).
#[derive(Debug)]
pub struct SqliteStore {
    db: Mutex<Connection>,
    cache: MemoryStore,
}

impl SqliteStore {
    /// Opens (or creates) the database in `data_dir` and loads it into the cache.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir)?;
        let db = Connection::open(data_dir.join(DATABASE_FILE))?;
        db.execute_batch(
            "PRAGMA journal_mode=WAL;
             PRAGMA synchronous=FULL;
             CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, record TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS connections (
                 provider_config_key TEXT NOT NULL,
                 connection_id TEXT NOT NULL,
                 id INTEGER NOT NULL,
                 record TEXT NOT NULL,
                 PRIMARY KEY (provider_config_key, connection_id));",
        )?;
        let cache = MemoryStore::new();
        {
            let mut sessions = db.prepare("SELECT record FROM sessions")?;
            let rows = sessions.query_map([], |row| row.get::<_, String>(0))?;
            for row in rows {
                let record: SessionRecord = serde_json::from_str(&row?)?;
                cache.insert_session(record)?;
            }
            let mut connections = db.prepare("SELECT record FROM connections ORDER BY id")?;
            let rows = connections.query_map([], |row| row.get::<_, String>(0))?;
            for row in rows {
                let record: ConnectionRecord = serde_json::from_str(&row?)?;
                cache.put_connection(record)?;
            }
        }
        Ok(SqliteStore {
            db: Mutex::new(db),
            cache,
        })
    }

    fn db(&self) -> Result<std::sync::MutexGuard<'_, Connection>, StoreError> {
        self.db.lock().map_err(|_| StoreError::Poisoned)
    }
}

impl Store for SqliteStore {
    fn insert_session(&self, session: SessionRecord) -> Result<(), StoreError> {
        let json = serde_json::to_string(&session)?;
        self.db()?.execute(
            "INSERT OR REPLACE INTO sessions (token, record) VALUES (?1, ?2)",
            params![session.token, json],
        )?;
        self.cache.insert_session(session)
    }

    fn session(&self, token: &str) -> Result<Option<SessionRecord>, StoreError> {
        self.cache.session(token)
    }

    fn delete_session(&self, token: &str) -> Result<bool, StoreError> {
        self.db()?
            .execute("DELETE FROM sessions WHERE token = ?1", params![token])?;
        self.cache.delete_session(token)
    }

    fn upsert_connection(
        &self,
        connection: ConnectionRecord,
    ) -> Result<ConnectionRecord, StoreError> {
        // Hold the database lock across prepare + write so ids stay unique.
        let db = self.db()?;
        let prepared = self.cache.prepare_upsert(connection)?;
        let json = serde_json::to_string(&prepared)?;
        db.execute(
            "INSERT OR REPLACE INTO connections (provider_config_key, connection_id, id, record)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                prepared.provider_config_key,
                prepared.connection_id,
                i64::try_from(prepared.id).unwrap_or(i64::MAX),
                json
            ],
        )?;
        self.cache.put_connection(prepared.clone())?;
        Ok(prepared)
    }

    fn connection(
        &self,
        provider_config_key: &str,
        connection_id: &str,
    ) -> Result<Option<ConnectionRecord>, StoreError> {
        self.cache.connection(provider_config_key, connection_id)
    }

    fn connections(&self) -> Result<Vec<ConnectionRecord>, StoreError> {
        self.cache.connections()
    }

    fn delete_connection(
        &self,
        provider_config_key: &str,
        connection_id: &str,
    ) -> Result<bool, StoreError> {
        self.db()?.execute(
            "DELETE FROM connections WHERE provider_config_key = ?1 AND connection_id = ?2",
            params![provider_config_key, connection_id],
        )?;
        self.cache
            .delete_connection(provider_config_key, connection_id)
    }

    fn connection_count(&self) -> Result<usize, StoreError> {
        self.cache.connection_count()
    }
}
