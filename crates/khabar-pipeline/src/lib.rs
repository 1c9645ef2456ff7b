//! The pipeline: for each feed, poll → parse → skip what is known → extract
//! → publish → remember. It owns the ordering that makes delivery safe.
//!
//! Architecture invariants kept here:
//! - an item is recorded as published only after the sink acknowledged it;
//! - a feed's conditional-GET cursor advances only when every item of that
//!   response is acknowledged (published or dead-lettered), so a failed item
//!   is seen again on the next poll instead of hiding behind a 304;
//! - an item listed by two feeds at once is claimed by one of them, so it is
//!   published once;
//! - extraction runs on the blocking pool, never on the reactor; a panic in
//!   it sends the item to the dead-letter topic instead of killing the feed.
//!
//! ```no_run
//! # async fn demo(p: std::sync::Arc<khabar_pipeline::Pipeline>) {
//! let feeds = vec![khabar_pipeline::FeedSpec::new("https://arabic.rt.com/rss/")];
//! let summary = p.run_once(&feeds).await;
//! assert!(summary.ok());
//! # }
//! ```

mod stats;
pub mod websub;

pub use websub::WebSubConfig;

pub use stats::{FeedStatus, Stats, Summary};

use chrono::{DateTime, Utc};
use futures::future::join_all;
use khabar_core::{Extraction, FeedCursor, Item, OutMessage, Sink};
use khabar_event::{content_hash, Event, FeedRef};
use khabar_extract::Extractor;
use khabar_fetch::{FetchError, FetchOutcome, Fetcher};
use khabar_state::{SeenItem, StateError, StateStore};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tracing::{error, info, warn, Instrument};

/// One configured feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedSpec {
    pub url: String,
    pub name: Option<String>,
    pub interval: Duration,
}

impl FeedSpec {
    pub fn new(url: &str) -> Self {
        Self {
            url: url.to_string(),
            name: None,
            interval: Duration::from_secs(300),
        }
    }
}

/// Pipeline settings.
#[derive(Debug, Clone)]
pub struct PipelineConfig {
    /// Default topic; `{lang}` is replaced by the event's language.
    pub topic: String,
    /// Routing rules, first match wins; the default topic otherwise.
    pub routes: Vec<TopicRoute>,
    pub dead_letter_topic: String,
    /// Fetches in flight at once, across all feeds.
    pub max_concurrent_fetches: usize,
    /// Longest wait between polls of a failing feed.
    pub max_backoff: Duration,
    pub near_duplicates: NearDupConfig,
    pub schedule: Schedule,
    /// Subscribe to WebSub hubs that feeds advertise (`None`: poll only).
    pub websub: Option<WebSubConfig>,
}

/// How poll intervals are chosen after a successful poll.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    pub min_interval: Duration,
    pub max_interval: Duration,
    /// Never poll more often than the feed's own hints ask.
    pub respect_feed_hints: bool,
    /// Space polls by the feed's observed item rate.
    pub adaptive: bool,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            min_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(24 * 3600),
            respect_feed_hints: true,
            adaptive: false,
        }
    }
}

/// What to do with an item whose text nearly equals an earlier item's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearDupMode {
    /// Do not look.
    Off,
    /// Publish it with `duplicate_of` set.
    Mark,
    /// Do not publish it (it is remembered as seen).
    Suppress,
}

/// Near-duplicate detection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearDupConfig {
    pub mode: NearDupMode,
    /// SimHash Hamming distance at or below which texts are near-duplicates.
    pub max_distance: u32,
    /// Items kept in the in-memory index (warmed from state at start-up).
    pub capacity: usize,
}

impl Default for NearDupConfig {
    fn default() -> Self {
        Self {
            mode: NearDupMode::Mark,
            max_distance: khabar_fingerprint::DEFAULT_MAX_DISTANCE,
            capacity: 10_000,
        }
    }
}

/// A routing rule: every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicRoute {
    /// Feed URL the item was found in.
    pub feed: Option<String>,
    /// Language of the item (`ar`, `en`, ...).
    pub lang: Option<String>,
    /// One of the item's categories.
    pub category: Option<String>,
    /// Topic; `{lang}` is replaced by the event's language.
    pub topic: String,
}

impl PipelineConfig {
    /// The topic an event goes to.
    pub fn topic_for(&self, event: &Event) -> String {
        let matches = |r: &&TopicRoute| {
            r.feed.as_ref().is_none_or(|f| event.feeds.contains(f))
                && r.lang.as_ref().is_none_or(|l| *l == event.lang)
                && r.category
                    .as_ref()
                    .is_none_or(|c| event.categories.contains(c))
        };
        let template = self
            .routes
            .iter()
            .find(matches)
            .map_or(&self.topic, |r| &r.topic);
        let lang: String = event
            .lang
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        template.replace("{lang}", if lang.is_empty() { "und" } else { &lang })
    }
}

