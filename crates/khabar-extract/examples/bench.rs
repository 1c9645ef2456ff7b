//! Throughput benchmark: prints MB/s of extraction over (1) the dev texts
//! repeated and (2) one 1 MB document built from them.
//!
//! ```text
//! cargo run --release -p khabar-extract --example bench [DEV_DIR]
//! ```
//! DEV_DIR defaults to `../shared/eval/dev` relative to the workspace; any
//! directory of JSON files with a `text` field works. Without one, a built-in
//! Arabic sample is used.

use std::time::Instant;

use khabar_extract::Extractor;

const SAMPLE: &str = "صرح الرئيس فلاديمير بوتين بأن روسيا تحتل المرتبة الأولى كشريك اقتصادي وتجاري لقرغيزستان، حيث ارتفعت التجارة بين البلدين بنسبة 13.6% في 2025، مسجلة رقما قياسيا بلغ 4.1 مليار دولار. وقال وزير الطاقة السعودي الأمير عبد العزيز بن سلمان إن المملكة ستبقي إنتاجها قرب 9 ملايين برميل يوميا حتى نهاية يونيو/حزيران المقبل.\n";

fn texts() -> Vec<String> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/eval/dev".to_string());
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
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
    let reps = (20_000_000 / bytes_once.max(1)).max(1);
    let t = Instant::now();
    let mut n_items = 0usize;
    for _ in 0..reps {
        for d in &docs {
            let out = ex.extract(d, None, published);
            n_items += out.entities.len() + out.figures.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (bytes_once * reps) as f64 / 1e6;
    println!(
        "dev texts x{reps}: {mb:.1} MB in {secs:.2} s = {:.1} MB/s ({n_items} items)",
        mb / secs
    );

    let mut big = String::new();
    while big.len() < 1_000_000 {
        for d in &docs {
            big.push_str(d);
            big.push('\n');
        }
    }
    let t = Instant::now();
    let runs = 10;
    let mut items = 0;
    for _ in 0..runs {
        let out = ex.extract(&big, Some("ar"), published);
        items = out.entities.len() + out.figures.len();
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = big.len() as f64 * runs as f64 / 1e6;
    println!(
        "1 MB document x{runs}: {:.1} MB/s ({items} items per run)",
        mb / secs
    );
}
