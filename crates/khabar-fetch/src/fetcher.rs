//! The HTTP side: one shared client, conditional GET, caps and guards.
//!
//! Redirects are followed here, hop by hop, rather than inside reqwest, so
//! that every hop is checked against the private-address policy, counts
//! against the per-host limits, and is classified permanent or temporary.

use crate::{limiter::HostLimiter, FetchError, TimeoutKind};
use chrono::{DateTime, Utc};
use futures::StreamExt;
use khabar_core::FeedCursor;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{
    HeaderMap, HeaderValue, ACCEPT, AGE, CACHE_CONTROL, CONTENT_TYPE, DATE, ETAG, EXPIRES,
    IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION, RETRY_AFTER,
};
use reqwest::StatusCode;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;
use url::{Host, Url};

/// Re-exported under the name the pipeline uses.
pub type Cursor = FeedCursor;

/// What feed readers ask for: feeds first, any XML next, anything last.
const ACCEPT_FEEDS: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
     application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

/// HTTP settings, validated by the binary's config layer.
#[derive(Debug, Clone)]
pub struct FetcherConfig {
    pub user_agent: String,
    /// Time allowed to establish the TCP (and TLS) connection.
    pub connect_timeout: Duration,
    /// Stall timeout: the longest wait for the next bytes, both for the
    /// response headers and between body chunks. Cuts off a stalled server.
    pub read_timeout: Duration,
    /// Time allowed for the whole request, redirects and body included. Cuts
    /// off a server that drips bytes just fast enough to dodge `read_timeout`.
    pub total_timeout: Duration,
    /// Cap on the decompressed body.
    pub max_body_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Allow loopback, private, link-local, CGNAT and multicast targets.
    pub allow_private_networks: bool,
    /// Private addresses allowed even when `allow_private_networks` is
    /// false, e.g. an internal feed proxy. Everything else private stays
    /// refused, on the first hop and on every redirect.
    pub allowed_private_ips: Vec<IpAddr>,
    /// At most this many requests in flight to one host; 0 means no limit.
    pub per_host_concurrency: usize,
    /// Minimum time between the starts of two requests to one host.
    pub per_host_delay: Duration,
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
            read_timeout: Duration::from_secs(15),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            allow_private_networks: false,
            allowed_private_ips: Vec::new(),
            per_host_concurrency: 2,
            per_host_delay: Duration::ZERO,
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
    /// Set when the requested URL was moved for good: the URL reached by
    /// the leading run of permanent redirects (301, 308). Store it as the
    /// feed's URL. A chain that starts with a temporary redirect (302, 303,
    /// 307) reports nothing; one that turns temporary later reports the
    /// last permanent target.
    pub permanent_redirect: Option<String>,
    /// How long the server says the response stays fresh (`Cache-Control:
    /// max-age` minus `Age`, else `Expires` minus `Date`): a hint not to
    /// poll sooner. See [`crate::next_interval`].
    pub cache_hint: Option<Duration>,
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
    limiter: Option<Arc<HostLimiter>>,
}

