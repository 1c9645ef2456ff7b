//! The shared backend: several replicas keep one state in Redis.
//!
//! Keys: `<prefix>item:<item_id>` and `<prefix>cursor:<feed_url>`, JSON
//! values. Items expire after the retention period (renewed on each write);
//! a batch of items is written in one MULTI/EXEC transaction.

use crate::{SeenItem, StateError, StateStore};
use khabar_core::FeedCursor;
use std::sync::Mutex;
use std::time::Duration;

fn redis_err(e: redis::RedisError) -> StateError {
    StateError::Redis(Box::new(e))
}

/// Redis-backed [`StateStore`].
pub struct RedisStore {
    client: redis::Client,
    conn: Mutex<Option<redis::Connection>>,
    prefix: String,
    retention: Duration,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .finish()
    }
}

impl RedisStore {
    /// Connect to `url` (`redis://host:port/db`); keys start with `prefix`.
    pub fn open(url: &str, prefix: &str, retention: Duration) -> Result<Self, StateError> {
        let client = redis::Client::open(url).map_err(redis_err)?;
        let conn = client
            .get_connection_with_timeout(Duration::from_secs(5))
            .map_err(redis_err)?;
        Ok(Self {
            client,
            conn: Mutex::new(Some(conn)),
            prefix: prefix.to_string(),
            retention,
        })
    }

    /// Run `f` on the connection, reconnecting once if it was lost.
    fn with<T>(
        &self,
        f: impl Fn(&mut redis::Connection) -> redis::RedisResult<T>,
    ) -> Result<T, StateError> {
        let mut guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(conn) = guard.as_mut() {
            match f(conn) {
                Ok(v) => return Ok(v),
                Err(e)
                    if !(e.is_io_error()
                        || e.is_connection_dropped()
                        || e.is_connection_refusal()) =>
                {
                    return Err(redis_err(e))
                }
                Err(_) => {}
            }
        }
        *guard = None;
        let mut conn = self
            .client
            .get_connection_with_timeout(Duration::from_secs(5))
            .map_err(redis_err)?;
        let v = f(&mut conn).map_err(redis_err)?;
        *guard = Some(conn);
        Ok(v)
    }

    fn get_json<T: for<'de> serde::Deserialize<'de>>(
        &self,
        key: String,
    ) -> Result<Option<T>, StateError> {
        let raw: Option<Vec<u8>> = self.with(|c| redis::cmd("GET").arg(&key).query(c))?;
        Ok(match raw {
            Some(b) => Some(serde_json::from_slice(&b)?),
            None => None,
        })
    }
}

impl StateStore for RedisStore {
    fn get_item(&self, item_id: &str) -> Result<Option<SeenItem>, StateError> {
        self.get_json(format!("{}item:{item_id}", self.prefix))
    }

    fn put_items(&self, items: &[(String, SeenItem)]) -> Result<(), StateError> {
        if items.is_empty() {
            return Ok(());
        }
        let ttl = self.retention.as_secs().max(1);
        let mut pipe = redis::pipe();
        pipe.atomic();
        for (id, item) in items {
            pipe.cmd("SET")
                .arg(format!("{}item:{id}", self.prefix))
                .arg(serde_json::to_vec(item)?)
                .arg("EX")
                .arg(ttl)
                .ignore();
        }
        self.with(|c| pipe.query::<()>(c))
    }

    fn get_cursor(&self, feed_url: &str) -> Result<Option<FeedCursor>, StateError> {
        self.get_json(format!("{}cursor:{feed_url}", self.prefix))
    }

    fn put_cursor(&self, feed_url: &str, cursor: &FeedCursor) -> Result<(), StateError> {
        let value = serde_json::to_vec(cursor)?;
        let key = format!("{}cursor:{feed_url}", self.prefix);
        self.with(|c| redis::cmd("SET").arg(&key).arg(&value).query::<()>(c))
    }

    /// Redis expires items itself (`retention` from the last write).
    fn prune(&self, _cutoff: i64) -> Result<u64, StateError> {
        Ok(0)
    }

    fn fingerprints(&self, limit: usize) -> Result<Vec<(String, u64)>, StateError> {
        let pattern = format!("{}item:*", self.prefix);
        let keys: Vec<String> = self.with(|c| {
            let mut keys = Vec::new();
            let mut cursor: u64 = 0;
            loop {
                let (next, batch): (u64, Vec<String>) = redis::cmd("SCAN")
                    .arg(cursor)
                    .arg("MATCH")
                    .arg(&pattern)
                    .arg("COUNT")
                    .arg(1000)
                    .query(c)?;
                keys.extend(batch);
                if next == 0 {
                    return Ok(keys);
                }
                cursor = next;
            }
        })?;
        let mut all = Vec::new();
        let skip = self.prefix.len() + "item:".len();
        for chunk in keys.chunks(500) {
            let values: Vec<Option<Vec<u8>>> =
                self.with(|c| redis::cmd("MGET").arg(chunk).query(c))?;
            for (key, value) in chunk.iter().zip(values) {
                let Some(item) = value.and_then(|v| serde_json::from_slice::<SeenItem>(&v).ok())
                else {
                    continue;
                };
                if let Some(fp) = item.simhash {
                    all.push((item.last_seen, key[skip..].to_string(), fp));
                }
            }
        }
        Ok(crate::newest_fingerprints(all, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Needs Redis on 127.0.0.1:6379 (`tests/run` starts it): fails if absent.
    #[test]
    fn redis_store_contract() {
        let prefix = format!(
            "khabar-test-{}-{:?}:",
            std::process::id(),
            std::time::SystemTime::now()
        );
        let s = RedisStore::open(
            "redis://127.0.0.1:6379/",
            &prefix,
            Duration::from_secs(3600),
        )
        .expect("Redis must be running on 127.0.0.1:6379 for this test (bash tests/run starts it)");
        crate::tests::contract(&s, "redis");
        let ttl: i64 = s
            .with(|c| {
                redis::cmd("TTL")
                    .arg(format!("{prefix}item:redis/item"))
                    .query(c)
            })
            .unwrap();
        assert!(
            ttl > 0 && ttl <= 3600,
            "items expire after the retention period: ttl {ttl}"
        );
    }
}
