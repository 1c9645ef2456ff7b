//! SimHash over word shingles, Hamming distance and pigeonhole band keys.

use crate::normalize::tokens;

/// Words per shingle used by [`simhash`].
///
/// Two, not three: on the test set (`examples/eval.rs`) bigrams give higher
/// recall at every threshold with no loss of precision, because a replaced
/// word breaks two shingles instead of three; single words make unrelated
/// texts of one language too close (minimum distance 13 against 19).
pub const SHINGLE_WORDS: usize = 2;

/// The 64-bit SimHash of `text`: [`tokens`](crate::tokens) → overlapping
/// word shingles of [`SHINGLE_WORDS`] words → each shingle hashed to 64 bits
/// and added (+1 per set bit, −1 per clear bit) once per occurrence, so a
/// shingle weighs by its frequency → bit `i` is set when column `i` ends
/// positive.
///
/// A text with fewer than [`SHINGLE_WORDS`] tokens is one shingle; an empty
/// text (no tokens) gives `0`. Deterministic across runs, platforms and
/// versions of Rust (the hash is our own, not `std`'s `DefaultHasher`).
pub fn simhash(text: &str) -> u64 {
    simhash_with(text, SHINGLE_WORDS)
}

/// [`simhash`] with `shingle_words` words per shingle (clamped to at least
/// 1). For tuning and evaluation; fingerprints made with different shingle
/// sizes are not comparable.
pub fn simhash_with(text: &str, shingle_words: usize) -> u64 {
    simhash_tokens(&tokens(text), shingle_words)
}

/// [`simhash_with`] over already normalised tokens.
pub fn simhash_tokens(tokens: &[String], shingle_words: usize) -> u64 {
    let k = shingle_words.max(1);
    if tokens.is_empty() {
        return 0;
    }
    let mut columns = [0i64; 64];
    let mut add = |shingle: &[String]| {
        let h = hash_shingle(shingle);
        for (bit, col) in columns.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *col += 1;
            } else {
                *col -= 1;
            }
        }
    };
    if tokens.len() < k {
        add(tokens);
    } else {
        tokens.windows(k).for_each(add);
    }
    columns
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .fold(0u64, |fp, (bit, _)| fp | 1 << bit)
}

/// FNV-1a over the tokens' bytes with a `0xFF` separator (never part of
/// UTF-8, so token boundaries cannot be confused), then the MurmurHash3
/// 64-bit finaliser so that every input bit affects every output bit — plain
/// FNV-1a mixes its high bits poorly for short inputs.
fn hash_shingle(shingle: &[String]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for tok in shingle {
        for &b in tok.as_bytes().iter().chain(&[0xFF]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    fmix64(h)
}

fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// The number of bits in which `a` and `b` differ.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// Whether `a` and `b` differ in at most `max_distance` bits.
pub fn is_near_duplicate(a: u64, b: u64, max_distance: u32) -> bool {
    hamming(a, b) <= max_distance
}

/// The largest threshold at which an index of `capacity` fingerprints of
/// unrelated texts returns on average at most `chance_matches_per_lookup`
/// false matches, modelling unrelated SimHashes as independent fair coin
/// flips: `capacity × P[Binomial(64, ½) ≤ t] ≤ budget`. `0` if even distance
/// 0 is over budget.
///
/// The threshold must shrink as the index grows: a pair test set cannot show
/// it, but against 10 000 entries, distance 18 would match about three
/// unrelated items per lookup. Unrelated texts of one language are a little
/// closer than coin flips (median 31 rather than 32 on the test set), so
/// leave some margin in the budget.
///
/// ```
/// use khabar_fingerprint::max_distance_for;
/// assert_eq!(max_distance_for(10_000, 1e-4), 10);
/// assert_eq!(max_distance_for(100, 1e-2), 16);
/// ```
pub fn max_distance_for(capacity: usize, chance_matches_per_lookup: f64) -> u32 {
    let mut binom = 1.0f64; // C(64, t)
    let mut cdf = 0.0f64; // Σ C(64, i) for i ≤ t
    let scale = capacity.max(1) as f64 / 2f64.powi(64);
    let mut best = 0;
    for t in 0..=64u32 {
        cdf += binom;
        if cdf * scale > chance_matches_per_lookup {
            break;
        }
        best = t;
        binom = binom * f64::from(64 - t) / f64::from(t + 1);
    }
    best
}

/// Split `fp` into `bands` contiguous bit ranges (as equal as possible;
/// `bands` is clamped to `1..=64`) and return `(band index, the band's bits)`
/// for each, lowest bits first.
///
/// Pigeonhole: two fingerprints that differ in `d < bands` bits agree
/// exactly on at least one band, so looking up every band key of a query in
/// an exact-match store (a hash map, a key-value table) finds every
/// candidate within `d`; the candidates are then checked with [`hamming`].
/// Use `bands = max_distance + 1`, the fewest bands (so the widest, most
/// selective keys) that keep the guarantee. The price: at
/// [`DEFAULT_MAX_DISTANCE`](crate::DEFAULT_MAX_DISTANCE) (10) that is 11
/// bands of 5–6 bits, each matching 1/32–1/64 of all stored fingerprints,
/// so a lookup gathers about a quarter of the index through 11 hash-map
/// probes — no faster than [`NearDupIndex`](crate::NearDupIndex)'s plain
/// scan. Band keys pay off at small distances (`max_distance <= 3` → 4 bands
/// of 16 bits) or in a store that cannot be scanned.
///
/// ```
/// use khabar_fingerprint::band_keys;
/// let keys = band_keys(0xAAAA_BBBB_CCCC_DDDD, 4);
/// assert_eq!(keys, vec![(0, 0xDDDD), (1, 0xCCCC), (2, 0xBBBB), (3, 0xAAAA)]);
/// ```
pub fn band_keys(fp: u64, bands: u32) -> Vec<(u8, u64)> {
    let bands = bands.clamp(1, 64);
    (0..bands)
        .map(|i| {
            let start = i * 64 / bands;
            let end = (i + 1) * 64 / bands;
            let width = end - start;
            let mask = if width == 64 {
                u64::MAX
            } else {
                (1u64 << width) - 1
            };
            // `i < 64`, so the cast is lossless.
            (i as u8, fp >> start & mask)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PINNED: u64 = 0x4901_6941_0723_0905;

    #[test]
    fn empty_and_tiny_texts() {
        assert_eq!(simhash(""), 0);
        assert_eq!(simhash(" ،. "), 0);
        assert_ne!(simhash("one"), 0);
        assert_eq!(simhash("one two"), simhash("ONE, two!"));
    }

    #[test]
    fn hash_is_stable() {
        // Pinned so that a change to tokenisation or hashing, which would
        // invalidate every stored fingerprint, is a deliberate one.
        assert_eq!(
            simhash("The quick brown fox jumps over the lazy dog."),
            PINNED
        );
        assert_eq!(
            simhash("the quick brown fox jumps over the lazy dog"),
            PINNED
        );
    }

    #[test]
    fn band_widths() {
        let keys = band_keys(u64::MAX, 5);
        let widths: Vec<u32> = keys.iter().map(|(_, k)| k.count_ones()).collect();
        assert_eq!(widths.iter().sum::<u32>(), 64);
        assert_eq!(widths, vec![12, 13, 13, 13, 13]);
        assert_eq!(band_keys(7, 0), vec![(0, 7)]);
        assert_eq!(band_keys(u64::MAX, 100).len(), 64);
    }
}