/// Why one poll of one feed did not complete.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    State(#[from] StateError),
    #[error("{failed} item(s) could not be published and will be retried: {first_error}")]
    Delivery { failed: usize, first_error: String },
    #[error("a worker task failed: {0}")]
    Task(String),
    #[error("WebSub push refused: {0}")]
    Push(String),
}

/// The wired pipeline. Share it as `Arc<Pipeline>`.
pub struct Pipeline {
    fetcher: Fetcher,
    extractor: Arc<Extractor>,
    state: Arc<dyn StateStore>,
    sink: Arc<dyn Sink>,
    config: PipelineConfig,
    fetch_slots: Semaphore,
    claims: Mutex<HashSet<String>>,
    near_dups: Mutex<khabar_fingerprint::NearDupIndex>,
    subscriptions: websub::Subscriptions,
    pub stats: Stats,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("topic", &self.config.topic)
            .finish()
    }
}

/// Releases an item's claim when the poll that took it ends, however it ends.
struct Claim<'a> {
    claims: &'a Mutex<HashSet<String>>,
    id: String,
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        self.claims
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.id);
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PipelineError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| PipelineError::Task(e.to_string()))
}

/// How often an unchanged item's `last_seen` is refreshed (retention).
const TOUCH_EVERY_SECS: i64 = 24 * 3600;

/// Longest summary carried in a dead letter.
const DEAD_LETTER_SUMMARY_CHARS: usize = 2000;

/// What happened to one item of a poll.
enum Outcome {
    Published {
        item_id: String,
        seen: SeenItem,
        updated: bool,
    },
    /// A near-duplicate not published (suppress mode); remembered as seen.
    Suppressed {
        item_id: String,
        seen: SeenItem,
    },
    DeadLettered {
        item_id: String,
        seen: SeenItem,
    },
    Failed(String),
}

impl Pipeline {
    pub fn new(
        fetcher: Fetcher,
        extractor: Arc<Extractor>,
        state: Arc<dyn StateStore>,
        sink: Arc<dyn Sink>,
        config: PipelineConfig,
    ) -> Self {
        let slots = config.max_concurrent_fetches.max(1);
        let capacity = config.near_duplicates.capacity.max(1);
        Self {
            fetcher,
            extractor,
            state,
            sink,
            config,
            fetch_slots: Semaphore::new(slots),
            claims: Mutex::new(HashSet::new()),
            near_dups: Mutex::new(khabar_fingerprint::NearDupIndex::new(capacity)),
            subscriptions: websub::Subscriptions::default(),
            stats: Stats::default(),
        }
    }

    /// The sink, for flushing at shutdown.
    pub fn sink(&self) -> &Arc<dyn Sink> {
        &self.sink
    }

    /// Poll every feed once, concurrently (bounded by the fetch cap), and
    /// wait for every delivery. Items listed by several feeds are merged
    /// first, so their one event lists every feed.
    pub async fn run_once(self: &Arc<Self>, feeds: &[FeedSpec]) -> Summary {
        let fetches = feeds.iter().map(|feed| {
            let span = tracing::info_span!("fetch", feed = %feed.url);
            async move { (feed, self.fetch_batch(feed).await) }.instrument(span)
        });
        let mut batches = Vec::new();
        for (feed, result) in join_all(fetches).await {
            match result {
                Ok(Some(batch)) => batches.push(batch),
                Ok(None) => self
                    .stats
                    .record_poll(&feed.url, &Ok(PollReport::not_modified())),
                Err(e) => {
                    warn!(feed = %feed.url, error = %e, "poll failed");
                    self.stats.record_poll(&feed.url, &Err(e));
                }
            }
        }
        for (url, result) in self.process(batches).await {
            if let Err(e) = &result {
                warn!(feed = %url, error = %e, "poll failed");
            }
            self.stats.record_poll(&url, &result);
        }
        self.stats.summary()
    }

    /// Poll each feed on its interval until `cancel` fires. A poll in
    /// progress when it fires is finished (its deliveries awaited), so the
    /// state stays consistent; the caller bounds that with a deadline.
    pub async fn run(self: &Arc<Self>, feeds: &[FeedSpec], cancel: CancellationToken) -> Summary {
        let (_keep, rx) = tokio::sync::watch::channel(feeds.to_vec());
        self.run_reloadable(rx, cancel).await
    }

