//! `khabar extract --jsonl` over the shared dev set, scored by the shared
//! scorer. Guards the extraction quality reported in the issue notes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn dev_set_scores_hold() {
    // The shared eval set lives beside the project (`../shared/eval`);
    // KHABAR_EVAL_DIR points elsewhere when the checkout is not there.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = [
        std::env::var_os("KHABAR_EVAL_DIR").map(std::path::PathBuf::from),
        Some(root.join("../shared/eval")),
        Some(std::path::PathBuf::from("/work/shared/eval")),
    ];
    let eval = candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("score.py").exists())
        .expect("the shared eval set (score.py, dev/) was not found: set KHABAR_EVAL_DIR");
    let mut input = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(eval.join("dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in &paths {
        let d: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let mut line = serde_json::Map::new();
        for k in ["id", "text", "lang", "published"] {
            if let Some(v) = d.get(k) {
                line.insert(k.into(), v.clone());
            }
        }
        input.push_str(&serde_json::Value::Object(line).to_string());
        input.push('\n');
    }
    input.push_str("not json\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad line makes the command exit non-zero at the end"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        paths.len() + 1,
        "one output line per input line"
    );
    assert!(lines.last().unwrap().contains("\"error\""));

    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, lines[..paths.len()].join("\n")).unwrap();
    let score = Command::new("python3")
        .arg(eval.join("score.py"))
        .arg(eval.join("dev"))
        .arg(&pred)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        score.status.success(),
        "{}",
        String::from_utf8_lossy(&score.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    eprintln!("dev scores: {s}");
    let f1 = |path: &[&str]| path.iter().fold(&s, |v, k| &v[*k]).as_f64().unwrap_or(0.0);
    let floors = [
        (vec!["ent", "f1"], 0.95),
        (vec!["ent:location", "f1"], 0.95),
        (vec!["ent:person", "f1"], 0.90),
        (vec!["ent:organization", "f1"], 0.90),
        (vec!["fig", "f1"], 0.95),
    ];
    let link = &s["link"];
    let (tp, fp) = (link["tp"].as_f64().unwrap(), link["fp"].as_f64().unwrap());
    assert!(
        tp / (tp + fp) >= 0.95,
        "linking accuracy {}",
        tp / (tp + fp)
    );
    for (path, floor) in floors {
        let got = f1(&path);
        assert!(got >= floor, "{path:?} = {got} fell below {floor}");
    }
}
