//! The event khabar publishes: one JSON object per item version, described by
//! `schema/khabar.event.v1.json` (exported as [`SCHEMA_JSON`]), and the
//! CloudEvents Kafka protocol binding headers that go with it.
//!
//! ```
//! use khabar_core::{Extraction, Item};
//! use khabar_event::{Event, FeedRef};
//! let item = Item { item_id: "https://x.com/a".into(), title: "t".into(), summary: "s".into(),
//!     url: Some("https://x.com/a".into()), published: None, categories: vec![], lang: Some("ar".into()) };
//! let feed = FeedRef { url: "https://x.com/rss".into(), title: None };
//! let now = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z").unwrap().to_utc();
//! let ev = Event::created(&item, feed, Extraction::default(), now);
//! assert_eq!(ev.event_type, "item.created");
//! assert_eq!(ev.event_id, Event::created(&item, ev.feed.clone(), Extraction::default(), now).event_id);
//! ```

use chrono::{DateTime, SecondsFormat, Utc};
use khabar_core::{ids, Entity, Extraction, Figure, Item};
use serde::{Deserialize, Serialize};

/// The JSON Schema every event validates against.
pub const SCHEMA_JSON: &str = include_str!("../schema/khabar.event.v1.json");
/// Value of the `schema` field.
pub const SCHEMA_ID: &str = "khabar.event.v1";

/// The feed an event came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedRef {
    pub url: String,
    pub title: Option<String>,
}

/// One published event (the Kafka message value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub schema: String,
    /// Deterministic for a given item version: a repeat carries the same id.
    pub event_id: String,
    /// `item.created` or `item.updated`.
    pub event_type: String,
    pub item_id: String,
    /// 1 for the first version, incremented on each update.
    pub version: u32,
    /// `event_id` of the previous version, for updates.
    pub previous_event_id: Option<String>,
    /// The feed this version was fetched from.
    pub feed: FeedRef,
    /// Every feed the item has been seen in, this one included.
    pub feeds: Vec<String>,
    pub url: Option<String>,
    pub title: String,
    pub summary: String,
    /// RFC 3339; when the feed gave no date this is `fetched_at` and
    /// `published_inferred` is true.
    pub published: String,
    pub published_inferred: bool,
    pub fetched_at: String,
    pub lang: String,
    pub categories: Vec<String>,
    pub content_hash: String,
    /// The earlier item this one near-duplicates (same story, another URL).
    pub duplicate_of: Option<String>,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Hash of what makes a new version: title and text.
pub fn content_hash(item: &Item) -> String {
    ids::hash_hex(&[&item.title, &item.summary])[..32].to_string()
}

impl Event {
    /// The first version of an item.
    pub fn created(
        item: &Item,
        feed: FeedRef,
        extraction: Extraction,
        fetched_at: DateTime<Utc>,
    ) -> Self {
        Self::version(item, feed, extraction, fetched_at, 1, None)
    }

    /// Version `version` of an item; `previous` is the last version's event id.
    pub fn version(
        item: &Item,
        feed: FeedRef,
        extraction: Extraction,
        fetched_at: DateTime<Utc>,
        version: u32,
        previous: Option<String>,
    ) -> Self {
        let content_hash = content_hash(item);
        let lang = item
            .lang
            .clone()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| extraction.lang.clone());
        Event {
            schema: SCHEMA_ID.into(),
            event_id: ids::event_id(&item.item_id, &content_hash),
            event_type: if version <= 1 {
                "item.created"
            } else {
                "item.updated"
            }
            .into(),
            item_id: item.item_id.clone(),
            version: version.max(1),
            previous_event_id: previous,
            feeds: vec![feed.url.clone()],
            feed,
            url: item.url.clone(),
            title: item.title.clone(),
            summary: item.summary.clone(),
            published: rfc3339(item.published.unwrap_or(fetched_at)),
            published_inferred: item.published.is_none(),
            fetched_at: rfc3339(fetched_at),
            lang,
            categories: item.categories.clone(),
            content_hash,
            duplicate_of: None,
            entities: extraction.entities,
            figures: extraction.figures,
        }
    }

    /// The CloudEvents Kafka protocol binding (binary mode) headers, plus
    /// `content-type`.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        vec![
            ("content-type", "application/json".into()),
            ("ce_specversion", "1.0".into()),
            ("ce_id", self.event_id.clone()),
            ("ce_type", format!("khabar.{}", self.event_type)),
            ("ce_source", self.feed.url.clone()),
            ("ce_time", self.fetched_at.clone()),
            ("ce_subject", self.item_id.clone()),
            (
                "ce_dataschema",
                format!("urn:khabar:schema:{}", self.schema),
            ),
        ]
    }

    pub fn to_json(&self) -> Vec<u8> {
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_vec(self).expect("event serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_core::FigureValue;

    fn sample() -> Event {
        let item = Item {
            item_id: "https://arabic.rt.com/a".into(),
            title: "بوتين في بيشكيك".into(),
            summary: "ارتفعت التجارة بنسبة 13.6%".into(),
            url: Some("https://arabic.rt.com/a".into()),
            published: None,
            categories: vec!["اقتصاد".into()],
            lang: Some("ar".into()),
        };
        let extraction = Extraction {
            lang: "ar".into(),
            entities: vec![Entity {
                kind: "person".into(),
                text: "بوتين".into(),
                start: 0,
                end: 5,
                id: "Q7747".into(),
                name: "Vladimir Putin".into(),
            }],
            figures: vec![Figure {
                kind: "percent".into(),
                text: "13.6%".into(),
                start: 40,
                end: 45,
                value: FigureValue::Number(13.6),
                unit: None,
            }],
        };
        let now = DateTime::parse_from_rfc3339("2025-11-26T10:00:00Z")
            .unwrap()
            .to_utc();
        Event::created(
            &item,
            FeedRef {
                url: "https://arabic.rt.com/rss/".into(),
                title: Some("RT".into()),
            },
            extraction,
            now,
        )
    }

    #[test]
    fn event_validates_against_schema() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA_JSON).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let ev = serde_json::to_value(sample()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&ev).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        // And the schema does reject a broken event.
        let mut bad = ev.clone();
        bad["schema"] = "other".into();
        bad.as_object_mut().unwrap().remove("item_id");
        assert!(!validator.is_valid(&bad));
    }

    #[test]
    fn published_falls_back_to_fetched_at_and_says_so() {
        let ev = sample();
        assert_eq!(ev.published, ev.fetched_at);
        assert!(ev.published_inferred);
        assert_eq!(ev.fetched_at, "2025-11-26T10:00:00Z");
    }

    #[test]
    fn cloudevents_headers() {
        let ev = sample();
        let h = ev.headers();
        let get = |k| h.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("ce_specversion"), Some("1.0"));
        assert_eq!(get("ce_id"), Some(ev.event_id.as_str()));
        assert_eq!(get("ce_type"), Some("khabar.item.created"));
        assert_eq!(get("content-type"), Some("application/json"));
    }
}
