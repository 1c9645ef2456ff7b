//! A local farm of RSS feeds for the scale benchmark (`bench/scale.sh`).
//!
//! Serves `N` feeds at `http://<addr>:<port>/feed/{i}.xml` over a minimal
//! hand-written HTTP/1.1 (keep-alive, `If-None-Match` → 304), each a small
//! RSS document of 10 items with Arabic titles and a stable ETag. Every
//! `--change-every` seconds a rotating `--change-fraction` of the feeds gets
//! one new item (and so a new ETag), so most polls of a running poller are
//! answered 304.
//!
//! It counts requests per feed and keeps the time of the first and the last
//! request of each and the largest gap between two consecutive requests, to
//! tell whether every feed was polled within its interval.
//!
//! ```text
//! feed_farm --feeds 10000 --addrs 16 --port 18080 --interval 300 \
//!           --change-fraction 0.01 --change-every 60 [--deadline SECS]
//! ```
//! Every address 127.0.0.1 ..= 127.0.0.<addrs> serves every feed (Linux
//! routes all of 127/8 to loopback), so a client can spread feeds over
//! "hosts" and per-host limits.
//!
//! Signals: SIGUSR1 prints a one-line `snapshot` (totals so far); SIGINT or
//! SIGTERM (or the deadline) prints the full `report` and exits.
//! Lines are written to stdout and flushed at once.

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

const ITEMS_PER_FEED: u32 = 10;
const NEVER: u64 = u64::MAX;

#[derive(Debug, Clone)]
struct Args {
    feeds: u32,
    addrs: u8,
    port: u16,
    interval: Duration,
    change_fraction: f64,
    change_every: Duration,
    deadline: Option<Duration>,
}

