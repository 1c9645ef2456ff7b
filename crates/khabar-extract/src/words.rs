//! Fast lookups for the small fixed word lists and the gazetteer maps.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Fast non-cryptographic hashing for short keys: keys come from our own
/// data, text tokens are only looked up, so there is no HashDoS concern.
pub(crate) type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
pub(crate) type FxSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

/// A fixed list of normalised words with O(1) membership.
#[derive(Debug)]
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub(crate) fn contains(&self, w: &&str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(*w)
    }
}
