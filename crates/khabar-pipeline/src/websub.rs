//! WebSub subscriber: for feeds that advertise a hub, subscribe, answer the
//! hub's verification, accept signed content pushes and renew leases.
//! Polling never stops, so a failing hub costs nothing but latency.
//!
//! The HTTP endpoint itself lives in the binary (the ops server routes
//! `/websub?feed=...` here); this module holds the protocol and its state.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// Subscriber settings.
#[derive(Debug, Clone)]
pub struct WebSubConfig {
    /// Public base URL of the callback, e.g. `https://khabar.example.org/websub`.
    pub callback: String,
    /// Secret from which each subscription's HMAC key is derived.
    pub secret: String,
    /// Lease to ask the hub for.
    pub lease: Duration,
}

#[derive(Debug, Clone)]
pub(crate) struct Subscription {
    pub hub: String,
    pub topic: String,
    pub requested_at: DateTime<Utc>,
    pub verified_until: Option<DateTime<Utc>>,
}

/// Subscription state, keyed by configured feed URL.
#[derive(Debug, Default)]
pub(crate) struct Subscriptions {
    map: Mutex<HashMap<String, Subscription>>,
}

impl Subscriptions {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Subscription>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether a (re)subscription is due for this feed and hub.
    pub fn due(
        &self,
        feed: &str,
        hub: &str,
        topic: &str,
        lease: Duration,
        now: DateTime<Utc>,
    ) -> bool {
        let renew_before = chrono::Duration::from_std(lease / 10).unwrap_or_default();
        match self.lock().get(feed) {
            None => true,
            Some(s) if s.hub != hub || s.topic != topic => true,
            Some(s) => match s.verified_until {
                Some(until) => until - now < renew_before,
                // Asked, not verified yet: ask again after an hour.
                None => now - s.requested_at > chrono::Duration::hours(1),
            },
        }
    }

    pub fn requested(&self, feed: &str, hub: &str, topic: &str, now: DateTime<Utc>) {
        self.lock().insert(
            feed.to_string(),
            Subscription {
                hub: hub.into(),
                topic: topic.into(),
                requested_at: now,
                verified_until: None,
            },
        );
    }

    /// The hub's verification: answer only for what we asked.
    pub fn verify(
        &self,
        feed: &str,
        mode: &str,
        topic: &str,
        lease: Option<u64>,
        now: DateTime<Utc>,
    ) -> bool {
        let mut map = self.lock();
        match (mode, map.get_mut(feed)) {
            ("subscribe", Some(s)) if s.topic == topic => {
                let lease = chrono::Duration::seconds(lease.unwrap_or(86_400) as i64);
                s.verified_until = Some(now + lease);
                true
            }
            // We unsubscribe only by forgetting; a hub asking to confirm an
            // unsubscription we did not ask for is refused.
            _ => false,
        }
    }

    pub fn is_known(&self, feed: &str) -> bool {
        self.lock().contains_key(feed)
    }
}

/// The HMAC key for one feed's subscription.
pub fn secret_for(config_secret: &str, feed: &str) -> String {
    khabar_core::ids::hash_hex(&[config_secret, feed])[..40].to_string()
}

/// Check `X-Hub-Signature: <algo>=<hex>` over `body` (sha1, sha256, sha512).
pub fn signature_valid(secret: &str, header: Option<&str>, body: &[u8]) -> bool {
    let Some((algo, hex)) = header.and_then(|h| h.trim().split_once('=')) else {
        return false;
    };
    let Some(expected) = decode_hex(hex) else {
        return false;
    };
    let key = secret.as_bytes();
    match algo {
        "sha1" => mac_ok::<Hmac<sha1::Sha1>>(key, body, &expected),
        "sha256" => mac_ok::<Hmac<sha2::Sha256>>(key, body, &expected),
        "sha512" => mac_ok::<Hmac<sha2::Sha512>>(key, body, &expected),
        _ => false,
    }
}

fn mac_ok<M: Mac + hmac::digest::KeyInit>(key: &[u8], body: &[u8], expected: &[u8]) -> bool {
    let Ok(mut mac) = <M as hmac::digest::KeyInit>::new_from_slice(key) else {
        return false;
    };
    mac.update(body);
    // Constant-time comparison.
    mac.verify_slice(expected).is_ok()
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(secret: &str, body: &[u8]) -> String {
        let mut mac =
            <Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(secret.as_bytes())
                .unwrap();
        mac.update(body);
        let bytes = mac.finalize().into_bytes();
        format!(
            "sha256={}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    }

    #[test]
    fn signatures() {
        let body = b"<rss/>";
        assert!(signature_valid("k", Some(&sign("k", body)), body));
        assert!(!signature_valid("other", Some(&sign("k", body)), body));
        assert!(!signature_valid(
            "k",
            Some(&sign("k", body)),
            b"<rss>changed</rss>"
        ));
        assert!(!signature_valid("k", None, body));
        assert!(!signature_valid("k", Some("md5=00"), body));
        assert!(!signature_valid("k", Some("sha256=zz"), body));
    }

    #[test]
    fn verification_only_for_what_we_asked_and_renewal() {
        let subs = Subscriptions::default();
        let now = Utc::now();
        let lease = Duration::from_secs(864_000);
        assert!(subs.due("f", "h", "t", lease, now));
        assert!(
            !subs.verify("f", "subscribe", "t", Some(3600), now),
            "never asked"
        );
        subs.requested("f", "h", "t", now);
        assert!(
            !subs.due("f", "h", "t", lease, now),
            "asked, waiting for verification"
        );
        assert!(!subs.verify("f", "subscribe", "other-topic", Some(3600), now));
        assert!(!subs.verify("f", "unsubscribe", "t", None, now));
        assert!(subs.verify("f", "subscribe", "t", Some(864_000), now));
        assert!(!subs.due("f", "h", "t", lease, now));
        assert!(
            subs.due(
                "f",
                "h",
                "t",
                lease,
                now + chrono::Duration::days(9) + chrono::Duration::hours(12)
            ),
            "renewed before the lease ends"
        );
        assert!(
            subs.due("f", "h2", "t", lease, now),
            "a new hub means a new subscription"
        );
    }
}
