//! The configuration file, validated once at start-up. Every problem is
//! reported at once, each with the fix in the message.

use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn duration<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let s = String::deserialize(d)?;
    humantime::parse_duration(&s).map_err(|e| {
        serde::de::Error::custom(format!(
            "{s:?} is not a duration like \"90s\" or \"5m\": {e}"
        ))
    })
}

fn opt_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    duration(d).map(Some)
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where events go.
    #[serde(default)]
    pub output: OutputConfig,
    #[serde(default)]
    pub kafka: KafkaSection,
    #[serde(default)]
    pub state: StateSection,
    #[serde(default)]
    pub fetch: FetchSection,
    #[serde(default)]
    pub extract: ExtractSection,
    #[serde(default)]
    pub shutdown: ShutdownSection,
    #[serde(default)]
    pub ops: OpsSection,
    #[serde(default)]
    pub dedup: DedupSection,
    #[serde(default)]
    pub websub: WebSubSection,
    /// The feeds to poll.
    #[serde(default)]
    pub feeds: Vec<FeedEntry>,
}

/// `[output]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputConfig {
    /// `kafka` (default) or `stdout` (JSON lines, for trying khabar offline).
    #[serde(default = "default_sink")]
    pub sink: SinkKind,
}

impl Default for OutputConfig {
    fn default() -> Self {
        Self {
            sink: default_sink(),
        }
    }
}

fn default_sink() -> SinkKind {
    SinkKind::Kafka
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SinkKind {
    Kafka,
    Stdout,
}

/// `[kafka]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KafkaSection {
    /// Bootstrap servers, `host:port[,host:port]`. Overridden by `--brokers` / `KHABAR_BROKERS`.
    #[serde(default = "default_brokers")]
    pub brokers: String,
    /// Topic for events. Overridden by `--topic` / `KHABAR_TOPIC`.
    #[serde(default = "default_topic")]
    pub topic: String,
    /// Topic for items that cannot be processed or published.
    #[serde(default)]
    pub dead_letter_topic: Option<String>,
    /// Create missing topics at start-up.
    #[serde(default = "yes")]
    pub create_topics: bool,
    /// Partitions of topics khabar creates.
    #[serde(default = "default_partitions")]
    pub partitions: i32,
    /// Replication factor of topics khabar creates.
    #[serde(default = "default_replication")]
    pub replication_factor: i32,
    /// How long librdkafka retries one message before reporting it failed.
    #[serde(default = "default_message_timeout", deserialize_with = "duration")]
    pub message_timeout: Duration,
    /// Bound on messages queued in the producer.
    #[serde(default = "default_queue")]
    pub queue_max_messages: usize,
    /// Extra librdkafka properties, e.g. `"security.protocol" = "SASL_SSL"`.
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
    /// Routing rules, first match wins; `topic` otherwise. `{lang}` in a
    /// topic is replaced by the item's language.
    #[serde(default)]
    pub routes: Vec<RouteEntry>,
}

/// One `[[kafka.routes]]` table: every condition given must hold.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteEntry {
    /// Feed URL the item was found in.
    #[serde(default)]
    pub feed: Option<String>,
    /// Item language (`ar`, `en`, ...).
    #[serde(default)]
    pub lang: Option<String>,
    /// One of the item's categories.
    #[serde(default)]
    pub category: Option<String>,
    pub topic: String,
}

fn default_brokers() -> String {
    "127.0.0.1:9092".into()
}
fn default_topic() -> String {
    "khabar.events".into()
}
fn yes() -> bool {
    true
}
fn default_partitions() -> i32 {
    3
}
fn default_replication() -> i32 {
    1
}
fn default_message_timeout() -> Duration {
    Duration::from_secs(300)
}
fn default_queue() -> usize {
    10_000
}

impl Default for KafkaSection {
    fn default() -> Self {
        toml::from_str("").expect("defaults deserialize from an empty table")
    }
}

/// `[state]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateSection {
    /// `embedded` (default, persistent, under `dir`), `redis` (shared by
    /// replicas) or `memory` (forgets at exit).
    #[serde(default = "default_backend")]
    pub backend: StateBackend,
    /// Directory of the embedded store. Overridden by `--state-dir` / `KHABAR_STATE_DIR`.
    #[serde(default = "default_state_dir")]
    pub dir: PathBuf,
    /// Redis URL for the `redis` backend.
    #[serde(default = "default_redis_url")]
    pub redis_url: String,
    /// Prefix of every Redis key, to share one Redis between deployments.
    #[serde(default = "default_redis_prefix")]
    pub redis_prefix: String,
    /// Forget items not seen in any feed for this long.
    #[serde(default = "default_retention", deserialize_with = "duration")]
    pub retention: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StateBackend {
    Embedded,
    Redis,
    Memory,
}

