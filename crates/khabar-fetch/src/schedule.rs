//! Adaptive poll spacing. Pure: the caller supplies the observed rate.

use std::time::Duration;

const DAY_SECS: f64 = 86_400.0;

/// What the publisher said about how often to come back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PollHints {
    /// From the feed: RSS `<ttl>` or `sy:updatePeriod` / `sy:updateFrequency`
    /// ([`crate::ParsedFeed::update_hint`]).
    pub feed: Option<Duration>,
    /// From the response: `Cache-Control: max-age` or `Expires`
    /// ([`crate::Fetched::cache_hint`]).
    pub http: Option<Duration>,
}

/// The delay before the next poll of a feed.
///
/// - With no observed rate, `configured`.
/// - With one, one poll per expected new item (`1 day / items_per_day`): a
///   busy feed is polled more often, a quiet one less; no new items at all
///   (rate 0) moves to `max`.
/// - The publisher's hints are a floor: never sooner than they ask.
/// - The result is clamped to `[min, max]`, so the operator's bounds win
///   over both the rate and the hints.
///
/// ```
/// use khabar_fetch::{next_interval, PollHints};
/// use std::time::Duration;
/// let m = |n: u64| Duration::from_secs(60 * n);
/// // 48 items a day: every 30 minutes, within [2 min, 2 h].
/// assert_eq!(next_interval(m(5), m(2), m(120), Some(48.0), PollHints::default()), m(30));
/// ```
pub fn next_interval(
    configured: Duration,
    min: Duration,
    max: Duration,
    observed_items_per_day: Option<f64>,
    hints: PollHints,
) -> Duration {
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    let base = match observed_items_per_day {
        Some(rate) if rate.is_finite() && rate > 0.0 => {
            // Bounded before converting: from_secs_f64 panics on overflow.
            Duration::from_secs_f64((DAY_SECS / rate).min(hi.as_secs_f64()))
        }
        Some(0.0) => hi,
        _ => configured,
    };
    let floor = hints.feed.max(hints.http);
    let wanted = floor.map_or(base, |f| base.max(f));
    wanted.clamp(lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: u64) -> Duration {
        Duration::from_secs(60 * n)
    }

    type Case = (
        u64,
        u64,
        u64,
        Option<f64>,
        PollHints,
        Duration,
        &'static str,
    );

    #[test]
    fn next_interval_cases() {
        let none = PollHints::default();
        let feed = |n| PollHints {
            feed: Some(m(n)),
            http: None,
        };
        let http = |n| PollHints {
            feed: None,
            http: Some(m(n)),
        };
        let both = PollHints {
            feed: Some(m(15)),
            http: Some(m(25)),
        };
        // (configured, min, max, rate, hints) -> expected
        let cases: &[Case] = &[
            (10, 2, 60, None, none, m(10), "no rate: configured"),
            (10, 2, 60, Some(144.0), none, m(10), "144/day: every 10 min"),
            (10, 2, 60, Some(48.0), none, m(30), "48/day: every 30 min"),
            (10, 2, 60, Some(10_000.0), none, m(2), "very busy: min"),
            (10, 2, 60, Some(1.0), none, m(60), "quiet: max"),
            (10, 2, 60, Some(0.0), none, m(60), "nothing new: max"),
            (
                10,
                2,
                60,
                Some(1e-300),
                none,
                m(60),
                "tiny rate, no overflow",
            ),
            (10, 2, 60, Some(f64::NAN), none, m(10), "NaN: configured"),
            (10, 2, 60, Some(-3.0), none, m(10), "negative: configured"),
            (10, 2, 60, None, feed(15), m(15), "ttl is a floor"),
            (
                10,
                2,
                60,
                None,
                feed(5),
                m(10),
                "a short ttl does not speed up",
            ),
            (
                10,
                2,
                60,
                Some(1000.0),
                http(20),
                m(20),
                "max-age is a floor",
            ),
            (10, 2, 60, None, both, m(25), "longest hint wins"),
            (
                10,
                2,
                60,
                None,
                feed(24 * 60),
                m(60),
                "max wins over a hint",
            ),
            (1, 2, 60, None, none, m(2), "configured below min"),
            (10, 60, 2, Some(48.0), none, m(30), "min and max swapped"),
        ];
        for (configured, min, max, rate, hints, expected, why) in cases {
            let got = next_interval(m(*configured), m(*min), m(*max), *rate, *hints);
            assert_eq!(got, *expected, "{why}");
        }
    }
}
