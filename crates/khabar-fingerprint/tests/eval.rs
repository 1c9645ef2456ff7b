//! Precision and recall floors on the test set of `tests/common` (see
//! `examples/eval.rs` for the full table).
//!
//! Floors, with the measured value at the time of writing in brackets:
//! - at [`DEFAULT_MAX_DISTANCE`] (10): precision 1.0 — no unrelated or
//!   same-topic pair of the ~2 000 may match [1.000]; recall ≥ 0.95 on
//!   syndicated copies [0.981] (one miss of 52 allowed, two would fail).
//! - at the small-index threshold `max_distance_for(100, 1e-2)` (16):
//!   precision ≥ 0.95 [1.000], recall ≥ 0.9 over all rewrites [0.910].
//! - the same-topic pairs keep a margin of 5 bits above the default [19].

mod common;

use common::{Label, Strength};
use khabar_fingerprint::{hamming, max_distance_for, simhash, DEFAULT_MAX_DISTANCE};

fn distances() -> (Vec<common::Pair>, Vec<u32>) {
    let texts = common::texts();
    let pairs = common::pairs(&texts);
    let fps: Vec<u64> = texts.iter().map(|t| simhash(&t.text)).collect();
    let dist = pairs
        .iter()
        .map(|&(_, a, b)| hamming(fps[a], fps[b]))
        .collect();
    (pairs, dist)
}

#[test]
fn default_threshold_is_precise_and_catches_syndication() {
    let (pairs, dist) = distances();
    let all = common::score(&pairs, &dist, DEFAULT_MAX_DISTANCE, |_| true);
    assert_eq!(all.fp_, 0, "unrelated pairs matched: {all:?}");
    let light = common::score(&pairs, &dist, DEFAULT_MAX_DISTANCE, |s| {
        s == Strength::Light
    });
    assert!(
        light.recall() >= 0.95,
        "syndication recall {:.3}: {light:?}",
        light.recall()
    );
}

#[test]
fn small_index_threshold_catches_rewrites() {
    let (pairs, dist) = distances();
    let t = max_distance_for(100, 1e-2);
    assert_eq!(t, 16);
    let all = common::score(&pairs, &dist, t, |_| true);
    assert!(
        all.precision() >= 0.95,
        "precision {:.3}: {all:?}",
        all.precision()
    );
    assert!(all.recall() >= 0.9, "recall {:.3}: {all:?}", all.recall());
}

#[test]
fn same_topic_stories_keep_a_margin() {
    let (pairs, dist) = distances();
    let closest = pairs
        .iter()
        .zip(&dist)
        .filter(|(p, _)| p.0 == Label::SameTopic)
        .map(|(_, &d)| d)
        .min()
        .expect("the test set has same-topic pairs");
    assert!(
        closest > DEFAULT_MAX_DISTANCE + 5,
        "same-topic pair at distance {closest}"
    );
}

#[test]
fn test_set_shape() {
    let texts = common::texts();
    let pairs = common::pairs(&texts);
    let dups = pairs
        .iter()
        .filter(|p| matches!(p.0, Label::Duplicate(_)))
        .count();
    assert_eq!(dups, common::DOCS.len() * 3 * common::VARIANTS as usize);
    assert!(pairs.len() - dups > 1_500);
    // Rewrites really differ from their original.
    for t in texts.iter().filter(|t| t.strength.is_some()) {
        assert_ne!(t.text, common::DOCS[t.doc].1);
    }
}