impl Fetcher {
    pub fn new(config: FetcherConfig) -> Result<Self, FetchError> {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static(ACCEPT_FEEDS));
        let mut builder = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .default_headers(headers)
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .redirect(reqwest::redirect::Policy::none());
        if !config.allow_private_networks {
            builder = builder.dns_resolver(Arc::new(PublicOnlyResolver {
                allowed: config.allowed_private_ips.clone().into(),
            }));
        }
        let client = builder.build().map_err(|source| FetchError::Http {
            url: String::new(),
            source,
        })?;
        let limiter =
            (config.per_host_concurrency > 0 || !config.per_host_delay.is_zero()).then(|| {
                Arc::new(HostLimiter::new(
                    config.per_host_concurrency,
                    config.per_host_delay,
                ))
            });
        Ok(Self {
            client,
            config: Arc::new(config),
            limiter,
        })
    }

    /// GET `url`, conditional on `cursor`. `file://` URLs are read from disk
    /// (for offline use and the bundled samples).
    pub async fn fetch(&self, url: &str, cursor: &Cursor) -> Result<FetchOutcome, FetchError> {
        let start = Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        match start.scheme() {
            "file" => return self.fetch_file(&start).await,
            "http" | "https" => {}
            _ => return Err(FetchError::BadUrl(url.to_string())),
        }
        let redirect_err = |reason: String| FetchError::Redirect {
            url: url.to_string(),
            reason,
        };
        let total = |_| FetchError::Timeout {
            url: url.to_string(),
            kind: TimeoutKind::Total,
        };
        let mut current = start;
        let mut visited: Vec<Url> = Vec::new();
        let mut permanent: Option<Url> = None;
        let mut still_permanent = true;
        // Set when the first request is sent: waiting for a host slot is not
        // the server's time.
        let mut deadline: Option<Instant> = None;
        loop {
            self.check_target(&current, url)?;
            let _permit = match (&self.limiter, current.host_str()) {
                (Some(limiter), Some(host)) => Some(limiter.acquire(host).await),
                _ => None,
            };
            let deadline =
                *deadline.get_or_insert_with(|| Instant::now() + self.config.total_timeout);
            let mut req = self.client.get(current.clone());
            if let Some(etag) = &cursor.etag {
                req = req.header(IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &cursor.last_modified {
                req = req.header(IF_MODIFIED_SINCE, lm);
            }
            let resp = tokio::time::timeout_at(deadline, req.send())
                .await
                .map_err(total)?
                .map_err(|e| self.http_err(url, e))?;
            let status = resp.status();
            if is_followed_redirect(status) {
                if visited.len() >= self.config.max_redirects {
                    return Err(redirect_err(format!(
                        "more than {} redirects; raise [fetch] max_redirects if this is legitimate",
                        self.config.max_redirects
                    )));
                }
                let location = resp
                    .headers()
                    .get(LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| {
                        redirect_err(format!("{current} answered {status} without a Location"))
                    })?;
                let next = current.join(location.trim()).map_err(|_| {
                    redirect_err(format!(
                        "{current} redirects to an invalid URL {location:?}"
                    ))
                })?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(redirect_err(format!(
                        "{current} redirects to {next}, which is not http(s)"
                    )));
                }
                visited.push(current);
                if visited.contains(&next) {
                    return Err(redirect_err(format!("redirect loop back to {next}")));
                }
                let is_permanent = matches!(
                    status,
                    StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
                );
                still_permanent &= is_permanent;
                if still_permanent {
                    permanent = Some(next.clone());
                }
                tracing::debug!(from = %visited[visited.len() - 1], to = %next, %status, "redirect");
                current = next;
                continue;
            }
            if status == StatusCode::NOT_MODIFIED {
                return Ok(FetchOutcome::NotModified);
            }
            if status == StatusCode::GONE {
                return Err(FetchError::Gone {
                    url: url.to_string(),
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    url: url.to_string(),
                    status: status.as_u16(),
                    retry_after: retry_after(resp.headers(), Utc::now()),
                });
            }
            let headers = resp.headers().clone();
            let final_url = resp.url().to_string();
            let body = self.read_body(url, resp, deadline).await?;
            let header = |name| {
                headers
                    .get(name)
                    .and_then(|v: &HeaderValue| v.to_str().ok())
                    .map(str::to_string)
            };
            return Ok(FetchOutcome::Fetched(Fetched {
                body,
                content_type: header(CONTENT_TYPE),
                cursor: Cursor {
                    etag: header(ETAG),
                    last_modified: header(LAST_MODIFIED),
                    ..Cursor::default()
                },
                final_url,
                permanent_redirect: permanent.map(String::from),
                cache_hint: cache_hint(&headers, Utc::now()),
            }));
        }
    }

    /// Stream the (decompressed) body, cutting it off at the size cap, when
    /// no chunk arrives within the stall timeout, or at the deadline.
    async fn read_body(
        &self,
        url: &str,
        resp: reqwest::Response,
        deadline: Instant,
    ) -> Result<Vec<u8>, FetchError> {
        let limit = self.config.max_body_bytes;
        let stall = self.config.read_timeout;
        let timeout = |kind| FetchError::Timeout {
            url: url.to_string(),
            kind,
        };
        let mut body = Vec::new();
        let mut stream = resp.bytes_stream();
        loop {
            let next =
                tokio::time::timeout_at(deadline, tokio::time::timeout(stall, stream.next()))
                    .await
                    .map_err(|_| timeout(TimeoutKind::Total))?
                    .map_err(|_| timeout(TimeoutKind::Stall))?;
            let Some(chunk) = next else { break };
            let chunk = chunk.map_err(|e| self.http_err(url, e))?;
            if body.len() + chunk.len() > limit {
                return Err(FetchError::TooLarge {
                    url: url.to_string(),
                    limit,
                });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// POST a form (a WebSub subscription request) and return the status.
    /// The same address checks, host limits and total timeout as `fetch`;
    /// redirects are not followed.
    pub async fn post_form(&self, url: &str, form: &[(&str, &str)]) -> Result<u16, FetchError> {
        let target = Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
        if !matches!(target.scheme(), "http" | "https") {
            return Err(FetchError::BadUrl(url.to_string()));
        }
        self.check_target(&target, url)?;
        let _permit = match (&self.limiter, target.host_str()) {
            (Some(limiter), Some(host)) => Some(limiter.acquire(host).await),
            _ => None,
        };
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let req = self
            .client
            .post(target)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        let resp = tokio::time::timeout(self.config.total_timeout, req.send())
            .await
            .map_err(|_| FetchError::Timeout {
                url: url.to_string(),
                kind: TimeoutKind::Total,
            })?
            .map_err(|e| self.http_err(url, e))?;
        Ok(resp.status().as_u16())
    }

    /// Refuse a literal private address before connecting. Names are checked
    /// after resolution by [`PublicOnlyResolver`].
    fn check_target(&self, target: &Url, requested: &str) -> Result<(), FetchError> {
        if self.config.allow_private_networks {
            return Ok(());
        }
        let ip = match target.host() {
            Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
            _ => return Ok(()),
        };
        if is_public(ip) || self.config.allowed_private_ips.contains(&ip) {
            return Ok(());
        }
        Err(FetchError::PrivateAddress {
            url: if target.as_str() == requested {
                requested.to_string()
            } else {
                format!("{requested} (redirected to {target})")
            },
            addr: ip.to_string(),
        })
    }

    fn http_err(&self, url: &str, source: reqwest::Error) -> FetchError {
        if let Some(addr) = private_refusal(&source) {
            return FetchError::PrivateAddress {
                url: url.to_string(),
                addr,
            };
        }
        if source.is_timeout() {
            let kind = if source.is_connect() {
                TimeoutKind::Connect
            } else {
                TimeoutKind::Stall
            };
            return FetchError::Timeout {
                url: url.to_string(),
                kind,
            };
        }
        FetchError::Http {
            url: url.to_string(),
            source,
        }
    }

    async fn fetch_file(&self, url: &Url) -> Result<FetchOutcome, FetchError> {
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
            permanent_redirect: None,
            cache_hint: None,
        }))
    }
}

