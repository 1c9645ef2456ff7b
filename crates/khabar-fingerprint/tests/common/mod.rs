//! The near-duplicate test set, shared by `tests/eval.rs` and
//! `examples/eval.rs`: the ten gold documents of `shared/eval/dev` (copied
//! into `tests/data/`, embedded at compile time) plus three same-topic
//! stories written for this test (`hard-*`), deterministic rewrites of each,
//! and the labelled pairs.
//!
//! Positives: a document and one of its rewrites, at three strengths.
//! - light (syndication): another title line, a dateline or credit line
//!   added, digits switched between ASCII and Arabic-Indic, diacritics.
//! - medium: light, plus 1–2 sentence moves, 10% of sentences dropped and
//!   30% of the dictionary's words replaced by a synonym.
//! - heavy: another title, 2–3 moves, 20% dropped, 60% of dictionary words
//!   replaced.
//!
//! Negatives: every pair of different documents (originals and rewrites),
//! including the same-topic pairs (two OPEC+ meetings, two Putin state
//! visits, two IMF forecasts, OPEC/Turkish gas, Indonesia/Egypt economy).

#![allow(dead_code)] // each user of the module takes a different part

pub const DOCS: &[(&str, &str)] = &[
    (
        "dev-ar-01-opec-plus-cuts",
        include_str!("../data/dev-ar-01-opec-plus-cuts.txt"),
    ),
    (
        "dev-ar-02-suez-canal-incentives",
        include_str!("../data/dev-ar-02-suez-canal-incentives.txt"),
    ),
    (
        "dev-ar-03-turkey-russia-gas-akkuyu",
        include_str!("../data/dev-ar-03-turkey-russia-gas-akkuyu.txt"),
    ),
    (
        "dev-ar-04-hilal-nassr-derby",
        include_str!("../data/dev-ar-04-hilal-nassr-derby.txt"),
    ),
    (
        "dev-ar-05-kazakhstan-grain-rail",
        include_str!("../data/dev-ar-05-kazakhstan-grain-rail.txt"),
    ),
    (
        "dev-ar-06-sudan-cholera",
        include_str!("../data/dev-ar-06-sudan-cholera.txt"),
    ),
    (
        "dev-ar-07-uae-satellite-baikonur",
        include_str!("../data/dev-ar-07-uae-satellite-baikonur.txt"),
    ),
    (
        "dev-en-01-imf-indonesia",
        include_str!("../data/dev-en-01-imf-indonesia.txt"),
    ),
    (
        "dev-en-02-india-solar-iea",
        include_str!("../data/dev-en-02-india-solar-iea.txt"),
    ),
    (
        "seed-rt-putin-kyrgyzstan",
        include_str!("../data/seed-rt-putin-kyrgyzstan.txt"),
    ),
    (
        "hard-ar-opec-april",
        include_str!("../data/hard-ar-opec-april.txt"),
    ),
    (
        "hard-ar-putin-tajikistan",
        include_str!("../data/hard-ar-putin-tajikistan.txt"),
    ),
    (
        "hard-en-imf-egypt",
        include_str!("../data/hard-en-imf-egypt.txt"),
    ),
];

