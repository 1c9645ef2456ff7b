//! Real parts for end-to-end tests: a feed server on loopback, the Kafka
//! broker named by `KHABAR_TEST_BROKERS` (started by `tests/run`), a private
//! tansu for outage tests, and an rdkafka reader that reads a topic to its end.
#![allow(dead_code)]

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::{Offset, TopicPartitionList};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

pub fn sample(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("config/samples").join(name)).expect("sample feed")
}

/// The broker every e2e test needs. Absent: the test fails, loudly.
pub fn brokers() -> String {
    std::env::var("KHABAR_TEST_BROKERS").unwrap_or_else(|_| {
        panic!("KHABAR_TEST_BROKERS is not set: these tests need a real Kafka-protocol broker. Run `bash tests/run`, which starts tansu and sets it.")
    })
}

pub fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "e2e-{name}-{}-{}",
        std::process::id(),
        nanos % 1_000_000_000
    )
}

/// Poll `cond` until it holds, failing after `limit`. Synchronises on an
/// observable condition, never on elapsed time alone.
pub fn wait_for(what: &str, limit: Duration, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !cond() {
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

// ---------------------------------------------------------------- feeds --

#[derive(Clone, Debug)]
pub struct Route {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: String,
    pub etag: Option<String>,
    pub location: Option<String>,
}

impl Route {
    pub fn xml(body: Vec<u8>) -> Self {
        let etag = Some(format!("\"{:x}\"", fxhash(&body)));
        Route {
            status: 200,
            body,
            content_type: "application/rss+xml".into(),
            etag,
            location: None,
        }
    }
    pub fn redirect(status: u16, to: &str) -> Self {
        Route {
            location: Some(to.to_string()),
            ..Route::status(status)
        }
    }

    pub fn status(status: u16) -> Self {
        Route {
            status,
            body: b"error".to_vec(),
            content_type: "text/plain".into(),
            etag: None,
            location: None,
        }
    }
}

fn fxhash(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf29ce484222325u64, |h, x| {
        (h ^ *x as u64).wrapping_mul(0x100000001b3)
    })
}

/// A real HTTP/1.1 server on 127.0.0.1, serving mutable routes, honouring
/// If-None-Match with 304, counting requests per path.
pub struct FeedServer {
    pub addr: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    pub not_modified: Arc<AtomicUsize>,
}

impl FeedServer {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().unwrap().to_string();
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let not_modified = Arc::new(AtomicUsize::new(0));
        let (r, h, nm) = (routes.clone(), hits.clone(), not_modified.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, h, nm) = (r.clone(), h.clone(), nm.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, &r, &h, &nm);
                });
            }
        });
        FeedServer {
            addr,
            routes,
            hits,
            not_modified,
        }
    }

    pub fn set(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_string(), route);
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn serve(
    stream: TcpStream,
    routes: &Mutex<HashMap<String, Route>>,
    hits: &Mutex<HashMap<String, usize>>,
    not_modified: &AtomicUsize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut if_none_match = None;
        let mut content_length = 0usize;
        loop {
            let mut h = String::new();
            reader.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                match k.trim().to_ascii_lowercase().as_str() {
                    "if-none-match" => if_none_match = Some(v.trim().to_string()),
                    "content-length" => content_length = v.trim().parse().unwrap_or(0),
                    _ => {}
                }
            }
        }
        let mut sink = vec![0; content_length];
        reader.read_exact(&mut sink)?;
        *hits.lock().unwrap().entry(path.clone()).or_default() += 1;
        let route = routes
            .lock()
            .unwrap()
            .get(&path)
            .cloned()
            .unwrap_or_else(|| Route::status(404));
        let mut head = String::new();
        let body: &[u8] =
            if route.status == 200 && route.etag.is_some() && if_none_match == route.etag {
                not_modified.fetch_add(1, Ordering::SeqCst);
                head.push_str("HTTP/1.1 304 Not Modified\r\n");
                b""
            } else {
                head.push_str(&format!(
                    "HTTP/1.1 {} X\r\nContent-Type: {}\r\n",
                    route.status, route.content_type
                ));
                &route.body
            };
        if let Some(l) = &route.location {
            head.push_str(&format!("Location: {l}\r\n"));
        }
        if let Some(e) = &route.etag {
            head.push_str(&format!("ETag: {e}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)?;
        stream.flush()?;
    }
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// One HTTP/1.1 request to `addr`; `None` when nothing answers.
pub fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).ok()?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).ok()?;
    s.write_all(body).ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.split_whitespace().nth(1)?.parse().ok()?;
    let body = out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}

// ---------------------------------------------------------------- khabar --

pub struct Khabar {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
}

impl Khabar {
    /// A config for `feeds`, with a fresh state dir.
    pub fn new(feeds: &[String], extra: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = String::from("[fetch]\nallow_private_networks = true\ntimeout = \"10s\"\n");
        cfg.push_str(extra);
        for f in feeds {
            cfg.push_str(&format!("\n[[feeds]]\nurl = \"{f}\"\ninterval = \"1s\"\n"));
        }
        let config = dir.path().join("khabar.toml");
        std::fs::write(&config, cfg).unwrap();
        Khabar { dir, config }
    }

