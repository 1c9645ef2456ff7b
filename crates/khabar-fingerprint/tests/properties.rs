//! Property tests for the fingerprint and index invariants.

use khabar_fingerprint::{band_keys, hamming, is_near_duplicate, normalize, simhash, NearDupIndex};
use proptest::prelude::*;

/// Arabic, Latin, digits of three scripts, diacritics, tatweel, punctuation.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(vec![
                "قال",
                "الوزير",
                "وأضاف",
                "أوبك+",
                "مليار",
                "دولار",
                "النفط",
                "يوميا",
                "يومياً",
                "إلى"
            ]),
            prop::sample::select(vec![
                "IMF", "said", "growth", "Jakarta", "2025", "٢٠٢٥", "۲۰۲۵", "7.5%", "٧٫٥٪", "ـ",
                "،", "\n", "َ"
            ]),
        ],
        0..60,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn simhash_is_deterministic(text in any::<String>()) {
        prop_assert_eq!(simhash(&text), simhash(&text.clone()));
    }

    #[test]
    fn identical_text_is_distance_zero(text in news_text()) {
        let fp = simhash(&text);
        prop_assert_eq!(hamming(fp, simhash(&text)), 0);
        prop_assert!(is_near_duplicate(fp, fp, 0));
    }

    /// Digit script, diacritics and tatweel do not change the fingerprint.
    #[test]
    fn fingerprint_ignores_digit_script_and_marks(text in news_text(), every in 1usize..4) {
        let mut marked = String::new();
        for (i, c) in text.chars().enumerate() {
            match c {
                '0'..='9' => marked.push(char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c)),
                'ب'..='ي' if i % every == 0 => {
                    marked.push(c);
                    marked.push(if i % 2 == 0 { '\u{064E}' } else { 'ـ' });
                }
                _ => marked.push(c),
            }
        }
        prop_assert_eq!(normalize(&marked), normalize(&text));
        prop_assert_eq!(simhash(&marked), simhash(&text));
    }

    #[test]
    fn hamming_is_a_metric(a in any::<u64>(), b in any::<u64>(), c in any::<u64>()) {
        prop_assert_eq!(hamming(a, b), hamming(b, a));
        prop_assert_eq!(hamming(a, a), 0);
        prop_assert!(hamming(a, c) <= hamming(a, b) + hamming(b, c));
        prop_assert_eq!(is_near_duplicate(a, b, 64), true);
    }

    /// Pigeonhole: flipping fewer than `bands` bits leaves a band intact.
    #[test]
    fn band_keys_share_a_band_within_distance(
        fp in any::<u64>(),
        bands in 1u32..=64,
        flips in prop::collection::btree_set(0u32..64, 0..64),
    ) {
        let flips: Vec<u32> = flips.into_iter().take(bands as usize - 1).collect();
        let other = flips.iter().fold(fp, |x, &bit| x ^ (1 << bit));
        prop_assert!(hamming(fp, other) < bands);
        let a = band_keys(fp, bands);
        let b = band_keys(other, bands);
        prop_assert_eq!(a.len(), bands as usize);
        prop_assert!(a.iter().zip(&b).any(|(x, y)| x == y));
    }

    /// The index returns exactly what a brute-force search over the last
    /// `capacity` distinct items returns.
    #[test]
    fn index_matches_brute_force(
        fps in prop::collection::vec(any::<u64>(), 0..40),
        capacity in 1usize..20,
        query in any::<u64>(),
        max_distance in 0u32..40,
    ) {
        let mut index = NearDupIndex::new(capacity);
        for (i, fp) in fps.iter().enumerate() {
            index.insert(format!("item-{i}"), *fp);
        }
        prop_assert!(index.len() <= capacity);
        let start = fps.len().saturating_sub(capacity);
        let expected = fps[start..]
            .iter()
            .enumerate()
            .map(|(i, &fp)| (hamming(query, fp), i + start))
            .filter(|&(d, _)| d <= max_distance)
            .min()
            .map(|(d, i)| (format!("item-{i}"), d));
        prop_assert_eq!(index.find(query, max_distance), expected);
    }
}
