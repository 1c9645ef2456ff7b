//! What khabar remembers between polls and restarts: the items it has
//! published (with the version and content hash last published) and each
//! feed's conditional-GET cursor.
//!
//! [`StateStore`] is the boundary; [`RedbStore`] is the embedded, persistent
//! backend (one file under the state directory). Writes happen only after
//! the broker acknowledged the events they describe: that ordering is the
//! caller's duty, and the pipeline's invariant.
//!
//! ```
//! use khabar_state::{RedbStore, SeenItem, StateStore};
//! let dir = tempfile::tempdir().unwrap();
//! let store = RedbStore::open(dir.path()).unwrap();
//! assert!(store.get_item("a").unwrap().is_none());
//! let seen = SeenItem { content_hash: "h".into(), version: 1, event_id: "e".into(),
//!                       first_seen: 0, feeds: vec!["f".into()], last_seen: 0, ..Default::default() };
//! store.put_items(&[("a".into(), seen.clone())]).unwrap();
//! assert_eq!(store.get_item("a").unwrap(), Some(seen));
//! ```

use khabar_core::FeedCursor;
use redb::{Database, ReadableTable, ReadableTableMetadata, TableDefinition};
use serde::{Deserialize, Serialize};
use std::path::Path;

mod redis_store;
pub(crate) use newest as newest_fingerprints;
pub use redis_store::RedisStore;

/// The stored record of a published item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SeenItem {
    /// Hash of the title and text last published.
    pub content_hash: String,
    /// Version last published, starting at 1.
    pub version: u32,
    /// `event_id` of the last published version.
    pub event_id: String,
    /// Unix seconds when first published.
    pub first_seen: i64,
    /// Feed URLs the item has been seen in.
    pub feeds: Vec<String>,
    /// Unix seconds when last seen in a feed; retention counts from here.
    #[serde(default)]
    pub last_seen: i64,
    /// Content hashes of earlier versions (newest last, a few at most): a
    /// feed still listing an old version is a stale re-listing, not an update.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_hashes: Vec<String>,
    /// Near-duplicate fingerprint of the text, when it was long enough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simhash: Option<u64>,
    /// The earlier item this one near-duplicates, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

impl SeenItem {
    /// Whether `hash` is this version's content or an earlier one's.
    pub fn knows(&self, hash: &str) -> bool {
        self.content_hash == hash || self.previous_hashes.iter().any(|h| h == hash)
    }
}

/// Errors of the state backends.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("could not create the state directory {path}: {source}")]
    Dir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("state database error (is another khabar using the same --state-dir?): {0}")]
    Db(Box<redb::Error>),
    #[error("the state database {path} is open in another process: is another khabar using the same --state-dir?")]
    InUse { path: String },
    #[error("{path} is not a khabar state database or is damaged; move it aside to start with empty state (every item is then published again)")]
    Damaged { path: String },
    #[error("could not create the state database {path}: {source}")]
    Create {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("a stored state record is corrupt: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("Redis state backend: {0} (check [state] redis_url and that Redis is running)")]
    Redis(Box<redis::RedisError>),
}

/// The state boundary. Implementations are blocking; async callers use
/// `spawn_blocking`.
pub trait StateStore: Send + Sync + 'static {
    fn get_item(&self, item_id: &str) -> Result<Option<SeenItem>, StateError>;
    /// Record published items, all in one transaction.
    fn put_items(&self, items: &[(String, SeenItem)]) -> Result<(), StateError>;
    fn get_cursor(&self, feed_url: &str) -> Result<Option<FeedCursor>, StateError>;
    fn put_cursor(&self, feed_url: &str, cursor: &FeedCursor) -> Result<(), StateError>;
    /// Forget items last seen before `cutoff` (unix seconds); returns how many.
    /// Backends with native expiry may do nothing here.
    fn prune(&self, cutoff: i64) -> Result<u64, StateError>;
    /// Fingerprints of the `limit` most recently seen items, oldest first:
    /// to warm the near-duplicate index at start-up.
    fn fingerprints(&self, limit: usize) -> Result<Vec<(String, u64)>, StateError>;
}

/// Keep the `limit` most recently seen, oldest first.
fn newest(mut all: Vec<(i64, String, u64)>, limit: usize) -> Vec<(String, u64)> {
    all.sort_by_key(|(seen, _, _)| *seen);
    let skip = all.len().saturating_sub(limit);
    all.into_iter()
        .skip(skip)
        .map(|(_, id, fp)| (id, fp))
        .collect()
}

