//! A misbehaving HTTP server on loopback, and what the fetcher does with
//! each misbehaviour: every case asserts the outcome or the error kind.
//!
//! The server is plain tokio TCP. Its "sleeps" are the misbehaviour itself
//! (a slow drip); nothing here waits on time to synchronise, and the
//! timeouts under test are short, with wide margins between them.

use flate2::{write::GzEncoder, write::ZlibEncoder, Compression};
use khabar_fetch::{
    parse_feed, Cursor, FetchError, FetchOutcome, Fetched, Fetcher, FetcherConfig, TimeoutKind,
};
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

// ---------------------------------------------------------------- server

#[derive(Debug, Clone)]
struct Request {
    path: String,
    headers: Vec<(String, String)>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

enum Body {
    Full(Vec<u8>),
    /// `count` copies of `chunk`, one every `every`.
    Drip {
        chunk: Vec<u8>,
        every: Duration,
        count: usize,
    },
    /// Headers announcing more than `prefix`, then the prefix, then silence.
    StallMidway {
        prefix: Vec<u8>,
    },
    /// Read the request, never answer.
    StallBeforeHeaders,
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
}

impl Reply {
    fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Body::Full(Vec::new()),
        }
    }
    fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self::new(200).body(body)
    }
    fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
    fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = Body::Full(body.into());
        self
    }
    fn redirect(status: u16, location: &str) -> Self {
        Self::new(status).header("Location", location)
    }
}

type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    max_in_flight: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        // Dropping the accept task drops its JoinSet, which aborts every
        // connection, including the ones stalled on purpose.
        self.task.abort();
    }
}