/// The redirects we follow. 300 (multiple choices) and 305/306 are errors.
fn is_followed_redirect(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::MOVED_PERMANENTLY
            | StatusCode::FOUND
            | StatusCode::SEE_OTHER
            | StatusCode::TEMPORARY_REDIRECT
            | StatusCode::PERMANENT_REDIRECT
    )
}

fn header_str(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<&str> {
    headers.get(name)?.to_str().ok().map(str::trim)
}

/// `Retry-After` as delay-seconds or an HTTP-date (a date in the past means
/// "now").
pub(crate) fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let v = header_str(headers, RETRY_AFTER)?;
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = crate::dates::parse_http_date(v)?;
    Some((when - now).to_std().unwrap_or(Duration::ZERO))
}

/// Freshness lifetime left: `Cache-Control: max-age` minus `Age`, else
/// `Expires` minus `Date` (the server's clock, so skew does not matter).
/// `no-store` / `no-cache` give no hint; conditional GET makes polling cheap.
pub(crate) fn cache_hint(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let mut no_hint = false;
    let mut max_age = None;
    for value in headers.get_all(CACHE_CONTROL) {
        let Ok(value) = value.to_str() else { continue };
        for directive in value.split(',') {
            let (name, arg) = directive
                .split_once('=')
                .map_or((directive, None), |(n, a)| (n, Some(a)));
            let name = name.trim().to_ascii_lowercase();
            match (name.as_str(), arg) {
                ("no-store" | "no-cache", _) => no_hint = true,
                ("max-age", Some(a)) => {
                    max_age = a.trim().trim_matches('"').parse::<u64>().ok().or(max_age)
                }
                _ => {}
            }
        }
    }
    if no_hint {
        return None;
    }
    if let Some(max_age) = max_age {
        let age = header_str(headers, AGE)
            .and_then(|a| a.parse::<u64>().ok())
            .unwrap_or(0);
        return Some(Duration::from_secs(max_age.saturating_sub(age)));
    }
    let expires = crate::dates::parse_http_date(header_str(headers, EXPIRES)?)?;
    let date = header_str(headers, DATE)
        .and_then(crate::dates::parse_http_date)
        .unwrap_or(now);
    Some((expires - date).to_std().unwrap_or(Duration::ZERO))
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

/// The refused address, if the error came from [`PublicOnlyResolver`].
fn private_refusal(err: &reqwest::Error) -> Option<String> {
    let mut source: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = source {
        let msg = e.to_string();
        if let Some(pos) = msg.find(PRIVATE_REFUSAL) {
            let detail = msg[pos + PRIVATE_REFUSAL.len()..].trim_start_matches(": ");
            return Some(detail.to_string());
        }
        source = e.source();
    }
    None
}

/// Resolves names and keeps only public (or explicitly allowed) addresses,
/// so every connection, including each redirect hop, is checked after DNS
/// resolution: a public name pointing at 10.0.0.1 is refused.
struct PublicOnlyResolver {
    allowed: Arc<[IpAddr]>,
}

impl PublicOnlyResolver {
    async fn lookup(name: &str, allowed: &[IpAddr]) -> std::io::Result<Vec<SocketAddr>> {
        let addrs: Vec<SocketAddr> = tokio::net::lookup_host((name, 0)).await?.collect();
        let usable: Vec<SocketAddr> = addrs
            .iter()
            .copied()
            .filter(|a| is_public(a.ip()) || allowed.contains(&a.ip()))
            .collect();
        if usable.is_empty() && !addrs.is_empty() {
            let msg = format!("{PRIVATE_REFUSAL}: {name} resolves to {}", addrs[0].ip());
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                msg,
            ));
        }
        Ok(usable)
    }
}

