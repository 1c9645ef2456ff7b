//! Number recognition: digits in three scripts, number words (Arabic,
//! English), scales, compounds (`13 ألفا و213`, `خمسة وعشرون`) and fractions.

use crate::text::{Kind, Token};

/// A number found at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub value: f64,
    /// The number is written (at least partly) in words.
    pub words: bool,
    /// A scale word (thousand, million ...) was applied.
    pub scaled: bool,
    /// Plain digits with no separator, scale or words (a year or an id).
    pub plain_int: bool,
    /// Product of the scale words applied (1 when none).
    pub scale: f64,
    /// Proclitic chars to skip in the first token (بثلاثة → ثلاثة).
    pub lead: usize,
}

/// Parse a digit token, deciding between the two separator conventions.
pub(crate) fn parse_digits(norm: &str) -> Option<f64> {
    // `norm` holds ASCII digits and '.' / ',' (٫ → '.', ٬ → ',' after folding).
    let dots = norm.matches('.').count();
    let commas = norm.matches(',').count();
    let groups_of_three = |sep: char| {
        let parts: Vec<&str> = norm.split(sep).collect();
        parts.len() > 1
            && parts[1..].iter().all(|p| p.len() == 3)
            && !parts[0].is_empty()
            && parts[0].len() <= 3
    };
    let cleaned: String = if dots == 0 && commas == 0 {
        norm.to_string()
    } else if dots > 0 && commas > 0 {
        // The later separator is the decimal one.
        let last_dot = norm.rfind('.').unwrap_or(0);
        let last_comma = norm.rfind(',').unwrap_or(0);
        if last_dot > last_comma {
            norm.replace(',', "")
        } else {
            norm.replace('.', "").replace(',', ".")
        }
    } else if commas > 0 {
        if groups_of_three(',') {
            norm.replace(',', "")
        } else if commas == 1 {
            norm.replace(',', ".")
        } else {
            return None;
        }
    } else if dots > 1 {
        if groups_of_three('.') {
            norm.replace('.', "")
        } else {
            return None;
        }
    } else {
        norm.to_string()
    };
    cleaned.parse::<f64>().ok()
}

/// Arabic unit and ten words (normalised), with their values.
fn arabic_word(w: &str) -> Option<(f64, WordClass)> {
    use WordClass::*;
    let v = match w {
        "واحد" | "واحده" | "واحدا" | "احد" | "احدي" => (1.0, Unit),
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" | "اثنا" | "اثني" | "اثنتا" | "اثنتي" => {
            (2.0, Unit)
        }
        "ثلاث" | "ثلاثه" => (3.0, Unit),
        "اربع" | "اربعه" => (4.0, Unit),
        "خمس" | "خمسه" => (5.0, Unit),
        "ست" | "سته" => (6.0, Unit),
        "سبع" | "سبعه" => (7.0, Unit),
        "ثمان" | "ثماني" | "ثمانيه" => (8.0, Unit),
        "تسع" | "تسعه" => (9.0, Unit),
        "عشر" | "عشره" => (10.0, Ten),
        "عشرون" | "عشرين" => (20.0, Ten),
        "ثلاثون" | "ثلاثين" => (30.0, Ten),
        "اربعون" | "اربعين" => (40.0, Ten),
        "خمسون" | "خمسين" => (50.0, Ten),
        "ستون" | "ستين" => (60.0, Ten),
        "سبعون" | "سبعين" => (70.0, Ten),
        "ثمانون" | "ثمانين" => (80.0, Ten),
        "تسعون" | "تسعين" => (90.0, Ten),
        "مئه" | "مائه" => (100.0, Hundred),
        "مئتان" | "مئتين" | "مائتان" | "مائتين" | "مئتي" | "مائتي" => {
            (200.0, Hundred)
        }
        "ثلاثمئه" | "ثلاثمائه" => (300.0, Hundred),
        "اربعمئه" | "اربعمائه" => (400.0, Hundred),
        "خمسمئه" | "خمسمائه" => (500.0, Hundred),
        "ستمئه" | "ستمائه" => (600.0, Hundred),
        "سبعمئه" | "سبعمائه" => (700.0, Hundred),
        "ثمانمئه" | "ثمانمائه" | "ثمانيمئه" => (800.0, Hundred),
        "تسعمئه" | "تسعمائه" => (900.0, Hundred),
        "نصف" => (0.5, Fraction),
        "ربع" => (0.25, Fraction),
        "ثلث" => (1.0 / 3.0, Fraction),
        _ => return None,
    };
    Some(v)
}

