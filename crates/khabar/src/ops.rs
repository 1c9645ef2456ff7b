//! The operator's HTTP endpoint: `/healthz`, `/metrics` (Prometheus text
//! format), `/feeds` (per-feed status as JSON) and the WebSub callback
//! `/websub`. A deliberately small HTTP/1.1 responder on tokio: one request
//! per connection, bodies capped.

use khabar_pipeline::Pipeline;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// Bind `addr` and answer until `cancel` fires.
pub async fn serve(
    addr: SocketAddr,
    pipeline: Arc<Pipeline>,
    cancel: CancellationToken,
) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    info!(%addr, "ops endpoint listening (/healthz, /metrics, /feeds)");
    tokio::spawn(async move {
        loop {
            let (mut stream, _) = tokio::select! {
                _ = cancel.cancelled() => return,
                accepted = listener.accept() => match accepted {
                    Ok(s) => s,
                    Err(e) => { warn!(error = %e, "ops accept failed"); continue; }
                },
            };
            let pipeline = Arc::clone(&pipeline);
            tokio::spawn(async move {
                let request =
                    match tokio::time::timeout(READ_TIMEOUT, read_request(&mut stream)).await {
                        Ok(Ok(r)) => r,
                        _ => return,
                    };
                let (status, content_type, body) = route(request, &pipeline).await;
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
            });
        }
    });
    Ok(())
}

const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// Largest request body accepted (a WebSub content push).
const MAX_BODY: usize = 10 * 1024 * 1024;

struct Request {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

async fn read_request(stream: &mut tokio::net::TcpStream) -> std::io::Result<Request> {
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buf.len() > 64 * 1024 {
            return Err(std::io::Error::other("request head too large"));
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split_whitespace();
    let method = first.next().unwrap_or_default().to_string();
    let target = first.next().unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    if length > MAX_BODY {
        return Err(std::io::Error::other("request body too large"));
    }
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    Ok(Request {
        method,
        path: path.to_string(),
        query: url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect(),
        headers,
        body,
    })
}

async fn route(req: Request, pipeline: &Pipeline) -> (&'static str, &'static str, String) {
    if req.path == "/websub" {
        return websub(req, pipeline).await;
    }
    respond(&req.path, pipeline)
}

/// WebSub callback: GET is the hub's verification of intent, POST a
/// content push (2xx even when refused, as the spec asks, so hubs do not
/// retry a forged or stale push).
async fn websub(req: Request, pipeline: &Pipeline) -> (&'static str, &'static str, String) {
    let feed = req.param("feed").unwrap_or_default().to_string();
    match req.method.as_str() {
        "GET" => {
            let mode = req.param("hub.mode").unwrap_or_default();
            let topic = req.param("hub.topic").unwrap_or_default();
            let lease = req.param("hub.lease_seconds").and_then(|l| l.parse().ok());
            match req.param("hub.challenge") {
                Some(challenge) if pipeline.websub_verify(&feed, mode, topic, lease) => {
                    ("200 OK", "text/plain", challenge.to_string())
                }
                _ => (
                    "404 Not Found",
                    "text/plain",
                    "unknown subscription\n".into(),
                ),
            }
        }
        "POST" => {
            let signature = req.header("X-Hub-Signature").map(str::to_string);
            let content_type = req.header("Content-Type").map(str::to_string);
            match pipeline
                .websub_push(&feed, req.body, content_type, signature.as_deref())
                .await
            {
                Ok(_) => ("202 Accepted", "text/plain", "ok\n".into()),
                Err(e) => {
                    warn!(feed, error = %e, "WebSub push not processed");
                    ("202 Accepted", "text/plain", "ignored\n".into())
                }
            }
        }
        _ => (
            "405 Method Not Allowed",
            "text/plain",
            "GET or POST\n".into(),
        ),
    }
}

fn respond(path: &str, pipeline: &Pipeline) -> (&'static str, &'static str, String) {
    match path {
        "/healthz" | "/readyz" => ("200 OK", "text/plain", "ok\n".into()),
        "/metrics" => ("200 OK", "text/plain; version=0.0.4", metrics(pipeline)),
        "/feeds" => (
            "200 OK",
            "application/json",
            serde_json::to_string_pretty(&pipeline.stats.feeds()).unwrap_or_default(),
        ),
        _ => (
            "404 Not Found",
            "text/plain",
            "try /healthz, /metrics or /feeds\n".into(),
        ),
    }
}

fn metrics(p: &Pipeline) -> String {
    let s = &p.stats;
    let mut out = String::new();
    let counters = [
        ("khabar_polls_total", "Feed polls.", s.polls.load(Relaxed)),
        (
            "khabar_poll_errors_total",
            "Feed polls that failed.",
            s.poll_errors.load(Relaxed),
        ),
        (
            "khabar_not_modified_total",
            "Polls answered 304 Not Modified.",
            s.not_modified.load(Relaxed),
        ),
        (
            "khabar_events_published_total",
            "item.created events acknowledged by the broker.",
            s.published.load(Relaxed),
        ),
        (
            "khabar_events_updated_total",
            "item.updated events acknowledged by the broker.",
            s.updated.load(Relaxed),
        ),
        (
            "khabar_dead_letters_total",
            "Items sent to the dead-letter topic.",
            s.dead_lettered.load(Relaxed),
        ),
        (
            "khabar_near_duplicates_suppressed_total",
            "Near-duplicates not published (suppress mode).",
            s.suppressed.load(Relaxed),
        ),
        (
            "khabar_delivery_failures_total",
            "Deliveries that failed and will be retried.",
            s.failed.load(Relaxed),
        ),
    ];
    for (name, help, value) in counters {
        let _ = writeln!(
            out,
            "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
        );
    }
    let feeds = s.feeds();
    let _ = writeln!(out, "# HELP khabar_feed_consecutive_errors Consecutive failed polls per feed.\n# TYPE khabar_feed_consecutive_errors gauge");
    for (url, st) in &feeds {
        let url = url.replace('\\', "\\\\").replace('"', "\\\"");
        let _ = writeln!(
            out,
            "khabar_feed_consecutive_errors{{feed=\"{url}\"}} {}",
            st.consecutive_errors
        );
    }
    out
}
