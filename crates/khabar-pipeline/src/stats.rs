//! Counters and per-feed status, updated from one place per event.

use crate::{PipelineError, PollReport};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;

/// Per-feed status for operators.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FeedStatus {
    pub last_poll: Option<DateTime<Utc>>,
    pub last_ok: Option<DateTime<Utc>>,
    pub consecutive_errors: u32,
    pub last_error: Option<String>,
    pub items_published: u64,
    pub next_poll: Option<DateTime<Utc>>,
}

/// Process-wide counters.
#[derive(Debug, Default)]
pub struct Stats {
    pub polls: AtomicU64,
    pub poll_errors: AtomicU64,
    pub not_modified: AtomicU64,
    pub published: AtomicU64,
    pub updated: AtomicU64,
    pub dead_lettered: AtomicU64,
    pub suppressed: AtomicU64,
    pub failed: AtomicU64,
    feeds: Mutex<BTreeMap<String, FeedStatus>>,
}

/// Totals at the end of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub polls: u64,
    pub poll_errors: u64,
    pub not_modified: u64,
    pub published: u64,
    pub updated: u64,
    pub dead_lettered: u64,
    pub suppressed: u64,
    pub failed: u64,
    pub errors: Vec<String>,
}

impl Summary {
    /// True when every poll and every delivery succeeded.
    pub fn ok(&self) -> bool {
        self.poll_errors == 0 && self.failed == 0
    }
}

impl Stats {
    pub(crate) fn add_report(&self, r: &PollReport) {
        self.published.fetch_add(r.published as u64, Relaxed);
        self.updated.fetch_add(r.updated as u64, Relaxed);
        self.dead_lettered
            .fetch_add(r.dead_lettered as u64, Relaxed);
        self.suppressed.fetch_add(r.suppressed as u64, Relaxed);
        self.failed.fetch_add(r.failed as u64, Relaxed);
    }

    pub(crate) fn record_poll(&self, feed: &str, result: &Result<PollReport, PipelineError>) {
        self.polls.fetch_add(1, Relaxed);
        let now = Utc::now();
        let mut feeds = self.feeds.lock().unwrap_or_else(|p| p.into_inner());
        let st = feeds.entry(feed.to_string()).or_default();
        st.last_poll = Some(now);
        match result {
            Ok(r) => {
                // A 304 never reaches `add_report`: count it here, once per poll.
                if r.not_modified {
                    self.not_modified.fetch_add(1, Relaxed);
                }
                st.last_ok = Some(now);
                st.consecutive_errors = 0;
                st.items_published += (r.published + r.updated) as u64;
            }
            Err(e) => {
                self.poll_errors.fetch_add(1, Relaxed);
                st.consecutive_errors += 1;
                st.last_error = Some(e.to_string());
            }
        }
    }

    pub(crate) fn set_next_poll(&self, feed: &str, at: DateTime<Utc>) {
        let mut feeds = self.feeds.lock().unwrap_or_else(|p| p.into_inner());
        feeds.entry(feed.to_string()).or_default().next_poll = Some(at);
    }

    /// A copy of every feed's status.
    pub fn feeds(&self) -> BTreeMap<String, FeedStatus> {
        self.feeds.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn summary(&self) -> Summary {
        let errors = self
            .feeds()
            .into_iter()
            .filter(|(_, s)| s.consecutive_errors > 0)
            .map(|(url, s)| format!("{url}: {}", s.last_error.unwrap_or_default()))
            .collect();
        Summary {
            polls: self.polls.load(Relaxed),
            poll_errors: self.poll_errors.load(Relaxed),
            not_modified: self.not_modified.load(Relaxed),
            published: self.published.load(Relaxed),
            updated: self.updated.load(Relaxed),
            dead_lettered: self.dead_lettered.load(Relaxed),
            suppressed: self.suppressed.load(Relaxed),
            failed: self.failed.load(Relaxed),
            errors,
        }
    }
}