/// Pairs of different stories on the same topic, by document id.
pub const SAME_TOPIC: &[(&str, &str)] = &[
    ("dev-ar-01-opec-plus-cuts", "hard-ar-opec-april"),
    ("seed-rt-putin-kyrgyzstan", "hard-ar-putin-tajikistan"),
    ("dev-en-01-imf-indonesia", "hard-en-imf-egypt"),
    (
        "dev-ar-01-opec-plus-cuts",
        "dev-ar-03-turkey-russia-gas-akkuyu",
    ),
    ("dev-en-01-imf-indonesia", "dev-en-02-india-solar-iea"),
    (
        "dev-ar-05-kazakhstan-grain-rail",
        "seed-rt-putin-kyrgyzstan",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    Light,
    Medium,
    Heavy,
}

pub const STRENGTHS: [Strength; 3] = [Strength::Light, Strength::Medium, Strength::Heavy];

/// Rewrites per document and strength.
pub const VARIANTS: u64 = 4;

#[derive(Debug, Clone)]
pub struct Text {
    pub doc: usize,
    /// `None` for the original.
    pub strength: Option<Strength>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Duplicate(Strength),
    Unrelated,
    SameTopic,
}

/// `(label, index a, index b)` into the texts.
pub type Pair = (Label, usize, usize);

/// All texts: each original followed by its rewrites.
pub fn texts() -> Vec<Text> {
    let mut out = Vec::new();
    for (doc, (_, text)) in DOCS.iter().enumerate() {
        out.push(Text {
            doc,
            strength: None,
            text: (*text).to_owned(),
        });
        for (s, &strength) in STRENGTHS.iter().enumerate() {
            for v in 0..VARIANTS {
                let seed = (doc as u64) << 32 | (s as u64) << 16 | v;
                out.push(Text {
                    doc,
                    strength: Some(strength),
                    text: rewrite(text, strength, seed),
                });
            }
        }
    }
    out
}

/// Positives: each original with each of its rewrites. Negatives: each
/// original with every text of another document.
pub fn pairs(texts: &[Text]) -> Vec<Pair> {
    let mut out = Vec::new();
    for (a, ta) in texts.iter().enumerate() {
        if ta.strength.is_some() {
            continue;
        }
        for (b, tb) in texts.iter().enumerate() {
            if a == b {
                continue;
            }
            if ta.doc == tb.doc {
                out.push((
                    Label::Duplicate(tb.strength.expect("only one original per doc")),
                    a,
                    b,
                ));
            } else if tb.strength.is_some() || a < b {
                let (x, y) = (DOCS[ta.doc].0, DOCS[tb.doc].0);
                let same_topic = SAME_TOPIC
                    .iter()
                    .any(|&(p, q)| (p, q) == (x, y) || (q, p) == (x, y));
                out.push((
                    if same_topic {
                        Label::SameTopic
                    } else {
                        Label::Unrelated
                    },
                    a,
                    b,
                ));
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub tp: usize,
    pub fp_: usize,
    pub fn_: usize,
    pub tn: usize,
    pub same_topic_fp: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp_)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Precision and recall at `max_distance` over `pairs` whose distances are
/// `dist` (parallel to `pairs`), counting only positives accepted by `keep`.
pub fn score(
    pairs: &[Pair],
    dist: &[u32],
    max_distance: u32,
    keep: impl Fn(Strength) -> bool,
) -> Score {
    let mut s = Score::default();
    for (&(label, _, _), &d) in pairs.iter().zip(dist) {
        let hit = d <= max_distance;
        match label {
            Label::Duplicate(st) if keep(st) => {
                if hit {
                    s.tp += 1
                } else {
                    s.fn_ += 1
                }
            }
            Label::Duplicate(_) => {}
            Label::Unrelated | Label::SameTopic => {
                if hit {
                    s.fp_ += 1;
                    s.same_topic_fp += usize::from(label == Label::SameTopic);
                } else {
                    s.tn += 1
                }
            }
        }
    }
    s
}

/// SplitMix64: a small deterministic generator, so the test set is the same
/// on every run and platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const AR_SYNONYMS: &[(&str, &str)] = &[
    ("قال", "ذكر"),
    ("وقال", "وذكر"),
    ("أعلن", "كشف"),
    ("أعلنت", "كشفت"),
    ("أكد", "شدد"),
    ("وأكد", "وشدد"),
    ("أوضح", "بين"),
    ("وأوضح", "وبين"),
    ("مشيرا", "لافتا"),
    ("لافتا", "منوها"),
    ("مؤكدا", "مشددا"),
    ("يوميا", "يومياً"),
    ("الماضي", "المنصرم"),
    ("المقبل", "القادم"),
    ("نحو", "حوالي"),
    ("حوالي", "نحو"),
    ("بلغ", "وصل"),
    ("بلغت", "وصلت"),
    ("ارتفع", "صعد"),
    ("تراجع", "انخفض"),
    ("خلال", "أثناء"),
    ("مليار", "بليون"),
    ("العام", "السنة"),
    ("إن", "أن"),
    ("إلى", "الى"),
    ("على", "علي"),
    ("اجتماع", "لقاء"),
    ("الرئيس", "الرئيسُ"),
    ("منظمة", "منظّمة"),
    ("دولار", "دولار أمريكي"),
    ("كيلومترا", "كم"),
    ("اعتبارا", "ابتداء"),
    ("حتى", "لغاية"),
    ("فيما", "بينما"),
    ("بعدما", "بعد أن"),
    ("سنويا", "كل عام"),
];

const EN_SYNONYMS: &[(&str, &str)] = &[
    ("said", "stated"),
    ("told", "informed"),
    ("raised", "lifted"),
    ("rose", "increased"),
    ("cut", "lowered"),
    ("expects", "forecasts"),
    ("would", "will"),
    ("billion", "bn"),
    ("percent", "%"),
    ("about", "around"),
    ("record", "all-time"),
    ("nearly", "almost"),
    ("reach", "hit"),
    ("hit", "reached"),
    ("according", "acording"),
    ("government", "administration"),
    ("country", "nation"),
    ("month", "month's"),
    ("within", "inside"),
    ("year", "yr"),
    ("economy", "economic"),
    ("added", "installed"),
];

const AR_CREDITS: &[&str] = &[
    "المصدر: وكالات",
    "المصدر: رويترز",
    "(أ ف ب)",
    "تابعونا على تويتر وفيسبوك",
];
const AR_DATELINES: &[&str] = &["القاهرة - ", "موسكو (رويترز) - ", "دبي - وكالات: ", ""];
const EN_CREDITS: &[&str] = &[
    "(Reporting by staff; Editing by desk)",
    "Source: agencies",
    "Follow us on X",
];
const EN_DATELINES: &[&str] = &["LONDON (Reuters) - ", "NEW DELHI, Oct 14 - ", ""];

/// A deterministic rewrite of `text` (first line = title) at `strength`.
pub fn rewrite(text: &str, strength: Strength, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x6b68_6162_6172);
    let arabic = text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or_default().to_owned();
    let mut sentences: Vec<String> = lines.flat_map(split_sentences).collect();

    let (moves, drop, subst) = match strength {
        Strength::Light => (0, 0.0, 0.0),
        Strength::Medium => (1 + rng.below(2), 0.10, 0.3),
        Strength::Heavy => (2 + rng.below(2), 0.20, 0.6),
    };

    // Drop sentences (never the lead), at least one when dropping at all.
    let n_drop =
        ((sentences.len() as f64 * drop).round() as usize).min(sentences.len().saturating_sub(2));
    for _ in 0..n_drop {
        let i = 1 + rng.below(sentences.len() - 1);
        sentences.remove(i);
    }
    // Move sentences to another place.
    for _ in 0..moves {
        if sentences.len() > 2 {
            let from = 1 + rng.below(sentences.len() - 1);
            let s = sentences.remove(from);
            let to = 1 + rng.below(sentences.len());
            sentences.insert(to, s);
        }
    }
    let dict = if arabic { AR_SYNONYMS } else { EN_SYNONYMS };
    if subst > 0.0 {
        for s in &mut sentences {
            *s = substitute(s, dict, subst, &mut rng);
        }
    }

    // Title: keep (light, sometimes), drop, or headline made of the lead.
    let new_title = match (strength, rng.below(3)) {
        (Strength::Light, 0) => title,
        (_, 1) => String::new(),
        _ => {
            let lead: Vec<&str> = sentences
                .first()
                .map(|s| s.split_whitespace().collect())
                .unwrap_or_default();
            let n = (6 + rng.below(4)).min(lead.len());
            lead[..n].join(" ")
        }
    };
    let (datelines, credits) = if arabic {
        (AR_DATELINES, AR_CREDITS)
    } else {
        (EN_DATELINES, EN_CREDITS)
    };
    let dateline = datelines[rng.below(datelines.len())];
    let credit = credits[rng.below(credits.len())];

    let mut body = String::new();
    if !new_title.is_empty() {
        body.push_str(&new_title);
        body.push('\n');
    }
    body.push_str(dateline);
    // Paragraphs of one or two sentences.
    for (i, s) in sentences.iter().enumerate() {
        body.push_str(s);
        body.push(if rng.chance(0.5) || i + 1 == sentences.len() {
            '\n'
        } else {
            ' '
        });
    }
    body.push_str(credit);
    body.push('\n');

    if arabic {
        body = switch_digits(&body, rng.chance(0.6));
        if rng.chance(0.5) {
            body = body
                .replace("يوميا", "يومياً")
                .replace("أيضا", "أيضاً")
                .replace("إن ", "إنّ ");
        }
    }
    body
}

fn split_sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        if c == '.' && chars.peek().is_some_and(|n| n.is_whitespace()) {
            out.push(cur.trim().to_owned());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

fn substitute(s: &str, dict: &[(&str, &str)], p: f64, rng: &mut Rng) -> String {
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            let core = w.trim_end_matches(|c: char| ".,،:;\"()".contains(c));
            let tail = &w[core.len()..];
            match dict.iter().find(|(from, _)| *from == core) {
                Some((_, to)) if rng.chance(p) => format!("{to}{tail}"),
                _ => w.to_owned(),
            }
        })
        .collect();
    words.join(" ")
}

/// ASCII digits to Arabic-Indic (`to_indic`) or back.
fn switch_digits(s: &str, to_indic: bool) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' if to_indic => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
            '\u{0660}'..='\u{0669}' if !to_indic => {
                char::from_u32('0' as u32 + (c as u32 - 0x0660)).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}