/// Page cache of the embedded store.
const CACHE_BYTES: usize = 32 * 1024 * 1024;

const ITEMS: TableDefinition<&str, &[u8]> = TableDefinition::new("items");
const CURSORS: TableDefinition<&str, &[u8]> = TableDefinition::new("cursors");

/// The embedded backend: a redb file `khabar.redb` in the state directory.
pub struct RedbStore {
    db: Database,
}

impl std::fmt::Debug for RedbStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RedbStore")
    }
}

fn db_err(e: impl Into<redb::Error>) -> StateError {
    StateError::Db(Box::new(e.into()))
}

/// The database file inside the state directory.
const DB_FILE: &str = "khabar.redb";
/// Where a new database is built before it is renamed to [`DB_FILE`].
const DB_FILE_NEW: &str = "khabar.redb.new";

/// Create an empty database at `path`, so that a kill at any moment leaves
/// either no file or a whole one. redb writes a new file's magic number last:
/// a process killed between sizing the file and writing it leaves a file
/// that never opens again. So the database is built under a temporary name,
/// closed, and renamed into place; the rename is atomic and the directory is
/// synced after it.
fn create_atomically(dir: &Path, path: &Path) -> Result<(), StateError> {
    let new = dir.join(DB_FILE_NEW);
    let io_err = |source| StateError::Create {
        path: path.display().to_string(),
        source,
    };
    // A kill during an earlier creation may have left a partial file.
    match std::fs::remove_file(&new) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_err(e)),
        _ => {}
    }
    {
        let db = Database::builder()
            .create(&new)
            .map_err(|e| open_err(e, &new))?;
        // The commit is durable (fsynced) before it returns.
        create_tables(&db)?;
    }
    std::fs::rename(&new, path).map_err(io_err)?;
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err)
}

/// Make sure both tables exist, in one committed transaction.
fn create_tables(db: &Database) -> Result<(), StateError> {
    let tx = db.begin_write().map_err(db_err)?;
    tx.open_table(ITEMS).map_err(db_err)?;
    tx.open_table(CURSORS).map_err(db_err)?;
    tx.commit().map_err(db_err)
}

fn open_err(e: redb::DatabaseError, path: &Path) -> StateError {
    let path = path.display().to_string();
    match e {
        redb::DatabaseError::DatabaseAlreadyOpen => StateError::InUse { path },
        redb::DatabaseError::Storage(redb::StorageError::Io(io))
            if io.kind() == std::io::ErrorKind::InvalidData =>
        {
            StateError::Damaged { path }
        }
        e => db_err(e),
    }
}

impl RedbStore {
    /// Open (or create) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StateError> {
        std::fs::create_dir_all(dir).map_err(|source| StateError::Dir {
            path: dir.display().to_string(),
            source,
        })?;
        let path = dir.join(DB_FILE);
        if !path.exists() {
            create_atomically(dir, &path)?;
        }
        // redb's default cache may grow to 1 GiB; state lookups are point
        // reads, so a small cache keeps RSS flat at any item count.
        let db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .open(&path)
            .map_err(|e| open_err(e, &path))?;
        create_tables(&db)?;
        Ok(Self { db })
    }

    fn get<T: for<'de> Deserialize<'de>>(
        &self,
        table: TableDefinition<&str, &[u8]>,
        key: &str,
    ) -> Result<Option<T>, StateError> {
        let tx = self.db.begin_read().map_err(db_err)?;
        let t = tx.open_table(table).map_err(db_err)?;
        match t.get(key).map_err(db_err)? {
            Some(v) => Ok(Some(serde_json::from_slice(v.value())?)),
            None => Ok(None),
        }
    }

    /// Number of items remembered.
    pub fn item_count(&self) -> Result<u64, StateError> {
        let tx = self.db.begin_read().map_err(db_err)?;
        let t = tx.open_table(ITEMS).map_err(db_err)?;
        t.len().map_err(db_err)
    }
}

impl StateStore for RedbStore {
    fn get_item(&self, item_id: &str) -> Result<Option<SeenItem>, StateError> {
        self.get(ITEMS, item_id)
    }

