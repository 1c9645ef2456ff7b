//! The HTTP side: one shared client, conditional GET, caps and guards.

use crate::FetchError;
use futures::StreamExt;
use khabar_core::FeedCursor;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{
    HeaderMap, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, RETRY_AFTER,
};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// Re-exported under the name the pipeline uses.
pub type Cursor = FeedCursor;

/// HTTP settings, validated by the binary's config layer.
#[derive(Debug, Clone)]
pub struct FetcherConfig {
    pub user_agent: String,
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    /// Cap on the decompressed body.
    pub max_body_bytes: usize,
    pub max_redirects: usize,
    /// Allow loopback, private, link-local, CGNAT and multicast targets.
    pub allow_private_networks: bool,
}

impl Default for FetcherConfig {
    fn default() -> Self {
        Self {
            user_agent: concat!(
                "khabar/",
                env!("CARGO_PKG_VERSION"),
                " (+https://github.com/khabar/khabar)"
            )
            .into(),
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            allow_private_networks: false,
        }
    }
}

/// A successful response with a body.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    /// The validators to send next time.
    pub cursor: Cursor,
    /// The URL after redirects.
    pub final_url: String,
}

/// The result of one conditional GET.
#[derive(Debug, Clone)]
pub enum FetchOutcome {
    /// 304: nothing changed since the cursor.
    NotModified,
    Fetched(Fetched),
}

/// Fetches feeds. Cheap to clone; share one per process.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    config: Arc<FetcherConfig>,
}

impl Fetcher {
    pub fn new(config: FetcherConfig) -> Result<Self, FetchError> {
        let allow = config.allow_private_networks;
        let max_redirects = config.max_redirects;
        let redirect = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                attempt.error(format!("more than {max_redirects} redirects"))
            } else if !allow
                && attempt
                    .url()
                    .host_str()
                    .and_then(literal_ip)
                    .is_some_and(|ip| !is_public(ip))
            {
                let msg = format!("redirect to private address {} refused", attempt.url());
                attempt.error(msg)
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            .redirect(redirect);
        if !allow {
            builder = builder.dns_resolver(Arc::new(PublicOnlyResolver));
        }
        let client = builder.build().map_err(|source| FetchError::Http {
            url: String::new(),
            source,
        })?;
        Ok(Self {
            client,
            config: Arc::new(config),
        })
    }

    /// GET `url`, conditional on `cursor`. `file://` URLs are read from disk
    /// (for offline use and the bundled samples).
    pub async fn fetch(&self, url: &str, cursor: &Cursor) -> Result<FetchOutcome, FetchError> {
        let parsed = url::Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        match parsed.scheme() {
            "file" => return self.fetch_file(&parsed).await,
            "http" | "https" => {}
            _ => return Err(FetchError::BadUrl(url.to_string())),
        }
        if !self.config.allow_private_networks {
            if let Some(ip) = parsed.host_str().and_then(literal_ip) {
                if !is_public(ip) {
                    return Err(FetchError::PrivateAddress {
                        url: url.to_string(),
                        addr: ip.to_string(),
                    });
                }
            }
        }
        let mut req = self.client.get(parsed);
        if let Some(etag) = &cursor.etag {
            req = req.header(IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &cursor.last_modified {
            req = req.header(IF_MODIFIED_SINCE, lm);
        }
        let http_err = |source: reqwest::Error| {
            if !self.config.allow_private_networks && is_private_refusal(&source) {
                FetchError::PrivateAddress {
                    url: url.to_string(),
                    addr: "resolved address".into(),
                }
            } else {
                FetchError::Http {
                    url: url.to_string(),
                    source,
                }
            }
        };
        let resp = req.send().await.map_err(http_err)?;
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(FetchOutcome::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                url: url.to_string(),
                status: status.as_u16(),
                retry_after: retry_after(resp.headers()),
            });
        }
        let headers = resp.headers().clone();
        let final_url = resp.url().to_string();
        let limit = self.config.max_body_bytes;
        // The cap applies to decompressed bytes: reqwest decodes in the stream.
        let mut body = Vec::new();
        let mut stream = resp.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(http_err)?;
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit,
                });
            }
            body.extend_from_slice(&chunk);
        }
        let header = |name| {
            headers
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        Ok(FetchOutcome::Fetched(Fetched {
            body,
            content_type: header(CONTENT_TYPE),
            cursor: Cursor {
                etag: header(ETAG),
                last_modified: header(LAST_MODIFIED),
            },
            final_url,
        }))
    }

    async fn fetch_file(&self, url: &url::Url) -> Result<FetchOutcome, FetchError> {
        let path = url
            .to_file_path()
            .map_err(|_| FetchError::BadUrl(url.to_string()))?;
        let file_err = |source| FetchError::File {
            path: path.display().to_string(),
            source,
        };
        let meta = tokio::fs::metadata(&path).await.map_err(file_err)?;
        if meta.len() as usize > self.config.max_body_bytes {
            return Err(FetchError::TooLarge {
                url: url.to_string(),
                limit: self.config.max_body_bytes,
            });
        }
        let body = tokio::fs::read(&path).await.map_err(file_err)?;
        Ok(FetchOutcome::Fetched(Fetched {
            body,
            content_type: None,
            cursor: Cursor::default(),
            final_url: url.to_string(),
        }))
    }
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let delta = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    delta.to_std().ok().or(Some(Duration::ZERO))
}

fn literal_ip(host: &str) -> Option<IpAddr> {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

/// Whether an address is on the public internet (not loopback, private,
/// link-local, CGNAT, multicast, documentation or unspecified).
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_unspecified()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80)
        }
    }
}

const PRIVATE_REFUSAL: &str = "khabar refuses private network address";

fn is_private_refusal(err: &reqwest::Error) -> bool {
    let mut source: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = source {
        if e.to_string().contains(PRIVATE_REFUSAL) {
            return true;
        }
        source = e.source();
    }
    false
}

/// Resolves names and keeps only public addresses, so every connection,
/// including each redirect hop, is checked after DNS resolution.
struct PublicOnlyResolver;

impl Resolve for PublicOnlyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let public: Vec<SocketAddr> = addrs
                .iter()
                .copied()
                .filter(|a| is_public(a.ip()))
                .collect();
            if public.is_empty() && !addrs.is_empty() {
                let msg = format!(
                    "{PRIVATE_REFUSAL}: {} resolves to {}",
                    name.as_str(),
                    addrs[0].ip()
                );
                return Err(Box::new(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    msg,
                )) as _);
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_and_private_addresses() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "169.254.169.254",
            "100.64.0.1",
            "224.0.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["8.8.8.8", "185.86.151.11", "2a00:1450:4001::1"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[tokio::test]
    async fn private_literal_refused_by_default() {
        let f = Fetcher::new(FetcherConfig::default()).unwrap();
        let err = f
            .fetch("http://127.0.0.1:9/feed", &Cursor::default())
            .await
            .unwrap_err();
        assert!(matches!(err, FetchError::PrivateAddress { .. }), "{err}");
        assert!(err.to_string().contains("allow_private_networks"));
    }
}
