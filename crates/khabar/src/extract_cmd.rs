//! `khabar extract`: the extraction contract of SPEC.md on stdin/stdout.

use crate::ExtractArgs;
use khabar_extract::Extractor;
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::process::ExitCode;

fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.date_naive())
        .ok()
        .or_else(|| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let extractor = match &args.data_dir {
        Some(dir) => Extractor::with_user_data(dir)?,
        None => Extractor::new()?,
    };
    let default_lang = Some(args.lang.as_str()).filter(|l| *l != "auto");
    let default_published = match &args.published {
        Some(p) => Some(parse_date(p).ok_or_else(|| {
            anyhow::anyhow!(
                "--published {p:?} is not an RFC 3339 time such as 2025-11-26T10:00:00Z"
            )
        })?),
        None => None,
    };
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.jsonl {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdin.lock(), &mut text)?;
        let x = extractor.extract(&text, default_lang, default_published);
        serde_json::to_writer(&mut out, &x)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut failed = 0usize;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(&line) {
            Err(e) => Err((Value::Null, format!("line {}: not valid JSON: {e}", n + 1))),
            Ok(v) => {
                let id = v.get("id").cloned().unwrap_or(Value::Null);
                match v.get("text").and_then(Value::as_str) {
                    None => Err((id, format!("line {}: no \"text\" string", n + 1))),
                    Some(text) => {
                        let lang = v
                            .get("lang")
                            .and_then(Value::as_str)
                            .filter(|l| *l != "auto")
                            .or(default_lang);
                        let published = v
                            .get("published")
                            .and_then(Value::as_str)
                            .and_then(parse_date)
                            .or(default_published);
                        let x = extractor.extract(text, lang, published);
                        Ok(
                            json!({"id": id, "lang": x.lang, "entities": x.entities, "figures": x.figures}),
                        )
                    }
                }
            }
        };
        let obj = result.unwrap_or_else(|(id, error)| {
            failed += 1;
            json!({"id": id, "error": error})
        });
        serde_json::to_writer(&mut out, &obj)?;
        writeln!(out)?;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("khabar extract: {failed} line(s) failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