    /// Like [`Pipeline::run`], following a feed list that may change: added
    /// feeds start, removed feeds stop (after a poll in flight), feeds whose
    /// settings changed restart; unchanged feeds keep their loop and state.
    pub async fn run_reloadable(
        self: &Arc<Self>,
        mut feeds: tokio::sync::watch::Receiver<Vec<FeedSpec>>,
        cancel: CancellationToken,
    ) -> Summary {
        let mut tasks = tokio::task::JoinSet::new();
        let mut running: HashMap<String, (FeedSpec, CancellationToken)> = HashMap::new();
        loop {
            let wanted = feeds.borrow_and_update().clone();
            let keep: HashSet<&str> = wanted.iter().map(|f| f.url.as_str()).collect();
            running.retain(|url, (_, token)| {
                let stays = keep.contains(url.as_str());
                if !stays {
                    info!(feed = %url, "feed removed: stopping");
                    token.cancel();
                }
                stays
            });
            let n = wanted.len().max(1) as u32;
            for (i, feed) in wanted.into_iter().enumerate() {
                if let Some((old, token)) = running.get(&feed.url) {
                    if *old == feed {
                        continue;
                    }
                    token.cancel();
                }
                let token = cancel.child_token();
                running.insert(feed.url.clone(), (feed.clone(), token.clone()));
                let this = Arc::clone(self);
                // Spread first polls over the interval (at most 15 min), so
                // feeds do not come due together round after round.
                let spread = feed.interval.min(Duration::from_secs(900)) * i as u32 / n;
                tasks.spawn(async move { this.feed_loop(feed, spread, token).await });
            }
            tokio::select! {
                _ = cancel.cancelled() => break,
                changed = feeds.changed() => if changed.is_err() {
                    // The sender is gone: the list can no longer change.
                    cancel.cancelled().await;
                    break;
                },
                // Reap finished loops so the set does not grow.
                Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            }
        }
        while tasks.join_next().await.is_some() {}
        self.stats.summary()
    }

