//! Domain types shared by every khabar crate. No I/O lives here.
//!
//! - [`Item`]: one feed entry, as khabar understands it after parsing.
//! - [`Entity`] and [`Figure`]: what the extractor finds in an item's text,
//!   in the shapes of the extraction contract (`shared/eval/SPEC.md`).
//! - [`Extraction`]: the extractor's output for one text.
//!
//! ```
//! use khabar_core::{Figure, FigureValue};
//! let f = Figure { kind: "percent".into(), text: "13.6%".into(), start: 0, end: 5,
//!                  value: FigureValue::Number(13.6), unit: None };
//! assert_eq!(serde_json::to_value(&f).unwrap()["value"], 13.6);
//! ```

pub mod ids;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, Serializer};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A named entity mention, as in the extraction contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `person`, `location` or `organization`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The mention exactly as written (`text == input[start..end]` in chars).
    pub text: String,
    /// Offset of the first char (Unicode scalar values, not bytes).
    pub start: usize,
    /// Offset one past the last char.
    pub end: usize,
    /// Stable id shared by every mention of the same entity (Wikidata Q-id when known).
    pub id: String,
    /// Canonical display name (English where known).
    pub name: String,
}

/// The normalised value of a figure: a number, or an ISO 8601 partial date.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum FigureValue {
    Number(f64),
    Text(String),
}

impl Serialize for FigureValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // Whole numbers are written without a fraction: 4100000000, not 4.1e9.
            FigureValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                s.serialize_i64(*n as i64)
            }
            FigureValue::Number(n) => s.serialize_f64(*n),
            FigureValue::Text(t) => s.serialize_str(t),
        }
    }
}

/// A figure (money, percent, count, quantity, date, ordinal, multiplier).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub kind: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: FigureValue,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
}

/// The extractor's output for one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Language used for extraction (`ar`, `en`, `ru`, `es`).
    pub lang: String,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
}

/// What a feed server told us last time, sent back for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedCursor {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Where a permanent redirect (301/308) moved the feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
    /// The server answered 410 Gone: the feed is disabled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gone: bool,
}

/// One feed entry after parsing, before enrichment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable identity: the guid, else the canonical link, else a content hash.
    pub item_id: String,
    pub title: String,
    /// Plain text, HTML stripped.
    pub summary: String,
    pub url: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub categories: Vec<String>,
    /// Language from the item or its feed (`ar`, `en`, ...), when declared.
    pub lang: Option<String>,
}

impl Item {
    /// The text the extractor reads: title and summary, one per line.
    pub fn text(&self) -> String {
        if self.summary.is_empty() {
            self.title.clone()
        } else {
            format!("{}\n{}", self.title, self.summary)
        }
    }
}

/// A message for the output sink (a Kafka record, or a line on stdout).
#[derive(Debug, Clone, PartialEq)]
pub struct OutMessage {
    pub topic: String,
    pub key: String,
    pub payload: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

/// A failed delivery, classified so the caller knows whether to retry.
#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryError {
    /// True when resending the same message cannot succeed (too large,
    /// rejected by the broker for good): it belongs in the dead-letter topic.
    pub permanent: bool,
    pub message: String,
}

impl std::fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let class = if self.permanent {
            "permanent"
        } else {
            "retriable"
        };
        write!(f, "{} ({class})", self.message)
    }
}

impl std::error::Error for DeliveryError {}

/// Resolves when the sink acknowledged (or finally failed) one message.
pub type DeliveryFuture = Pin<Box<dyn Future<Output = Result<(), DeliveryError>> + Send>>;

/// Where events go. `send` waits while the sink's queue is full
/// (backpressure) and resolves on the broker's acknowledgement.
pub trait Sink: Send + Sync + 'static {
    fn send(&self, msg: OutMessage) -> DeliveryFuture;
    /// Deliver everything queued, waiting at most `timeout`.
    fn flush(&self, timeout: Duration) -> Result<(), DeliveryError>;
}