fn default_backend() -> StateBackend {
    StateBackend::Embedded
}
fn default_state_dir() -> PathBuf {
    PathBuf::from("/var/lib/khabar")
}
fn default_redis_url() -> String {
    "redis://127.0.0.1:6379/".into()
}
fn default_redis_prefix() -> String {
    "khabar:".into()
}
fn default_retention() -> Duration {
    Duration::from_secs(30 * 24 * 3600)
}

impl Default for StateSection {
    fn default() -> Self {
        toml::from_str("").expect("defaults deserialize from an empty table")
    }
}

/// `[fetch]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchSection {
    /// Fetch from loopback and private addresses (tests, local setups).
    #[serde(default)]
    pub allow_private_networks: bool,
    /// Sent with every request; include a contact URL.
    #[serde(default)]
    pub user_agent: Option<String>,
    #[serde(default = "default_connect_timeout", deserialize_with = "duration")]
    pub connect_timeout: Duration,
    /// Whole-request timeout.
    #[serde(default = "default_timeout", deserialize_with = "duration")]
    pub timeout: Duration,
    /// Cap on a decompressed response body.
    #[serde(default = "default_max_body")]
    pub max_body_bytes: usize,
    #[serde(default = "default_redirects")]
    pub max_redirects: usize,
    /// Fetches in flight at once.
    #[serde(default = "default_concurrency")]
    pub concurrency: usize,
    /// Poll interval of feeds that set none.
    #[serde(default = "default_interval", deserialize_with = "duration")]
    pub default_interval: Duration,
    /// Longest wait between polls of a failing feed.
    #[serde(default = "default_max_backoff", deserialize_with = "duration")]
    pub max_backoff: Duration,
    /// Longest wait for the next bytes (headers or body): cuts off stalls.
    #[serde(default = "default_read_timeout", deserialize_with = "duration")]
    pub read_timeout: Duration,
    /// Private addresses allowed even when allow_private_networks is false
    /// (an internal feed proxy, say).
    #[serde(default)]
    pub allowed_private_ips: Vec<std::net::IpAddr>,
    /// Requests in flight to one host at once; 0 = no limit.
    #[serde(default = "default_per_host")]
    pub per_host_concurrency: usize,
    /// Minimum time between two requests to one host.
    #[serde(default = "zero", deserialize_with = "duration")]
    pub per_host_delay: Duration,
    /// Poll no more often than this, whatever the hints say.
    #[serde(default = "default_min_interval", deserialize_with = "duration")]
    pub min_interval: Duration,
    /// Poll at least this often (a quiet or failing feed is still polled).
    #[serde(default = "default_max_interval", deserialize_with = "duration")]
    pub max_interval: Duration,
    /// Never poll more often than the feed asks (`<ttl>`, `sy:updatePeriod`,
    /// `Cache-Control: max-age`, `Expires`).
    #[serde(default = "yes")]
    pub respect_feed_hints: bool,
    /// Space polls by each feed's observed item rate (one poll per expected
    /// new item), within min_interval and max_interval.
    #[serde(default)]
    pub adaptive: bool,
}

fn default_read_timeout() -> Duration {
    Duration::from_secs(15)
}
fn default_per_host() -> usize {
    4
}
fn zero() -> Duration {
    Duration::ZERO
}
fn default_min_interval() -> Duration {
    Duration::from_secs(1)
}
fn default_max_interval() -> Duration {
    Duration::from_secs(24 * 3600)
}

fn default_connect_timeout() -> Duration {
    Duration::from_secs(10)
}
fn default_timeout() -> Duration {
    Duration::from_secs(30)
}
fn default_max_body() -> usize {
    10 * 1024 * 1024
}
fn default_redirects() -> usize {
    5
}
fn default_concurrency() -> usize {
    16
}
fn default_interval() -> Duration {
    Duration::from_secs(300)
}
fn default_max_backoff() -> Duration {
    Duration::from_secs(6 * 3600)
}

impl Default for FetchSection {
    fn default() -> Self {
        toml::from_str("").expect("defaults deserialize from an empty table")
    }
}

/// `[extract]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractSection {
    /// Directory of extra gazetteer files (same format as the built-in ones).
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
}

