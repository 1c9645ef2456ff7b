//! Per-host politeness: a cap on concurrent requests to one host and a
//! minimum spacing between their starts.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Hosts remembered before idle ones are forgotten.
const PRUNE_ABOVE: usize = 1024;

/// Limits requests per host. [`crate::Fetcher`] holds one when
/// `per_host_concurrency` or `per_host_delay` is set and acquires it around
/// every request (each redirect hop for its own host); callers fetching
/// with another client can use it directly.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// let limiter = khabar_fetch::HostLimiter::new(1, std::time::Duration::from_millis(1));
/// let permit = limiter.acquire("arabic.rt.com").await;
/// // ... one request to arabic.rt.com at a time ...
/// drop(permit);
/// # });
/// ```
#[derive(Debug)]
pub struct HostLimiter {
    per_host: usize,
    delay: Duration,
    hosts: Mutex<HashMap<String, Arc<HostState>>>,
}

#[derive(Debug)]
struct HostState {
    slots: Option<Arc<Semaphore>>,
    /// The earliest start time of the next request to this host.
    next_start: Mutex<Option<Instant>>,
}

/// Held for the duration of one request; dropping it frees the host slot.
#[derive(Debug)]
pub struct HostPermit {
    _slot: Option<OwnedSemaphorePermit>,
    _host: Arc<HostState>,
}

impl HostLimiter {
    /// `per_host`: requests in flight per host (0 = unlimited); `delay`:
    /// minimum time between the starts of two requests to one host.
    pub fn new(per_host: usize, delay: Duration) -> Self {
        Self {
            per_host,
            delay,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    /// Wait for a slot on `host` (case-insensitive) and for its spacing.
    pub async fn acquire(&self, host: &str) -> HostPermit {
        let state = self.host(host);
        let slot = match &state.slots {
            Some(sem) => Some(
                Arc::clone(sem)
                    .acquire_owned()
                    .await
                    .expect("the semaphore is owned here and never closed"),
            ),
            None => None,
        };
        if !self.delay.is_zero() {
            let start = {
                let mut next = state
                    .next_start
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                let now = Instant::now();
                let start = next.map_or(now, |n| n.max(now));
                *next = Some(start + self.delay);
                start
            };
            tokio::time::sleep_until(start).await;
        }
        HostPermit {
            _slot: slot,
            _host: state,
        }
    }

    fn host(&self, host: &str) -> Arc<HostState> {
        let mut hosts = self
            .hosts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if hosts.len() > PRUNE_ABOVE {
            let now = Instant::now();
            hosts.retain(|_, h| {
                let waiting = h
                    .next_start
                    .lock()
                    .map_or(true, |n| n.is_some_and(|n| n > now));
                Arc::strong_count(h) > 1 || waiting
            });
        }
        let per_host = self.per_host;
        Arc::clone(hosts.entry(host.to_ascii_lowercase()).or_insert_with(|| {
            Arc::new(HostState {
                slots: (per_host > 0).then(|| Arc::new(Semaphore::new(per_host))),
                next_start: Mutex::new(None),
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn caps_concurrency_per_host() {
        let limiter = HostLimiter::new(1, Duration::ZERO);
        let first = limiter.acquire("Example.com").await;
        let blocked =
            tokio::time::timeout(Duration::from_secs(60), limiter.acquire("example.com")).await;
        assert!(blocked.is_err(), "second request to the same host waits");
        let _other = limiter.acquire("other.org").await;
        drop(first);
        let _second = limiter.acquire("example.com").await;
    }

    #[tokio::test(start_paused = true)]
    async fn spaces_request_starts_per_host() {
        let limiter = HostLimiter::new(0, Duration::from_secs(2));
        let t0 = Instant::now();
        drop(limiter.acquire("a.com").await);
        assert_eq!(t0.elapsed(), Duration::ZERO);
        drop(limiter.acquire("a.com").await);
        assert_eq!(t0.elapsed(), Duration::from_secs(2));
        let _b = limiter.acquire("b.com").await;
        assert_eq!(
            t0.elapsed(),
            Duration::from_secs(2),
            "other hosts do not wait"
        );
        drop(limiter.acquire("a.com").await);
        assert_eq!(t0.elapsed(), Duration::from_secs(4));
    }

    #[tokio::test(start_paused = true)]
    async fn idle_hosts_are_forgotten() {
        let limiter = HostLimiter::new(1, Duration::ZERO);
        for i in 0..PRUNE_ABOVE + 10 {
            drop(limiter.acquire(&format!("h{i}.com")).await);
        }
        assert!(limiter.hosts.lock().unwrap().len() <= PRUNE_ABOVE + 1);
    }
}