    async fn feed_loop(&self, feed: FeedSpec, first_delay: Duration, cancel: CancellationToken) {
        let mut delay = first_delay;
        let mut interval = feed.interval;
        let mut errors: u32 = 0;
        loop {
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep(delay) => {}
            }
            let span = tracing::info_span!("poll", feed = %feed.url);
            let started = tokio::time::Instant::now();
            let result = self.poll_feed(&feed).instrument(span).await;
            self.stats.record_poll(&feed.url, &result);
            // Intervals run from the start of a poll, not its end: a slow
            // poll or a queue for fetch slots does not stretch the schedule.
            let took = started.elapsed();
            if let Err(PipelineError::Fetch(e @ FetchError::Gone { .. })) = &result {
                error!(feed = %feed.url, error = %e, "feed is gone (410): no longer polled; remove it from the config");
                return;
            }
            delay = match &result {
                Ok(report) => {
                    errors = 0;
                    if let Some(next) = report.next_interval {
                        interval = next;
                    }
                    interval.saturating_sub(took)
                }
                Err(e) => {
                    errors = errors.saturating_add(1);
                    let retry_after = match e {
                        PipelineError::Fetch(FetchError::Status { retry_after, .. }) => {
                            *retry_after
                        }
                        _ => None,
                    };
                    let wait = backoff(feed.interval, errors, self.config.max_backoff, retry_after);
                    warn!(feed = %feed.url, error = %e, consecutive_errors = errors, retry_in = ?wait, "poll failed");
                    wait
                }
            };
            self.stats.set_next_poll(
                &feed.url,
                Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default(),
            );
        }
    }

    /// One poll of one feed, from conditional GET to recorded state.
    pub async fn poll_feed(&self, feed: &FeedSpec) -> Result<PollReport, PipelineError> {
        match self.fetch_batch(feed).await? {
            None => Ok(PollReport::not_modified()),
            Some(batch) => self
                .process(vec![batch])
                .await
                .pop()
                .map_or_else(|| Ok(PollReport::default()), |(_, r)| r),
        }
    }

    /// Conditional GET and parse. `None` when the feed did not change.
    async fn fetch_batch(&self, feed: &FeedSpec) -> Result<Option<FeedBatch>, PipelineError> {
        let state = Arc::clone(&self.state);
        let url = feed.url.clone();
        let cursor = blocking(move || state.get_cursor(&url))
            .await??
            .unwrap_or_default();
        if cursor.gone {
            return Err(FetchError::Gone {
                url: feed.url.clone(),
            }
            .into());
        }
        let target = cursor.moved_to.clone().unwrap_or_else(|| feed.url.clone());
        let outcome = {
            let _slot = self
                .fetch_slots
                .acquire()
                .await
                .map_err(|e| PipelineError::Task(e.to_string()))?;
            self.fetcher.fetch(&target, &cursor).await
        };
        let fetched = match outcome {
            Ok(FetchOutcome::NotModified) => return Ok(None),
            Ok(FetchOutcome::Fetched(f)) => f,
            Err(e @ FetchError::Gone { .. }) => {
                // Remember it, so a restart does not poll it again.
                let state = Arc::clone(&self.state);
                let url = feed.url.clone();
                let gone = FeedCursor {
                    gone: true,
                    ..cursor
                };
                blocking(move || state.put_cursor(&url, &gone)).await??;
                return Err(e.into());
            }
            Err(e) => return Err(e.into()),
        };
        let mut new_cursor = fetched.cursor.clone();
        new_cursor.moved_to = match &fetched.permanent_redirect {
            Some(to) => {
                warn!(feed = %feed.url, moved_to = %to, "feed moved permanently: polling the new URL from now on; update the config");
                Some(to.clone())
            }
            None => cursor.moved_to.clone(),
        };
        let fetched_at = Utc::now();
        let url = feed.url.clone();
        let body = fetched.body;
        let content_type = fetched.content_type;
        let parsed =
            blocking(move || khabar_fetch::parse_feed(&body, content_type.as_deref(), &url))
                .await??;
        if let (Some(ws), Some(hub)) = (&self.config.websub, &parsed.hub) {
            let topic = parsed.self_url.clone().unwrap_or_else(|| target.clone());
            self.subscribe(ws, &feed.url, hub, &topic).await;
        }
        let sched = self.config.schedule;
        let hints = khabar_fetch::PollHints {
            feed: parsed.update_hint.filter(|_| sched.respect_feed_hints),
            http: fetched.cache_hint.filter(|_| sched.respect_feed_hints),
        };
        let rate = sched
            .adaptive
            .then(|| items_per_day(&parsed.items, fetched_at));
        let next = khabar_fetch::next_interval(
            feed.interval,
            sched.min_interval,
            sched.max_interval,
            rate,
            hints,
        );
        Ok(Some(FeedBatch {
            feed_ref: FeedRef {
                url: feed.url.clone(),
                title: feed.name.clone().or(parsed.title),
            },
            items: parsed.items,
            cursor: Some(new_cursor),
            fetched_at,
            next_interval: next,
        }))
    }

    /// Dedup, publish and record the items of one or more fetched feeds.
    /// An item listed by several of them is published once, listing all.
    async fn process(
        &self,
        batches: Vec<FeedBatch>,
    ) -> Vec<(String, Result<PollReport, PipelineError>)> {
        let mut reports: Vec<PollReport> = batches
            .iter()
            .map(|b| PollReport {
                items_seen: b.items.len(),
                next_interval: Some(b.next_interval),
                ..Default::default()
            })
            .collect();
        // Merge: one candidate per item id, in feed order, with every batch listing it.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut candidates: Vec<(Item, Vec<usize>)> = Vec::new();
        for (b, batch) in batches.iter().enumerate() {
            for item in &batch.items {
                match index.get(&item.item_id) {
                    Some(&c) => candidates[c].1.push(b),
                    None => {
                        index.insert(item.item_id.clone(), candidates.len());
                        candidates.push((item.clone(), vec![b]));
                    }
                }
            }
        }
        let fail_all = |e: PipelineError| -> Vec<(String, Result<PollReport, PipelineError>)> {
            let msg = e.to_string();
            batches
                .iter()
                .map(|b| {
                    (
                        b.feed_ref.url.clone(),
                        Err(PipelineError::Task(msg.clone())),
                    )
                })
                .collect()
        };
        // Which are new or changed? One blocking call for the lot.
        let state = Arc::clone(&self.state);
        let ids: Vec<String> = candidates.iter().map(|(i, _)| i.item_id.clone()).collect();
        let known = match blocking(move || {
            ids.iter()
                .map(|id| state.get_item(id))
                .collect::<Result<Vec<_>, _>>()
        })
        .await
        {
            Ok(Ok(k)) => k,
            Ok(Err(e)) => return fail_all(e.into()),
            Err(e) => return fail_all(e),
        };

        let mut work = Vec::new();
        let mut claims = Vec::new();
        let mut to_record = Vec::new();
        for ((item, in_batches), prev) in candidates.into_iter().zip(known) {
            let feeds: Vec<String> = in_batches
                .iter()
                .map(|&b| batches[b].feed_ref.url.clone())
                .collect();
            let fetched_at = batches[in_batches[0]].fetched_at;
            if let Some(p) = prev.as_ref().filter(|p| p.knows(&content_hash(&item))) {
                // Unchanged: publish nothing. Remember feeds it is newly
                // listed in, and refresh retention now and then.
                let new_feeds: Vec<String> =
                    feeds.into_iter().filter(|f| !p.feeds.contains(f)).collect();
                let now = fetched_at.timestamp();
                if !new_feeds.is_empty() || now - p.last_seen > TOUCH_EVERY_SECS {
                    if let Some(claim) = self.claim(&item.item_id) {
                        let mut p = p.clone();
                        p.feeds.extend(new_feeds);
                        p.last_seen = now;
                        claims.push(claim);
                        to_record.push((item.item_id.clone(), p));
                    }
                }
                continue;
            }
            // Claimed by a concurrent poll of another feed: it publishes it.
            if let Some(claim) = self.claim(&item.item_id) {
                claims.push(claim);
                work.push(Work {
                    item,
                    prev,
                    feed: batches[in_batches[0]].feed_ref.clone(),
                    feeds,
                    fetched_at,
                    batches: in_batches,
                });
            }
        }

        let outcomes = self.publish_batch(work).await;
        let mut failures: Vec<Vec<String>> = vec![Vec::new(); batches.len()];
        for (o, in_batches) in outcomes {
            let owner = in_batches[0];
            match o {
                Outcome::Published {
                    item_id,
                    seen,
                    updated,
                } => {
                    if updated {
                        reports[owner].updated += 1;
                    } else {
                        reports[owner].published += 1;
                    }
                    to_record.push((item_id, seen));
                }
                Outcome::Suppressed { item_id, seen } => {
                    reports[owner].suppressed += 1;
                    to_record.push((item_id, seen));
                }
                Outcome::DeadLettered { item_id, seen } => {
                    reports[owner].dead_lettered += 1;
                    to_record.push((item_id, seen));
                }
                Outcome::Failed(e) => {
                    for b in in_batches {
                        failures[b].push(e.clone());
                    }
                }
            }
        }
        // Acknowledged by the broker: now, and only now, remember them; and
        // advance the cursor of each feed whose items are all handled.
        let state = Arc::clone(&self.state);
        let cursors: Vec<(String, FeedCursor)> = batches
            .iter()
            .zip(&failures)
            .filter(|(_, f)| f.is_empty())
            .filter_map(|(b, _)| b.cursor.clone().map(|c| (b.feed_ref.url.clone(), c)))
            .collect();
        let recorded = blocking(move || -> Result<(), StateError> {
            state.put_items(&to_record)?;
            for (url, cursor) in &cursors {
                state.put_cursor(url, cursor)?;
            }
            Ok(())
        })
        .await;
        drop(claims);
        if let Err(e) = recorded.and_then(|r| r.map_err(PipelineError::from)) {
            return fail_all(e);
        }
        batches
            .iter()
            .zip(reports)
            .zip(failures)
            .map(|((b, mut report), mut f)| {
                report.failed = f.len();
                self.stats.add_report(&report);
                let url = b.feed_ref.url.clone();
                if f.is_empty() {
                    info!(
                        feed = %url,
                        items = report.items_seen,
                        published = report.published,
                        updated = report.updated,
                        dead_lettered = report.dead_lettered,
                        "poll done"
                    );
                    (url, Ok(report))
                } else {
                    let err = PipelineError::Delivery {
                        failed: f.len(),
                        first_error: f.swap_remove(0),
                    };
                    (url, Err(err))
                }
            })
            .collect()
    }

    /// Ask `hub` for pushes of `topic`, when due (first time, lease
    /// ending, hub changed). Failures are logged: polling goes on.
    async fn subscribe(&self, ws: &WebSubConfig, feed: &str, hub: &str, topic: &str) {
        let now = Utc::now();
        if !self.subscriptions.due(feed, hub, topic, ws.lease, now) {
            return;
        }
        let callback = format!(
            "{}?{}",
            ws.callback,
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("feed", feed)
                .finish()
        );
        let secret = websub::secret_for(&ws.secret, feed);
        let lease = ws.lease.as_secs().to_string();
        let form = [
            ("hub.mode", "subscribe"),
            ("hub.topic", topic),
            ("hub.callback", callback.as_str()),
            ("hub.secret", secret.as_str()),
            ("hub.lease_seconds", lease.as_str()),
        ];
        self.subscriptions.requested(feed, hub, topic, now);
        match self.fetcher.post_form(hub, &form).await {
            Ok(status) if (200..300).contains(&status) => {
                info!(feed, hub, topic, "WebSub subscription requested");
            }
            Ok(status) => {
                warn!(
                    feed,
                    hub, status, "WebSub hub refused the subscription; polling only"
                );
            }
            Err(e) => warn!(feed, hub, error = %e, "WebSub hub unreachable; polling only"),
        }
    }

    /// The hub's verification of intent: `true` when we asked for this.
    pub fn websub_verify(
        &self,
        feed: &str,
        mode: &str,
        topic: &str,
        lease_seconds: Option<u64>,
    ) -> bool {
        let ok = self
            .subscriptions
            .verify(feed, mode, topic, lease_seconds, Utc::now());
        if ok {
            info!(feed, topic, lease_seconds, "WebSub subscription verified");
        } else {
            warn!(
                feed,
                mode, topic, "WebSub verification for nothing we asked: refused"
            );
        }
        ok
    }

    /// A content push from a hub: checked against the subscription's
    /// secret, then through the same dedup and publish path as a poll.
    pub async fn websub_push(
        &self,
        feed: &str,
        body: Vec<u8>,
        content_type: Option<String>,
        signature: Option<&str>,
    ) -> Result<PollReport, PipelineError> {
        let ws = self
            .config
            .websub
            .as_ref()
            .ok_or_else(|| PipelineError::Push("WebSub is not enabled".into()))?;
        if !self.subscriptions.is_known(feed) {
            return Err(PipelineError::Push(format!("no subscription for {feed}")));
        }
        if !websub::signature_valid(&websub::secret_for(&ws.secret, feed), signature, &body) {
            return Err(PipelineError::Push(format!(
                "bad or missing X-Hub-Signature on a push for {feed}: ignored"
            )));
        }
        let url = feed.to_string();
        let parsed =
            blocking(move || khabar_fetch::parse_feed(&body, content_type.as_deref(), &url))
                .await??;
        let batch = FeedBatch {
            feed_ref: FeedRef {
                url: feed.to_string(),
                title: parsed.title,
            },
            items: parsed.items,
            cursor: None,
            fetched_at: Utc::now(),
            next_interval: Duration::ZERO,
        };
        let result = self
            .process(vec![batch])
            .await
            .pop()
            .map_or_else(|| Ok(PollReport::default()), |(_, r)| r);
        self.stats.record_poll(feed, &result);
        result
    }

    /// Fill the near-duplicate index from state (call once at start-up).
    pub async fn warm_near_duplicates(&self) -> Result<usize, PipelineError> {
        if self.config.near_duplicates.mode == NearDupMode::Off {
            return Ok(0);
        }
        let state = Arc::clone(&self.state);
        let limit = self.config.near_duplicates.capacity;
        let fps = blocking(move || state.fingerprints(limit)).await??;
        let n = fps.len();
        let mut index = self.near_dups.lock().unwrap_or_else(|p| p.into_inner());
        for (id, fp) in fps {
            index.insert(id, fp);
        }
        Ok(n)
    }

    /// The earlier item a new item's text nearly duplicates, if any; the
    /// item joins the index either way. Updates are the same item: skipped.
    fn near_duplicate(&self, w: &Work, fp: Option<u64>) -> Option<String> {
        let nd = &self.config.near_duplicates;
        let fp = fp.filter(|_| nd.mode != NearDupMode::Off)?;
        let mut index = self.near_dups.lock().unwrap_or_else(|p| p.into_inner());
        let found = match &w.prev {
            None => index
                .find_excluding(fp, nd.max_distance, &w.item.item_id)
                .map(|(id, _)| id),
            Some(p) => p.duplicate_of.clone(),
        };
        index.insert(w.item.item_id.clone(), fp);
        found
    }

    fn claim(&self, item_id: &str) -> Option<Claim<'_>> {
        let mut set = self.claims.lock().unwrap_or_else(|p| p.into_inner());
        set.insert(item_id.to_string()).then(|| Claim {
            claims: &self.claims,
            id: item_id.to_string(),
        })
    }

    /// Extract, build events and publish them all concurrently; dead-letter
    /// what fails for good. Returns each outcome with the batches it came from.
    async fn publish_batch(&self, work: Vec<Work>) -> Vec<(Outcome, Vec<usize>)> {
        if work.is_empty() {
            return Vec::new();
        }
        let extractor = Arc::clone(&self.extractor);
        let items: Vec<Item> = work.iter().map(|w| w.item.clone()).collect();
        let extractions = match blocking(move || {
            items
                .iter()
                .map(|item| {
                    let text = item.text();
                    let published = item.published.map(|p| p.date_naive());
                    let extraction = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        extractor.extract(&text, item.lang.as_deref(), published)
                    }))
                    .map_err(|_| "the extractor panicked on this item's text".to_string());
                    // Fingerprint the body: titles are rewritten more than text.
                    let fp = khabar_fingerprint::is_informative(&item.summary)
                        .then(|| khabar_fingerprint::simhash(&item.summary));
                    (extraction, fp)
                })
                .collect::<Vec<_>>()
        })
        .await
        {
            Ok(x) => x,
            Err(e) => {
                let msg = e.to_string();
                return work
                    .into_iter()
                    .map(|w| (Outcome::Failed(msg.clone()), w.batches))
                    .collect();
            }
        };

        let sends = work
            .into_iter()
            .zip(extractions)
            .map(|(w, extraction)| async move {
                let outcome = self.publish_one(&w, extraction).await;
                (outcome, w.batches)
            });
        join_all(sends).await
    }

    async fn publish_one(
        &self,
        w: &Work,
        extracted: (Result<Extraction, String>, Option<u64>),
    ) -> Outcome {
        let (extraction, fp) = extracted;
        let extraction = match extraction {
            Ok(x) => x,
            Err(e) => return self.dead_letter(w, "extract", &e).await,
        };
        let duplicate_of = self.near_duplicate(w, fp);
        let prev = w.prev.as_ref();
        let version = prev.map_or(1, |p| p.version + 1);
        let previous = prev.map(|p| p.event_id.clone());
        let mut event = Event::version(
            &w.item,
            w.feed.clone(),
            extraction,
            w.fetched_at,
            version,
            previous,
        );
        event.feeds = w.feeds.clone();
        event.duplicate_of = duplicate_of.clone();
        for f in prev.map(|p| p.feeds.as_slice()).unwrap_or_default() {
            if !event.feeds.contains(f) {
                event.feeds.push(f.clone());
            }
        }
        let seen = SeenItem {
            content_hash: event.content_hash.clone(),
            version: event.version,
            event_id: event.event_id.clone(),
            first_seen: prev.map_or(w.fetched_at.timestamp(), |p| p.first_seen),
            feeds: event.feeds.clone(),
            last_seen: w.fetched_at.timestamp(),
            previous_hashes: history(prev),
            simhash: fp,
            duplicate_of: duplicate_of.clone(),
        };
        if duplicate_of.is_some() && self.config.near_duplicates.mode == NearDupMode::Suppress {
            info!(item = %w.item.item_id, duplicate_of = ?duplicate_of, "near-duplicate suppressed");
            return Outcome::Suppressed {
                item_id: w.item.item_id.clone(),
                seen,
            };
        }
        let msg = OutMessage {
            topic: self.config.topic_for(&event),
            key: event.item_id.clone(),
            payload: event.to_json(),
            headers: event.headers(),
        };
        match self.sink.send(msg).await {
            Ok(()) => Outcome::Published {
                item_id: w.item.item_id.clone(),
                seen,
                updated: version > 1,
            },
            Err(e) if e.permanent => self.dead_letter(w, "publish", &e.to_string()).await,
            Err(e) => Outcome::Failed(format!("{}: {e}", w.item.item_id)),
        }
    }

    async fn dead_letter(&self, w: &Work, stage: &str, error: &str) -> Outcome {
        let item = &w.item;
        warn!(item = %item.item_id, stage, error, "sending item to the dead-letter topic");
        // Keep the dead letter small enough to be deliverable even when the
        // item itself was too large: cut the summary, and say so.
        let mut kept = item.clone();
        let truncated = kept.summary.chars().count() > DEAD_LETTER_SUMMARY_CHARS;
        if truncated {
            kept.summary = kept
                .summary
                .chars()
                .take(DEAD_LETTER_SUMMARY_CHARS)
                .collect();
        }
        let payload = serde_json::json!({
            "schema": "khabar.dead-letter.v1",
            "stage": stage,
            "error": error,
            "feed": w.feed,
            "feeds": w.feeds,
            "failed_at": w.fetched_at.to_rfc3339(),
            "item": kept,
            "summary_truncated": truncated,
        });
        let hash = content_hash(item);
        let msg = OutMessage {
            topic: self.config.dead_letter_topic.clone(),
            key: item.item_id.clone(),
            payload: payload.to_string().into_bytes(),
            headers: vec![
                ("content-type", "application/json".into()),
                ("khabar_error_stage", stage.to_string()),
            ],
        };
        let prev = w.prev.as_ref();
        match self.sink.send(msg).await {
            Ok(()) => Outcome::DeadLettered {
                item_id: item.item_id.clone(),
                seen: SeenItem {
                    content_hash: hash.clone(),
                    version: prev.map_or(1, |p| p.version),
                    event_id: prev
                        .map_or_else(|| format!("dead-letter:{hash}"), |p| p.event_id.clone()),
                    first_seen: prev.map_or(w.fetched_at.timestamp(), |p| p.first_seen),
                    feeds: w.feeds.clone(),
                    last_seen: w.fetched_at.timestamp(),
                    previous_hashes: history(prev),
                    ..Default::default()
                },
            },
            Err(e) => Outcome::Failed(format!(
                "{}: dead-letter delivery failed: {e}",
                item.item_id
            )),
        }
    }
}