/// `[dedup]`: near-duplicate detection (the same story under another URL).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DedupSection {
    /// `mark` (publish with `duplicate_of`, default), `suppress` or `off`.
    #[serde(default = "default_near_dup_mode")]
    pub near_duplicates: NearDupModeEntry,
    /// SimHash distance (0–64) at or below which texts are near-duplicates;
    /// 10 suits an index of 10 000 items (see khabar-fingerprint's docs).
    #[serde(default = "default_max_distance")]
    pub max_distance: u32,
    /// Recent items compared against.
    #[serde(default = "default_index_capacity")]
    pub index_capacity: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NearDupModeEntry {
    Mark,
    Suppress,
    Off,
}

fn default_near_dup_mode() -> NearDupModeEntry {
    NearDupModeEntry::Mark
}
fn default_max_distance() -> u32 {
    10
}
fn default_index_capacity() -> usize {
    10_000
}

impl Default for DedupSection {
    fn default() -> Self {
        toml::from_str("").expect("defaults deserialize from an empty table")
    }
}

/// `[websub]`: receive pushes from hubs that feeds advertise. Needs the
/// ops endpoint (`[ops] listen`), reachable by the hubs at `callback`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebSubSection {
    #[serde(default)]
    pub enabled: bool,
    /// Public URL of this khabar's `/websub` path, e.g.
    /// `https://khabar.example.org/websub`.
    #[serde(default)]
    pub callback: Option<String>,
    /// Secret from which each subscription's HMAC key is derived.
    #[serde(default)]
    pub secret: Option<Secret>,
    /// Lease to ask hubs for.
    #[serde(default, deserialize_with = "opt_duration")]
    pub lease: Option<Duration>,
}

/// A secret that never shows in logs or debug output.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// `[ops]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpsSection {
    /// Address of the HTTP endpoint serving `/healthz`, `/metrics` and
    /// `/feeds`, e.g. `"0.0.0.0:9464"`. Off when absent.
    #[serde(default)]
    pub listen: Option<std::net::SocketAddr>,
}

/// `[shutdown]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShutdownSection {
    /// Time to finish polls in flight and flush the producer after SIGTERM;
    /// keep it below the pod's terminationGracePeriodSeconds.
    #[serde(default = "default_grace", deserialize_with = "duration")]
    pub timeout: Duration,
}

fn default_grace() -> Duration {
    Duration::from_secs(20)
}

impl Default for ShutdownSection {
    fn default() -> Self {
        Self {
            timeout: default_grace(),
        }
    }
}

/// One `[[feeds]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedEntry {
    /// http(s) URL, or `file:` path (relative paths are relative to the config file).
    pub url: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_duration")]
    pub interval: Option<Duration>,
}

/// Overrides from flags and `KHABAR_*` environment variables.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub brokers: Option<String>,
    pub topic: Option<String>,
    pub state_dir: Option<PathBuf>,
}

