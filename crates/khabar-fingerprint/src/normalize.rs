//! Text normalisation and tokenisation for fingerprints.
//!
//! The goal is that two renderings of the same story produce the same tokens,
//! not that the tokens are linguistically right: a rule that wrongly merges
//! two words (`وزير` "minister" loses its first letter to the proclitic rule)
//! costs almost nothing, because both copies are treated the same way and a
//! fingerprint is built from hundreds of shingles.
//!
//! Per character:
//! - Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef,
//!   Quranic marks), tatweel and zero-width joiners/marks are removed without
//!   splitting the word.
//! - Letter variants are folded: `أ إ آ ٱ` → `ا`, `ى ی` → `ي`, `ک` → `ك`,
//!   `ة` → `ه`.
//! - Arabic-Indic (`٠`–`٩`) and Persian (`۰`–`۹`) digits become ASCII digits.
//! - Other letters and digits are lowercased (`char::to_lowercase`); every
//!   other character (punctuation, `٫ ٬ ٪ ، ؛ ؟`, symbols, spaces) separates
//!   tokens. So `7.5%`, `٧٫٥٪` and `7,5` all give the tokens `7 5`.
//!
//! Per Arabic token, two light proclitic rules (`و`, then `ال`, then `و`
//! again so that `وزير`, `الوزير` and `والوزير` agree):
//! - a leading `و` ("and") is dropped when at least three letters remain.
//!   Arabic news sentences nearly all open with `و` + verb (`وقال`, `وأضاف`),
//!   and reordering, dropping or merging sentences adds or removes it; without
//!   this rule every sentence-initial shingle of a rewrite would change.
//! - a leading article `ال` is dropped when at least two letters remain.
//!   Headlines omit the article that the body uses (`اجتماع` / `الاجتماع`),
//!   and rewriters switch between `الوزير` and `وزير`.
//!
//! Other proclitics (`ب ل ك ف`, `لل`) are kept: they change meaning more
//! often than rewrites toggle them, and each extra rule merges more distinct
//! words.

/// Normalise `text` into its tokens (see the module docs).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        match fold(c) {
            Fold::Skip => {}
            Fold::Break => flush(&mut cur, &mut out),
            Fold::Char(f) => cur.push(f),
            Fold::Lower(c) => cur.extend(c.to_lowercase()),
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The normalised text: [`tokens`] joined by single spaces.
///
/// ```
/// use khabar_fingerprint::normalize;
/// assert_eq!(normalize("وقالَ الوزيرُ: إنّ النموّ بلغ ٧٫٥٪"), "قال زير ان نمو بلغ 7 5");
/// assert_eq!(normalize("The IMF's  forecast—RAISED"), "the imf s forecast raised");
/// ```
pub fn normalize(text: &str) -> String {
    tokens(text).join(" ")
}

enum Fold {
    /// Removed without splitting the word (diacritics, tatweel, joiners).
    Skip,
    /// A token separator.
    Break,
    /// Kept as this exact char.
    Char(char),
    /// Kept, lowercased.
    Lower(char),
}

fn fold(c: char) -> Fold {
    match c {
        // Harakat, tanwin, shadda, sukun, maddah/hamza marks, superscript alef,
        // Quranic annotation marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => Fold::Skip,
        // Zero-width space/non-joiner/joiner, direction marks and isolates,
        // soft hyphen, BOM: invisible, often inside words.
        '\u{200B}'..='\u{200F}' | '\u{2066}'..='\u{2069}' | '\u{00AD}' | '\u{FEFF}' => Fold::Skip,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Char('ا'),
        'ى' | 'ی' => Fold::Char('ي'),
        'ک' => Fold::Char('ك'),
        'ة' => Fold::Char('ه'),
        '\u{0660}'..='\u{0669}' => Fold::Char(digit(c, '\u{0660}')),
        '\u{06F0}'..='\u{06F9}' => Fold::Char(digit(c, '\u{06F0}')),
        c if c.is_alphanumeric() => Fold::Lower(c),
        _ => Fold::Break,
    }
}

/// The ASCII digit for `c`, a digit of the block whose zero is `zero`.
fn digit(c: char, zero: char) -> char {
    let d = u32::from(c) - u32::from(zero);
    char::from_digit(d, 10).unwrap_or('0')
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    if cur.is_empty() {
        return;
    }
    let tok = strip_proclitics(cur);
    out.push(tok.to_owned());
    cur.clear();
}

/// `و` off, then `ال` off, then `و` off again, so that `وزير`, `الوزير` and
/// `والوزير` all give the same token.
fn strip_proclitics(tok: &str) -> &str {
    let t = strip_waw(tok);
    match t.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => strip_waw(rest),
        _ => t,
    }
}

fn strip_waw(tok: &str) -> &str {
    match tok.strip_prefix('و') {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => tok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(normalize(input), expect, "input: {input:?}");
    }

    #[test]
    fn arabic_folding() {
        check("أحمد إبراهيم آمال", "احمد ابراهيم امال");
        check("مستشفى المدينة", "مستشفي مدينه");
        check("مُحَمَّدٌ", "محمد");
        check("الـــــهلال", "هلال");
        check("ٱلرحمن", "رحمن");
    }

    #[test]
    fn arabic_proclitics() {
        check("وقال", "قال");
        check("والحكومة", "حكومه");
        check("ولد", "ولد");
        check("وزير الوزير والوزير", "زير زير زير");
        check("الولد", "ولد");
        check("الى", "الي");
        check("إلى", "الي");
        check("للصحفيين", "للصحفيين");
    }

    #[test]
    fn digits_and_punctuation() {
        check("٢٠٢٥ ۲۰۲۵ 2025", "2025 2025 2025");
        check("٧٫٥٪", "7 5");
        check("\"نجم-2\"، (فيفا)؛ هل؟", "نجم 2 فيفا هل");
        check("المصدر: RT + سبوتنيك", "مصدر rt سبوتنيك");
    }

    #[test]
    fn latin_and_invisibles() {
        check("IMF Lifts ÉTAT", "imf lifts état");
        check("zero\u{200B}width\u{200C}", "zerowidth");
        check("", "");
        check(" \n\t ", "");
    }
}