    fn put_items(&self, items: &[(String, SeenItem)]) -> Result<(), StateError> {
        if items.is_empty() {
            return Ok(());
        }
        let tx = self.db.begin_write().map_err(db_err)?;
        {
            let mut t = tx.open_table(ITEMS).map_err(db_err)?;
            for (id, item) in items {
                t.insert(id.as_str(), serde_json::to_vec(item)?.as_slice())
                    .map_err(db_err)?;
            }
        }
        tx.commit().map_err(db_err)
    }

    fn get_cursor(&self, feed_url: &str) -> Result<Option<FeedCursor>, StateError> {
        self.get(CURSORS, feed_url)
    }

    fn put_cursor(&self, feed_url: &str, cursor: &FeedCursor) -> Result<(), StateError> {
        let tx = self.db.begin_write().map_err(db_err)?;
        {
            let mut t = tx.open_table(CURSORS).map_err(db_err)?;
            t.insert(feed_url, serde_json::to_vec(cursor)?.as_slice())
                .map_err(db_err)?;
        }
        tx.commit().map_err(db_err)
    }

    fn prune(&self, cutoff: i64) -> Result<u64, StateError> {
        let tx = self.db.begin_write().map_err(db_err)?;
        let removed = {
            let mut t = tx.open_table(ITEMS).map_err(db_err)?;
            let before = t.len().map_err(db_err)?;
            t.retain(|_, v| {
                serde_json::from_slice::<SeenItem>(v)
                    .map_or(true, |s| s.last_seen.max(s.first_seen) >= cutoff)
            })
            .map_err(db_err)?;
            before - t.len().map_err(db_err)?
        };
        tx.commit().map_err(db_err)?;
        Ok(removed)
    }

    fn fingerprints(&self, limit: usize) -> Result<Vec<(String, u64)>, StateError> {
        let tx = self.db.begin_read().map_err(db_err)?;
        let t = tx.open_table(ITEMS).map_err(db_err)?;
        let mut all = Vec::new();
        for entry in t.iter().map_err(db_err)? {
            let (k, v) = entry.map_err(db_err)?;
            if let Ok(item) = serde_json::from_slice::<SeenItem>(v.value()) {
                if let Some(fp) = item.simhash {
                    all.push((item.last_seen, k.value().to_string(), fp));
                }
            }
        }
        Ok(newest(all, limit))
    }
}

/// A store that forgets everything at exit: for demos and tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: std::sync::Mutex<std::collections::HashMap<String, SeenItem>>,
    cursors: std::sync::Mutex<std::collections::HashMap<String, FeedCursor>>,
}

impl StateStore for MemoryStore {
    fn get_item(&self, item_id: &str) -> Result<Option<SeenItem>, StateError> {
        Ok(self
            .items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(item_id)
            .cloned())
    }

    fn put_items(&self, items: &[(String, SeenItem)]) -> Result<(), StateError> {
        let mut map = self.items.lock().unwrap_or_else(|p| p.into_inner());
        for (id, item) in items {
            map.insert(id.clone(), item.clone());
        }
        Ok(())
    }

    fn get_cursor(&self, feed_url: &str) -> Result<Option<FeedCursor>, StateError> {
        Ok(self
            .cursors
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(feed_url)
            .cloned())
    }

    fn put_cursor(&self, feed_url: &str, cursor: &FeedCursor) -> Result<(), StateError> {
        self.cursors
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(feed_url.to_string(), cursor.clone());
        Ok(())
    }

    fn prune(&self, cutoff: i64) -> Result<u64, StateError> {
        let mut map = self.items.lock().unwrap_or_else(|p| p.into_inner());
        let before = map.len();
        map.retain(|_, s| s.last_seen.max(s.first_seen) >= cutoff);
        Ok((before - map.len()) as u64)
    }