fn english_word(w: &str) -> Option<(f64, WordClass)> {
    use WordClass::*;
    let v = match w {
        "one" => (1.0, Unit),
        "two" => (2.0, Unit),
        "three" => (3.0, Unit),
        "four" => (4.0, Unit),
        "five" => (5.0, Unit),
        "six" => (6.0, Unit),
        "seven" => (7.0, Unit),
        "eight" => (8.0, Unit),
        "nine" => (9.0, Unit),
        "ten" => (10.0, Ten),
        "eleven" => (11.0, Ten),
        "twelve" => (12.0, Ten),
        "thirteen" => (13.0, Ten),
        "fourteen" => (14.0, Ten),
        "fifteen" => (15.0, Ten),
        "sixteen" => (16.0, Ten),
        "seventeen" => (17.0, Ten),
        "eighteen" => (18.0, Ten),
        "nineteen" => (19.0, Ten),
        "twenty" => (20.0, Ten),
        "thirty" => (30.0, Ten),
        "forty" => (40.0, Ten),
        "fifty" => (50.0, Ten),
        "sixty" => (60.0, Ten),
        "seventy" => (70.0, Ten),
        "eighty" => (80.0, Ten),
        "ninety" => (90.0, Ten),
        "hundred" => (100.0, Hundred),
        "half" => (0.5, Fraction),
        "dozen" => (12.0, Ten),
        _ => return None,
    };
    Some(v)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    Unit,
    Ten,
    Hundred,
    Fraction,
}

/// Scale words: (value, is_plural_or_dual_marker).
/// Returns (multiplier, standalone value when used without a number).
pub(crate) fn scale_word(w: &str) -> Option<(f64, Option<f64>)> {
    let v = match w {
        "الف" | "الفا" | "الاف" | "thousand" | "thousands" | "тыс" | "тысяч" | "тысячи"
        | "тысяча" | "mil" => (1e3, Some(1e3)),
        "الفين" | "الفان" | "الفي" => (2e3, Some(2e3)),
        "مليون" | "مليونا" | "ملايين" | "million" | "millions" | "mn" | "mln" | "млн"
        | "миллиона" | "миллионов" | "миллион" | "millones" | "millón" | "millon" => {
            (1e6, Some(1e6))
        }
        "مليونين" | "مليونان" | "مليوني" => (2e6, Some(2e6)),
        "مليار"
        | "مليارا"
        | "مليارات"
        | "بليون"
        | "billion"
        | "billions"
        | "bn"
        | "bln"
        | "млрд"
        | "миллиарда"
        | "миллиардов"
        | "миллиард" => (1e9, Some(1e9)),
        "مليارين" | "ملياران" | "ملياري" => (2e9, Some(2e9)),
        "تريليون"
        | "تريليونا"
        | "تريليونات"
        | "trillion"
        | "trillions"
        | "tn"
        | "trn"
        | "трлн"
        | "триллиона"
        | "триллионов"
        | "billones"
        | "billón" => (1e12, Some(1e12)),
        "crore" | "crores" => (1e7, None),
        "lakh" | "lakhs" => (1e5, None),
        _ => return None,
    };
    Some(v)
}

/// Vague plural scale words that are not a number on their own (آلاف المهندسين).
fn vague_plural(w: &str) -> bool {
    matches!(
        w,
        "الاف" | "ملايين" | "مليارات" | "تريليونات" | "thousands" | "millions" | "billions"
    )
}

fn is_dual_scale(w: &str) -> bool {
    matches!(
        w,
        "الفين"
            | "الفان"
            | "الفي"
            | "مليونين"
            | "مليونان"
            | "مليوني"
            | "مليارين"
            | "ملياران"
            | "ملياري"
    )
}

