//! Charset detection and transcoding to UTF-8, before XML parsing.
//!
//! Trust order: byte-order mark, then the HTTP `Content-Type` charset, then
//! the XML declaration. Bytes that are already valid UTF-8 with no BOM and no
//! contrary HTTP charset are passed through untouched.

use encoding_rs::{Encoding, UTF_8};
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
        .and_then(|l| Encoding::for_label(l.as_bytes()));
    let declared = xml_declared_encoding(bytes).and_then(|l| Encoding::for_label(l.as_bytes()));
    let enc = match (http, declared) {
        (Some(h), _) => h,
        (None, Some(d)) => d,
        (None, None) => UTF_8,
    };
    if enc == UTF_8
        || (http.is_none() && std::str::from_utf8(bytes).is_ok() && !is_single_byte_arabic(enc))
    {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return (fix_declaration(Cow::Borrowed(s)), UTF_8.name());
        }
    }
    let (text, _, _) = enc.decode(bytes);
    (fix_declaration(text), enc.name())
}

/// Legacy Arabic encodings: an all-ASCII feed declared as one of them is still
/// valid UTF-8, but any Arabic byte in it is not, so trust the declaration.
fn is_single_byte_arabic(enc: &'static Encoding) -> bool {
    enc == encoding_rs::WINDOWS_1256 || enc == encoding_rs::ISO_8859_6
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
    fn wrong_http_charset_on_utf8_bytes_is_trusted_as_declared() {
        // A server claiming latin1 for UTF-8 bytes: we follow the header, as
        // browsers do; the text is still valid (if mojibake) and nothing panics.
        let (text, _) = decode_to_utf8("<t>é</t>".as_bytes(), Some("text/xml; charset=iso-8859-1"));
        assert!(text.starts_with("<t>"));
    }
}