    fn fingerprints(&self, limit: usize) -> Result<Vec<(String, u64)>, StateError> {
        let map = self.items.lock().unwrap_or_else(|p| p.into_inner());
        let all = map
            .iter()
            .filter_map(|(id, s)| s.simhash.map(|fp| (s.last_seen, id.clone(), fp)))
            .collect();
        Ok(newest(all, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The suite every backend passes.
    pub(crate) fn contract(s: &dyn StateStore, ns: &str) {
        let id = format!("{ns}/item");
        assert_eq!(s.get_item(&id).unwrap(), None);
        let old = SeenItem {
            content_hash: "h1".into(),
            version: 1,
            event_id: "e1".into(),
            first_seen: 100,
            feeds: vec!["a".into()],
            last_seen: 100,
            previous_hashes: vec![],
            ..Default::default()
        };
        let new = SeenItem {
            content_hash: "h2".into(),
            version: 2,
            event_id: "e2".into(),
            first_seen: 100,
            feeds: vec!["a".into(), "b".into()],
            last_seen: 5_000,
            previous_hashes: vec!["h1".into()],
            ..Default::default()
        };
        s.put_items(&[
            (id.clone(), old.clone()),
            (format!("{ns}/other"), old.clone()),
        ])
        .unwrap();
        assert_eq!(s.get_item(&id).unwrap(), Some(old));
        s.put_items(&[(id.clone(), new.clone())]).unwrap();
        assert_eq!(
            s.get_item(&id).unwrap(),
            Some(new.clone()),
            "a later version replaces the earlier"
        );
        let feed = format!("http://{ns}/feed");
        assert_eq!(s.get_cursor(&feed).unwrap(), None);
        let c = FeedCursor {
            etag: Some("\"x\"".into()),
            last_modified: Some("Tue, 04 Mar 2025 10:15:00 GMT".into()),
            moved_to: Some("https://moved.example/feed".into()),
            gone: false,
        };
        s.put_cursor(&feed, &c).unwrap();
        assert_eq!(s.get_cursor(&feed).unwrap(), Some(c));
        let mut fp = new.clone();
        fp.simhash = Some(42);
        s.put_items(&[(id.clone(), fp.clone())]).unwrap();
        assert!(s.fingerprints(10).unwrap().contains(&(id.clone(), 42)));
        let new = fp;
        s.prune(1_000).unwrap();
        assert_eq!(
            s.get_item(&id).unwrap(),
            Some(new),
            "recently seen items survive pruning"
        );
    }

    #[test]
    fn memory_store_contract() {
        let s = MemoryStore::default();
        contract(&s, "mem");
        assert_eq!(s.get_item("mem/other").unwrap(), None, "old items pruned");
    }

    #[test]
    fn redb_store_contract() {
        let dir = tempfile::tempdir().unwrap();
        let s = RedbStore::open(dir.path()).unwrap();
        contract(&s, "redb");
        assert_eq!(s.get_item("redb/other").unwrap(), None, "old items pruned");
    }

    #[test]
    fn a_creation_cut_short_leaves_nothing_that_blocks_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        // What a kill in the middle of creating the database leaves behind:
        // a sized file with no header yet.
        std::fs::write(dir.path().join(DB_FILE_NEW), vec![0u8; 1 << 20]).unwrap();
        let s = RedbStore::open(dir.path()).unwrap();
        s.put_cursor("http://f", &FeedCursor::default()).unwrap();
        assert_eq!(
            s.get_cursor("http://f").unwrap(),
            Some(FeedCursor::default())
        );
        assert!(!dir.path().join(DB_FILE_NEW).exists());
    }

    #[test]
    fn a_damaged_file_is_named_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        std::fs::write(&path, vec![0u8; 4096]).unwrap();
        let err = RedbStore::open(dir.path()).unwrap_err();
        assert!(matches!(err, StateError::Damaged { .. }), "{err}");
        assert!(err.to_string().contains("khabar.redb"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), vec![0u8; 4096], "kept");
    }

    #[test]
    fn a_second_process_is_told_the_store_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let _first = RedbStore::open(dir.path()).unwrap();
        let err = RedbStore::open(dir.path()).unwrap_err();
        assert!(matches!(err, StateError::InUse { .. }), "{err}");
    }

    #[test]
    fn survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let item = SeenItem {
            content_hash: "h".into(),
            version: 2,
            event_id: "e".into(),
            first_seen: 7,
            feeds: vec!["f".into()],
            last_seen: 7,
            previous_hashes: vec![],
            ..Default::default()
        };
        let cursor = FeedCursor {
            etag: Some("\"v1\"".into()),
            ..Default::default()
        };
        {
            let s = RedbStore::open(dir.path()).unwrap();
            s.put_items(&[("x".into(), item.clone())]).unwrap();
            s.put_cursor("http://f", &cursor).unwrap();
        }
        let s = RedbStore::open(dir.path()).unwrap();
        assert_eq!(s.get_item("x").unwrap(), Some(item));
        assert_eq!(s.get_cursor("http://f").unwrap(), Some(cursor));
        assert_eq!(s.get_cursor("http://other").unwrap(), None);
        assert_eq!(s.item_count().unwrap(), 1);
    }
}
