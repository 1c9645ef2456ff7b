//! A bounded in-memory index of recent fingerprints.

use std::collections::VecDeque;

use crate::simhash::hamming;

/// The most recent `capacity` `(item id, fingerprint)` pairs, oldest evicted
/// first, searched for the closest earlier item.
///
/// The search is a scan: one XOR and popcount per entry, some microseconds
/// for 10 000 entries. At the distances that catch rewritten stories
/// ([`DEFAULT_MAX_DISTANCE`](crate::DEFAULT_MAX_DISTANCE) and above), a
/// pigeonhole band index ([`band_keys`](crate::band_keys)) needs 11 or more
/// bands of at most 6 bits; its lookups gather a large share of the entries
/// through as many hash-map probes, so it would be bigger and no faster than
/// the scan.
///
/// ```
/// use khabar_fingerprint::NearDupIndex;
/// let mut index = NearDupIndex::new(2);
/// index.insert("a", 0b0000);
/// index.insert("b", 0b0111);
/// assert_eq!(index.find(0b0001, 3), Some(("a".to_owned(), 1)));
/// index.insert("c", 0b1111_0000); // evicts "a"
/// assert_eq!(index.find(0b0001, 3), Some(("b".to_owned(), 2)));
/// assert_eq!(index.find(0b0001, 1), None);
/// ```
#[derive(Debug, Clone)]
pub struct NearDupIndex {
    capacity: usize,
    entries: VecDeque<(String, u64)>,
}

impl NearDupIndex {
    /// An empty index keeping at most `capacity` entries (at least 1).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            capacity,
            entries: VecDeque::with_capacity(capacity.min(1 << 16)),
        }
    }

    /// The configured capacity.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The number of entries held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index holds no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Record `item_id` with fingerprint `fp` as the newest entry, evicting
    /// the oldest when full. An entry already held for `item_id` (an earlier
    /// version of an updated item) is replaced, so an item is never its own
    /// "earlier" duplicate through a stale version.
    pub fn insert(&mut self, item_id: impl Into<String>, fp: u64) {
        let item_id = item_id.into();
        if let Some(pos) = self.entries.iter().position(|(id, _)| *id == item_id) {
            self.entries.remove(pos);
        }
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back((item_id, fp));
    }

    /// The entry closest to `fp` within `max_distance` bits, with its
    /// distance; on a tie the oldest (the story's first appearance) wins.
    pub fn find(&self, fp: u64, max_distance: u32) -> Option<(String, u32)> {
        self.closest(fp, max_distance, None)
    }

    /// [`find`](Self::find), ignoring the entry of `item_id` itself: for
    /// checking an updated item against everything but its own earlier
    /// version.
    pub fn find_excluding(
        &self,
        fp: u64,
        max_distance: u32,
        item_id: &str,
    ) -> Option<(String, u32)> {
        self.closest(fp, max_distance, Some(item_id))
    }

    fn closest(&self, fp: u64, max_distance: u32, exclude: Option<&str>) -> Option<(String, u32)> {
        let mut best: Option<(&str, u32)> = None;
        for (id, other) in &self.entries {
            if exclude == Some(id.as_str()) {
                continue;
            }
            let d = hamming(fp, *other);
            let closer = match best {
                None => true,
                Some((_, bd)) => d < bd,
            };
            if d <= max_distance && closer {
                best = Some((id, d));
                if d == 0 {
                    break;
                }
            }
        }
        best.map(|(id, d)| (id.to_owned(), d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_then_oldest() {
        let mut ix = NearDupIndex::new(10);
        ix.insert("far", 0b1111);
        ix.insert("first", 0b0001);
        ix.insert("second", 0b0010);
        assert_eq!(ix.find(0b0000, 4), Some(("first".into(), 1)));
        assert_eq!(ix.find(0b1111, 0), Some(("far".into(), 0)));
        assert_eq!(ix.find(0b1111_0000, 3), None);
    }

    #[test]
    fn reinsert_replaces_and_refreshes() {
        let mut ix = NearDupIndex::new(2);
        ix.insert("a", 1);
        ix.insert("b", 2);
        ix.insert("a", 3); // replaces a, now newest
        assert_eq!(ix.len(), 2);
        ix.insert("c", 4); // evicts b
        assert_eq!(ix.find(2, 0), None);
        assert_eq!(ix.find(3, 0), Some(("a".into(), 0)));
        assert_eq!(ix.find_excluding(3, 2, "a"), None);
        assert_eq!(ix.find_excluding(3, 3, "a"), Some(("c".into(), 3)));
    }

    #[test]
    fn zero_capacity_is_one() {
        let mut ix = NearDupIndex::new(0);
        assert!(ix.is_empty());
        ix.insert("a", 1);
        ix.insert("b", 1);
        assert_eq!(ix.capacity(), 1);
        assert_eq!(ix.find(1, 0), Some(("b".into(), 0)));
    }
}