    pub fn command(&self, brokers: &str, topic: &str) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_khabar"));
        c.arg("run")
            .arg("--config")
            .arg(&self.config)
            .args(["--brokers", brokers, "--topic", topic])
            .arg("--state-dir")
            .arg(self.dir.path().join("state"))
            .env("KHABAR_LOG", "info,rdkafka=error");
        c
    }

    /// `khabar run --once`; returns (exit code, stderr).
    pub fn once(&self, brokers: &str, topic: &str) -> (i32, String) {
        let out = self
            .command(brokers, topic)
            .arg("--once")
            .stdout(Stdio::null())
            .output()
            .expect("run khabar");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn spawn(&self, brokers: &str, topic: &str) -> Running {
        let log = std::fs::File::create(self.dir.path().join("khabar.log")).unwrap();
        self.command(brokers, topic)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map(Running)
            .expect("spawn khabar")
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("khabar.log")).unwrap_or_default()
    }
}

/// A running khabar, killed when the test ends however it ends (a failed
/// assertion must not leave a daemon behind).
pub struct Running(pub Child);

impl std::ops::Deref for Running {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl std::ops::DerefMut for Running {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

pub fn sigterm(child: &Child) {
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -TERM failed");
}

// ---------------------------------------------------------------- kafka --

#[derive(Debug, Clone)]
pub struct Record {
    pub key: String,
    pub value: serde_json::Value,
    pub headers: HashMap<String, String>,
    pub partition: i32,
}

/// Read `topic` from the beginning to its end: until every partition has
/// reported end-of-partition (librdkafka's EOF comes from the fetch
/// response's high watermark; tansu's ListOffsets answer is not reliable).
pub fn read_topic(brokers: &str, topic: &str) -> Vec<Record> {
    try_read_topic(brokers, topic).unwrap_or_else(|e| panic!("{e}"))
}

pub fn try_read_topic(brokers: &str, topic: &str) -> Result<Vec<Record>, String> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("reader"))
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "true")
        .create()
        .map_err(|e| format!("consumer: {e}"))?;
    let timeout = Duration::from_secs(15);
    let md = consumer
        .fetch_metadata(Some(topic), timeout)
        .map_err(|e| format!("metadata: {e}"))?;
    let t = md
        .topics()
        .iter()
        .find(|t| t.name() == topic)
        .ok_or_else(|| format!("topic {topic} not in metadata"))?;
    if let Some(e) = t.error() {
        return Err(format!("topic {topic} missing: {e:?}"));
    }
    let mut tpl = TopicPartitionList::new();
    let mut at_end: HashMap<i32, bool> = HashMap::new();
    for p in t.partitions() {
        tpl.add_partition_offset(topic, p.id(), Offset::Beginning)
            .map_err(|e| e.to_string())?;
        at_end.insert(p.id(), false);
    }
    consumer.assign(&tpl).map_err(|e| format!("assign: {e}"))?;
    let mut out = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while at_end.values().any(|e| !e) {
        if Instant::now() > deadline {
            return Err(format!("could not read {topic} to its end: {at_end:?}"));
        }
        let Some(msg) = consumer.poll(Duration::from_millis(500)) else {
            continue;
        };
        let msg = match msg {
            Ok(m) => m,
            Err(rdkafka::error::KafkaError::PartitionEOF(p)) => {
                at_end.insert(p, true);
                continue;
            }
            Err(e) => return Err(format!("consume {topic}: {e}")),
        };
        at_end.insert(msg.partition(), false);
        let mut headers = HashMap::new();
        if let Some(h) = msg.headers() {
            for hd in h.iter() {
                headers.insert(
                    hd.key.to_string(),
                    String::from_utf8_lossy(hd.value.unwrap_or_default()).into_owned(),
                );
            }
        }
        out.push(Record {
            key: String::from_utf8_lossy(msg.key().unwrap_or_default()).into_owned(),
            value: serde_json::from_slice(msg.payload().unwrap_or_default()).expect("JSON value"),
            headers,
            partition: msg.partition(),
        });
    }
    Ok(out)
}

/// How many records `topic` holds now.
pub fn topic_len(brokers: &str, topic: &str) -> i64 {
    let exists = {
        let consumer: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", brokers)
            .create()
            .expect("consumer");
        consumer
            .fetch_metadata(Some(topic), Duration::from_secs(5))
            .ok()
            .is_some_and(|md| {
                md.topics()
                    .iter()
                    .any(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty())
            })
    };
    if !exists {
        return 0;
    }
    try_read_topic(brokers, topic).map_or(-1, |r| r.len() as i64)
}

// ---------------------------------------------------------------- tansu --

/// A private tansu broker with SQLite storage, so its data survives a restart.
pub struct Tansu {
    pub port: u16,
    pub dir: tempfile::TempDir,
    child: Option<Child>,
}

pub fn tansu_bin() -> String {
    std::env::var("KHABAR_TANSU_BIN").unwrap_or_else(|_| "tansu".into())
}

impl Tansu {
    pub fn start() -> Self {
        let port = free_port();
        let mut t = Tansu {
            port,
            dir: tempfile::tempdir().unwrap(),
            child: None,
        };
        t.restart();
        t
    }

    pub fn brokers(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn restart(&mut self) {
        let url = format!("tcp://127.0.0.1:{}", self.port);
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("tansu.log"))
            .unwrap();
        let child = Command::new(tansu_bin())
            .args([
                "broker",
                "--storage-engine",
                "sqlite://tansu.db",
                "--listener-url",
                &url,
                "--advertised-listener-url",
                &url,
            ])
            .current_dir(self.dir.path())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start tansu ({}): {e}; `bash tests/run` installs it",
                    tansu_bin()
                )
            });
        self.child = Some(child);
        let addr = format!("127.0.0.1:{}", self.port);
        wait_for("tansu to listen", Duration::from_secs(30), || {
            TcpStream::connect(&addr).is_ok()
        });
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Tansu {
    fn drop(&mut self) {
        self.stop();
    }
}