/// Content hashes an item has had before its next version.
fn history(prev: Option<&SeenItem>) -> Vec<String> {
    const KEEP: usize = 8;
    let Some(p) = prev else { return Vec::new() };
    let mut h = p.previous_hashes.clone();
    h.push(p.content_hash.clone());
    let excess = h.len().saturating_sub(KEEP);
    h.drain(..excess);
    h
}

/// One fetched and parsed feed response.
struct FeedBatch {
    feed_ref: FeedRef,
    items: Vec<Item>,
    /// The cursor to store once all items are handled (`None` for pushes).
    cursor: Option<FeedCursor>,
    fetched_at: DateTime<Utc>,
    /// When to poll next, from the schedule and the feed's hints.
    next_interval: Duration,
}

/// Items per day over the last week, from the items' dates (for adaptive
/// spacing). Undated items count as new.
fn items_per_day(items: &[Item], now: DateTime<Utc>) -> f64 {
    let week = chrono::Duration::days(7);
    let recent = items
        .iter()
        .filter(|i| i.published.is_none_or(|p| now - p <= week))
        .count();
    recent as f64 / 7.0
}

/// One item to publish.
struct Work {
    item: Item,
    prev: Option<SeenItem>,
    /// The feed it was found in first.
    feed: FeedRef,
    /// Every feed of this poll round listing it.
    feeds: Vec<String>,
    fetched_at: DateTime<Utc>,
    /// Indexes of the batches listing it.
    batches: Vec<usize>,
}

