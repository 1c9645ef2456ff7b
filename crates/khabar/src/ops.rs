//! The operator's HTTP endpoint: `/healthz`, `/metrics` (Prometheus text
//! format) and `/feeds` (per-feed status as JSON). A deliberately small
//! HTTP/1.1 responder on tokio: GET only, one request per connection.

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
                let mut buf = vec![0u8; 4096];
                let n = match tokio::time::timeout(
                    std::time::Duration::from_secs(5),
                    stream.read(&mut buf),
                )
                .await
                {
                    Ok(Ok(n)) => n,
                    _ => return,
                };
                let request = String::from_utf8_lossy(&buf[..n]);
                let path = request.split_whitespace().nth(1).unwrap_or("/");
                let (status, content_type, body) = respond(path, &pipeline);
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
