//! Throughput benchmark: prints MB/s of extraction over (1) news-sized texts
//! repeated, (2) one 1 MB document built from them and (3) one 4 MB document
//! (linear time: the same MB/s), by wall clock and per
//! core (this thread's CPU time), median and best of 7 rounds.
//!
//! ```text
//! cargo run --release -p khabar-extract --example bench [DIR...]
//! ```
//! DIRs default to the eval dev set (`/work/shared/eval/dev`) and this crate's
//! held-out documents (`tests/heldout`); any directory of JSON files with a
//! `text` field works. Without any, a built-in Arabic sample is used.

use std::time::Instant;

use khabar_extract::Extractor;

const SAMPLE: &str = "صرح الرئيس فلاديمير بوتين بأن روسيا تحتل المرتبة الأولى كشريك اقتصادي وتجاري لقرغيزستان، حيث ارتفعت التجارة بين البلدين بنسبة 13.6% في 2025، مسجلة رقما قياسيا بلغ 4.1 مليار دولار. وقال وزير الطاقة السعودي الأمير عبد العزيز بن سلمان إن المملكة ستبقي إنتاجها قرب 9 ملايين برميل يوميا حتى نهاية يونيو/حزيران المقبل.\n";

fn texts() -> Vec<String> {
    let mut dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        dirs.push(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/dev").to_string());
        dirs.push(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/heldout").to_string());
    }
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let Ok(s) = std::fs::read_to_string(&p) else {
                continue;
            };
            if let Some(t) = extract_text_field(&s) {
                out.push(t);
            }
        }
    }
    if out.is_empty() {
        out.push(SAMPLE.to_string());
    }
    out
}

/// The `text` field of a JSON document (tiny parser to keep the example dependency-free).
fn extract_text_field(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    v.get("text")?.as_str().map(str::to_string)
}

/// CPU time this thread has used, in seconds (Linux: `/proc/thread-self/schedstat`).
/// Per-core throughput is bytes over CPU time, so other load on a shared
/// machine disturbs it far less than wall-clock time.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Run `f` over `bytes` of input `rounds` times; print median and best MB/s
/// by wall clock and by this thread's CPU time.
fn measure(label: &str, bytes: usize, rounds: usize, mut f: impl FnMut() -> usize) {
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut items = 0;
    for _ in 0..rounds {
        let c0 = thread_cpu_secs();
        let t0 = Instant::now();
        items = f();
        let w = t0.elapsed().as_secs_f64();
        wall.push(bytes as f64 / 1e6 / w);
        if let (Some(c0), Some(c1)) = (c0, thread_cpu_secs()) {
            cpu.push(bytes as f64 / 1e6 / (c1 - c0).max(1e-9));
        }
    }
    let med = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[v.len() - 1])
    };
    let (wm, wb) = med(&mut wall);
    print!(
        "{label}: {:.1} MB x{rounds}: wall {wm:.1} MB/s median, {wb:.1} best",
        bytes as f64 / 1e6
    );
    if cpu.len() == rounds {
        let (cm, cb) = med(&mut cpu);
        print!("; per core (CPU time) {cm:.1} MB/s median, {cb:.1} best");
    }
    println!(" ({items} items per round)");
}

fn main() {
    let t0 = Instant::now();
    let ex = Extractor::new().expect("built-in data is valid");
    println!(
        "start-up: {:.0} ms, gazetteer ≈ {:.1} MB",
        t0.elapsed().as_secs_f64() * 1e3,
        ex.approx_memory_bytes() as f64 / 1e6
    );
    let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 26);
    let docs = texts();
    let bytes_once: usize = docs.iter().map(String::len).sum();
    // About 4 MB of news-sized documents per round, language detected per document.
    let reps = (4_000_000 / bytes_once.max(1)).max(1);
    measure(
        &format!("{} news texts x{reps}", docs.len()),
        bytes_once * reps,
        7,
        || {
            let mut n = 0;
            for _ in 0..reps {
                for d in &docs {
                    let out = ex.extract(d, None, published);
                    n += out.entities.len() + out.figures.len();
                }
            }
            n
        },
    );

    let mut big = String::new();
    while big.len() < 1_000_000 {
        for d in &docs {
            big.push_str(d);
            big.push('\n');
        }
    }
    measure("one 1 MB document", big.len(), 7, || {
        let out = ex.extract(&big, Some("ar"), published);
        out.entities.len() + out.figures.len()
    });
    // Linear time: four times the text, the same MB/s.
    let huge = [big.as_str(); 4].join("\n");
    measure("one 4 MB document", huge.len(), 3, || {
        let out = ex.extract(&huge, Some("ar"), published);
        out.entities.len() + out.figures.len()
    });
}
