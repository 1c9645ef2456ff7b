//! OPML subscription lists: read (OPML 1.0 and 2.0, folders nested to any
//! depth) and write (OPML 2.0). Pure.
//!
//! ```
//! use khabar_fetch::opml::{self, OpmlFeed};
//! let feeds = vec![OpmlFeed { url: "https://arabic.rt.com/rss/".into(), title: Some("RT عربي".into()) }];
//! assert_eq!(opml::parse(&opml::write(&feeds)).unwrap(), feeds);
//! ```

use crate::FetchError;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

/// One subscription: the feed URL (`xmlUrl`) and its title (`title`, else
/// `text`), when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: String,
    pub title: Option<String>,
}

/// Every outline with an `xmlUrl`, in document order, at any depth; folder
/// outlines (no `xmlUrl`) only group. A URL listed twice is kept once,
/// with its first title. DTD entities are never expanded.
pub fn parse(xml: &str) -> Result<Vec<OpmlFeed>, FetchError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut feeds: Vec<OpmlFeed> = Vec::new();
    let mut seen_root = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            FetchError::Opml(format!(
                "malformed XML near byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                if !seen_root {
                    if !name.as_ref().eq_ignore_ascii_case(b"opml") {
                        return Err(FetchError::Opml(format!(
                            "the document starts with <{}>, not <opml>",
                            String::from_utf8_lossy(name.as_ref())
                        )));
                    }
                    seen_root = true;
                } else if name.as_ref().eq_ignore_ascii_case(b"outline") {
                    if let Some(feed) = outline(&e, reader.decoder())? {
                        if !feeds.iter().any(|f| f.url == feed.url) {
                            feeds.push(feed);
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(FetchError::Opml(
            "the document has no <opml> element".into(),
        ));
    }
    Ok(feeds)
}

fn outline(
    e: &BytesStart<'_>,
    decoder: quick_xml::encoding::Decoder,
) -> Result<Option<OpmlFeed>, FetchError> {
    let (mut url, mut title, mut text) = (None, None, None);
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|e| FetchError::Opml(format!("bad attribute: {e}")))?;
        let value = attr
            .decoded_and_normalized_value(XmlVersion::Implicit1_0, decoder)
            .map_err(|e| FetchError::Opml(format!("bad attribute value: {e}")))?;
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let key = attr.key.local_name();
        let key = key.as_ref();
        if key.eq_ignore_ascii_case(b"xmlUrl") {
            url = Some(value.to_string());
        } else if key.eq_ignore_ascii_case(b"title") {
            title = Some(value.to_string());
        } else if key.eq_ignore_ascii_case(b"text") {
            text = Some(value.to_string());
        }
    }
    Ok(url.map(|url| OpmlFeed {
        url,
        title: title.or(text),
    }))
}

/// An OPML 2.0 document listing `feeds` flat, titles in `text` and `title`.
pub fn write(feeds: &[OpmlFeed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    \
         <title>khabar subscriptions</title>\n  </head>\n  <body>\n",
    );
    for feed in feeds {
        let url = escape(feed.url.as_str());
        let title = escape(feed.title.as_deref().unwrap_or(&feed.url));
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{url}\"/>\n"
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(url: &str, title: Option<&str>) -> OpmlFeed {
        OpmlFeed {
            url: url.into(),
            title: title.map(str::to_string),
        }
    }

    #[test]
    fn opml_1_flat() {
        let xml = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
            <opml version="1.0"><head><title>mySubscriptions</title></head><body>
            <outline text="CNET" type="rss" xmlUrl="http://news.com.com/2547-1_3-0-5.xml"/>
            <outline title="NYT" text="ignored" xmlUrl=" https://nyt.com/rss?a=1&amp;b=2 "/>
            </body></opml>"#;
        assert_eq!(
            parse(xml).unwrap(),
            [
                feed("http://news.com.com/2547-1_3-0-5.xml", Some("CNET")),
                feed("https://nyt.com/rss?a=1&b=2", Some("NYT")),
            ]
        );
    }

    #[test]
    fn opml_2_nested_folders_and_duplicates() {
        let xml = r#"<opml version="2.0"><head/><body>
            <outline text="عربي">
              <outline text="RT" title="روسيا اليوم" type="rss" xmlUrl="https://arabic.rt.com/rss/"/>
              <outline text="اقتصاد"><outline type="rss" xmlUrl="https://arabic.rt.com/rss/business/"/></outline>
            </outline>
            <outline text="English"><outline text="again" xmlUrl="https://arabic.rt.com/rss/"/>
              <outline text="BBC" xmlURL="https://feeds.bbci.co.uk/news/rss.xml"></outline>
            </outline>
            <outline text="a folder with no feeds"/>
            </body></opml>"#;
        assert_eq!(
            parse(xml).unwrap(),
            [
                feed("https://arabic.rt.com/rss/", Some("روسيا اليوم")),
                feed("https://arabic.rt.com/rss/business/", None),
                feed("https://feeds.bbci.co.uk/news/rss.xml", Some("BBC")),
            ]
        );
    }

    #[test]
    fn not_opml_or_not_xml() {
        for bad in [
            "<rss version=\"2.0\"></rss>",
            "",
            "<opml><body><outline xmlUrl=\"a></opml>",
        ] {
            let err = parse(bad).unwrap_err();
            assert!(matches!(err, FetchError::Opml(_)), "{bad:?}: {err}");
        }
    }

    #[test]
    fn dtd_entities_are_not_expanded() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>
            <opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.com/rss"/></body></opml>"#;
        match parse(xml) {
            Err(FetchError::Opml(_)) => {}
            Ok(feeds) => {
                assert!(feeds
                    .iter()
                    .all(|f| !f.title.as_deref().unwrap_or("").contains("aaaa")))
            }
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn write_then_parse_round_trips_with_escaping() {
        let feeds = [
            feed("https://x.com/rss?a=1&b=\"2\"", Some("<Tom & Jerry's>")),
            feed("https://arabic.rt.com/rss/", Some("RT عربي")),
            feed("https://y.org/atom", None),
        ];
        let xml = write(&feeds);
        assert!(
            xml.contains("xmlUrl=\"https://x.com/rss?a=1&amp;b=&quot;2&quot;\""),
            "{xml}"
        );
        let back = parse(&xml).unwrap();
        assert_eq!(back[..2], feeds[..2]);
        // A feed without a title is written with its URL as the required text.
        assert_eq!(
            back[2],
            feed("https://y.org/atom", Some("https://y.org/atom"))
        );
    }
}
