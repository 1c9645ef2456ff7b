//! Property tests: any UTF-8 input gives a well-formed extraction.
//!
//! - no panic;
//! - every span is non-empty and inside the text, with `text` equal to the
//!   char slice `start..end`;
//! - extraction is deterministic.

use std::sync::OnceLock;

use khabar_extract::Extractor;
use proptest::prelude::*;

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("built-in data is valid"))
}

fn check(text: &str, lang: Option<&str>) {
    let chars: Vec<char> = text.chars().collect();
    let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 26);
    let out = ex().extract(text, lang, published);
    for e in &out.entities {
        assert!(
            e.start < e.end && e.end <= chars.len(),
            "bad entity span {e:?}"
        );
        assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.text);
        assert!(!e.id.is_empty());
    }
    for f in &out.figures {
        assert!(
            f.start < f.end && f.end <= chars.len(),
            "bad figure span {f:?}"
        );
        assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        if let khabar_core::FigureValue::Number(n) = f.value {
            assert!(n.is_finite(), "{f:?}");
        }
    }
    assert_eq!(out, ex().extract(text, lang, published));
}

/// Fragments that exercise the rules: numbers, scales, months, titles, proclitics.
const PIECES: &[&str] = &[
    "الرئيس",
    "فلاديمير بوتين",
    "وبيشكيك",
    "13 ألفا و213",
    "٧٫٥٪",
    "مليار",
    "دولار",
    "يونيو/حزيران",
    "المقبل",
    "الـ",
    "39",
    "بين",
    "و15%",
    "(",
    ")",
    "أوبك",
    "ضعف",
    "ثلاثة",
    "أضعاف",
    "كانون",
    "الثاني",
    "شركة",
    "وكالة",
    "منظمة",
    "$",
    "20",
    "billion",
    "President",
    "Minister",
    "said",
    "Oct.",
    "14",
    ",",
    ".",
    "-",
    "\n",
    "ـ",
    "\u{64b}",
    "ِ",
    "Москве",
    "1,240",
    "MW",
    "2025",
    "العام",
    "الماضي",
    "الأول",
    "من",
    "تحت",
    "الصفر",
    "درجة",
    "مئوية",
    "نصف",
    "مليون",
    "طن",
    "crore",
    "rupees",
    "twice",
    "third",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text, None);
    }

    #[test]
    fn arbitrary_bytes_as_lossy_utf8(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check(&String::from_utf8_lossy(&bytes), Some("ar"));
    }

    #[test]
    fn shuffled_fragments(idx in proptest::collection::vec(0..PIECES.len(), 0..40), sep in prop::sample::select(vec![" ", "", "  ", "\u{a0}"])) {
        let text: Vec<&str> = idx.iter().map(|&i| PIECES[i]).collect();
        check(&text.join(sep), None);
        check(&text.join(sep), Some("en"));
    }
}
