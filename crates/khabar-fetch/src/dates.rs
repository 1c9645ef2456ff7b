//! Lenient date parsing for feed items and HTTP headers. Pure.
//!
//! Feeds carry RFC 2822 and RFC 3339 dates, and much else: missing zones,
//! wrong weekdays, "GMT+3", and dates written out in the feed's language,
//! such as `الثلاثاء، 4 مارس 2025 10:15` or `4 марта 2025 г. 10:15`. The
//! strict parsers run first; the fallback reads day, month name or number,
//! year, time and zone as tokens in any order. A date without a zone is
//! taken as UTC; a string without a day, month and year is no date.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Parse a feed date; `None` when no date can be read from it.
pub(crate) fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.and_utc());
        }
    }
    parse_tokens(s)
}

/// An HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, RFC 850 or asctime.
pub(crate) fn parse_http_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.and_utc());
        }
    }
    None
}

/// Month names and abbreviations in the languages khabar reads. Matched
/// against lower-cased tokens; multi-word names are joined first.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Arabic: Egyptian / Gulf names
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Arabic: Levantine / Iraqi names (two-word ones joined with '_')
    ("كانون_الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("اذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("اب", 8),
    ("أيلول", 9),
    ("ايلول", 9),
    ("تشرين_الأول", 10),
    ("تشرين_الاول", 10),
    ("تشرين_الثاني", 11),
    ("كانون_الأول", 12),
    ("كانون_الاول", 12),
    // Arabic: Maghrebi names
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
    ("اوت", 8),
    // Russian: genitive (as in dates), nominative, abbreviations
    ("января", 1),
    ("январь", 1),
    ("янв", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("фев", 2),
    ("марта", 3),
    ("март", 3),
    ("мар", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июн", 6),
    ("июля", 7),
    ("июль", 7),
    ("июл", 7),
    ("августа", 8),
    ("август", 8),
    ("авг", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("сен", 9),
    ("сент", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("окт", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("ноя", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("дек", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
];

/// Zone abbreviations seen in feeds, in hours east of UTC.
const ZONES: &[(&str, i32)] = &[
    ("gmt", 0),
    ("utc", 0),
    ("ut", 0),
    ("z", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("cet", 1),
    ("cest", 2),
    ("eet", 2),
    ("eest", 3),
    ("msk", 3),
    ("bst", 1),
    ("غرينتش", 0),
    ("جرينتش", 0),
];

#[derive(Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<(u32, u32, u32)>,
    pm: Option<bool>,
    offset_secs: Option<i32>,
}

fn parse_tokens(s: &str) -> Option<DateTime<Utc>> {
    let mut text: String = s
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '،' | ',' | '(' | ')' => ' ',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    for two_words in ["كانون ال", "تشرين ال"] {
        text = text.replace(two_words, &two_words.replace(' ', "_"));
    }
    let mut parts = Parts::default();
    for token in text.split_whitespace() {
        read_token(token, &mut parts);
    }
    let (year, month, day) = (parts.year?, parts.month?, parts.day?);
    let (mut hour, minute, second) = parts.time.unwrap_or((0, 0, 0));
    match parts.pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    let naive = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, second)?;
    let offset = FixedOffset::east_opt(parts.offset_secs.unwrap_or(0))?;
    offset
        .from_local_datetime(&naive)
        .single()
        .map(|d| d.with_timezone(&Utc))
}

fn read_token(token: &str, p: &mut Parts) {
    let token = token.trim_end_matches('.');
    if token.is_empty() {
        return;
    }
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == token) {
        p.month.get_or_insert(m);
        return;
    }
    // A time, maybe with a zone attached: 10:15, 10:15:00+03:00, 10:15z.
    if token.contains(':') && token.starts_with(|c: char| c.is_ascii_digit()) && p.time.is_none() {
        let end = token
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .unwrap_or(token.len());
        if let Some(t) = parse_clock(&token[..end]) {
            p.time = Some(t);
            if end < token.len() {
                read_zone(&token[end..], p);
            }
            return;
        }
    }
    if read_zone(token, p) {
        return;
    }
    match token {
        "am" | "a.m" | "ص" | "صباحا" | "صباحًا" => {
            p.pm = Some(false);
            return;
        }
        "pm" | "p.m" | "م" | "مساء" | "مساءً" | "مساءا" if p.time.is_some() => {
            p.pm = Some(true);
            return;
        }
        _ => {}
    }
    // Numeric dates: 2025-03-04, 04.03.2025, 4/3/2025.
    if token.contains(['-', '.', '/']) && token.chars().any(|c| c.is_ascii_digit()) {
        let fields: Vec<&str> = token.split(['-', '.', '/']).collect();
        if fields.len() == 3 && fields.iter().all(|f| f.chars().all(|c| c.is_ascii_digit())) {
            read_numeric_date(&fields, p);
        } else {
            // Mixed, as in RFC 850's 06-Nov-94.
            for f in fields {
                read_token(f, p);
            }
        }
        return;
    }
    // A number, perhaps with a suffix: 4, 2025, 4th, 2025م, 2025г.
    let digits: String = token.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 4 {
        return; // weekday names, "г.", words: ignored
    }
    let Ok(n) = digits.parse::<u32>() else { return };
    if digits.len() == 4 {
        p.year.get_or_insert(n as i32);
    } else if p.day.is_none() && (1..=31).contains(&n) {
        p.day = Some(n);
    } else if p.year.is_none() && p.month.is_some() {
        p.year = Some(if n < 70 {
            2000 + n as i32
        } else {
            1900 + n as i32
        });
    }
}

fn read_numeric_date(fields: &[&str], p: &mut Parts) {
    let n: Vec<u32> = fields.iter().filter_map(|f| f.parse().ok()).collect();
    if n.len() != 3 {
        return;
    }
    let (y, m, d) = if fields[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if fields[2].len() == 4 {
        // Day first, as in Arabic, Russian and Spanish usage; month first
        // only when the day-first reading is impossible.
        if n[1] > 12 && n[0] <= 12 {
            (n[2], n[0], n[1])
        } else {
            (n[2], n[1], n[0])
        }
    } else {
        return;
    };
    p.year.get_or_insert(y as i32);
    p.month.get_or_insert(m);
    p.day.get_or_insert(d);
}

fn parse_clock(s: &str) -> Option<(u32, u32, u32)> {
    let mut it = s.split(':');
    let h: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let sec: u32 = match it.next() {
        Some(sec) => sec.split('.').next()?.parse().ok()?,
        None => 0,
    };
    (h < 24 && m < 60 && sec <= 60).then_some((h, m, sec.min(59)))
}

/// A zone: +0300, +03:00, -05, Z, GMT, GMT+3, UTC+03:00, MSK.
fn read_zone(token: &str, p: &mut Parts) -> bool {
    if p.offset_secs.is_some() {
        return false;
    }
    let (name, rest) = match token.find(['+', '-']) {
        Some(i) => (&token[..i], &token[i..]),
        None => (token, ""),
    };
    let base = if name.is_empty() {
        0
    } else if let Some(&(_, h)) = ZONES.iter().find(|(z, _)| *z == name) {
        h * 3600
    } else {
        return false;
    };
    if rest.is_empty() {
        p.offset_secs = Some(base);
        return true;
    }
    let sign = if rest.starts_with('-') { -1 } else { 1 };
    let digits: String = rest[1..].chars().filter(|c| c.is_ascii_digit()).collect();
    if rest[1..].chars().any(|c| !(c.is_ascii_digit() || c == ':')) {
        return false;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok(), Some(0)),
        4 => (digits[..2].parse().ok(), digits[2..].parse().ok()),
        _ => (None, None),
    };
    match (h, m) {
        (Some(h), Some(m)) if h <= 14 && m < 60 => {
            p.offset_secs = Some(base + sign * (h * 3600 + m * 60));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `input` → expected UTC instant in RFC 3339, or `None`.
    fn check(cases: &[(&str, Option<&str>)]) {
        for (input, expected) in cases {
            let got = parse_date(input).map(|d| d.to_rfc3339());
            assert_eq!(got.as_deref(), *expected, "{input:?}");
        }
    }

    #[test]
    fn standard_and_near_standard() {
        check(&[
            (
                "Tue, 04 Mar 2025 10:15:00 +0000",
                Some("2025-03-04T10:15:00+00:00"),
            ),
            (
                "Tue, 04 Mar 2025 10:15:00 GMT",
                Some("2025-03-04T10:15:00+00:00"),
            ),
            (
                "2025-03-04T10:15:00+03:00",
                Some("2025-03-04T07:15:00+00:00"),
            ),
            ("2025-03-04T10:15:00", Some("2025-03-04T10:15:00+00:00")),
            ("2025-03-04 10:15:00", Some("2025-03-04T10:15:00+00:00")),
            ("2025-03-04", Some("2025-03-04T00:00:00+00:00")),
            // Wrong weekday, which chrono's RFC 2822 parser rejects.
            (
                "Mon, 04 Mar 2025 10:15:00 +0000",
                Some("2025-03-04T10:15:00+00:00"),
            ),
            (
                "Tue, 4 Mar 2025 10:15 GMT+3",
                Some("2025-03-04T07:15:00+00:00"),
            ),
            (
                "Tue, 04 Mar 2025 10:15:00 MSK",
                Some("2025-03-04T07:15:00+00:00"),
            ),
            ("March 4, 2025 10:15 pm", Some("2025-03-04T22:15:00+00:00")),
            ("04.03.2025 10:15", Some("2025-03-04T10:15:00+00:00")),
            (
                "Tuesday, 04-Mar-25 10:15:00 GMT",
                Some("2025-03-04T10:15:00+00:00"),
            ),
        ]);
    }

    #[test]
    fn dates_written_in_the_feed_language() {
        check(&[
            (
                "الثلاثاء، 4 مارس 2025 10:15",
                Some("2025-03-04T10:15:00+00:00"),
            ),
            (
                "الثلاثاء ٤ مارس ٢٠٢٥ - ١٠:١٥",
                Some("2025-03-04T10:15:00+00:00"),
            ),
            ("4 آذار 2025 10:15 +0300", Some("2025-03-04T07:15:00+00:00")),
            ("12 كانون الأول 2024", Some("2024-12-12T00:00:00+00:00")),
            (
                "3 تشرين الثاني 2024 08:00",
                Some("2024-11-03T08:00:00+00:00"),
            ),
            (
                "الأربعاء 26 نوفمبر 2025 03:00 م",
                Some("2025-11-26T15:00:00+00:00"),
            ),
            ("5 جويلية 2025", Some("2025-07-05T00:00:00+00:00")),
            ("4 марта 2025 г. 10:15", Some("2025-03-04T10:15:00+00:00")),
            (
                "4 de marzo de 2025 10:15",
                Some("2025-03-04T10:15:00+00:00"),
            ),
        ]);
    }

    #[test]
    fn no_usable_date() {
        check(&[
            ("", None),
            ("yesterday", None),
            ("منذ ساعتين", None),
            ("10:15", None),
            ("4 مارس", None),
            ("31 فبراير 2025", None),
            ("2025-13-45", None),
        ]);
    }
}
