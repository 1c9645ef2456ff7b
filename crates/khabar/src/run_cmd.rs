//! `khabar run`: build the pipeline from the config, then either poll once
//! (`--once`) or run until SIGTERM/SIGINT.
//!
//! Shutdown: the signal cancels one token; feed loops stop scheduling polls;
//! polls in flight finish (their deliveries are awaited) within
//! `[shutdown] timeout`; the producer is flushed with what is left of it;
//! anything still unacknowledged is logged and, never having been recorded
//! as published, is published again after the restart.

use crate::config::{Config, NearDupModeEntry, Overrides, SinkKind, StateBackend};
use crate::stdout_sink::StdoutSink;
use crate::RunArgs;
use khabar_core::Sink;
use khabar_extract::Extractor;
use khabar_fetch::{Fetcher, FetcherConfig};
use khabar_kafka::{KafkaConfig, KafkaSink};
use khabar_pipeline::{
    FeedSpec, NearDupConfig, NearDupMode, Pipeline, PipelineConfig, Schedule, Summary, TopicRoute,
};
use khabar_state::{MemoryStore, RedbStore, RedisStore, StateStore};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;
use tracing::{error, info, warn};

pub async fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        brokers: args.brokers.clone(),
        topic: args.topic.clone(),
        state_dir: args.state_dir.clone(),
    };
    let cfg = Config::load(&args.config, &overrides)?;
    let cancel = CancellationToken::new();
    spawn_signal_handler(cancel.clone());

    let extractor = Arc::new(match &cfg.extract.data_dir {
        Some(dir) => Extractor::with_user_data(dir)?,
        None => Extractor::new()?,
    });
    let fetcher = Fetcher::new(FetcherConfig {
        user_agent: cfg
            .fetch
            .user_agent
            .clone()
            .unwrap_or_else(|| FetcherConfig::default().user_agent),
        connect_timeout: cfg.fetch.connect_timeout,
        total_timeout: cfg.fetch.timeout,
        max_body_bytes: cfg.fetch.max_body_bytes,
        read_timeout: cfg.fetch.read_timeout,
        max_redirects: cfg.fetch.max_redirects,
        allow_private_networks: cfg.fetch.allow_private_networks,
        allowed_private_ips: cfg.fetch.allowed_private_ips.clone(),
        per_host_concurrency: cfg.fetch.per_host_concurrency,
        per_host_delay: cfg.fetch.per_host_delay,
    })?;
    let state: Arc<dyn StateStore> = match cfg.state.backend {
        StateBackend::Embedded => Arc::new(RedbStore::open(&cfg.state.dir)?),
        StateBackend::Memory => Arc::new(MemoryStore::default()),
        StateBackend::Redis => Arc::new(RedisStore::open(
            &cfg.state.redis_url,
            &cfg.state.redis_prefix,
            cfg.state.retention,
        )?),
    };
    spawn_pruner(Arc::clone(&state), cfg.state.retention, cancel.clone());
    let dead_letter_topic = cfg.dead_letter_topic();
    let sink: Arc<dyn Sink> = match cfg.output.sink {
        SinkKind::Stdout => Arc::new(StdoutSink {
            events_topic: cfg.kafka.topic.clone(),
        }),
        SinkKind::Kafka => {
            let kcfg = KafkaConfig {
                brokers: cfg.kafka.brokers.clone(),
                client_id: "khabar".into(),
                message_timeout: cfg.kafka.message_timeout,
                queue_max_messages: cfg.kafka.queue_max_messages,
                create_topics: cfg.kafka.create_topics,
                partitions: cfg.kafka.partitions,
                replication_factor: cfg.kafka.replication_factor,
                properties: cfg.kafka.properties.clone(),
            };
            let sink = KafkaSink::new(&kcfg)?;
            // Fixed topics are checked or created now; templated and routed
            // ones on first use.
            let topics: Vec<String> = [cfg.kafka.topic.clone(), dead_letter_topic.clone()]
                .into_iter()
                .filter(|t| !t.contains('{'))
                .collect();
            ensure_topics(&sink, &topics, args.once, &cancel).await?;
            Arc::new(sink)
        }
    };
    let feeds = feed_specs(&cfg);
    let pipeline = Arc::new(Pipeline::new(
        fetcher,
        extractor,
        state,
        sink,
        PipelineConfig {
            topic: cfg.kafka.topic.clone(),
            routes: cfg
                .kafka
                .routes
                .iter()
                .map(|r| TopicRoute {
                    feed: r.feed.clone(),
                    lang: r.lang.clone(),
                    category: r.category.clone(),
                    topic: r.topic.clone(),
                })
                .collect(),
            dead_letter_topic,
            max_concurrent_fetches: cfg.fetch.concurrency,
            max_backoff: cfg.fetch.max_backoff,
            websub: cfg.websub.enabled.then(|| khabar_pipeline::WebSubConfig {
                callback: cfg.websub.callback.clone().unwrap_or_default(),
                secret: cfg
                    .websub
                    .secret
                    .as_ref()
                    .map(|s| s.0.clone())
                    .unwrap_or_default(),
                lease: cfg.websub.lease.unwrap_or(Duration::from_secs(10 * 86_400)),
            }),
            schedule: Schedule {
                min_interval: cfg.fetch.min_interval,
                max_interval: cfg.fetch.max_interval,
                respect_feed_hints: cfg.fetch.respect_feed_hints,
                adaptive: cfg.fetch.adaptive,
            },
            near_duplicates: NearDupConfig {
                mode: match cfg.dedup.near_duplicates {
                    NearDupModeEntry::Mark => NearDupMode::Mark,
                    NearDupModeEntry::Suppress => NearDupMode::Suppress,
                    NearDupModeEntry::Off => NearDupMode::Off,
                },
                max_distance: cfg.dedup.max_distance,
                capacity: cfg.dedup.index_capacity,
            },
        },
    ));
    let warmed = pipeline.warm_near_duplicates().await?;
    if warmed > 0 {
        info!(items = warmed, "near-duplicate index warmed from state");
    }
    let destination = match cfg.output.sink {
        SinkKind::Stdout => "stdout (JSON lines)".to_string(),
        SinkKind::Kafka => format!("Kafka topic {:?} at {}", cfg.kafka.topic, cfg.kafka.brokers),
    };
    info!(feeds = feeds.len(), to = %destination, once = args.once, "khabar starting");

    let started = Instant::now();
    let summary = if args.once {
        tokio::select! {
            s = pipeline.run_once(&feeds) => s,
            _ = cancel.cancelled() => { warn!("interrupted"); pipeline.stats.summary() }
        }
    } else {
        if let Some(addr) = cfg.ops.listen {
            crate::ops::serve(addr, Arc::clone(&pipeline), cancel.clone()).await?;
        }
        let (feeds_tx, feeds_rx) = tokio::sync::watch::channel(feeds);
        spawn_reloader(
            args.config.clone(),
            overrides.clone(),
            feeds_tx,
            cancel.clone(),
        );
        let task = {
            let p = Arc::clone(&pipeline);
            let c = cancel.clone();
            tokio::spawn(async move { p.run_reloadable(feeds_rx, c).await })
        };
        cancel.cancelled().await;
        info!(grace = ?cfg.shutdown.timeout, "shutting down: finishing polls in flight");
        match tokio::time::timeout(cfg.shutdown.timeout, task).await {
            Ok(Ok(s)) => s,
            Ok(Err(e)) => {
                error!(error = %e, "pipeline task failed");
                pipeline.stats.summary()
            }
            Err(_) => {
                warn!("polls still in flight at the deadline: their items were not recorded and will be published after restart");
                pipeline.stats.summary()
            }
        }
    };
    let flush_budget = if args.once {
        cfg.kafka.message_timeout
    } else {
        cfg.shutdown
            .timeout
            .saturating_sub(started.elapsed())
            .max(Duration::from_secs(2))
    };
    if let Err(e) = pipeline.sink().flush(flush_budget) {
        warn!(error = %e, "flush did not complete");
    }
    report(&summary, &destination);
    Ok(if !args.once || summary.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn feed_specs(cfg: &Config) -> Vec<FeedSpec> {
    cfg.feeds
        .iter()
        .map(|f| FeedSpec {
            url: f.url.clone(),
            name: f.name.clone(),
            interval: f.interval.unwrap_or(cfg.fetch.default_interval),
        })
        .collect()
}

/// Reload the feed list on SIGHUP or when the config file changes (checked
/// every 5 s). A config that no longer validates is reported and ignored:
/// the running feeds go on.
fn spawn_reloader(
    path: std::path::PathBuf,
    overrides: Overrides,
    tx: tokio::sync::watch::Sender<Vec<FeedSpec>>,
    cancel: CancellationToken,
) {
    let mtime = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    tokio::spawn(async move {
        #[cfg(unix)]
        let mut hup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
        let mut seen = mtime(&path);
        loop {
            #[cfg(unix)]
            let hangup = async {
                match hup.as_mut() {
                    Some(h) => {
                        h.recv().await;
                    }
                    None => std::future::pending().await,
                }
            };
            #[cfg(not(unix))]
            let hangup = std::future::pending::<()>();
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = hangup => info!("SIGHUP: reloading the feed list"),
                _ = tokio::time::sleep(Duration::from_secs(5)) => {
                    let now = mtime(&path);
                    if now == seen {
                        continue;
                    }
                    seen = now;
                    info!(config = %path.display(), "config file changed: reloading the feed list");
                }
            }
            match Config::load(&path, &overrides) {
                Ok(cfg) => {
                    let feeds = feed_specs(&cfg);
                    info!(feeds = feeds.len(), "feed list reloaded");
                    tx.send_replace(feeds);
                }
                Err(e) => {
                    warn!(error = %format!("{e:#}"), "reload failed; keeping the running feed list")
                }
            }
        }
    });
}