fn parse_args() -> Args {
    let mut a = Args {
        feeds: 10_000,
        addrs: 16,
        port: 18080,
        interval: Duration::from_secs(300),
        change_fraction: 0.01,
        change_every: Duration::from_secs(60),
        deadline: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--feeds" => a.feeds = num(&val()),
            "--addrs" => a.addrs = num(&val()),
            "--port" => a.port = num(&val()),
            "--interval" => a.interval = Duration::from_secs_f64(num(&val())),
            "--change-fraction" => a.change_fraction = num(&val()),
            "--change-every" => a.change_every = Duration::from_secs_f64(num(&val())),
            "--deadline" => a.deadline = Some(Duration::from_secs_f64(num(&val()))),
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if a.addrs == 0 || a.feeds == 0 {
        usage("--feeds and --addrs must be positive");
    }
    a
}

fn num<T: std::str::FromStr>(s: &str) -> T {
    s.parse()
        .unwrap_or_else(|_| usage(&format!("not a number: {s}")))
}

fn usage(msg: &str) -> ! {
    eprintln!("{msg}\nusage: feed_farm [--feeds N] [--addrs K] [--port P] [--interval SECS] [--change-fraction F] [--change-every SECS] [--deadline SECS]");
    std::process::exit(2)
}

/// Per-feed counters. Times are milliseconds since the farm started.
struct FeedStats {
    /// Number of changes so far: the feed lists items `version .. version+10`.
    version: AtomicU32,
    requests: AtomicU64,
    ok: AtomicU64,
    not_modified: AtomicU64,
    first_ms: AtomicU64,
    last_ms: AtomicU64,
    max_gap_ms: AtomicU64,
}

struct Farm {
    args: Args,
    started: Instant,
    started_wall: chrono::DateTime<chrono::Utc>,
    feeds: Vec<FeedStats>,
    other_requests: AtomicU64,
    connections: AtomicU64,
    bytes_out: AtomicU64,
    /// Change ticks so far.
    ticks: AtomicU64,
}

impl Farm {
    fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn record(&self, i: usize, not_modified: bool) {
        let f = &self.feeds[i];
        let now = self.now_ms();
        f.requests.fetch_add(1, Relaxed);
        if not_modified {
            f.not_modified.fetch_add(1, Relaxed);
        } else {
            f.ok.fetch_add(1, Relaxed);
        }
        let _ = f.first_ms.compare_exchange(NEVER, now, Relaxed, Relaxed);
        let prev = f.last_ms.swap(now, Relaxed);
        if prev != NEVER {
            f.max_gap_ms.fetch_max(now.saturating_sub(prev), Relaxed);
        }
    }

    fn etag(&self, i: usize) -> String {
        format!("\"f{i}-v{}\"", self.feeds[i].version.load(Relaxed))
    }

    /// The RSS document of feed `i` at its current version.
    fn body(&self, i: usize, host: &str) -> String {
        let v = self.feeds[i].version.load(Relaxed);
        let mut s = String::with_capacity(6 * 1024);
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n");
        s.push_str(&format!(
            "<title>مزرعة الأخبار {i}</title><link>http://{host}/</link><description>خلاصة تجريبية رقم {i}</description><language>ar</language>\n"
        ));
        // Newest first.
        for j in (v..v + ITEMS_PER_FEED).rev() {
            let (title, text) = story(i as u32, j);
            // Item j appeared j change-ticks after the farm started (roughly).
            let published = self.started_wall - chrono::Duration::hours(1)
                + chrono::Duration::from_std(self.args.change_every * j).unwrap_or_default();
            s.push_str(&format!(
                "<item><title>{title}</title><link>http://{host}/news/{i}/{j}.html</link><guid isPermaLink=\"true\">http://{host}/news/{i}/{j}.html</guid><pubDate>{}</pubDate><category>اقتصاد</category><description>{text}</description></item>\n",
                published.to_rfc2822()
            ));
        }
        s.push_str("</channel></rss>\n");
        s
    }

    fn snapshot(&self) -> String {
        let (mut req, mut ok, mut nm, mut polled) = (0u64, 0u64, 0u64, 0u64);
        for f in &self.feeds {
            let r = f.requests.load(Relaxed);
            req += r;
            ok += f.ok.load(Relaxed);
            nm += f.not_modified.load(Relaxed);
            polled += u64::from(r > 0);
        }
        format!(
            "snapshot t={:.1}s requests={req} ok={ok} not_modified={nm} feeds_polled={polled} other={} connections={} bytes_out={} changes={}",
            self.started.elapsed().as_secs_f64(),
            self.other_requests.load(Relaxed),
            self.connections.load(Relaxed),
            self.bytes_out.load(Relaxed),
            self.ticks.load(Relaxed),
        )
    }

    /// Was every feed polled within its interval? Gap = time between two
    /// consecutive requests of one feed; `tolerance` absorbs the poll's own
    /// duration (khabar sleeps `interval` after a poll completes).
    fn report(&self) -> String {
        let now = self.now_ms();
        let interval_ms = self.args.interval.as_millis() as u64;
        let tol_ms = 1000u64.max(interval_ms / 100);
        let global_first = self
            .feeds
            .iter()
            .map(|f| f.first_ms.load(Relaxed))
            .min()
            .unwrap_or(NEVER);
        let mut never = 0u32;
        let mut once = 0u32;
        let mut gaps: Vec<u64> = Vec::new();
        let mut max_first_delay = 0u64;
        let mut max_overdue = 0u64;
        let mut late_gap = 0u32;
        let mut late_gap_strict = 0u32;
        let mut overdue_at_end = 0u32;
        let mut first_late = 0u32;
        let mut worst: Option<(usize, u64)> = None;
        for (i, f) in self.feeds.iter().enumerate() {
            let first = f.first_ms.load(Relaxed);
            if first == NEVER {
                never += 1;
                continue;
            }
            let delay = first - global_first;
            max_first_delay = max_first_delay.max(delay);
            if delay > interval_ms {
                first_late += 1;
            }
            let since_last = now.saturating_sub(f.last_ms.load(Relaxed));
            max_overdue = max_overdue.max(since_last);
            if since_last > interval_ms + tol_ms {
                overdue_at_end += 1;
            }
            if f.requests.load(Relaxed) < 2 {
                once += 1;
                continue;
            }
            let g = f.max_gap_ms.load(Relaxed);
            if g > interval_ms {
                late_gap_strict += 1;
            }
            if g > interval_ms + tol_ms {
                late_gap += 1;
            }
            if worst.is_none_or(|(_, m)| g > m) {
                worst = Some((i, g));
            }
            gaps.push(g);
        }
        gaps.sort_unstable();
        let pct = |p: f64| -> f64 {
            if gaps.is_empty() {
                return f64::NAN;
            }
            let k = ((gaps.len() - 1) as f64 * p).round() as usize;
            gaps[k] as f64 / 1e3
        };
        let all_ok = never == 0 && first_late == 0 && late_gap == 0 && overdue_at_end == 0;
        format!(
            "{}\nreport feeds={} interval={}s tolerance={:.1}s never_polled={never} polled_once={once} \
             first_poll_spread_max={:.1}s first_poll_late={first_late} \
             max_gap_p50={:.1}s max_gap_p99={:.1}s max_gap_max={:.1}s (feed {}) \
             gaps_over_interval={late_gap_strict} gaps_over_interval_plus_tol={late_gap} \
             max_since_last_at_end={:.1}s overdue_at_end={overdue_at_end} \
             every_feed_within_interval={}",
            self.snapshot(),
            self.feeds.len(),
            self.args.interval.as_secs_f64(),
            tol_ms as f64 / 1e3,
            max_first_delay as f64 / 1e3,
            pct(0.5),
            pct(0.99),
            pct(1.0),
            worst.map_or("-".to_string(), |(i, _)| i.to_string()),
            max_overdue as f64 / 1e3,
            if all_ok { "yes" } else { "no" },
        )
    }
}

/// A deterministic Arabic headline and summary for item `j` of feed `i`.
fn story(i: u32, j: u32) -> (String, String) {
    const WHO: [&str; 6] = [
        "وزير المالية السعودي",
        "الرئيس فلاديمير بوتين",
        "البنك المركزي المصري",
        "منظمة أوبك",
        "وزارة الاقتصاد الإماراتية",
        "رئيس الوزراء العراقي",
    ];
    const WHAT: [&str; 6] = [
        "يعلن خطة لدعم الصادرات",
        "يبحث التعاون الاقتصادي مع تركيا",
        "يرفع سعر الفائدة",
        "تقرر خفض الإنتاج",
        "تطلق برنامجا للاستثمار",
        "يفتتح مشروعا للطاقة في البصرة",
    ];
    let h = i
        .wrapping_mul(2_654_435_761)
        .wrapping_add(j.wrapping_mul(40_503));
    let who = WHO[(h % 6) as usize];
    let what = WHAT[((h / 7) % 6) as usize];
    let amount = 1 + (h / 49) % 90;
    let pct = 1 + (h / 4410) % 30;
    let title = format!("{who} {what} بقيمة {amount} مليار دولار ({i}/{j})");
    let text = format!(
        "قال {who} يوم الأربعاء إن الحكومة {what} بقيمة {amount} مليار دولار، بعد ارتفاع التجارة بنسبة {pct}٪ خلال العام الماضي. الخبر رقم {j} في الخلاصة {i}."
    );
    (title, text)
}

async fn serve(farm: Arc<Farm>, stream: TcpStream) {
    farm.connections.fetch_add(1, Relaxed);
    let _ = stream.set_nodelay(true);
    let (rd, mut wr) = stream.into_split();
    let mut rd = BufReader::new(rd);
    let mut line = String::new();
    loop {
        // Request line.
        line.clear();
        match rd.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let request_line = line.trim_end().to_string();
        if request_line.is_empty() {
            continue;
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let version = parts.next().unwrap_or("HTTP/1.0").to_string();
        let mut keep_alive = version == "HTTP/1.1";
        let mut if_none_match: Option<String> = None;
        let mut host = String::from("localhost");
        let mut header_bytes = 0usize;
        loop {
            line.clear();
            match rd.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(n) => header_bytes += n,
            }
            if header_bytes > 64 * 1024 {
                return;
            }
            let h = line.trim_end();
            if h.is_empty() {
                break;
            }
            let Some((name, value)) = h.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.to_string());
            } else if name.eq_ignore_ascii_case("host") {
                host = value.to_string();
            } else if name.eq_ignore_ascii_case("connection") {
                let v = value.to_ascii_lowercase();
                if v.contains("close") {
                    keep_alive = false;
                } else if v.contains("keep-alive") {
                    keep_alive = true;
                }
            }
        }
        let feed = path
            .strip_prefix("/feed/")
            .and_then(|p| p.strip_suffix(".xml"))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|&n| n < farm.feeds.len());
        let conn = if keep_alive { "keep-alive" } else { "close" };
        let response: Vec<u8> = match (method.as_str(), feed) {
            ("GET" | "HEAD", Some(i)) => {
                let etag = farm.etag(i);
                let matches = if_none_match
                    .as_deref()
                    .is_some_and(|v| v == "*" || v.split(',').any(|t| t.trim() == etag));
                farm.record(i, matches);
                if matches {
                    format!(
                        "HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nCache-Control: no-cache\r\nConnection: {conn}\r\n\r\n"
                    )
                    .into_bytes()
                } else {
                    let body = farm.body(i, &host);
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nContent-Length: {}\r\nETag: {etag}\r\nCache-Control: no-cache\r\nConnection: {conn}\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    if method == "GET" {
                        r.extend_from_slice(body.as_bytes());
                    }
                    r
                }
            }
            _ => {
                farm.other_requests.fetch_add(1, Relaxed);
                format!("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: {conn}\r\n\r\n")
                    .into_bytes()
            }
        };
        farm.bytes_out.fetch_add(response.len() as u64, Relaxed);
        if wr.write_all(&response).await.is_err() {
            return;
        }
        if !keep_alive {
            let _ = wr.shutdown().await;
            return;
        }
    }
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let args = parse_args();
    let farm = Arc::new(Farm {
        started: Instant::now(),
        started_wall: chrono::Utc::now(),
        feeds: (0..args.feeds)
            .map(|_| FeedStats {
                version: AtomicU32::new(0),
                requests: AtomicU64::new(0),
                ok: AtomicU64::new(0),
                not_modified: AtomicU64::new(0),
                first_ms: AtomicU64::new(NEVER),
                last_ms: AtomicU64::new(NEVER),
                max_gap_ms: AtomicU64::new(0),
            })
            .collect(),
        other_requests: AtomicU64::new(0),
        connections: AtomicU64::new(0),
        bytes_out: AtomicU64::new(0),
        ticks: AtomicU64::new(0),
        args: args.clone(),
    });

    for k in 1..=args.addrs {
        let addr = SocketAddr::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, k)), args.port);
        let listener = TcpListener::bind(addr).await?;
        let farm = Arc::clone(&farm);
        tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok((s, _)) => {
                        tokio::spawn(serve(Arc::clone(&farm), s));
                    }
                    Err(e) => {
                        eprintln!("feed_farm: accept on {addr}: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
        });
    }

    // Changes: every tick, the next `fraction * feeds` feeds (rotating) get a new item.
    {
        let farm = Arc::clone(&farm);
        let per_tick = ((args.feeds as f64 * args.change_fraction).round() as u32).min(args.feeds);
        tokio::spawn(async move {
            if per_tick == 0 {
                return;
            }
            let mut next = 0u32;
            let mut t = tokio::time::interval_at(
                tokio::time::Instant::now() + farm.args.change_every,
                farm.args.change_every,
            );
            loop {
                t.tick().await;
                for _ in 0..per_tick {
                    farm.feeds[next as usize].version.fetch_add(1, Relaxed);
                    next = (next + 1) % farm.args.feeds;
                }
                farm.ticks.fetch_add(1, Relaxed);
            }
        });
    }

    say(&format!(
        "feed_farm: {} feeds on 127.0.0.1..=127.0.0.{}:{} interval={}s change {}×{} every {}s",
        args.feeds,
        args.addrs,
        args.port,
        args.interval.as_secs_f64(),
        args.change_fraction,
        args.feeds,
        args.change_every.as_secs_f64()
    ));

    let mut usr1 = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::user_defined1())?;
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    let deadline = async {
        match args.deadline {
            Some(d) => tokio::time::sleep(d).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            _ = usr1.recv() => say(&farm.snapshot()),
            _ = tokio::signal::ctrl_c() => break,
            _ = term.recv() => break,
            _ = &mut deadline => break,
        }
    }
    say(&farm.report());
    Ok(())
}
