//! Fetching feeds over HTTP and parsing them into [`khabar_core::Item`]s.
//!
//! - [`Fetcher`]: conditional GET (ETag / Last-Modified), gzip / deflate /
//!   brotli, connect, stall and total timeouts, a response cap applied after
//!   decompression, redirects followed hop by hop (limited, loops detected,
//!   permanent moves reported), refusal of private network targets on every
//!   hop unless allowed, and per-host politeness through a [`HostLimiter`].
//! - [`parse_feed`]: charset detection and transcoding to UTF-8, feed-rs
//!   parsing, lenient dates (including Arabic month names), HTML stripping
//!   and deterministic item ids. Pure.
//! - [`next_interval`]: adaptive poll spacing from the observed item rate and
//!   the publisher's hints ([`Fetched::cache_hint`],
//!   [`ParsedFeed::update_hint`]). Pure.
//! - [`opml`]: reading and writing subscription lists. Pure.
//!
//! ```
//! let xml = br#"<rss version="2.0"><channel><title>t</title><ttl>15</ttl>
//!   <item><title>a</title><link>https://x.com/a?utm_source=rss</link></item>
//! </channel></rss>"#;
//! let feed = khabar_fetch::parse_feed(xml, None, "https://x.com/rss").unwrap();
//! assert_eq!(feed.items[0].item_id, "https://x.com/a");
//! assert_eq!(feed.update_hint, Some(std::time::Duration::from_secs(15 * 60)));
//! ```

mod charset;
mod dates;
mod fetcher;
mod html;
mod limiter;
pub mod opml;
mod parse;
mod schedule;

pub use charset::decode_to_utf8;
pub use fetcher::{Cursor, FetchOutcome, Fetched, Fetcher, FetcherConfig};
pub use html::html_to_text;
pub use limiter::{HostLimiter, HostPermit};
pub use parse::{parse_feed, ParsedFeed};
pub use schedule::{next_interval, PollHints};

/// Which timeout cut a request off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutKind {
    /// The TCP/TLS connection was not established in time.
    Connect,
    /// No bytes arrived for the stall timeout (headers or body).
    Stall,
    /// The whole request, redirects and body included, took too long.
    Total,
}

impl std::fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Connect => "connecting took longer than [fetch] connect_timeout",
            Self::Stall => "no data arrived for longer than [fetch] read_timeout",
            Self::Total => "the whole request took longer than [fetch] timeout",
        })
    }
}

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
    /// HTTP 410: the publisher removed the feed for good; stop polling it.
    #[error("{url} answered 410 Gone: the feed was removed for good; disable it or find its new address")]
    Gone { url: String },
    /// A redirect that cannot be followed: too many hops, a loop, or a
    /// missing or invalid `Location`.
    #[error("could not follow the redirects of {url}: {reason}")]
    Redirect { url: String, reason: String },
    #[error("request to {url} timed out: {kind}")]
    Timeout { url: String, kind: TimeoutKind },
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
    #[error("could not read the OPML subscription list: {0}")]
    Opml(String),
}
