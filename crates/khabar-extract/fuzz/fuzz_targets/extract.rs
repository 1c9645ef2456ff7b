//! Fuzz target: arbitrary bytes (as lossy UTF-8) through the extractor; the
//! output spans must be inside the text and equal their slices.
#![no_main]

use std::sync::OnceLock;

use khabar_extract::Extractor;
use libfuzzer_sys::fuzz_target;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("built-in data is valid"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    let out = ex().extract(&text, None, chrono_date());
    for e in &out.entities {
        assert!(e.start < e.end && e.end <= chars.len());
        assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.text);
    }
    for f in &out.figures {
        assert!(f.start < f.end && f.end <= chars.len());
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
    }
});

fn chrono_date() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2025, 11, 26)
}