impl Resolve for PublicOnlyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allowed = Arc::clone(&self.allowed);
        Box::pin(async move {
            let addrs = Self::lookup(name.as_str(), &allowed).await?;
            Ok(Box::new(addrs.into_iter()) as Addrs)
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
    async fn private_literals_refused_by_default_in_every_spelling() {
        let f = Fetcher::new(FetcherConfig::default()).unwrap();
        for url in [
            "http://127.0.0.1:9/feed",
            "http://[::1]:9/feed",
            "http://2130706433/feed", // 127.0.0.1 as one decimal number
            "http://0x7f.1/feed",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:10.0.0.1]/feed",
        ] {
            let err = f.fetch(url, &Cursor::default()).await.unwrap_err();
            assert!(
                matches!(err, FetchError::PrivateAddress { .. }),
                "{url}: {err}"
            );
            assert!(err.to_string().contains("allow_private_networks"));
        }
    }

    #[test]
    fn every_redirect_hop_is_checked_with_the_same_policy() {
        // fetch() runs check_target on each hop before connecting; this is
        // the check a redirect to a private literal meets.
        let f = Fetcher::new(FetcherConfig {
            allowed_private_ips: vec!["127.0.0.1".parse().unwrap()],
            ..FetcherConfig::default()
        })
        .unwrap();
        let hop = Url::parse("http://10.0.0.7/admin").unwrap();
        let err = f
            .check_target(&hop, "https://news.example/rss")
            .unwrap_err();
        match err {
            FetchError::PrivateAddress { url, addr } => {
                assert_eq!(addr, "10.0.0.7");
                assert!(url.contains("redirected to http://10.0.0.7/admin"), "{url}");
            }
            other => panic!("{other}"),
        }
        let allowed = Url::parse("http://127.0.0.1:8080/feed").unwrap();
        assert!(f.check_target(&allowed, "x").is_ok());
        let public = Url::parse("http://185.86.151.11/feed").unwrap();
        assert!(f.check_target(&public, "x").is_ok());
    }

    #[tokio::test]
    async fn resolver_refuses_names_that_resolve_to_private_addresses() {
        let err = PublicOnlyResolver::lookup("localhost", &[])
            .await
            .unwrap_err();
        assert!(err.to_string().contains(PRIVATE_REFUSAL), "{err}");
        let ok = PublicOnlyResolver::lookup("localhost", &["127.0.0.1".parse().unwrap()])
            .await
            .unwrap();
        assert!(ok
            .iter()
            .all(|a| a.ip() == "127.0.0.1".parse::<IpAddr>().unwrap()));
        assert!(!ok.is_empty());
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn retry_after_seconds_and_http_dates() {
        let now = at("2025-03-04T10:00:00Z");
        let check = |v: &str| retry_after(&headers(&[("retry-after", v)]), now);
        assert_eq!(check("120"), Some(Duration::from_secs(120)));
        assert_eq!(
            check("Tue, 04 Mar 2025 10:05:00 GMT"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            check("Tuesday, 04-Mar-25 10:01:00 GMT"),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            check("Tue Mar  4 10:00:30 2025"),
            Some(Duration::from_secs(30))
        );
        assert_eq!(check("Mon, 03 Mar 2025 10:00:00 GMT"), Some(Duration::ZERO));
        assert_eq!(check("soon"), None);
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }

    #[test]
    fn cache_hints() {
        let now = at("2025-03-04T10:00:00Z");
        let check = |pairs: &[(&'static str, &str)]| cache_hint(&headers(pairs), now);
        assert_eq!(
            check(&[("cache-control", "public, max-age=600")]),
            Some(Duration::from_secs(600))
        );
        assert_eq!(
            check(&[("cache-control", "max-age=600"), ("age", "100")]),
            Some(Duration::from_secs(500))
        );
        assert_eq!(
            check(&[
                ("cache-control", "max-age=60, must-revalidate"),
                ("expires", "Tue, 04 Mar 2025 11:00:00 GMT")
            ]),
            Some(Duration::from_secs(60)),
            "max-age wins over Expires"
        );
        assert_eq!(
            check(&[
                ("expires", "Tue, 04 Mar 2025 09:30:00 GMT"),
                ("date", "Tue, 04 Mar 2025 09:00:00 GMT")
            ]),
            Some(Duration::from_secs(1800)),
            "Expires is measured against the server's Date"
        );
        assert_eq!(
            check(&[("expires", "Tue, 04 Mar 2025 10:15:00 GMT")]),
            Some(Duration::from_secs(900))
        );
        assert_eq!(check(&[("expires", "0")]), None);
        assert_eq!(check(&[("cache-control", "no-cache, max-age=600")]), None);
        assert_eq!(check(&[]), None);
    }
}
