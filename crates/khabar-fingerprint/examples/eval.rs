//! Prints precision and recall of the near-duplicate detector on the test
//! set of `tests/common` (rewrites of the gold documents against unrelated
//! and same-topic stories): across thresholds and shingle sizes, by rewrite
//! strength, and for texts cut to their first N tokens (titles, leads).
//! Deterministic; `tests/eval.rs` asserts the floors.
//!
//! ```text
//! cargo run -p khabar-fingerprint --example eval
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use common::{Label, Strength};
use khabar_fingerprint::{hamming, simhash_tokens, tokens, DEFAULT_MAX_DISTANCE, SHINGLE_WORDS};

fn main() {
    let texts = common::texts();
    let pairs = common::pairs(&texts);
    let toks: Vec<Vec<String>> = texts.iter().map(|t| tokens(&t.text)).collect();
    let n_pos = pairs
        .iter()
        .filter(|p| matches!(p.0, Label::Duplicate(_)))
        .count();
    let n_same = pairs.iter().filter(|p| p.0 == Label::SameTopic).count();
    println!(
        "{} texts from {} documents; {} duplicate pairs, {} unrelated pairs ({} same-topic)",
        texts.len(),
        common::DOCS.len(),
        n_pos,
        pairs.len() - n_pos,
        n_same
    );

    for k in 1..=4 {
        let fps: Vec<u64> = toks.iter().map(|t| simhash_tokens(t, k)).collect();
        let dist: Vec<u32> = pairs
            .iter()
            .map(|&(_, a, b)| hamming(fps[a], fps[b]))
            .collect();
        summary(k, &pairs, &dist);
        if k == SHINGLE_WORDS {
            println!("\n{k}-word shingles (chosen): precision / recall by threshold");
            println!("| max distance | P | R (all) | R light | R medium | R heavy | FP (same-topic) | chance matches per lookup, {CAPACITY} entries |");
            println!("|---|---|---|---|---|---|---|---|");
            for t in (6..=22).step_by(2) {
                let all = common::score(&pairs, &dist, t, |_| true);
                let r = |s: Strength| common::score(&pairs, &dist, t, |x| x == s).recall();
                println!(
                    "| {t}{} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {} ({}) | {:.1e} |",
                    if t == DEFAULT_MAX_DISTANCE {
                        " (default)"
                    } else {
                        ""
                    },
                    all.precision(),
                    all.recall(),
                    r(Strength::Light),
                    r(Strength::Medium),
                    r(Strength::Heavy),
                    all.fp_,
                    all.same_topic_fp,
                    chance_per_lookup(t),
                );
            }
        }
    }

    println!("\nTexts cut to their first N tokens, {SHINGLE_WORDS}-word shingles, max distance {DEFAULT_MAX_DISTANCE}:");
    println!("| N tokens | P | R (all) | R light | FP |");
    println!("|---|---|---|---|---|");
    for n in [8, 12, 20, 30, 40, 60, 100] {
        let fps: Vec<u64> = toks
            .iter()
            .map(|t| simhash_tokens(&t[..n.min(t.len())], SHINGLE_WORDS))
            .collect();
        let dist: Vec<u32> = pairs
            .iter()
            .map(|&(_, a, b)| hamming(fps[a], fps[b]))
            .collect();
        let s = common::score(&pairs, &dist, DEFAULT_MAX_DISTANCE, |_| true);
        let light = common::score(&pairs, &dist, DEFAULT_MAX_DISTANCE, |x| {
            x == Strength::Light
        });
        println!(
            "| {n} | {:.3} | {:.3} | {:.3} | {} |",
            s.precision(),
            s.recall(),
            light.recall(),
            s.fp_
        );
    }
}

fn summary(k: usize, pairs: &[common::Pair], dist: &[u32]) {
    let pick = |f: &dyn Fn(Label) -> bool| -> Vec<u32> {
        let mut v: Vec<u32> = pairs
            .iter()
            .zip(dist)
            .filter(|(p, _)| f(p.0))
            .map(|(_, &d)| d)
            .collect();
        v.sort_unstable();
        v
    };
    let pos = pick(&|l| matches!(l, Label::Duplicate(_)));
    let neg = pick(&|l| !matches!(l, Label::Duplicate(_)));
    let same = pick(&|l| l == Label::SameTopic);
    let q = |v: &[u32], f: f64| v[((v.len() - 1) as f64 * f) as usize];
    let best = (0..=40)
        .map(|t| (t, common::score(pairs, dist, t, |_| true)))
        .max_by(|a, b| f1(&a.1).total_cmp(&f1(&b.1)))
        .map(|(t, s)| format!("best F1 at {t}: P {:.3} R {:.3}", s.precision(), s.recall()))
        .unwrap_or_default();
    println!(
        "k={k}: duplicates median {} p90 {} max {}; unrelated min {} p10 {} median {}; same-topic min {}; {best}",
        q(&pos, 0.5),
        q(&pos, 0.9),
        q(&pos, 1.0),
        q(&neg, 0.0),
        q(&neg, 0.1),
        q(&neg, 0.5),
        q(&same, 0.0),
    );
}

/// An index size for the "chance matches" column.
const CAPACITY: u32 = 10_000;

/// Expected matches per lookup in a full index of [`CAPACITY`] unrelated
/// fingerprints if their bits were independent coin flips (SimHashes of
/// unrelated texts are close to that: median distance 32 of 64 here):
/// `CAPACITY × P[Binomial(64, ½) ≤ t]`. The test set's ~2 000 negative pairs
/// cannot show rates this small; this is the rate a deployment sees.
fn chance_per_lookup(t: u32) -> f64 {
    let mut c = 1.0f64; // C(64, 0)
    let mut sum = 0.0;
    for i in 0..=t.min(64) {
        sum += c;
        c = c * f64::from(64 - i) / f64::from(i + 1);
    }
    f64::from(CAPACITY) * sum / 2f64.powi(64)
}

fn f1(s: &common::Score) -> f64 {
    let (p, r) = (s.precision(), s.recall());
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
