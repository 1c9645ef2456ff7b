//! Reads the contract's JSONL input on stdin (`{"id","text","lang"?,"published"?}`)
//! and prints one output object per input line, in order: `{"id","lang","entities","figures"}`,
//! or `{"id","error"}` for a line that is not valid JSON or has no `text`.
//! Exits non-zero at the end if any line failed.
//!
//! ```text
//! cargo run --release -p khabar-extract --example jsonl < input.jsonl > output.jsonl
//! ```

use std::io::{BufRead, Write};

use khabar_extract::Extractor;
use serde_json::{json, Value};

fn published(v: &Value) -> Option<chrono::NaiveDate> {
    let s = v.get("published")?.as_str()?;
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn main() {
    let ex = match Extractor::new() {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for line in stdin.lock().lines() {
        let Ok(line) = line else {
            failed = true;
            break;
        };
        if line.trim().is_empty() {
            continue;
        }
        let obj = match serde_json::from_str::<Value>(&line) {
            Ok(v) => {
                let id = v.get("id").cloned().unwrap_or(Value::Null);
                match v.get("text").and_then(Value::as_str) {
                    Some(text) => {
                        let lang = v.get("lang").and_then(Value::as_str);
                        let r = ex.extract(text, lang, published(&v));
                        json!({"id": id, "lang": r.lang, "entities": r.entities, "figures": r.figures})
                    }
                    None => {
                        failed = true;
                        json!({"id": id, "error": "line has no \"text\" string"})
                    }
                }
            }
            Err(e) => {
                failed = true;
                json!({"id": Value::Null, "error": format!("invalid JSON: {e}")})
            }
        };
        let _ = writeln!(out, "{obj}");
    }
    let _ = out.flush();
    if failed {
        std::process::exit(1);
    }
}
