//! Charset detection and transcoding to UTF-8, before XML parsing.
//!
//! 1. A byte-order mark decides.
//! 2. A label that is not ASCII-compatible (UTF-16, ISO-2022-JP) decides.
//! 3. Bytes that are valid UTF-8 are UTF-8, whatever the labels say: text in
//!    a legacy encoding with any non-ASCII byte is almost never valid UTF-8,
//!    so a contrary label is a server misconfiguration (the common one:
//!    `charset=iso-8859-1` on a UTF-8 feed), and pure ASCII reads the same
//!    in every ASCII-compatible encoding.
//! 4. Otherwise the first label that is not UTF-8 decides: the HTTP
//!    `Content-Type` charset, then the XML declaration.
//! 5. Unlabelled (or only UTF-8-labelled) bytes that are not UTF-8: mostly
//!    UTF-8 with a few broken sequences stays UTF-8 (lossy); otherwise the
//!    bytes are sniffed as windows-1256 when they read as Arabic, else
//!    windows-1252, the web's default legacy encoding.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, WINDOWS_1256};
use std::borrow::Cow;

/// Decode `bytes` to UTF-8 text and rewrite the XML declaration to say so.
/// Returns the text and the name of the encoding it was decoded from.
pub fn decode_to_utf8<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> (Cow<'a, str>, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (fix_declaration(text), enc.name());
    }
    let http = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    let declared = xml_declared_encoding(bytes).and_then(|l| Encoding::for_label(l.as_bytes()));
    let enc = match http {
        Some(h) if !h.is_ascii_compatible() => h,
        _ => {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return (fix_declaration(Cow::Borrowed(s)), UTF_8.name());
            }
            [http, declared]
                .into_iter()
                .flatten()
                .find(|e| *e != UTF_8 && e.is_ascii_compatible())
                .unwrap_or_else(|| sniff_unlabelled(bytes))
        }
    };
    let (text, _, _) = enc.decode(bytes);
    (fix_declaration(text), enc.name())
}

/// For bytes that are not valid UTF-8 and carry no other label.
fn sniff_unlabelled(bytes: &[u8]) -> &'static Encoding {
    let (mut utf8_chars, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        utf8_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if utf8_chars >= invalid {
        return UTF_8;
    }
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    if arabic >= 9 * other {
        WINDOWS_1256
    } else {
        WINDOWS_1252
    }
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let decl = head.trim_start().strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let pos = decl.find("encoding")?;
    let rest = decl[pos + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_string())
}

/// The text is UTF-8 now: make the XML declaration agree, so the XML parser
/// does not try to decode it a second time.
fn fix_declaration(text: Cow<'_, str>) -> Cow<'_, str> {
    let trimmed = text.trim_start_matches('\u{feff}');
    if !trimmed.starts_with("<?xml") {
        return text;
    }
    let Some(end) = trimmed.find("?>") else {
        return text;
    };
    let decl = &trimmed[..end];
    match decl.find("encoding") {
        Some(pos) if !decl[pos..].to_ascii_lowercase().contains("utf-8") => Cow::Owned(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"{}",
            &trimmed[end..]
        )),
        _ if trimmed.len() != text.len() => Cow::Owned(trimmed.to_string()),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1256_declared_in_prolog() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256
            .encode("<?xml version=\"1.0\" encoding=\"windows-1256\"?><t>روسيا</t>");
        let (text, enc) = decode_to_utf8(&bytes, None);
        assert_eq!(enc, "windows-1256");
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>روسيا</t>"
        );
    }

    #[test]
    fn http_charset_wins_over_prolog() {
        let (bytes, _, _) =
            encoding_rs::ISO_8859_6.encode("<?xml version=\"1.0\" encoding=\"utf-8\"?><t>مصر</t>");
        let (text, enc) = decode_to_utf8(&bytes, Some("application/rss+xml; charset=ISO-8859-6"));
        assert_eq!(enc, "ISO-8859-6");
        assert!(text.contains("مصر"));
    }

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let (text, enc) = decode_to_utf8("<t>قطر</t>".as_bytes(), None);
        assert_eq!((text.as_ref(), enc), ("<t>قطر</t>", "UTF-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("<?xml version=\"1.0\"?><t>x</t>".as_bytes());
        let (text, _) = decode_to_utf8(&bom, None);
        assert!(text.starts_with("<?xml"));
    }

    #[test]
    fn wrong_charset_labels_on_utf8_bytes_are_overruled() {
        // Apache's default latin1 on a UTF-8 feed.
        let (text, enc) = decode_to_utf8(
            "<t>é قطر</t>".as_bytes(),
            Some("text/xml; charset=iso-8859-1"),
        );
        assert_eq!((text.as_ref(), enc), ("<t>é قطر</t>", "UTF-8"));
        let doc = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><t>قطر</t>";
        let (text, _) = decode_to_utf8(doc.as_bytes(), None);
        assert!(text.contains("قطر"), "{text}");
    }

    #[test]
    fn utf8_label_on_legacy_bytes_falls_back_to_the_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256
            .encode("<?xml version=\"1.0\" encoding=\"windows-1256\"?><t>روسيا</t>");
        let (text, enc) = decode_to_utf8(&bytes, Some("application/rss+xml; charset=utf-8"));
        assert_eq!(enc, "windows-1256");
        assert!(text.contains("روسيا"));
    }

    #[test]
    fn unlabelled_legacy_bytes_are_sniffed() {
        let (arabic, _, _) = encoding_rs::WINDOWS_1256.encode("<t>موسكو تعلن عن اتفاق جديد</t>");
        let (text, enc) = decode_to_utf8(&arabic, None);
        assert_eq!(
            (text.as_ref(), enc),
            ("<t>موسكو تعلن عن اتفاق جديد</t>", "windows-1256")
        );
        let (french, _, _) = encoding_rs::WINDOWS_1252.encode("<t>Élysée, déclaré</t>");
        let (text, enc) = decode_to_utf8(&french, None);
        assert_eq!(
            (text.as_ref(), enc),
            ("<t>Élysée, déclaré</t>", "windows-1252")
        );
        // Mostly UTF-8 with one broken byte stays UTF-8.
        let mut broken = "<t>قطر وعمان</t>".as_bytes().to_vec();
        broken.insert(5, 0xFF);
        let (text, enc) = decode_to_utf8(&broken, None);
        assert_eq!(enc, "UTF-8");
        assert!(text.contains("وعمان"));
    }

    #[test]
    fn utf16_label_without_bom() {
        let bytes: Vec<u8> = "<t>x</t>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let (text, enc) = decode_to_utf8(&bytes, Some("text/xml; charset=utf-16le"));
        assert_eq!((text.as_ref(), enc), ("<t>x</t>", "UTF-16LE"));
    }
}
