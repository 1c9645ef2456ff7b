//! Fetching feeds over HTTP and parsing them into [`khabar_core::Item`]s.
//!
//! - [`Fetcher`]: conditional GET (ETag / Last-Modified), connect and total
//!   timeouts, a response cap applied after decompression, a redirect limit,
//!   and refusal of private network targets unless allowed.
//! - [`parse_feed`]: charset detection and transcoding to UTF-8, feed-rs
//!   parsing, HTML stripping and deterministic item ids. Pure.
//!
//! ```
//! let xml = br#"<rss version="2.0"><channel><title>t</title>
//!   <item><title>a</title><link>https://x.com/a?utm_source=rss</link></item>
//! </channel></rss>"#;
//! let feed = khabar_fetch::parse_feed(xml, None, "https://x.com/rss").unwrap();
//! assert_eq!(feed.items[0].item_id, "https://x.com/a");
//! ```

mod charset;
mod fetcher;
mod html;
mod parse;

pub use charset::decode_to_utf8;
pub use fetcher::{Cursor, FetchOutcome, Fetched, Fetcher, FetcherConfig};
pub use html::html_to_text;
pub use parse::{parse_feed, ParsedFeed};

/// Why a feed could not be fetched or parsed. Each message says what to check.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("feed URL {0:?} is not a valid http(s) or file URL")]
    BadUrl(String),
    #[error("refusing to fetch {url}: it resolves to a private or local address ({addr}); set [fetch] allow_private_networks = true to allow it")]
    PrivateAddress { url: String, addr: String },
    #[error("request to {url} failed: {source}")]
    Http {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("{url} answered HTTP {status}")]
    Status {
        url: String,
        status: u16,
        retry_after: Option<std::time::Duration>,
    },
    #[error("{url} sent more than {limit} bytes; raise [fetch] max_body_bytes if the feed is really this large")]
    TooLarge { url: String, limit: usize },
    #[error("could not read {path}: {source}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not parse the feed from {url}: {reason}")]
    Parse { url: String, reason: String },
}