/// Word value of a token (Arabic with an optional و proclitic).
fn word_value(t: &Token) -> Option<(f64, WordClass, bool)> {
    match t.kind {
        Kind::Arabic => {
            if let Some((v, c)) = arabic_word(&t.norm) {
                return Some((v, c, false));
            }
            let rest = t.norm.strip_prefix('و')?;
            arabic_word(rest).map(|(v, c)| (v, c, true))
        }
        Kind::Alpha => english_word(&t.norm).map(|(v, c)| (v, c, false)),
        _ => None,
    }
}

fn scale_of(t: &Token) -> Option<(f64, Option<f64>)> {
    match t.kind {
        Kind::Arabic | Kind::Alpha => scale_word(&t.norm),
        _ => None,
    }
}

/// Parse a number starting exactly at token `i`.
pub(crate) fn parse_at(toks: &[Token], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    let mut j;
    let mut value;
    let mut words = false;
    let mut plain_int = false;
    let mut lead = 0;
    let mut fraction = false;
    match t.kind {
        Kind::Number => {
            value = parse_digits(&t.norm)?;
            plain_int = t.norm.bytes().all(|b| b.is_ascii_digit());
            j = i + 1;
        }
        Kind::Arabic | Kind::Alpha => {
            let mut found = word_value(t).filter(|w| !w.2);
            // "أحد", "إحدى" alone mean "one of" (أحد أعلى، إحدى وحدات): a number
            // only in a teen (أحد عشر).
            if matches!(t.norm.as_str(), "احد" | "احدي") && !is_ten_word(toks.get(i + 1)) {
                return None;
            }
            if found.is_none() && t.kind == Kind::Arabic {
                let mut it = t.norm.chars();
                if let Some(c) = it.next() {
                    if matches!(c, 'ب' | 'ل' | 'ك' | 'ف' | 'و') {
                        if let Some((v, c2)) = arabic_word(it.as_str()) {
                            if (v >= 2.0 || c2 != WordClass::Unit)
                                && (c != 'و' || c2 == WordClass::Unit)
                            {
                                found = Some((v, c2, false));
                                lead = 1;
                            }
                        }
                    }
                }
            }
            if let Some((v, class, _)) =
                found.filter(|f| t.kind == Kind::Arabic && f.1 != WordClass::Fraction)
            {
                return arabic_words(toks, i, lead, Some((v, class)));
            }
            if let Some((v, class, _)) = found {
                fraction = class == WordClass::Fraction;
                words = true;
                value = v;
                j = i + 1;
                // Only English words and Arabic fractions come here: Arabic
                // number words are read by `arabic_words`.
                // English "five hundred", "twenty-five".
                if class == WordClass::Unit {
                    if let Some((v2, WordClass::Hundred, false)) = toks.get(j).and_then(word_value)
                    {
                        if v2 == 100.0 {
                            value *= 100.0;
                            j += 1;
                        }
                    }
                } else if class == WordClass::Ten && t.kind == Kind::Alpha {
                    if let (Some(d), Some(n)) = (toks.get(j), toks.get(j + 1)) {
                        if d.norm == "-" && !d.space_before && !n.space_before {
                            if let Some((v2, WordClass::Unit, false)) = word_value(n) {
                                value += v2;
                                j += 2;
                            }
                        }
                    }
                }
            } else if t.kind == Kind::Arabic
                && t.norm
                    .strip_prefix(['ب', 'ل', 'ك'])
                    .is_some_and(|r| !vague_plural(r) && scale_word(r).is_some())
            {
                // "بمليار دولار"
                return arabic_words(toks, i, 1, None);
            } else if let Some((mult, standalone)) = scale_of(t) {
                // A bare Arabic scale: "مليون طن", "ألفين", but not "آلاف المهندسين"
                // and not English "million" alone.
                if vague_plural(&t.norm) || t.kind == Kind::Alpha {
                    return None;
                }
                let value = standalone?;
                // "ألفا عامل", "مليونا دولار": a bare accusative-looking scale
                // before a noun is the dual in construct (two thousand workers).
                if matches!(t.norm.as_str(), "الفا" | "مليونا" | "مليارا")
                    && toks.get(i + 1).is_some_and(|n| {
                        n.kind == Kind::Arabic && n.norm != "و" && scale_of(n).is_none()
                    })
                {
                    return Some(Num {
                        first: i,
                        last: i + 1,
                        value: value * 2.0,
                        words: true,
                        scaled: true,
                        plain_int: false,
                        scale: mult,
                        lead: 0,
                    });
                }
                // "مليون و400 ألف نازح", "مليار ومئتي مليون".
                return arabic_words(toks, i, 0, None);
            } else {
                return None;
            }
        }
        _ => return None,
    }
    let mut scaled = false;
    let mut scale = 1.0;
    // Scales, possibly stacked: "62,000 crore", "1.5 ألف مليار" (rare).
    while let Some(s) = toks.get(j) {
        let Some((mult, _)) = scale_of(s) else { break };
        if is_dual_scale(&s.norm) {
            break;
        }
        value *= mult;
        scale *= mult;
        scaled = true;
        plain_int = false;
        j += 1;
        // Attached: "ثلاثة آلاف وخمسمئة".
        if let Some(w) = toks.get(j).filter(|w| w.kind == Kind::Arabic) {
            if let Some(rest) = w.norm.strip_prefix('و') {
                if let Some((v, _)) = arabic_word(rest).filter(|(v, _)| *v < mult) {
                    value += v;
                    j += 1;
                }
            }
        }
        // Compound: "13 ألفا و213", "ألف و500", "2 مليون و500 ألف".
        if let (Some(w), Some(n)) = (toks.get(j), toks.get(j + 1)) {
            if w.norm == "و" && w.kind == Kind::Arabic {
                if let Some(rest) = parse_small(toks, j + 1) {
                    if rest.0 < mult {
                        value += rest.0;
                        j = rest.1;
                    }
                } else if let Some((v, end)) = compound_tail(toks, j, mult) {
                    value += v;
                    j = end;
                }
                let _ = n;
            }
        }
    }
    if words {
        plain_int = false;
    }
    // "ربع قيمتها", "half the": a fraction counts only with a scale (نصف مليون).
    if fraction && !scaled {
        return None;
    }
    Some(Num {
        first: i,
        last: j,
        value,
        words,
        scaled,
        plain_int,
        scale,
        lead,
    })
}

