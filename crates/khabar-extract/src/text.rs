//! Offset-keeping normalisation and tokenisation.
//!
//! Every token remembers the char span it came from in the original text, so
//! normalising (diacritics, tatweel, alef forms, `ى`/`ي`, `ة`/`ه`, Latin case,
//! Arabic-Indic digits) never loses the way back to the input.

use smol_str::SmolStr;

/// Broad class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Arabic-script word.
    Arabic,
    /// Latin or Cyrillic word.
    Alpha,
    /// Digits, possibly with inner separators (`1,240`, `٧٫٥`).
    Number,
    /// A single punctuation or symbol char.
    Punct,
    /// A line break: names and figures never span one.
    Break,
}

/// One token of the input.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// First char (offset in chars into the original text).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    pub kind: Kind,
    /// Normalised form (see [`fold`]); digits are ASCII. Inline up to 23
    /// bytes, so most words cost no allocation.
    pub norm: SmolStr,
    /// Latin/Cyrillic word starting with an upper-case letter.
    pub cap: bool,
    /// Whitespace directly before this token.
    pub space_before: bool,
    /// Arabic word written with the article `ال` (bare alef: `ألب` is not `ال` + `ب`).
    pub art: bool,
}

/// Arabic diacritics, Quranic marks and tatweel: dropped by normalisation.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c as u32, 0x610..=0x61a | 0x64b..=0x65f | 0x670 | 0x6d6..=0x6ed | 0x640 | 0x200c..=0x200f)
}

/// Arabic-script letter (not a digit, not punctuation).
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x621..=0x63a | 0x641..=0x64a | 0x671..=0x6d3 | 0x6d5 | 0x6ee..=0x6ef | 0x6fa..=0x6fc | 0x6ff | 0x750..=0x77f | 0xfb50..=0xfdff | 0xfe70..=0xfefc)
}

/// ASCII value of a digit in Western, Arabic-Indic or Persian script.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6f0}'..='\u{6f9}' => Some(c as u32 - 0x6f0),
        _ => None,
    }
}

/// Fold one Arabic char to its normalised form.
fn fold_arabic(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        _ => c,
    }
}

/// Normalise a string: the same folding the tokeniser applies to each token,
/// with runs of whitespace collapsed to one space.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_ignorable(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_folded(&mut out, c);
    }
    out
}

fn push_folded(out: &mut String, c: char) {
    if let Some(d) = digit_value(c) {
        out.push(char::from(b'0' + d as u8));
    } else if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if is_arabic_letter(c) {
        out.push(fold_arabic(c));
    } else if c.is_uppercase() {
        out.extend(c.to_lowercase());
    } else {
        match c {
            '\u{66b}' => out.push('.'),
            '\u{66c}' => out.push(','),
            '\u{66a}' => out.push('%'),
            '\u{60c}' => out.push(','),
            '\u{61b}' => out.push(';'),
            '\u{61f}' => out.push('?'),
            'ё' => out.push('е'),
            _ => out.push(c),
        }
    }
}

fn is_number_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{66b}' | '\u{66c}')
}

/// Split text into tokens. Linear in the input.
pub(crate) fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut toks = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    let n = chars.len();
    let mut space_before = true;
    let mut buf = String::with_capacity(64);
    while i < n {
        let c = chars[i];
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            toks.push(Token {
                start: i,
                end: i + 1,
                kind: Kind::Break,
                norm: SmolStr::default(),
                cap: false,
                space_before: true,
                art: false,
            });
            space_before = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, end) = if digit_value(c).is_some() {
            let mut j = i + 1;
            while j < n {
                if digit_value(chars[j]).is_some() {
                    j += 1;
                } else if is_number_sep(chars[j])
                    && j + 1 < n
                    && digit_value(chars[j + 1]).is_some()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            (Kind::Number, j)
        } else if is_arabic_letter(c) || (is_ignorable(c) && c != '\u{200c}') {
            let mut j = i + 1;
            while j < n && (is_arabic_letter(chars[j]) || is_ignorable(chars[j])) {
                j += 1;
            }
            (Kind::Arabic, j)
        } else if c.is_alphabetic() {
            let mut j = i + 1;
            while j < n
                && (chars[j].is_alphabetic() && !is_arabic_letter(chars[j]) || is_mark(chars[j]))
            {
                j += 1;
            }
            (Kind::Alpha, j)
        } else {
            (Kind::Punct, i + 1)
        };
        buf.clear();
        for &ch in &chars[start..end] {
            if !is_ignorable(ch) {
                push_folded(&mut buf, ch);
            }
        }
        if buf.is_empty() {
            // A lone tatweel or mark: not a token of its own.
            i = end;
            continue;
        }
        let cap = kind == Kind::Alpha && c.is_uppercase();
        let mut letters = chars[start..end].iter().filter(|c| !is_ignorable(**c));
        let art =
            kind == Kind::Arabic && letters.next() == Some(&'ا') && letters.next() == Some(&'ل');
        toks.push(Token {
            start,
            end,
            kind,
            norm: SmolStr::new(&buf),
            cap,
            space_before,
            art,
        });
        space_before = false;
        i = end;
    }
    toks
}

