//! Identity: canonical URLs, item ids and content hashes. Pure functions.

use sha2::{Digest, Sha256};
use url::Url;

/// Query parameters that only track the reader and never change the article.
fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || n.starts_with("at_")
        || matches!(
            n.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "yclid"
                | "mc_cid"
                | "mc_eid"
                | "igshid"
                | "_ga"
                | "ref"
                | "ref_src"
                | "cmpid"
                | "ocid"
                | "rss"
                | "from"
        )
}

/// Canonical form of an article URL, so that the same article listed in two
/// feeds, or with tracking parameters, has one identity.
///
/// Lower-cases scheme and host, drops default ports, fragments, tracking
/// parameters and a trailing slash, sorts the remaining query, and decodes
/// percent-encoded non-ASCII path characters to one spelling. Returns `None`
/// when `raw` is not an absolute http(s) URL.
///
/// ```
/// use khabar_core::ids::canonical_url;
/// assert_eq!(
///     canonical_url("HTTPS://Arabic.RT.com:443/business/1-x/?utm_source=rss#top").unwrap(),
///     canonical_url("https://arabic.rt.com/business/1-x").unwrap(),
/// );
/// ```
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    // `Url` already lower-cases scheme and host and drops default ports.
    let mut pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    if pairs.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    // One spelling for the path: decode percent escapes (Arabic slugs arrive
    // both encoded and raw), then let `Url` re-encode it uniformly.
    let decoded = percent_decode(url.path());
    let trimmed = decoded.trim_end_matches('/');
    let path = if trimmed.is_empty() { "/" } else { trimmed };
    url.set_path(path);
    Some(url.to_string())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() && s.is_char_boundary(i + 3) {
            let hex = &s[i + 1..i + 3];
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                // Keep escapes of reserved path characters: they change meaning.
                if !matches!(b, b'/' | b'?' | b'#' | b'%') {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Hex SHA-256 of the parts, separated so that ("ab","c") ≠ ("a","bc").
pub fn hash_hex(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    let digest = h.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stable item id: the guid (canonicalised when it is a URL), else the
/// canonical link, else a hash of the content. Never random.
pub fn item_id(guid: Option<&str>, link: Option<&str>, title: &str, summary: &str) -> String {
    if let Some(g) = guid.map(str::trim).filter(|g| !g.is_empty()) {
        return canonical_url(g).unwrap_or_else(|| g.to_string());
    }
    if let Some(l) = link.and_then(canonical_url) {
        return l;
    }
    format!("sha256:{}", &hash_hex(&[title, summary])[..32])
}

/// Deterministic event id for one version of an item, formatted like a UUID
/// so CloudEvents consumers accept it.
pub fn event_id(item_id: &str, content_hash: &str) -> String {
    let h = hash_hex(&[item_id, content_hash]);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str) {
        assert_eq!(canonical_url(a), canonical_url(b), "{a} vs {b}");
        assert!(canonical_url(a).is_some());
    }

    #[test]
    fn same_article_one_url() {
        check(
            "https://arabic.rt.com/business/1-x/",
            "https://arabic.rt.com/business/1-x",
        );
        check(
            "https://arabic.rt.com/business/1-x/?utm_source=rss&utm_medium=economy",
            "https://arabic.rt.com/business/1-x/",
        );
        check(
            "http://EXAMPLE.com:80/a?b=2&a=1#frag",
            "http://example.com/a?a=1&b=2",
        );
        check("https://x.com/a?fbclid=1&at_medium=rss", "https://x.com/a");
        check(
            "https://arabic.rt.com/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/",
            "https://arabic.rt.com/روسيا",
        );
    }

    #[test]
    fn different_articles_stay_different() {
        assert_ne!(
            canonical_url("https://x.com/a?id=1"),
            canonical_url("https://x.com/a?id=2")
        );
        assert_ne!(
            canonical_url("https://x.com/a"),
            canonical_url("https://y.com/a")
        );
        assert_eq!(canonical_url("urn:rt:news:1"), None);
        assert_eq!(canonical_url("not a url"), None);
    }

    #[test]
    fn item_ids_are_stable() {
        assert_eq!(
            item_id(Some("urn:rt:news:1"), None, "t", "s"),
            "urn:rt:news:1"
        );
        assert_eq!(
            item_id(None, Some("https://x.com/a/?utm_source=rss"), "t", "s"),
            item_id(Some("https://x.com/a"), None, "other", "other")
        );
        let a = item_id(None, None, "title", "body");
        assert_eq!(a, item_id(None, None, "title", "body"));
        assert_ne!(a, item_id(None, None, "title", "body2"));
        assert!(a.starts_with("sha256:"));
    }

    #[test]
    fn event_ids_are_deterministic_uuid_shaped() {
        let a = event_id("i", "h1");
        assert_eq!(a, event_id("i", "h1"));
        assert_ne!(a, event_id("i", "h2"));
        assert_eq!(a.len(), 36);
    }
}