/// Arabic number words joined by و, read as groups below a thousand, each
/// times a falling scale: "ثلاثمئة وخمسة وعشرين ألفا" (325 000), "ستة ملايين
/// وثمانمئة ألف" (6 800 000), "مليار ومئتي مليون" (1 200 000 000), "أحد عشر
/// ألفا", "ثلاثة ملايين ونصف المليون". `first` is the word value of token `i`
/// (after `lead` proclitic chars), or `None` when token `i` is a scale word.
fn arabic_words(
    toks: &[Token],
    i: usize,
    lead: usize,
    first: Option<(f64, WordClass)>,
) -> Option<Num> {
    let mut g = Groups {
        total: 0.0,
        cur: 0.0,
        bound: f64::INFINITY,
        first_scale: 1.0,
    };
    let mut j = i;
    let mut pending = first;
    loop {
        let part_start = j;
        // The next part: token i as given, later ones after و (attached or apart).
        let (word, after): (Option<(f64, WordClass)>, usize) = if j == i {
            (pending.take(), i + 1)
        } else {
            let Some(t) = toks.get(j).filter(|t| t.kind == Kind::Arabic) else {
                break;
            };
            if t.norm == "و" {
                match toks.get(j + 1) {
                    Some(n) if n.kind == Kind::Arabic => (arabic_word(&n.norm), j + 2),
                    Some(n) if n.kind == Kind::Number && g.cur == 0.0 => {
                        // "مليون و400 ألف"
                        let Some(v) = parse_digits(&n.norm) else {
                            break;
                        };
                        if v >= 1000.0 || g.bound.is_infinite() {
                            break;
                        }
                        g.cur = v;
                        j += 2;
                        if !g.scale(toks, &mut j) {
                            break;
                        }
                        continue;
                    }
                    _ => break,
                }
            } else if let Some(rest) = t.norm.strip_prefix('و') {
                if matches!(rest, "احد" | "احدي") && !is_ten_word(toks.get(j + 1)) {
                    break;
                }
                (arabic_word(rest), j + 1)
            } else {
                break;
            }
        };
        match word {
            Some((v, WordClass::Fraction)) => {
                // "ونصف" right after a scale: half of it ("ونصف المليون").
                if j == i || g.cur != 0.0 || g.bound.is_infinite() {
                    break;
                }
                g.total += v * g.bound;
                j = after;
                if toks
                    .get(j)
                    .and_then(|t| t.norm.strip_prefix("ال"))
                    .and_then(scale_word)
                    .is_some_and(|(m, _)| m == g.bound)
                {
                    j += 1;
                }
                break;
            }
            Some((v, class)) => {
                let mut v = v;
                j = after;
                if class == WordClass::Unit {
                    match toks.get(j).map(|n| n.norm.as_str()) {
                        // "أحد عشر", "خمسة عشر"
                        Some("عشر" | "عشره") => {
                            v += 10.0;
                            j += 1;
                        }
                        // "ثلاث مئة"
                        Some("مئه" | "مائه") if v >= 3.0 => {
                            v *= 100.0;
                            j += 1;
                        }
                        _ => {}
                    }
                }
                // A part may not repeat a rank already filled: "خمسة وستة" is two numbers.
                let rank = |x: f64| {
                    if x >= 100.0 {
                        3
                    } else if x >= 10.0 {
                        2
                    } else {
                        1
                    }
                };
                if g.cur > 0.0 && g.cur < 1000.0 {
                    let have = g.cur as u64;
                    let taken = match rank(v) {
                        3 => have >= 100,
                        2 => have % 100 >= 10,
                        _ => !have.is_multiple_of(10) || (11..=19).contains(&(have % 100)),
                    };
                    if taken {
                        j = part_start;
                        break;
                    }
                }
                g.cur += v;
            }
            None => {
                // A scale word as the first token: "مليون", "مليار ومئتي مليون".
                if j != i {
                    break;
                }
                g.cur = 0.0;
                if lead > 0 {
                    // "بمليار ومئتي مليون": the scale behind a proclitic.
                    let rest: String = toks[i].norm.chars().skip(lead).collect();
                    let (mult, _) = scale_word(&rest)?;
                    let base = if is_dual_scale(&rest) {
                        mult / 2.0
                    } else {
                        mult
                    };
                    g.total = mult;
                    g.bound = base;
                    g.first_scale = base;
                    j = i + 1;
                    continue;
                }
            }
        }
        if !g.scale(toks, &mut j) {
            break;
        }
    }
    g.total += g.cur;
    if g.total == 0.0 || j == i {
        return None;
    }
    Some(Num {
        first: i,
        last: j,
        value: g.total,
        words: true,
        scaled: g.first_scale > 1.0,
        plain_int: false,
        scale: g.first_scale,
        lead,
    })
}

