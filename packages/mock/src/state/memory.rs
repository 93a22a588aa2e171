//! In-memory [`Store`]: hash maps behind one mutex (also the cache of the SQLite store).

use std::collections::HashMap;
use std::sync::Mutex;

use indexmap::IndexMap;

use super::{ConnectionRecord, SessionRecord, Store, StoreError};

#[derive(Debug, Default)]
struct Inner {
    sessions: HashMap<String, SessionRecord>,
    connections: IndexMap<(String, String), ConnectionRecord>,
    next_id: u64,
}

/// Sessions and connections in memory; lost on exit.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Inner>, StoreError> {
        self.inner.lock().map_err(|_| StoreError::Poisoned)
    }

    /// Fills the connection id an upsert will get (existing id, else the next one), without
    /// storing; used by the SQLite store to write the final row first.
    pub(crate) fn prepare_upsert(
        &self,
        mut connection: ConnectionRecord,
    ) -> Result<ConnectionRecord, StoreError> {
        let inner = self.lock()?;
        let key = (
            connection.provider_config_key.clone(),
            connection.connection_id.clone(),
        );
        match inner.connections.get(&key) {
            Some(existing) => {
                connection.id = existing.id;
                connection.created_at_ms = existing.created_at_ms;
                // A reconnect session without an end user keeps the connection's owner.
                if connection.end_user.is_none() {
                    connection.end_user = existing.end_user.clone();
                }
                if connection.tags.is_empty() {
                    connection.tags = existing.tags.clone();
                }
            }
            None => connection.id = inner.next_id + 1,
        }
        Ok(connection)
    }

    /// Inserts a fully prepared record (id already assigned).
    pub(crate) fn put_connection(&self, connection: ConnectionRecord) -> Result<(), StoreError> {
        let mut inner = self.lock()?;
        inner.next_id = inner.next_id.max(connection.id);
        let key = (
            connection.provider_config_key.clone(),
            connection.connection_id.clone(),
        );
        inner.connections.insert(key, connection);
        Ok(())
    }
}

impl Store for MemoryStore {
    fn insert_session(&self, session: SessionRecord) -> Result<(), StoreError> {
        self.lock()?.sessions.insert(session.token.clone(), session);
        Ok(())
    }

    fn session(&self, token: &str) -> Result<Option<SessionRecord>, StoreError> {
        Ok(self.lock()?.sessions.get(token).cloned())
    }

    fn delete_session(&self, token: &str) -> Result<bool, StoreError> {
        Ok(self.lock()?.sessions.remove(token).is_some())
    }

    fn upsert_connection(
        &self,
        connection: ConnectionRecord,
    ) -> Result<ConnectionRecord, StoreError> {
        let prepared = self.prepare_upsert(connection)?;
        self.put_connection(prepared.clone())?;
        Ok(prepared)
    }

    fn connection(
        &self,
        provider_config_key: &str,
        connection_id: &str,
    ) -> Result<Option<ConnectionRecord>, StoreError> {
        Ok(self
            .lock()?
            .connections
            .get(&(provider_config_key.to_owned(), connection_id.to_owned()))
            .cloned())
    }

    fn connections(&self) -> Result<Vec<ConnectionRecord>, StoreError> {
        Ok(self.lock()?.connections.values().cloned().collect())
    }

    fn delete_connection(
        &self,
        provider_config_key: &str,
        connection_id: &str,
    ) -> Result<bool, StoreError> {
        Ok(self
            .lock()?
            .connections
            .shift_remove(&(provider_config_key.to_owned(), connection_id.to_owned()))
            .is_some())
    }

    fn connection_count(&self) -> Result<usize, StoreError> {
        Ok(self.lock()?.connections.len())
    }
}
