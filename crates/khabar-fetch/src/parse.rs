//! Feed bytes → items. Pure: no I/O, no clock.

use crate::{charset::decode_to_utf8, dates::parse_date, html::html_to_text, FetchError};
use khabar_core::{ids, Item};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use std::time::Duration;

/// A parsed feed: its own metadata and its items, in feed order, with
/// duplicate ids within the feed dropped.
#[derive(Debug, Clone)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub lang: Option<String>,
    /// RSS `<ttl>` in minutes, a hint for the scheduler.
    pub ttl_minutes: Option<u32>,
    /// How often the publisher says the feed changes: the longer of RSS
    /// `<ttl>` and the syndication module's `sy:updatePeriod` /
    /// `sy:updateFrequency`. A floor for [`crate::next_interval`].
    pub update_hint: Option<Duration>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// WebSub hub advertised by the feed (`<link rel="hub">`).
    pub hub: Option<String>,
    /// The feed's own URL as it states it (`<link rel="self">`), the WebSub topic.
    pub self_url: Option<String>,
    pub items: Vec<Item>,
}

/// feed-rs invents an id (a random UUID when there is no link or title) for
/// entries without one; this marker lets us tell and supply our own.
const NO_ID: &str = "khabar:no-id";

/// Parse feed bytes (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into items.
///
/// Entities declared in a DTD are never expanded and external entities
/// never fetched (the XML parser does not implement either), so a
/// "billion laughs" or XXE document cannot blow up memory or read files.
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: &str,
) -> Result<ParsedFeed, FetchError> {
    let (text, encoding) = decode_to_utf8(bytes, content_type);
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| NO_ID.to_string())
        .timestamp_parser(parse_date)
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
    let ttl = feed
        .ttl
        .filter(|m| *m > 0)
        .map(|m| Duration::from_secs(u64::from(m) * 60));
    let link_rel = |rel: &str| {
        feed.links
            .iter()
            .find(|l| l.rel.as_deref() == Some(rel))
            .map(|l| l.href.clone())
    };
    let (hub, self_url) = (link_rel("hub"), link_rel("self"));
    Ok(ParsedFeed {
        hub,
        self_url,
        title: feed.title.map(|t| html_to_text(&t.content)),
        lang: feed_lang,
        ttl_minutes: feed.ttl,
        update_hint: ttl.max(syndication_period(&text)),
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

const SYNDICATION_NS: &[u8] = b"http://purl.org/rss/1.0/modules/syndication/";

/// The RSS 1.0 syndication module's period, from the feed's head (before
/// the first item): `updatePeriod` (hourly, daily, weekly, monthly, yearly;
/// daily by default) divided by `updateFrequency` (1 by default).
fn syndication_period(xml: &str) -> Option<Duration> {
    let mut reader = quick_xml::NsReader::from_str(xml);
    let mut in_element: Option<&'static str> = None;
    let (mut period, mut frequency): (Option<String>, Option<String>) = (None, None);
    loop {
        match reader.read_resolved_event() {
            Ok((ResolveResult::Bound(ns), Event::Start(e))) if ns.as_ref() == SYNDICATION_NS => {
                in_element = match e.local_name().as_ref() {
                    b"updatePeriod" => Some("period"),
                    b"updateFrequency" => Some("frequency"),
                    _ => None,
                };
            }
            Ok((_, Event::Start(e) | Event::Empty(e)))
                if matches!(e.local_name().as_ref(), b"item" | b"entry") =>
            {
                break
            }
            Ok((_, Event::Text(t))) => {
                let text = t.decode().ok().map(|t| t.trim().to_string());
                match in_element {
                    Some("period") => period = text,
                    Some("frequency") => frequency = text,
                    _ => {}
                }
            }
            Ok((_, Event::End(_))) => in_element = None,
            Ok((_, Event::Eof)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    if period.is_none() && frequency.is_none() {
        return None;
    }
    let base: u64 = match period.as_deref().unwrap_or("daily") {
        "hourly" => 3600,
        "daily" => 86_400,
        "weekly" => 7 * 86_400,
        "monthly" => 30 * 86_400,
        "yearly" => 365 * 86_400,
        _ => return None,
    };
    let frequency: u64 = match frequency {
        Some(f) => f.parse().ok().filter(|f| *f > 0)?,
        None => 1,
    };
    Some(Duration::from_secs(base / frequency))
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
    fn websub_hub_and_self_links() {
        let xml = r#"<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
            <atom:link rel="hub" href="https://hub.example/"/>
            <atom:link rel="self" href="https://x.example/rss"/></channel></rss>"#;
        let feed = parse_feed(xml.as_bytes(), None, "u").unwrap();
        assert_eq!(feed.hub.as_deref(), Some("https://hub.example/"));
        assert_eq!(feed.self_url.as_deref(), Some("https://x.example/rss"));
        let plain = parse_feed(RSS.as_bytes(), None, "u").unwrap();
        assert_eq!(plain.hub, None);
    }

    #[test]
    fn malformed_feed_is_a_clear_error() {
        let err = parse_feed(b"<rss><channel><item>", None, "http://x/feed").unwrap_err();
        assert!(err.to_string().contains("http://x/feed"), "{err}");
    }

    #[test]
    fn update_hints_from_ttl_and_the_syndication_module() {
        let sy = |head: &str| {
            let xml = format!(
                r#"<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
                <channel><title>t</title>{head}<item><title>a</title><link>https://x.com/a</link>
                <sy:updatePeriod>yearly</sy:updatePeriod></item></channel></rss>"#
            );
            parse_feed(xml.as_bytes(), None, "u").unwrap().update_hint
        };
        let min = |n: u64| Some(Duration::from_secs(60 * n));
        assert_eq!(sy(""), None);
        assert_eq!(sy("<ttl>15</ttl>"), min(15));
        assert_eq!(sy("<sy:updatePeriod>hourly</sy:updatePeriod>"), min(60));
        assert_eq!(
            sy("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"),
            min(15)
        );
        assert_eq!(
            sy("<sy:updateFrequency>2</sy:updateFrequency>"),
            min(12 * 60),
            "daily by default"
        );
        assert_eq!(
            sy("<ttl>5</ttl><sy:updatePeriod>hourly</sy:updatePeriod>"),
            min(60),
            "the longer hint"
        );
        assert_eq!(sy("<sy:updatePeriod>fortnightly</sy:updatePeriod>"), None);
        assert_eq!(sy("<sy:updateFrequency>0</sy:updateFrequency>"), None);
        // The prefix is whatever the feed binds to the namespace.
        let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
            xmlns="http://purl.org/rss/1.0/" xmlns:s="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="https://x.com/"><title>t</title><link>https://x.com/</link>
            <description>d</description><s:updatePeriod>hourly</s:updatePeriod>
            <s:updateFrequency>2</s:updateFrequency></channel>
            <item rdf:about="https://x.com/a"><title>a</title><link>https://x.com/a</link></item>
            </rdf:RDF>"#;
        let feed = parse_feed(rdf.as_bytes(), None, "u").unwrap();
        assert_eq!(feed.update_hint, min(30));
        assert_eq!(feed.items.len(), 1);
    }

    #[test]
    fn item_dates_feed_rs_rejects_use_the_fallback() {
        let xml = r#"<rss version="2.0"><channel><title>t</title>
            <item><title>a</title><link>https://x.com/a</link><pubDate>الثلاثاء، 4 مارس 2025 10:15</pubDate></item>
            <item><title>b</title><link>https://x.com/b</link><pubDate>منذ ساعتين</pubDate></item>
            <item><title>c</title><link>https://x.com/c</link></item>
            </channel></rss>"#;
        let feed = parse_feed(xml.as_bytes(), None, "u").unwrap();
        let dates: Vec<_> = feed
            .items
            .iter()
            .map(|i| i.published.map(|d| d.to_rfc3339()))
            .collect();
        assert_eq!(
            dates,
            [Some("2025-03-04T10:15:00+00:00".into()), None, None]
        );
    }

    #[test]
    fn entity_expansion_is_impossible() {
        // Billion laughs: ten levels of ten-fold expansion, 10^9 "lol"s if
        // expanded.
        let mut dtd = String::from("<!ENTITY lol0 \"lol\">");
        for i in 1..10 {
            let refs = format!("&lol{};", i - 1).repeat(10);
            dtd.push_str(&format!("<!ENTITY lol{i} \"{refs}\">"));
        }
        let bomb = format!(
            r#"<?xml version="1.0"?><!DOCTYPE rss [{dtd}]><rss version="2.0"><channel><title>t</title>
            <item><title>&lol9;</title><link>https://x.com/a</link><description>&lol9;</description></item>
            </channel></rss>"#
        );
        // feed-rs's XML parser (quick-xml) does not process DTD entity
        // declarations: the references stay literal text, unexpanded.
        let feed = parse_feed(bomb.as_bytes(), None, "u").unwrap();
        assert_eq!(feed.items[0].title, "&lol9;");
        assert_eq!(feed.items[0].summary, "&lol9;");
        // External entities: never fetched, never read from disk.
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>t</title><item><title>x&xxe;</title>
            <link>https://x.com/a</link><description>&xxe;</description></item></channel></rss>"#;
        let feed = parse_feed(xxe.as_bytes(), None, "u").unwrap();
        assert_eq!(feed.items[0].title, "x&xxe;");
        assert_eq!(feed.items[0].summary, "&xxe;");
    }
}