impl Config {
    /// Read, apply overrides, resolve relative feed paths, validate.
    pub fn load(path: &Path, overrides: &Overrides) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read config file {}: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        Self::parse(&text, base, overrides)
            .map_err(|e| anyhow::anyhow!("config file {}: {e}", path.display()))
    }

    pub fn parse(text: &str, base: &Path, overrides: &Overrides) -> anyhow::Result<Config> {
        let mut cfg: Config = toml::from_str(text)?;
        if let Some(b) = &overrides.brokers {
            cfg.kafka.brokers = b.clone();
        }
        if let Some(t) = &overrides.topic {
            cfg.kafka.topic = t.clone();
        }
        if let Some(d) = &overrides.state_dir {
            cfg.state.dir = d.clone();
        }
        for feed in &mut cfg.feeds {
            if let Some(rest) = feed
                .url
                .strip_prefix("file:")
                .filter(|r| !r.starts_with("//"))
            {
                let abs = std::path::absolute(base.join(rest))?;
                feed.url = format!("file://{}", abs.display());
            }
        }
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> anyhow::Result<()> {
        let mut problems = Vec::new();
        if self.feeds.is_empty() {
            problems.push("no feeds: add at least one [[feeds]] table with a url".to_string());
        }
        let mut seen = std::collections::HashSet::new();
        for f in &self.feeds {
            match f.url.split_once("://").map(|(s, _)| s) {
                Some("http" | "https" | "file") => {}
                _ => problems.push(format!(
                    "feed url {:?} must start with http://, https:// or file:",
                    f.url
                )),
            }
            if !seen.insert(&f.url) {
                problems.push(format!("feed {:?} is listed twice", f.url));
            }
            if f.interval.is_some_and(|i| i < Duration::from_secs(1)) {
                problems.push(format!(
                    "feed {:?}: interval must be at least \"1s\"",
                    f.url
                ));
            }
        }
        if self.output.sink == SinkKind::Kafka {
            if self.kafka.brokers.trim().is_empty() {
                problems.push(
                    "[kafka] brokers is empty: set it, or pass --brokers / KHABAR_BROKERS".into(),
                );
            }
            if self.kafka.topic.trim().is_empty() {
                problems
                    .push("[kafka] topic is empty: set it, or pass --topic / KHABAR_TOPIC".into());
            }
            if self.kafka.partitions < 1 || self.kafka.replication_factor < 1 {
                problems
                    .push("[kafka] partitions and replication_factor must be at least 1".into());
            }
        }
        if self.state.retention < Duration::from_secs(3600) {
            problems.push("[state] retention below \"1h\" would republish items still in their feeds; use days, e.g. \"30d\"".into());
        }
        if self.dedup.max_distance > 32 {
            problems.push(
                "[dedup] max_distance above 32 matches unrelated texts; 10 is the default".into(),
            );
        }
        if self.websub.enabled {
            if self.ops.listen.is_none() {
                problems.push(
                    "[websub] enabled needs [ops] listen: the callback is served there".into(),
                );
            }
            if self.websub.callback.is_none() {
                problems.push("[websub] enabled needs callback, the public URL of /websub".into());
            }
            if self.websub.secret.as_ref().is_none_or(|s| s.0.len() < 16) {
                problems.push("[websub] enabled needs a secret of at least 16 characters".into());
            }
        }
        if self.fetch.concurrency == 0 {
            problems.push("[fetch] concurrency must be at least 1".into());
        }
        if self.fetch.max_body_bytes < 1024 {
            problems.push("[fetch] max_body_bytes must be at least 1024".into());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            anyhow::bail!(
                "{} problem(s):\n  - {}",
                problems.len(),
                problems.join("\n  - ")
            )
        }
    }

    pub fn dead_letter_topic(&self) -> String {
        self.kafka.dead_letter_topic.clone().unwrap_or_else(|| {
            match self.kafka.topic.split_once('{') {
                // A templated topic ("news.{lang}"): one dead-letter topic for all.
                Some((stem, _)) => format!(
                    "{}dead-letter",
                    stem.trim_end_matches('.').to_string() + "."
                ),
                None => format!("{}.dead-letter", self.kafka.topic),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_configs_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config");
        for name in ["khabar.toml", "offline.toml"] {
            let cfg = Config::load(&dir.join(name), &Overrides::default())
                .unwrap_or_else(|e| panic!("{name}: {e:#}"));
            assert!(!cfg.feeds.is_empty(), "{name}");
        }
    }

    #[test]
    fn overrides_and_relative_files() {
        let o = Overrides {
            brokers: Some("h:1".into()),
            topic: Some("t".into()),
            state_dir: Some("/s".into()),
        };
        let cfg = Config::parse(
            "[[feeds]]\nurl = \"file:x.xml\"\ninterval = \"90s\"\n",
            Path::new("/etc/khabar"),
            &o,
        )
        .unwrap();
        assert_eq!(cfg.kafka.brokers, "h:1");
        assert_eq!(cfg.kafka.topic, "t");
        assert_eq!(cfg.state.dir, PathBuf::from("/s"));
        assert_eq!(cfg.feeds[0].url, "file:///etc/khabar/x.xml");
        assert_eq!(cfg.feeds[0].interval, Some(Duration::from_secs(90)));
        assert_eq!(cfg.dead_letter_topic(), "t.dead-letter");
    }

    #[test]
    fn every_problem_reported_at_once() {
        let err = Config::parse(
            "[kafka]\ntopic = \"\"\n[[feeds]]\nurl = \"ftp://x\"\ninterval = \"100ms\"\n",
            Path::new("."),
            &Overrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("3 problem(s)"), "{err}");
        let err = Config::parse(
            "[fetch]\nallow_private_network = true\n",
            Path::new("."),
            &Overrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown field"), "{err}");
        let err = Config::parse(
            "[[feeds]]\nurl = \"http://x\"\ninterval = \"soon\"\n",
            Path::new("."),
            &Overrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("not a duration"), "{err}");
    }
}