/// Wait before the next poll after `errors` consecutive failures:
/// exponential from the interval, capped, never shorter than Retry-After,
/// with up to 10% jitter so failing feeds do not retry in lockstep.
pub fn backoff(
    interval: Duration,
    errors: u32,
    cap: Duration,
    retry_after: Option<Duration>,
) -> Duration {
    let base = Duration::from_secs(5).min(interval);
    let exp = base
        .saturating_mul(1u32 << errors.min(16))
        .min(cap)
        .max(base);
    let jitter_ms = (exp.as_millis() as u64 / 10).max(1);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64);
    let wait = exp + Duration::from_millis(nanos % jitter_ms);
    retry_after.map_or(wait, |r| wait.max(r))
}

/// What one poll did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PollReport {
    pub not_modified: bool,
    pub items_seen: usize,
    pub published: usize,
    pub updated: usize,
    pub dead_lettered: usize,
    /// Near-duplicates not published (suppress mode).
    pub suppressed: usize,
    pub failed: usize,
    /// When to poll next (schedule and hints); `None` keeps the last one.
    pub next_interval: Option<Duration>,
}

impl PollReport {
    fn not_modified() -> Self {
        Self {
            not_modified: true,
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routing_first_match_then_default_with_lang() {
        let item = Item {
            item_id: "i".into(),
            title: "t".into(),
            summary: String::new(),
            url: None,
            published: None,
            categories: vec!["رياضة".into()],
            lang: Some("ar".into()),
        };
        let feed = FeedRef {
            url: "https://x/sport".into(),
            title: None,
        };
        let ev = Event::created(&item, feed, Extraction::default(), Utc::now());
        let mut cfg = PipelineConfig {
            topic: "news.{lang}".into(),
            routes: vec![],
            dead_letter_topic: "dlq".into(),
            max_concurrent_fetches: 1,
            max_backoff: Duration::from_secs(1),
            near_duplicates: NearDupConfig::default(),
            schedule: Schedule::default(),
            websub: None,
        };
        assert_eq!(cfg.topic_for(&ev), "news.ar");
        cfg.routes = vec![
            TopicRoute {
                lang: Some("en".into()),
                topic: "english".into(),
                ..Default::default()
            },
            TopicRoute {
                category: Some("رياضة".into()),
                topic: "sport.{lang}".into(),
                ..Default::default()
            },
        ];
        assert_eq!(cfg.topic_for(&ev), "sport.ar");
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let cap = Duration::from_secs(3600);
        let i = Duration::from_secs(300);
        let b1 = backoff(i, 1, cap, None);
        let b5 = backoff(i, 5, cap, None);
        assert!(b1 < b5, "{b1:?} {b5:?}");
        assert!(backoff(i, 30, cap, None) <= cap + cap / 10);
        assert!(backoff(i, 1, cap, Some(Duration::from_secs(120))) >= Duration::from_secs(120));
    }
}
