//! Feed bytes → items. Pure: no I/O, no clock.

use crate::{charset::decode_to_utf8, html::html_to_text, FetchError};
use chrono::{DateTime, Utc};
use khabar_core::{ids, Item};

/// A parsed feed: its own metadata and its items, in feed order, with
/// duplicate ids within the feed dropped.
#[derive(Debug, Clone)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub lang: Option<String>,
    /// RSS `<ttl>` in minutes, a hint for the scheduler.
    pub ttl_minutes: Option<u32>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    pub items: Vec<Item>,
}

/// feed-rs invents an id (a random UUID when there is no link or title) for
/// entries without one; this marker lets us tell and supply our own.
const NO_ID: &str = "khabar:no-id";

/// Parse feed bytes (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into items.
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: &str,
) -> Result<ParsedFeed, FetchError> {
    let (text, encoding) = decode_to_utf8(bytes, content_type);
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| NO_ID.to_string())
        .timestamp_parser(parse_loose_date)
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| FetchError::Parse {
            url: feed_url.to_string(),
            reason: e.to_string(),
        })?;
    let feed_lang = feed.language.as_deref().map(short_lang);
    let mut seen = std::collections::HashSet::new();
    let mut items = Vec::with_capacity(feed.entries.len());
    for entry in feed.entries {
        let title = entry
            .title
            .map(|t| html_to_text(&t.content))
            .unwrap_or_default();
        let body = entry
            .summary
            .map(|t| t.content)
            .or_else(|| entry.content.and_then(|c| c.body))
            .unwrap_or_default();
        let summary = html_to_text(&body);
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let guid = (entry.id != NO_ID).then_some(entry.id.as_str());
        let item_id = ids::item_id(guid, link.as_deref(), &title, &summary);
        if !seen.insert(item_id.clone()) {
            continue;
        }
        let mut categories: Vec<String> = Vec::new();
        for c in entry.categories {
            let term = c.label.unwrap_or(c.term).trim().to_string();
            if !term.is_empty() && !categories.contains(&term) {
                categories.push(term);
            }
        }
        let url = link
            .as_deref()
            .map(|l| ids::canonical_url(l).unwrap_or_else(|| l.to_string()));
        items.push(Item {
            item_id,
            title,
            summary,
            url,
            published: entry.published.or(entry.updated),
            categories,
            lang: entry
                .language
                .as_deref()
                .map(short_lang)
                .or_else(|| feed_lang.clone()),
        });
    }
    Ok(ParsedFeed {
        title: feed.title.map(|t| html_to_text(&t.content)),
        lang: feed_lang,
        ttl_minutes: feed.ttl,
        encoding,
        items,
    })
}

fn short_lang(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase()
}

/// Dates in forms feed-rs's strict parsers reject: RFC 2822 variants with
/// odd zones, RFC 3339 without a zone, plain `YYYY-MM-DD HH:MM:SS`.
fn parse_loose_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%a, %d %b %Y %H:%M:%S",
    ] {
        if let Ok(d) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.and_utc());
        }
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>RT Arabic</title><language>ar</language><ttl>5</ttl>
<item><title>أ</title><link>https://arabic.rt.com/a/</link><guid>https://arabic.rt.com/a/</guid>
  <description><![CDATA[<p>نص &quot;مقتبس&quot;</p>]]></description><category>اقتصاد</category>
  <pubDate>Tue, 04 Mar 2025 10:15:00 +0000</pubDate></item>
<item><title>ب</title><link>https://arabic.rt.com/b/?utm_source=rss</link></item>
<item><title>ب مكرر</title><link>https://arabic.rt.com/b/</link></item>
<item><description>لا عنوان ولا رابط</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_with_stable_ids() {
        let feed = parse_feed(RSS.as_bytes(), None, "u").unwrap();
        assert_eq!(feed.title.as_deref(), Some("RT Arabic"));
        assert_eq!(feed.ttl_minutes, Some(5));
        let ids: Vec<_> = feed.items.iter().map(|i| i.item_id.as_str()).collect();
        assert_eq!(ids.len(), 3, "duplicate within the feed dropped: {ids:?}");
        assert_eq!(ids[0], "https://arabic.rt.com/a");
        assert_eq!(ids[1], "https://arabic.rt.com/b");
        assert!(ids[2].starts_with("sha256:"));
        let again = parse_feed(RSS.as_bytes(), None, "u").unwrap();
        assert_eq!(again.items[2].item_id, ids[2], "no random ids");
        let a = &feed.items[0];
        assert_eq!(a.summary, "نص \"مقتبس\"");
        assert_eq!(a.categories, vec!["اقتصاد"]);
        assert_eq!(a.lang.as_deref(), Some("ar"));
        assert_eq!(
            a.published.unwrap().to_rfc3339(),
            "2025-03-04T10:15:00+00:00"
        );
    }

    #[test]
    fn malformed_feed_is_a_clear_error() {
        let err = parse_feed(b"<rss><channel><item>", None, "http://x/feed").unwrap_err();
        assert!(err.to_string().contains("http://x/feed"), "{err}");
    }

    #[test]
    fn loose_dates() {
        assert!(parse_loose_date("2025-03-04 10:15:00").is_some());
        assert!(parse_loose_date("2025-03-04").is_some());
        assert!(parse_loose_date("yesterday").is_none());
    }
}