fn is_ten_word(t: Option<&Token>) -> bool {
    t.is_some_and(|t| matches!(t.norm.as_str(), "عشر" | "عشره"))
}

/// The groups of an Arabic number in words read so far.
struct Groups {
    /// Value of the groups closed by a scale.
    total: f64,
    /// The open group (below a thousand).
    cur: f64,
    /// Scales must fall: "مليون وثمانمئة ألف", never "ألف ومليون".
    bound: f64,
    /// The first (largest) scale applied, 1 when none.
    first_scale: f64,
}

impl Groups {
    /// Apply a scale word at `j` to the open group (1 when empty). Returns
    /// false when the number cannot go on (a scale that does not fall).
    fn scale(&mut self, toks: &[Token], j: &mut usize) -> bool {
        let Some(s) = toks.get(*j).filter(|t| t.kind == Kind::Arabic) else {
            return true;
        };
        let Some((mult, _)) = scale_word(&s.norm) else {
            return true;
        };
        let (base, group) = if is_dual_scale(&s.norm) {
            if self.cur != 0.0 {
                return false;
            }
            (mult / 2.0, 2.0)
        } else {
            (mult, if self.cur == 0.0 { 1.0 } else { self.cur })
        };
        if base >= self.bound {
            return false;
        }
        self.total += group * base;
        self.cur = 0.0;
        self.bound = base;
        if self.first_scale == 1.0 {
            self.first_scale = base;
        }
        *j += 1;
        true
    }
}