impl Server {
    async fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let handler: Handler = Arc::new(handler);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let in_flight = Arc::new(AtomicUsize::new(0));
        let max_in_flight = Arc::new(AtomicUsize::new(0));
        let task = tokio::spawn({
            let requests = Arc::clone(&requests);
            let max_in_flight = Arc::clone(&max_in_flight);
            async move {
                let mut connections = tokio::task::JoinSet::new();
                while let Ok((stream, _)) = listener.accept().await {
                    let handler = Arc::clone(&handler);
                    let requests = Arc::clone(&requests);
                    let in_flight = Arc::clone(&in_flight);
                    let max_in_flight = Arc::clone(&max_in_flight);
                    connections.spawn(async move {
                        let counts = (&*in_flight, &*max_in_flight);
                        let _ = serve(stream, &handler, &requests, counts).await;
                    });
                    while connections.try_join_next().is_some() {}
                }
            }
        });
        Self {
            addr,
            requests,
            max_in_flight,
            task,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

/// Answer one request. A request counts as in flight from the moment its
/// head is read until just before its last byte is written, so the count
/// never includes a request the client may already consider finished.
async fn serve(
    stream: TcpStream,
    handler: &Handler,
    requests: &Mutex<Vec<Request>>,
    (in_flight, max_in_flight): (&AtomicUsize, &AtomicUsize),
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let mut line = String::new();
    reader.read_line(&mut line).await?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            break;
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    max_in_flight.fetch_max(now, Ordering::SeqCst);
    let finishing = || in_flight.fetch_sub(1, Ordering::SeqCst);
    let reply = handler(&request);
    requests.lock().unwrap().push(request);
    let mut head = format!(
        "HTTP/1.1 {} Misbehaving\r\nConnection: close\r\n",
        reply.status
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    match reply.body {
        Body::Full(body) => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            finishing();
            write.write_all(head.as_bytes()).await?;
            write.write_all(&body).await?;
        }
        Body::Drip {
            chunk,
            every,
            count,
        } => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", chunk.len() * count));
            write.write_all(head.as_bytes()).await?;
            for i in 0..count {
                if i + 1 == count {
                    finishing();
                }
                write.write_all(&chunk).await?;
                write.flush().await?;
                tokio::time::sleep(every).await;
            }
        }
        Body::StallMidway { prefix } => {
            head.push_str(&format!(
                "Content-Length: {}\r\n\r\n",
                prefix.len() + 10_000
            ));
            write.write_all(head.as_bytes()).await?;
            write.write_all(&prefix).await?;
            write.flush().await?;
            std::future::pending::<()>().await;
        }
        Body::StallBeforeHeaders => std::future::pending::<()>().await,
    }
    write.shutdown().await
}

// ---------------------------------------------------------------- helpers

const LIMIT: usize = 64 * 1024;

fn config() -> FetcherConfig {
    FetcherConfig {
        allow_private_networks: true,
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(300),
        total_timeout: Duration::from_secs(10),
        max_body_bytes: LIMIT,
        max_redirects: 3,
        ..FetcherConfig::default()
    }
}

fn fetcher() -> Fetcher {
    Fetcher::new(config()).unwrap()
}

async fn get(url: &str) -> Result<FetchOutcome, FetchError> {
    fetcher().fetch(url, &Cursor::default()).await
}

fn fetched(outcome: Result<FetchOutcome, FetchError>) -> Fetched {
    match outcome {
        Ok(FetchOutcome::Fetched(f)) => f,
        Ok(FetchOutcome::NotModified) => panic!("unexpected 304"),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn rss(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
        <link>https://x.com/</link><description>d</description>{items}</channel></rss>"#
    )
}

const FEED_ITEM: &str =
    "<item><title>قطر</title><link>https://x.com/a</link><guid>https://x.com/a</guid></item>";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

const CP1256_TITLES: [&str; 2] = [
    "الصحة العالمية: الكوليرا تتفشى في 12 ولاية سودانية وسط نقص حاد في اللقاحات",
    "الإمارات تستعد لإطلاق قمر اصطناعي جديد من بايكونور بالتعاون مع روسكوسموس",
];
const ISO_8859_6_TITLE: &str = "بوتين: حجم التبادل التجاري مع قيرغيزستان يبلغ رقما قياسيا";

/// Serve `body` with `content_type`, fetch it and parse it.
async fn fetch_and_parse(body: Vec<u8>, content_type: &'static str) -> khabar_fetch::ParsedFeed {
    let server =
        Server::start(move |_| Reply::ok(body.clone()).header("Content-Type", content_type)).await;
    let f = fetched(get(&server.url("/feed")).await);
    parse_feed(&f.body, f.content_type.as_deref(), &f.final_url).unwrap()
}

fn titles(feed: &khabar_fetch::ParsedFeed) -> Vec<&str> {
    feed.items.iter().map(|i| i.title.as_str()).collect()
}

// ---------------------------------------------------------------- conditional GET

#[tokio::test]
async fn conditional_get_304() {
    let server = Server::start(|req| {
        if req.header("if-none-match") == Some("\"v1\"") {
            Reply::new(304)
        } else {
            Reply::ok(rss(FEED_ITEM))
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Tue, 04 Mar 2025 10:00:00 GMT")
                .header("Cache-Control", "public, max-age=300")
        }
    })
    .await;
    let f = fetcher();
    let first = fetched(f.fetch(&server.url("/feed"), &Cursor::default()).await);
    assert_eq!(first.cursor.etag.as_deref(), Some("\"v1\""));
    assert_eq!(
        first.cursor.last_modified.as_deref(),
        Some("Tue, 04 Mar 2025 10:00:00 GMT")
    );
    assert_eq!(first.cache_hint, Some(Duration::from_secs(300)));
    assert_eq!(first.permanent_redirect, None);
    let second = f.fetch(&server.url("/feed"), &first.cursor).await.unwrap();
    assert!(matches!(second, FetchOutcome::NotModified));
    let sent = &server.requests()[1];
    assert_eq!(
        sent.header("if-modified-since"),
        Some("Tue, 04 Mar 2025 10:00:00 GMT")
    );
    // Politeness headers on every request.
    let accept_encoding = sent.header("accept-encoding").unwrap();
    for coding in ["gzip", "deflate", "br"] {
        assert!(accept_encoding.contains(coding), "{accept_encoding}");
    }
    assert!(sent
        .header("accept")
        .unwrap()
        .contains("application/rss+xml"));
    assert!(sent.header("user-agent").unwrap().starts_with("khabar/"));
}

// ---------------------------------------------------------------- status codes

#[tokio::test]
async fn status_429_with_retry_after_seconds() {
    let server = Server::start(|_| Reply::new(429).header("Retry-After", "120")).await;
    match get(&server.url("/feed")).await {
        Err(FetchError::Status {
            status: 429,
            retry_after,
            ..
        }) => assert_eq!(retry_after, Some(Duration::from_secs(120))),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn status_503_with_retry_after_http_date() {
    let server = Server::start(|_| {
        let when = chrono::Utc::now() + chrono::Duration::hours(1);
        Reply::new(503).header(
            "Retry-After",
            when.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        )
    })
    .await;
    match get(&server.url("/feed")).await {
        Err(FetchError::Status {
            status: 503,
            retry_after: Some(wait),
            ..
        }) => assert!(
            (3500..=3600).contains(&wait.as_secs()),
            "about an hour: {wait:?}"
        ),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn status_500_without_retry_after() {
    let server = Server::start(|_| Reply::new(500).body("oops")).await;
    match get(&server.url("/feed")).await {
        Err(FetchError::Status {
            status: 500,
            retry_after: None,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn status_410_is_gone() {
    let server = Server::start(|_| Reply::new(410)).await;
    let err = get(&server.url("/feed")).await.unwrap_err();
    assert!(matches!(err, FetchError::Gone { .. }), "{err}");
    assert!(err.to_string().contains("disable"), "{err}");
}

// ---------------------------------------------------------------- timeouts

#[tokio::test]
async fn slow_drip_is_cut_off_by_the_total_timeout() {
    // A byte every 20 ms never trips a 5 s stall timeout; the 500 ms total does.
    let server = Server::start(|_| Reply {
        status: 200,
        headers: Vec::new(),
        body: Body::Drip {
            chunk: b" ".to_vec(),
            every: Duration::from_millis(20),
            count: 100_000,
        },
    })
    .await;
    let f = Fetcher::new(FetcherConfig {
        read_timeout: Duration::from_secs(5),
        total_timeout: Duration::from_millis(500),
        ..config()
    })
    .unwrap();
    match f.fetch(&server.url("/feed"), &Cursor::default()).await {
        Err(FetchError::Timeout {
            kind: TimeoutKind::Total,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn stall_mid_body_is_cut_off_by_the_read_timeout() {
    let server = Server::start(|_| Reply {
        status: 200,
        headers: Vec::new(),
        body: Body::StallMidway {
            prefix: b"<rss version=\"2.0\"><channel>".to_vec(),
        },
    })
    .await;
    let started = Instant::now();
    match get(&server.url("/feed")).await {
        Err(FetchError::Timeout {
            kind: TimeoutKind::Stall,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "not the total timeout"
    );
}

#[tokio::test]
async fn stall_before_headers_is_cut_off_by_the_read_timeout() {
    let server = Server::start(|_| Reply {
        status: 200,
        headers: Vec::new(),
        body: Body::StallBeforeHeaders,
    })
    .await;
    match get(&server.url("/feed")).await {
        Err(FetchError::Timeout {
            kind: TimeoutKind::Stall,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------- size and compression

#[tokio::test]
async fn gzip_bomb_is_cut_off_after_decompression() {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&vec![b' '; 4 * 1024 * 1024]).unwrap();
    let bomb = gz.finish().unwrap();
    assert!(
        bomb.len() < LIMIT / 4,
        "the compressed body is far under the cap"
    );
    let server = Server::start(move |_| {
        Reply::ok(bomb.clone())
            .header("Content-Encoding", "gzip")
            .header("Content-Type", "application/rss+xml")
    })
    .await;
    match get(&server.url("/feed")).await {
        Err(FetchError::TooLarge { limit, .. }) => assert_eq!(limit, LIMIT),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn gzip_and_deflate_bodies_are_decoded() {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(rss(FEED_ITEM).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
    zlib.write_all(rss(FEED_ITEM).as_bytes()).unwrap();
    let zlib = zlib.finish().unwrap();
    let server = Server::start(move |req| match req.path.as_str() {
        "/gzip" => Reply::ok(gz.clone()).header("Content-Encoding", "gzip"),
        _ => Reply::ok(zlib.clone()).header("Content-Encoding", "deflate"),
    })
    .await;
    for path in ["/gzip", "/deflate"] {
        let f = fetched(get(&server.url(path)).await);
        let feed = parse_feed(&f.body, None, path).unwrap();
        assert_eq!(titles(&feed), ["قطر"], "{path}");
    }
}

#[tokio::test]
async fn oversize_body_is_refused() {
    let server = Server::start(|_| Reply::ok(vec![b' '; LIMIT + 1])).await;
    match get(&server.url("/feed")).await {
        Err(FetchError::TooLarge { limit, .. }) => assert_eq!(limit, LIMIT),
        other => panic!("{other:?}"),
    }
    // Exactly at the cap is fine.
    let server = Server::start(|_| Reply::ok(vec![b' '; LIMIT])).await;
    assert_eq!(fetched(get(&server.url("/feed")).await).body.len(), LIMIT);
}

// ---------------------------------------------------------------- redirects

#[tokio::test]
async fn redirect_loop_is_detected() {
    let server = Server::start(|req| match req.path.as_str() {
        "/a" => Reply::redirect(302, "/b"),
        _ => Reply::redirect(302, "/a"),
    })
    .await;
    match get(&server.url("/a")).await {
        Err(FetchError::Redirect { reason, .. }) => assert!(reason.contains("loop"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn redirect_chain_longer_than_the_limit_is_refused() {
    let server = Server::start(|req| {
        let n: u32 = req.path.trim_start_matches("/r/").parse().unwrap_or(0);
        Reply::redirect(307, &format!("/r/{}", n + 1))
    })
    .await;
    match get(&server.url("/r/0")).await {
        Err(FetchError::Redirect { reason, .. }) => {
            assert!(reason.contains("more than 3 redirects"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        server.requests().len(),
        4,
        "the first request and 3 redirects"
    );
}

#[tokio::test]
async fn permanent_moves_are_reported_temporary_ones_are_not() {
    let server = Server::start(|req| match req.path.as_str() {
        "/moved" => Reply::redirect(301, "/new"),
        "/moved-308" => Reply::redirect(308, "/new"),
        "/temporary" => Reply::redirect(302, "/new"),
        "/moved-then-temporary" => Reply::redirect(301, "/temporary"),
        "/temporary-then-moved" => Reply::redirect(307, "/moved"),
        "/new" => Reply::ok(rss(FEED_ITEM)),
        _ => Reply::new(404),
    })
    .await;
    let cases = [
        ("/moved", Some("/new")),
        ("/moved-308", Some("/new")),
        ("/temporary", None),
        ("/moved-then-temporary", Some("/temporary")),
        ("/temporary-then-moved", None),
    ];
    for (path, moved_to) in cases {
        let f = fetched(get(&server.url(path)).await);
        assert_eq!(f.final_url, server.url("/new"), "{path}");
        assert_eq!(
            f.permanent_redirect,
            moved_to.map(|p| server.url(p)),
            "{path}"
        );
    }
}

#[tokio::test]
async fn redirect_to_a_non_http_scheme_is_refused() {
    let server = Server::start(|_| Reply::redirect(302, "file:///etc/passwd")).await;
    match get(&server.url("/feed")).await {
        Err(FetchError::Redirect { reason, .. }) => {
            assert!(reason.contains("not http"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------- SSRF

#[tokio::test]
async fn private_target_refused_by_default_without_a_request() {
    let server = Server::start(|_| Reply::ok(rss(FEED_ITEM))).await;
    let f = Fetcher::new(FetcherConfig::default()).unwrap();
    let err = f
        .fetch(&server.url("/feed"), &Cursor::default())
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::PrivateAddress { .. }), "{err}");
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn redirect_from_an_allowed_host_to_a_private_one_is_refused() {
    // Only 127.0.0.1 is allowed (standing in for a public host, since the
    // test can only reach loopback); everything else private stays refused
    // on every hop, as with the default policy.
    let server = Server::start(|req| match req.path.as_str() {
        "/to-loopback-2" => {
            let port = req
                .header("host")
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap()
                .to_string();
            Reply::redirect(302, &format!("http://127.0.0.2:{port}/secret"))
        }
        "/to-metadata" => Reply::redirect(301, "http://169.254.169.254/latest/meta-data/"),
        "/to-ipv6-loopback" => Reply::redirect(307, "http://[::1]/admin"),
        "/to-decimal" => Reply::redirect(302, "http://2130706434/admin"),
        "/feed" => Reply::ok(rss(FEED_ITEM)),
        _ => Reply::new(404),
    })
    .await;
    let f = Fetcher::new(FetcherConfig {
        allowed_private_ips: vec!["127.0.0.1".parse().unwrap()],
        ..FetcherConfig::default()
    })
    .unwrap();
    // The allowed first hop really is fetched...
    let ok = fetched(f.fetch(&server.url("/feed"), &Cursor::default()).await);
    assert_eq!(titles(&parse_feed(&ok.body, None, "u").unwrap()), ["قطر"]);
    // ...and a redirect from it to any other private address is refused.
    for (path, addr) in [
        ("/to-loopback-2", "127.0.0.2"),
        ("/to-metadata", "169.254.169.254"),
        ("/to-ipv6-loopback", "::1"),
        ("/to-decimal", "127.0.0.2"),
    ] {
        match f.fetch(&server.url(path), &Cursor::default()).await {
            Err(FetchError::PrivateAddress { addr: refused, url }) => {
                assert_eq!(refused, addr, "{path}");
                assert!(url.contains("redirected to"), "{url}");
            }
            other => panic!("{path}: {other:?}"),
        }
    }
    // A private target that is not allowed is refused on the first hop too.
    let direct = format!("http://127.0.0.2:{}/feed", server.addr.port());
    let err = f.fetch(&direct, &Cursor::default()).await.unwrap_err();
    assert!(matches!(err, FetchError::PrivateAddress { .. }), "{err}");
}

// ---------------------------------------------------------------- politeness

#[tokio::test]
async fn per_host_concurrency_and_delay() {
    let server = Server::start(|_| Reply {
        status: 200,
        headers: Vec::new(),
        body: Body::Drip {
            chunk: b" ".to_vec(),
            every: Duration::from_millis(10),
            count: 10,
        },
    })
    .await;
    let f = Fetcher::new(FetcherConfig {
        per_host_concurrency: 1,
        per_host_delay: Duration::from_millis(100),
        read_timeout: Duration::from_secs(5),
        ..config()
    })
    .unwrap();
    let started = Instant::now();
    let (url, cursor) = (server.url("/feed"), Cursor::default());
    let fetches = (0..4).map(|_| f.fetch(&url, &cursor));
    for outcome in futures::future::join_all(fetches).await {
        fetched(outcome);
    }
    assert_eq!(server.max_in_flight.load(Ordering::SeqCst), 1);
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "four starts, 100 ms apart: {:?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------- charsets

#[tokio::test]
async fn windows_1256_feed_declared_in_the_prolog() {
    let feed = fetch_and_parse(fixture("rt-cp1256.xml"), "application/rss+xml").await;
    assert_eq!(feed.encoding, "windows-1256");
    assert_eq!(titles(&feed), CP1256_TITLES);
    assert!(feed.items[0].summary.contains("منظمة الصحة العالمية"));
}

#[tokio::test]
async fn iso_8859_6_feed_with_http_charset() {
    let feed = fetch_and_parse(
        fixture("rt-iso8859-6.xml"),
        "application/rss+xml; charset=ISO-8859-6",
    )
    .await;
    assert_eq!(feed.encoding, "ISO-8859-6");
    assert_eq!(titles(&feed), [ISO_8859_6_TITLE]);
}

#[tokio::test]
async fn wrong_http_charset_utf8_on_a_windows_1256_feed() {
    let feed = fetch_and_parse(fixture("rt-cp1256.xml"), "text/xml; charset=utf-8").await;
    assert_eq!(titles(&feed), CP1256_TITLES);
}

#[tokio::test]
async fn wrong_http_charset_latin1_on_a_utf8_feed() {
    let feed = fetch_and_parse(rss(FEED_ITEM).into_bytes(), "text/xml; charset=iso-8859-1").await;
    assert_eq!(feed.encoding, "UTF-8");
    assert_eq!(titles(&feed), ["قطر"]);
}

#[tokio::test]
async fn missing_charset_everywhere() {
    // UTF-8 with no label at all: XML's default.
    let utf8 = rss(FEED_ITEM).replace(" encoding=\"UTF-8\"", "");
    let feed = fetch_and_parse(utf8.into_bytes(), "application/xml").await;
    assert_eq!(titles(&feed), ["قطر"]);
    // windows-1256 with no label at all: sniffed as Arabic.
    let bytes = fixture("rt-cp1256.xml");
    let decl = b"<?xml version=\"1.0\" encoding=\"windows-1256\"?>";
    assert!(bytes.starts_with(decl));
    let mut unlabelled = b"<?xml version=\"1.0\"?>".to_vec();
    unlabelled.extend_from_slice(&bytes[decl.len()..]);
    let feed = fetch_and_parse(unlabelled, "text/xml").await;
    assert_eq!(feed.encoding, "windows-1256");
    assert_eq!(titles(&feed), CP1256_TITLES);
}

// ---------------------------------------------------------------- feed content

#[tokio::test]
async fn malformed_xml_is_a_parse_error() {
    let server = Server::start(|_| Reply::ok("<rss><channel><item><title>a</tit")).await;
    let f = fetched(get(&server.url("/feed")).await);
    let err = parse_feed(&f.body, None, &f.final_url).unwrap_err();
    assert!(matches!(err, FetchError::Parse { .. }), "{err}");
    assert!(err.to_string().contains(&server.url("/feed")), "{err}");
}

#[tokio::test]
async fn items_without_guid_or_link_get_stable_ids() {
    let items = "<item><title>بلا رابط</title><description>نص أ</description></item>\
                 <item><title>بلا رابط</title><description>نص ب</description></item>\
                 <item><description>لا عنوان</description></item>";
    let feed = fetch_and_parse(rss(items).into_bytes(), "application/rss+xml").await;
    let again = fetch_and_parse(rss(items).into_bytes(), "application/rss+xml").await;
    let ids: Vec<_> = feed.items.iter().map(|i| i.item_id.clone()).collect();
    let ids_again: Vec<_> = again.items.iter().map(|i| i.item_id.clone()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| id.starts_with("sha256:")), "{ids:?}");
    assert_eq!(ids, ids_again, "deterministic, never random");
    assert_ne!(ids[0], ids[1], "different text, different id");
    assert!(feed.items.iter().all(|i| i.url.is_none()));
}

#[tokio::test]
async fn duplicate_guids_within_a_feed_are_kept_once() {
    let items = "<item><title>first</title><guid isPermaLink=\"false\">g-1</guid></item>\
                 <item><title>second</title><guid isPermaLink=\"false\">g-2</guid></item>\
                 <item><title>first again</title><guid isPermaLink=\"false\">g-1</guid></item>";
    let feed = fetch_and_parse(rss(items).into_bytes(), "application/rss+xml").await;
    assert_eq!(titles(&feed), ["first", "second"], "first occurrence wins");
}

#[tokio::test]
async fn non_rfc_dates() {
    let items = "<item><title>a</title><link>https://x.com/a</link><pubDate>الثلاثاء، 4 مارس 2025 10:15</pubDate></item>\
                 <item><title>b</title><link>https://x.com/b</link><pubDate>4 آذار 2025 13:15 +0300</pubDate></item>\
                 <item><title>c</title><link>https://x.com/c</link><pubDate>2025-03-04 10:15:00</pubDate></item>\
                 <item><title>d</title><link>https://x.com/d</link><pubDate>Mon, 4 Mar 2025 10:15:00 GMT</pubDate></item>\
                 <item><title>e</title><link>https://x.com/e</link><pubDate>منذ ساعتين</pubDate></item>\
                 <item><title>f</title><link>https://x.com/f</link></item>";
    let feed = fetch_and_parse(rss(items).into_bytes(), "application/rss+xml").await;
    let dates: Vec<Option<String>> = feed
        .items
        .iter()
        .map(|i| i.published.map(|d| d.to_rfc3339()))
        .collect();
    let t = Some("2025-03-04T10:15:00+00:00".to_string());
    assert_eq!(
        dates,
        [t.clone(), t.clone(), t.clone(), t, None, None],
        "an item with no usable date keeps published: None"
    );
}