/// Create topics; in daemon mode keep trying while the broker is away.
async fn ensure_topics(
    sink: &KafkaSink,
    topics: &[String],
    once: bool,
    cancel: &CancellationToken,
) -> anyhow::Result<()> {
    let mut wait = Duration::from_secs(1);
    loop {
        match sink.ensure_topics(topics).await {
            Ok(()) => return Ok(()),
            Err(e @ khabar_kafka::KafkaError::Admin { .. }) if !once => {
                warn!(error = %e, retry_in = ?wait, "brokers unreachable; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = cancel.cancelled() => return Err(e.into()),
                }
                wait = (wait * 2).min(Duration::from_secs(30));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

fn report(s: &Summary, destination: &str) {
    eprintln!(
        "khabar: {} new and {} updated event(s) published to {destination}; {} near-duplicate(s) suppressed; {} dead-lettered; {} failed; {} poll(s), {} unchanged, {} failed",
        s.published, s.updated, s.suppressed, s.dead_lettered, s.failed, s.polls, s.not_modified, s.poll_errors
    );
    for e in &s.errors {
        eprintln!("khabar:   {e}");
    }
}

/// Forget items not seen for the retention period: at start-up, then hourly.
fn spawn_pruner(state: Arc<dyn StateStore>, retention: Duration, cancel: CancellationToken) {
    tokio::spawn(async move {
        loop {
            let cutoff = chrono::Utc::now().timestamp() - retention.as_secs() as i64;
            let s = Arc::clone(&state);
            match tokio::task::spawn_blocking(move || s.prune(cutoff)).await {
                Ok(Ok(0)) => {}
                Ok(Ok(n)) => info!(removed = n, "pruned items past retention"),
                Ok(Err(e)) => warn!(error = %e, "pruning state failed"),
                Err(e) => warn!(error = %e, "pruning task failed"),
            }
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            }
        }
    });
}

fn spawn_signal_handler(cancel: CancellationToken) {
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = ctrl_c => info!("SIGINT received"),
                        _ = term.recv() => info!("SIGTERM received"),
                    }
                }
                Err(e) => {
                    warn!(error = %e, "cannot listen for SIGTERM; only SIGINT stops khabar cleanly");
                    let _ = ctrl_c.await;
                }
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        cancel.cancel();
    });
}