/// "و" + a scaled amount smaller than `mult` ("و400 ألف" after مليون) →
/// (value, end token).
fn compound_tail(toks: &[Token], j: usize, mult: f64) -> Option<(f64, usize)> {
    let w = toks.get(j)?;
    if w.norm != "و" || w.kind != Kind::Arabic {
        return None;
    }
    let n = parse_at(toks, j + 1)?;
    (n.scaled && n.value < mult && n.value > 0.0).then_some((n.value, n.last))
}

/// A number below a thousand after "و" (digits or words), for compounds.
fn parse_small(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Number => {
            let v = parse_digits(&t.norm)?;
            if toks.get(i + 1).and_then(scale_of).is_some() {
                return None;
            }
            Some((v, i + 1))
        }
        Kind::Arabic => {
            let (v, _, _) = word_value(t)?;
            Some((v, i + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn check(input: &str, value: f64, ntok: usize) {
        let chars: Vec<char> = input.chars().collect();
        let toks = tokenize(&chars);
        let n = parse_at(&toks, 0).unwrap_or_else(|| panic!("no number in {input:?}"));
        assert!(
            (n.value - value).abs() < 1e-6 * value.abs().max(1.0),
            "{input:?}: got {}, want {value}",
            n.value
        );
        assert_eq!(n.last - n.first, ntok, "{input:?}: token count");
    }

    #[test]
    fn numbers() {
        for (input, value, ntok) in [
            ("2.2 مليون", 2_200_000.0, 2),
            ("٧٫٥", 7.5, 1),
            ("٨٥٫٤ مليار", 85_400_000_000.0, 2),
            ("13 ألفا و213 سفينة", 13_213.0, 4),
            ("16,580", 16_580.0, 1),
            ("1.234.567", 1_234_567.0, 1),
            ("2,5", 2.5, 1),
            ("۱۲", 12.0, 1),
            ("ثلاثة آلاف", 3000.0, 2),
            ("خمسة وعشرون", 25.0, 2),
            ("ألفين", 2000.0, 1),
            ("مليون طن", 1_000_000.0, 1),
            ("أربعة ملايين", 4_000_000.0, 2),
            ("62,000 crore", 620_000_000_000.0, 2),
            ("twenty-five", 25.0, 3),
            ("ثلاثة عشر", 13.0, 2),
            ("نصف مليون", 500_000.0, 2),
            ("150 trillion", 150e12, 2),
            ("واحدا وخمسين بالمئة", 51.0, 2),
            ("ألفين واثنين وعشرين", 2022.0, 3),
            ("مئتين وستة عشر فيلما", 216.0, 3),
            ("ثلاثة ملايين ونصف المليون دينار", 3_500_000.0, 4),
            ("ستة ملايين وثمانمئة ألف طن", 6_800_000.0, 4),
            ("مليار ومئتي مليون دولار", 1_200_000_000.0, 3),
            ("أحد عشر ألف عامل", 11_000.0, 3),
            ("ثلاثمئة وخمسة وعشرين ألف زائر", 325_000.0, 4),
            ("ثلاثة آلاف وخمسمئة", 3500.0, 3),
            ("مليون و400 ألف نازح", 1_400_000.0, 4),
            ("خمسة وستة", 5.0, 1),
            ("ثلاث مئة", 300.0, 2),
            ("five hundred", 500.0, 2),
        ] {
            check(input, value, ntok);
        }
    }

    #[test]
    fn not_numbers() {
        for input in ["آلاف المهندسين", "وعشرون", "million"] {
            let chars: Vec<char> = input.chars().collect();
            assert_eq!(parse_at(&tokenize(&chars), 0), None, "{input:?}");
        }
    }
}
