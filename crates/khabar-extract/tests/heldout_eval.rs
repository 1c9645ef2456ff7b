//! Held-out evaluation: gold documents in `tests/heldout/` (written before the
//! extractor was run on them, same conventions as `shared/eval/SPEC.md`; see
//! `tests/heldout/README.md` for who wrote them and their first scores),
//! scored with the matching rules of `shared/eval/score.py`; asserts floors
//! a little under today's scores, so a change that loses recall or precision
//! on unseen-style text fails here.

use std::collections::{HashMap, HashSet};

use khabar_extract::Extractor;
use serde_json::Value;

fn norm(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if (0x610..=0x61a).contains(&u)
            || (0x64b..=0x65f).contains(&u)
            || u == 0x670
            || (0x6d6..=0x6ed).contains(&u)
            || u == 0x640
        {
            continue;
        }
        out.push(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        });
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn keys(kind: &str, text: &str) -> Vec<(String, String)> {
    let t = norm(text);
    let mut v = vec![(kind.to_string(), t.clone())];
    let mut cs = t.chars();
    if t.chars().count() > 2 && cs.next().is_some_and(|c| "وفبلك".contains(c)) {
        v.push((kind.to_string(), cs.collect()));
    }
    v
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
}

/// (kind, value, unit) match as in score.py.
fn fig_match(kind: &str, value: &Value, unit: &str, g: &Value) -> bool {
    if g["kind"].as_str() != Some(kind) {
        return false;
    }
    let ok = if kind == "date" {
        value.as_str() == g["value"].as_str()
    } else {
        match (num(value), num(&g["value"])) {
            (Some(a), Some(b)) => a == b || (a - b).abs() <= 0.001 * a.abs().max(b.abs()),
            _ => false,
        }
    };
    ok && (!matches!(kind, "money" | "quantity") || unit == g["unit"].as_str().unwrap_or(""))
}

#[test]
fn heldout_scores_stay_above_floors() {
    let ex = Extractor::new().expect("built-in data");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/heldout");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("heldout dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 490);
    let (mut etp, mut efp, mut efn) = (0usize, 0usize, 0usize);
    let (mut ftp, mut ffp, mut ffn) = (0usize, 0usize, 0usize);
    let (mut lok, mut lbad) = (0usize, 0usize);
    for p in &paths {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("gold json");
        let text = gold["text"].as_str().expect("text");
        let published = gold["published"]
            .as_str()
            .and_then(|s| chrono::NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").ok());
        let out = ex.extract(text, gold["lang"].as_str(), published);
        // Entities.
        let mut pkeys: HashMap<(String, String), usize> = HashMap::new();
        for (i, e) in out.entities.iter().enumerate() {
            for k in keys(&e.kind, &e.text) {
                pkeys.entry(k).or_insert(i);
            }
        }
        let mut gold_keys: Vec<((String, String), String)> = Vec::new();
        for g in gold["entities"].as_array().expect("entities") {
            let k = (
                g["type"].as_str().unwrap_or("").to_string(),
                norm(g["text"].as_str().unwrap_or("")),
            );
            if !gold_keys.iter().any(|(x, _)| *x == k) {
                gold_keys.push((k, g["entity"].as_str().unwrap_or("").to_string()));
            }
        }
        let gset: HashSet<_> = gold_keys.iter().map(|(k, _)| k.clone()).collect();
        let mut used = HashSet::new();
        for (k, _) in &gold_keys {
            if let Some(&i) = pkeys.get(k) {
                etp += 1;
                used.insert(i);
            } else {
                efn += 1;
            }
        }
        let mut seen = HashSet::new();
        for (i, e) in out.entities.iter().enumerate() {
            let ks = keys(&e.kind, &e.text);
            if used.contains(&i) || ks.iter().any(|k| gset.contains(k)) {
                continue;
            }
            if seen.insert(ks[0].clone()) {
                efp += 1;
            }
        }
        // Linking.
        for a in 0..gold_keys.len() {
            for b in a + 1..gold_keys.len() {
                let (ka, ea) = &gold_keys[a];
                let (kb, eb) = &gold_keys[b];
                let (Some(&pa), Some(&pb)) = (pkeys.get(ka), pkeys.get(kb)) else {
                    continue;
                };
                let same_pred = out.entities[pa].id == out.entities[pb].id;
                if (ea == eb) == same_pred {
                    lok += 1;
                } else {
                    lbad += 1;
                }
            }
        }
        // Figures: sets of (kind, value, unit), greedy one-to-one.
        let gfigs = gold["figures"].as_array().expect("figures");
        let mut guniq: Vec<&Value> = Vec::new();
        for g in gfigs {
            let (k, u) = (
                g["kind"].as_str().unwrap_or(""),
                g["unit"].as_str().unwrap_or(""),
            );
            if !guniq.iter().any(|o| fig_match(k, &g["value"], u, o)) {
                guniq.push(g);
            }
        }
        let preds: Vec<(String, Value, String)> = out
            .figures
            .iter()
            .map(|f| {
                let v = serde_json::to_value(f).expect("figure");
                (
                    v["kind"].as_str().unwrap_or("").to_string(),
                    v["value"].clone(),
                    v["unit"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let mut puniq: Vec<&(String, Value, String)> = Vec::new();
        for p in &preds {
            let as_gold = serde_json::json!({"kind": p.0, "value": p.1, "unit": p.2});
            if !puniq.iter().any(|o| fig_match(&o.0, &o.1, &o.2, &as_gold)) {
                puniq.push(p);
            }
        }
        let mut matched = vec![false; puniq.len()];
        for g in &guniq {
            match (0..puniq.len())
                .find(|&i| !matched[i] && fig_match(&puniq[i].0, &puniq[i].1, &puniq[i].2, g))
            {
                Some(i) => {
                    matched[i] = true;
                    ftp += 1;
                }
                None => ffn += 1,
            }
        }
        for (i, p) in puniq.iter().enumerate() {
            if !matched[i] && !guniq.iter().any(|g| fig_match(&p.0, &p.1, &p.2, g)) {
                ffp += 1;
            }
        }
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
    let ent = f1(etp, efp, efn);
    let fig = f1(ftp, ffp, ffn);
    let link = lok as f64 / (lok + lbad).max(1) as f64;
    eprintln!("heldout: entity F1 {ent:.3} (tp {etp} fp {efp} fn {efn}), figures F1 {fig:.3}, linking {link:.3}");
    assert!(ent >= 0.89, "entity F1 {ent:.3} below floor");
    assert!(fig >= 0.96, "figure F1 {fig:.3} below floor");
    assert!(link >= 0.99, "linking {link:.3} below floor");
}