/// Combining diacritical marks (Latin accents written as a separate char).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f)
}

/// Char offset in the original text after skipping `k` normalised chars of a
/// token that starts at `start` (ignorable chars are skipped along the way).
pub(crate) fn skip_norm_chars(chars: &[char], start: usize, end: usize, k: usize) -> usize {
    let mut seen = 0;
    let mut i = start;
    while i < end && seen < k {
        if !is_ignorable(chars[i]) {
            seen += 1;
        }
        i += 1;
    }
    while i < end && is_ignorable(chars[i]) {
        i += 1;
    }
    i
}

/// Up to three readings of a word (no allocation).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Readings<'a> {
    items: [(usize, &'a str); 3],
    len: usize,
}

impl<'a> Readings<'a> {
    fn push(&mut self, k: usize, s: &'a str) {
        if self.len < 3 {
            self.items[self.len] = (k, s);
            self.len += 1;
        }
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, (usize, &'a str)> {
        self.items[..self.len].iter()
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, x: &(usize, &str)) -> bool {
        self.iter().any(|y| y == x)
    }
}

impl<'a> IntoIterator for Readings<'a> {
    type Item = (usize, &'a str);
    type IntoIter = std::iter::Take<std::array::IntoIter<(usize, &'a str), 3>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// Proclitic-stripped readings of a normalised Arabic word: `(chars stripped, rest)`,
/// the word itself first.
pub(crate) fn arabic_readings(norm: &str) -> Readings<'_> {
    let mut out = Readings {
        items: [(0, norm); 3],
        len: 1,
    };
    if norm.len() < 8 {
        // Fewer than 4 Arabic letters (2 bytes each): nothing to strip.
        return out;
    }
    if let Some((c, rest)) = strip(norm) {
        if c == 'و' || c == 'ف' {
            out.push(1, rest);
            if rest.len() >= 8 {
                if let Some((c2, rest2)) = strip(rest) {
                    if matches!(c2, 'ب' | 'ل' | 'ك') {
                        out.push(2, rest2);
                    }
                }
            }
        } else if matches!(c, 'ب' | 'ل' | 'ك') {
            out.push(1, rest);
        }
    }
    out
}

fn strip(s: &str) -> Option<(char, &str)> {
    let mut it = s.char_indices();
    let (_, c) = it.next()?;
    let (i, _) = it.next()?;
    Some((c, &s[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fold(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    #[test]
    fn folding() {
        for (i, e) in [
            ("أَرامكو", "ارامكو"),
            ("إسطنبول", "اسطنبول"),
            ("الـ39", "ال39"),
            ("مستشفى", "مستشفي"),
            ("القاهرة", "القاهره"),
            ("٧٫٥٪", "7.5%"),
            ("۱۲", "12"),
            ("New  Delhi", "new delhi"),
            ("Москва", "москва"),
        ] {
            check_fold(i, e);
        }
    }

    fn check_tokens(input: &str, expected: &[&str]) {
        let chars: Vec<char> = input.chars().collect();
        let toks = tokenize(&chars);
        let got: Vec<String> = toks
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect())
            .collect();
        assert_eq!(got, expected, "tokenize({input:?})");
    }

    #[test]
    fn tokens() {
        check_tokens("بـ5.1 مليار", &["بـ", "5.1", "مليار"]);
        check_tokens("الـ39 سيعقد", &["الـ", "39", "سيعقد"]);
        check_tokens("16,580 rupiah.", &["16,580", "rupiah", "."]);
        check_tokens("٢٤٫١٪", &["٢٤٫١", "٪"]);
        check_tokens("أوبك+ يمدد", &["أوبك", "+", "يمدد"]);
    }

    #[test]
    fn readings() {
        let r = arabic_readings("وبيشكيك");
        assert!(r.contains(&(1, "بيشكيك")));
        assert!(r.contains(&(2, "يشكيك")));
        let r = arabic_readings("لروسيا");
        assert!(r.contains(&(1, "روسيا")));
    }
}
