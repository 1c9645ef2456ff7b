//! Fast lookups for the small fixed word lists and the gazetteer maps.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Fast non-cryptographic (unseeded) hashing for short keys. Keys are our own
/// data, or words of one document's mentions (at most one key per mention),
/// so a crafted collision costs at most quadratic time in one item's mentions,
/// and items are size-capped before extraction.
pub(crate) type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
pub(crate) type FxSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

/// Arabic function words (prepositions, particles, pronouns, auxiliaries;
/// normalised): never a name and never a counted noun. Entities and figures
/// each extend them with words of their own.
pub(crate) const AR_FUNCTION_WORDS: &[&str] = &[
    // Question words.
    "كيف",
    "لماذا",
    "ماذا",
    "متي",
    "هل",
    "في",
    "من",
    "الي",
    "على",
    "علي",
    "عن",
    "مع",
    "حتي",
    "منذ",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "لدي",
    "بين",
    "او",
    "ثم",
    "ان",
    "انه",
    "انها",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "ما",
    "لا",
    "لم",
    "لن",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "الذي",
    "التي",
    "اي",
    "كل",
    "بعض",
    "غير",
    "امس",
    "اليوم",
    "ايضا",
    "عبر",
    "حيث",
    "كما",
    "بينما",
    "فيما",
    "وفق",
    "هو",
    "هي",
    "نحو",
    "الذين",
    "دون",
    "اذ",
    "اذا",
    "لكن",
];

/// A fixed list of normalised words with O(1) membership.
#[derive(Debug)]
pub(crate) struct WordSet {
    base: &'static [&'static str],
    words: &'static [&'static str],
    set: OnceLock<FxSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet::extending(&[], words)
    }

    /// The words of `base` and `words` together.
    pub(crate) const fn extending(
        base: &'static [&'static str],
        words: &'static [&'static str],
    ) -> WordSet {
        WordSet {
            base,
            words,
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub(crate) fn contains(&self, w: &&str) -> bool {
        self.set
            .get_or_init(|| self.base.iter().chain(self.words).copied().collect())
            .contains(*w)
    }
}
