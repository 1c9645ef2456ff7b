//! End-to-end: feeds served on loopback, `khabar run` against a real
//! Kafka-protocol broker (tansu), the topic read back with rdkafka.

mod support;

use std::collections::{HashMap, HashSet};
use std::time::Duration;
use support::*;

const RT_FEEDS: [&str; 5] = [
    "rt-main.xml",
    "rt-economy.xml",
    "rt-cp1256.xml",
    "rt-iso8859-6.xml",
    "en-atom.xml",
];

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            repo_root().join("crates/khabar-event/schema/khabar.event.v1.json"),
        )
        .unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// An RSS feed of `(guid, title, text)` items.
fn rss(items: &[(String, String, String)]) -> Vec<u8> {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>اختبار</title><language>ar</language>\n");
    for (guid, title, text) in items {
        x.push_str(&format!(
            "<item><title>{title}</title><link>{guid}</link><guid>{guid}</guid><description><![CDATA[<p>{text}</p>]]></description><pubDate>Tue, 04 Mar 2025 10:15:00 +0000</pubDate></item>\n"
        ));
    }
    x.push_str("</channel></rss>\n");
    x.into_bytes()
}

fn synthetic(range: std::ops::Range<usize>) -> Vec<(String, String, String)> {
    range
        .map(|i| {
            (
                format!("https://arabic.rt.com/world/{i}-item/"),
                format!("خبر رقم {i} عن روسيا ومصر"),
                format!("قال الرئيس فلاديمير بوتين في موسكو إن التجارة ارتفعت بنسبة {i}% لتبلغ {i} مليار دولار."),
            )
        })
        .collect()
}

#[test]
fn one_event_per_distinct_item_and_nothing_on_rerun() {
    let brokers = brokers();
    let topic = unique("rt");
    let server = FeedServer::start();
    for f in RT_FEEDS {
        let mut route = Route::xml(sample(f));
        if f.ends_with("atom.xml") {
            route.content_type = "application/atom+xml".into();
        }
        server.set(&format!("/{f}"), route);
    }
    let feeds: Vec<String> = RT_FEEDS
        .iter()
        .map(|f| server.url(&format!("/{f}")))
        .collect();
    let khabar = Khabar::new(&feeds, "");

    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 0, "first run failed:\n{stderr}");
    let records = read_topic(&brokers, &topic);

    // Exactly one event per distinct item across the five feeds.
    let manifest: serde_json::Value = serde_json::from_slice(&sample("manifest.json")).unwrap();
    let expected: HashSet<String> = manifest["items"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.trim_end_matches('/').to_string())
        .collect();
    assert_eq!(
        expected.len(),
        manifest["distinct_items"].as_u64().unwrap() as usize
    );
    let keys: Vec<&str> = records.iter().map(|r| r.key.as_str()).collect();
    let unique_keys: HashSet<String> = keys.iter().map(|k| k.to_string()).collect();
    assert_eq!(
        keys.len(),
        unique_keys.len(),
        "an item was published twice: {keys:?}"
    );
    assert_eq!(unique_keys, expected);

    let validator = schema_validator();
    for r in &records {
        let v = &r.value;
        let errors: Vec<String> = validator
            .iter_errors(v)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "event for {} invalid: {errors:?}", r.key);
        assert_eq!(v["item_id"], r.key.as_str(), "key = item_id");
        assert_eq!(
            r.headers.get("ce_id").map(String::as_str),
            v["event_id"].as_str()
        );
        assert_eq!(
            r.headers.get("ce_specversion").map(String::as_str),
            Some("1.0")
        );
        assert_eq!(
            r.headers.get("ce_type").map(String::as_str),
            Some("khabar.item.created")
        );
        assert_eq!(
            r.headers.get("ce_source").map(String::as_str),
            v["feed"]["url"].as_str()
        );
        assert_eq!(
            r.headers.get("content-type").map(String::as_str),
            Some("application/json")
        );
        let title = v["title"].as_str().unwrap();
        assert!(
            !title.contains('\u{FFFD}') && !v["summary"].as_str().unwrap().contains('\u{FFFD}'),
            "mojibake in {}",
            r.key
        );
        if v["lang"] == "ar" {
            assert!(
                title
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "Arabic title lost: {title}"
            );
        }
    }
    // Arabic text intact, from UTF-8 and legacy-encoded feeds alike.
    let by_key: HashMap<&str, &serde_json::Value> =
        records.iter().map(|r| (r.key.as_str(), &r.value)).collect();
    let opec = by_key["https://arabic.rt.com/business/1790000-dev-ar-01-opec-plus-cuts"];
    assert_eq!(
        opec["title"],
        "أوبك+ يمدد تخفيضات الإنتاج الطوعية ثلاثة أشهر إضافية وسط تراجع أسعار النفط"
    );
    assert!(opec["summary"].as_str().unwrap().contains("ألكسندر نوفاك"));
    assert!(
        !opec["summary"].as_str().unwrap().contains("<p>"),
        "HTML stripped"
    );
    assert_eq!(opec["published"], "2025-03-04T10:15:00Z");
    let cholera = by_key["https://arabic.rt.com/world/1790900-dev-ar-06-sudan-cholera"];
    assert!(
        cholera["title"].as_str().unwrap().contains("الكوليرا"),
        "windows-1256 feed decoded: {}",
        cholera["title"]
    );
    // Enrichment is in the event.
    let seed = by_key["https://arabic.rt.com/world/1790950-seed-rt-putin-kyrgyzstan"];
    let figures = seed["figures"].as_array().unwrap();
    assert!(
        figures
            .iter()
            .any(|f| f["kind"] == "percent" && f["value"] == 13.6),
        "figures: {figures:?}"
    );
    let entities = seed["entities"].as_array().unwrap();
    assert!(
        entities.iter().any(|e| e["type"] == "location"),
        "entities: {entities:?}"
    );

    // A second identical run publishes nothing and is cheap (conditional GET).
    let before_304 = server
        .not_modified
        .load(std::sync::atomic::Ordering::SeqCst);
    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 0, "second run failed:\n{stderr}");
    assert_eq!(
        topic_len(&brokers, &topic),
        records.len() as i64,
        "second run published again:\n{stderr}"
    );
    let after_304 = server
        .not_modified
        .load(std::sync::atomic::Ordering::SeqCst);
    assert_eq!(
        after_304 - before_304,
        RT_FEEDS.len(),
        "every feed answered 304 on the second run"
    );
}

#[test]
fn broken_feeds_and_oversized_items_lose_nothing() {
    let brokers = brokers();
    let topic = unique("dlq");
    let server = FeedServer::start();
    let mut items = synthetic(0..4);
    items.push((
        "https://arabic.rt.com/world/huge/".into(),
        "خبر طويل جدا".into(),
        "كلمة ".repeat(40_000),
    ));
    server.set("/good.xml", Route::xml(rss(&items)));
    server.set("/down.xml", Route::status(500));
    server.set(
        "/broken.xml",
        Route::xml(b"<rss><channel><item><title>no end".to_vec()),
    );
    let feeds = vec![
        server.url("/down.xml"),
        server.url("/good.xml"),
        server.url("/broken.xml"),
    ];
    let khabar = Khabar::new(
        &feeds,
        "[kafka.properties]\n\"message.max.bytes\" = \"100000\"\n\"batch.size\" = \"100000\"\n",
    );

    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 1, "broken feeds make --once exit non-zero:\n{stderr}");
    assert!(
        stderr.contains("/down.xml") && stderr.contains("500"),
        "summary names the failing feed:\n{stderr}"
    );
    assert!(
        stderr.contains("/broken.xml") && stderr.contains("parse"),
        "summary names the malformed feed:\n{stderr}"
    );

    let events = read_topic(&brokers, &topic);
    let keys: HashSet<String> = events.iter().map(|r| r.key.clone()).collect();
    let expected: HashSet<String> = items[..4]
        .iter()
        .map(|(g, _, _)| g.trim_end_matches('/').to_string())
        .collect();
    assert_eq!(
        keys, expected,
        "the good feed's items are all published despite the broken feeds"
    );

    let dead = read_topic(&brokers, &format!("{topic}.dead-letter"));
    assert_eq!(
        dead.len(),
        1,
        "the oversized item goes to the dead-letter topic"
    );
    let d = &dead[0].value;
    assert_eq!(d["item"]["item_id"], "https://arabic.rt.com/world/huge");
    assert_eq!(d["stage"], "publish");
    assert!(
        d["error"].as_str().unwrap().to_lowercase().contains("size"),
        "{d}"
    );

    // Handled items are not retried; the broken feeds still are, and fail again.
    let (code, _) = khabar.once(&brokers, &topic);
    assert_eq!(code, 1);
    assert_eq!(topic_len(&brokers, &format!("{topic}.dead-letter")), 1);
    assert_eq!(topic_len(&brokers, &topic), 4);
}

#[test]
fn broker_outage_loses_nothing_and_sigterm_exits_cleanly() {
    let mut tansu = Tansu::start();
    let brokers = tansu.brokers();
    let topic = unique("outage");
    let server = FeedServer::start();
    server.set("/feed.xml", Route::xml(rss(&synthetic(0..5))));
    let khabar = Khabar::new(
        &[server.url("/feed.xml")],
        // (appended to the [fetch] table first)
        "max_backoff = \"5s\"\n[kafka]\nmessage_timeout = \"3s\"\n[shutdown]\ntimeout = \"15s\"\n",
    );
    let mut child = khabar.spawn(&brokers, &topic);

    wait_for("the first five events", Duration::from_secs(90), || {
        topic_len(&brokers, &topic) == 5
    });

    // Broker down for 60 s while the feed keeps gaining items: one more
    // after each poll khabar makes.
    tansu.stop();
    let outage = std::time::Instant::now();
    let rss_before = rss_kib(child.id());
    let mut total = 5;
    let mut polls = 0;
    while outage.elapsed() < Duration::from_secs(60) {
        let hits = server.hits("/feed.xml");
        wait_for("a poll during the outage", Duration::from_secs(30), || {
            server.hits("/feed.xml") > hits
        });
        polls += 1;
        total += 1;
        server.set("/feed.xml", Route::xml(rss(&synthetic(0..total))));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "khabar exited during the outage:\n{}",
        khabar.log()
    );
    let rss_after = rss_kib(child.id());
    eprintln!(
        "outage: {polls} polls in 60 s, {total} items, RSS {rss_before} KiB -> {rss_after} KiB"
    );
    assert!(
        rss_after < rss_before + 64 * 1024,
        "memory grew during the outage: {rss_before} KiB -> {rss_after} KiB"
    );

    // Broker back: everything arrives.
    tansu.restart();
    wait_for(
        "every item after the outage",
        Duration::from_secs(120),
        || topic_len(&brokers, &topic) >= total as i64,
    );

    sigterm(&child);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "SIGTERM exits 0:\n{}", khabar.log());

    let records = read_topic(&brokers, &topic);
    let mut event_ids: HashMap<String, HashSet<String>> = HashMap::new();
    for r in &records {
        event_ids
            .entry(r.key.clone())
            .or_default()
            .insert(r.value["event_id"].as_str().unwrap().to_string());
    }
    let expected: HashSet<String> = synthetic(0..total)
        .iter()
        .map(|(g, _, _)| g.trim_end_matches('/').to_string())
        .collect();
    assert_eq!(
        event_ids.keys().cloned().collect::<HashSet<_>>(),
        expected,
        "none lost"
    );
    for (k, ids) in &event_ids {
        assert_eq!(ids.len(), 1, "a repeat of {k} carries a different event_id");
    }
    eprintln!(
        "outage test: {} records for {} items ({} repeats)",
        records.len(),
        expected.len(),
        records.len() - expected.len()
    );
}

/// The same article in a main and a section feed (there without guid and
/// with tracking parameters) is one event listing both feeds; a changed
/// title is one `item.updated`; a feed still listing the old version and an
/// unchanged re-listing publish nothing.
fn dedup_across_feeds_and_updates(state: &str) {
    let brokers = brokers();
    let topic = unique("dedup");
    let server = FeedServer::start();
    let a = "https://arabic.rt.com/world/100-a/";
    let main_items = |title_a: &str| {
        vec![
            (
                a.to_string(),
                title_a.to_string(),
                "قال بوتين في موسكو إن التجارة ارتفعت بنسبة 5%.".to_string(),
            ),
            (
                "https://arabic.rt.com/world/101-b/".into(),
                "خبر ب".into(),
                "نص ب عن مصر.".into(),
            ),
        ]
    };
    server.set("/main.xml", Route::xml(rss(&main_items("خبر أ"))));
    let section = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>قسم</title><language>ar</language>\
        <item><title>خبر أ</title><link>https://arabic.rt.com/world/100-a/?utm_source=rss&amp;utm_medium=section&amp;fbclid=x</link>\
        <description>قال بوتين في موسكو إن التجارة ارتفعت بنسبة 5%.</description></item>\
        <item><title>خبر ج</title><guid>https://arabic.rt.com/world/102-c/</guid><description>نص ج.</description></item>\
        </channel></rss>";
    server.set("/section.xml", Route::xml(section.as_bytes().to_vec()));
    let khabar = Khabar::new(
        &[server.url("/main.xml"), server.url("/section.xml")],
        state,
    );

    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 0, "{stderr}");
    let first = read_topic(&brokers, &topic);
    let keys: Vec<&str> = first.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(first.len(), 3, "A, B and C once each: {keys:?}");
    let a_key = a.trim_end_matches('/');
    let a1 = &first
        .iter()
        .find(|r| r.key == a_key)
        .expect("A published")
        .value;
    let feeds: HashSet<&str> = a1["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(
        feeds,
        HashSet::from([
            server.url("/main.xml").as_str(),
            server.url("/section.xml").as_str()
        ])
    );
    assert_eq!(a1["version"], 1);

    // The title changes in the main feed; the section still lists the old one.
    server.set("/main.xml", Route::xml(rss(&main_items("خبر أ — محدث"))));
    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 0, "{stderr}");
    let second = read_topic(&brokers, &topic);
    assert_eq!(second.len(), 4, "exactly one more event: {stderr}");
    let update = &second
        .iter()
        .find(|r| r.key == a_key && r.value["version"] == 2)
        .expect("A v2")
        .value;
    assert_eq!(update["event_type"], "item.updated");
    assert_eq!(update["previous_event_id"], a1["event_id"]);
    assert_eq!(update["title"], "خبر أ — محدث");
    assert_ne!(update["event_id"], a1["event_id"]);

    // Nothing changed since: nothing published, on the embedded or shared state alike.
    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(topic_len(&brokers, &topic), 4);
}

#[test]
fn dedup_and_updates_with_embedded_state() {
    dedup_across_feeds_and_updates("");
}

#[test]
fn dedup_and_updates_with_redis_state() {
    let prefix = unique("redis");
    dedup_across_feeds_and_updates(&format!("[state]\nbackend = \"redis\"\nredis_url = \"redis://127.0.0.1:6379/\"\nredis_prefix = \"{prefix}:\"\n"));
}

/// Resident memory of a process, from /proc.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn pseudo_random(below: u64) -> u64 {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    (n ^ (n >> 7)).wrapping_mul(0x9E37_79B9_7F4A_7C15) % below
}

fn sigkill(child: &mut std::process::Child) {
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
}

/// Killed with SIGKILL at random moments, 20 times, while the feed keeps
/// gaining items: nothing is lost, and every repeat carries the same
/// event_id. Then SIGTERM restarts: no repeats at all.
#[test]
fn crashes_lose_nothing_and_repeat_only_with_the_same_event_id() {
    let brokers = brokers();
    let server = FeedServer::start();
    let extra = "[kafka]\nmessage_timeout = \"10s\"\n[shutdown]\ntimeout = \"15s\"\n";

    // SIGKILL at random moments.
    let topic = unique("crash");
    let khabar = Khabar::new(&[server.url("/feed.xml")], extra);
    let mut total = 0;
    for round in 0..20 {
        total += 3;
        server.set("/feed.xml", Route::xml(rss(&synthetic(0..total))));
        let mut child = khabar.spawn(&brokers, &topic);
        // The kill moment is the experiment's random variable, not a wait for a result.
        std::thread::sleep(Duration::from_millis(150 + pseudo_random(1200)));
        sigkill(&mut child);
        eprintln!("crash round {round}: killed");
    }
    let mut child = khabar.spawn(&brokers, &topic);
    let expected: HashSet<String> = synthetic(0..total)
        .iter()
        .map(|(g, _, _)| g.trim_end_matches('/').to_string())
        .collect();
    // A slow machine may need a while to replay 20 crashes; on a timeout the
    // panic says which items are missing and what the daemon logged.
    let deadline = std::time::Instant::now() + Duration::from_secs(240);
    loop {
        let seen: HashSet<String> = try_read_topic(&brokers, &topic)
            .map(|r| r.iter().map(|x| x.key.clone()).collect())
            .unwrap_or_default();
        if seen == expected {
            break;
        }
        // A daemon that cannot start again after a kill (a state file left
        // unopenable, say) is the failure itself: report it at once.
        if let Some(status) = child.try_wait().expect("poll the daemon") {
            panic!(
                "the daemon exited ({status}) after the crashes instead of catching up\n{}",
                khabar.log()
            );
        }
        if std::time::Instant::now() > deadline {
            let missing: Vec<_> = expected.difference(&seen).collect();
            panic!(
                "timed out after 240s waiting for every item after the crashes; missing {missing:?}\n{}",
                khabar.log()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    sigterm(&child);
    assert_eq!(child.wait().unwrap().code(), Some(0), "{}", khabar.log());
    let records = read_topic(&brokers, &topic);
    let mut ids: HashMap<(String, u64), HashSet<String>> = HashMap::new();
    for r in &records {
        let key = (r.key.clone(), r.value["version"].as_u64().unwrap());
        ids.entry(key)
            .or_default()
            .insert(r.value["event_id"].as_str().unwrap().to_string());
    }
    for (k, v) in &ids {
        assert_eq!(
            v.len(),
            1,
            "repeats of {k:?} carry different event_ids: {v:?}"
        );
    }
    eprintln!(
        "crash test: {} items, {} records, {} repeats after 20 SIGKILLs",
        expected.len(),
        records.len(),
        records.len() - ids.len()
    );

    // SIGTERM: each restart finishes what it started; no repeats.
    let topic = unique("term");
    let khabar = Khabar::new(&[server.url("/feed.xml")], extra);
    for round in 0..5 {
        let n = total + 2 * (round + 1);
        server.set("/feed.xml", Route::xml(rss(&synthetic(0..n))));
        let mut child = khabar.spawn(&brokers, &topic);
        std::thread::sleep(Duration::from_millis(150 + pseudo_random(1200)));
        sigterm(&child);
        assert_eq!(
            child.wait().unwrap().code(),
            Some(0),
            "round {round}: {}",
            khabar.log()
        );
    }
    let mut child = khabar.spawn(&brokers, &topic);
    let n = total + 10;
    wait_for(
        "every item after the SIGTERM restarts",
        Duration::from_secs(120),
        || topic_len(&brokers, &topic) >= n as i64,
    );
    sigterm(&child);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    let records = read_topic(&brokers, &topic);
    let keys: HashSet<String> = records.iter().map(|r| r.key.clone()).collect();
    assert_eq!(keys.len(), n, "none lost");
    assert_eq!(records.len(), n, "SIGTERM restarts produce no repeats");
}

const STORY: &str = "قرر تحالف أوبك+ خلال اجتماع عقده عبر الفيديو تمديد التخفيضات الطوعية البالغة 2.2 مليون برميل يوميا حتى نهاية يونيو المقبل، على أن تبدأ زيادة تدريجية للإمدادات اعتبارا من يوليو 2025. وقال نائب رئيس الوزراء الروسي ألكسندر نوفاك للصحفيين إن روسيا ستواصل خفض إنتاجها بواقع 471 ألف برميل يوميا، مشيرا إلى أن إنتاج بلاده بلغ نحو 9 ملايين برميل في اليوم خلال فبراير الماضي. من جهته، أكد وزير الطاقة السعودي الأمير عبد العزيز بن سلمان أن المملكة ستبقي إنتاجها قرب 9 ملايين برميل يوميا.";

fn near_duplicates(mode: &str) -> (Vec<Record>, String) {
    let brokers = brokers();
    let topic = unique(&format!("neardup-{mode}"));
    let server = FeedServer::start();
    let original = vec![(
        "https://arabic.rt.com/business/1-opec/".to_string(),
        "أوبك+ تمدد التخفيضات".to_string(),
        STORY.to_string(),
    )];
    // The same story syndicated elsewhere: other URL and title, other digits, a credit line.
    let copy_text = STORY.replace("2.2", "٢٫٢").replace("471", "٤٧١") + " المصدر: وكالات";
    let copy = vec![
        (
            "https://news.example.org/2024/opec-cuts".to_string(),
            "تمديد تخفيضات أوبك بلس".to_string(),
            copy_text,
        ),
        (
            "https://news.example.org/2024/other".to_string(),
            "خبر آخر".to_string(),
            synthetic(7..8)[0].2.repeat(3),
        ),
    ];
    server.set("/rt.xml", Route::xml(rss(&original)));
    server.set("/agency.xml", Route::xml(rss(&copy)));
    let khabar = Khabar::new(
        &[server.url("/rt.xml"), server.url("/agency.xml")],
        &format!("[dedup]\nnear_duplicates = \"{mode}\"\n"),
    );
    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 0, "{stderr}");
    (read_topic(&brokers, &topic), stderr)
}

#[test]
fn near_duplicates_are_marked_or_suppressed() {
    let (marked, _) = near_duplicates("mark");
    assert_eq!(marked.len(), 3);
    let dup = marked
        .iter()
        .find(|r| r.key == "https://news.example.org/2024/opec-cuts")
        .expect("copy published");
    let originals: Vec<&Record> = marked.iter().filter(|r| r.key != dup.key).collect();
    assert!(
        originals.iter().all(|r| r.value["duplicate_of"].is_null()),
        "only the copy is marked"
    );
    assert_eq!(
        dup.value["duplicate_of"],
        "https://arabic.rt.com/business/1-opec"
    );

    let (suppressed, stderr) = near_duplicates("suppress");
    let keys: HashSet<&str> = suppressed.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        HashSet::from([
            "https://arabic.rt.com/business/1-opec",
            "https://news.example.org/2024/other"
        ]),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 near-duplicate(s) suppressed"),
        "{stderr}"
    );
}

#[test]
fn moved_feeds_follow_and_gone_feeds_stop() {
    let brokers = brokers();
    let topic = unique("moved");
    let server = FeedServer::start();
    server.set("/old.xml", Route::redirect(301, &server.url("/new.xml")));
    server.set("/new.xml", Route::xml(rss(&synthetic(0..2))));
    server.set("/gone.xml", Route::status(410));
    let khabar = Khabar::new(&[server.url("/old.xml"), server.url("/gone.xml")], "");

    let (code, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(code, 1, "a gone feed is reported:\n{stderr}");
    assert!(stderr.contains("gone.xml"), "{stderr}");
    assert_eq!(
        topic_len(&brokers, &topic),
        2,
        "the moved feed's items are published"
    );
    let (old_hits, gone_hits) = (server.hits("/old.xml"), server.hits("/gone.xml"));

    server.set("/new.xml", Route::xml(rss(&synthetic(0..3))));
    let (_, stderr) = khabar.once(&brokers, &topic);
    assert_eq!(
        server.hits("/old.xml"),
        old_hits,
        "the moved feed is polled at its new URL"
    );
    assert_eq!(
        server.hits("/gone.xml"),
        gone_hits,
        "a gone feed is not polled again:\n{stderr}"
    );
    assert_eq!(topic_len(&brokers, &topic), 3);
}

/// A feed added to the config file of a running khabar starts being polled
/// without a restart; the ops endpoint and `khabar feeds status` report it.
#[test]
fn config_reload_and_ops_endpoint() {
    let brokers = brokers();
    let topic = unique("reload");
    let server = FeedServer::start();
    server.set("/a.xml", Route::xml(rss(&synthetic(0..2))));
    server.set("/b.xml", Route::xml(rss(&synthetic(50..53))));
    let port = free_port();
    let ops = format!("127.0.0.1:{port}");
    let khabar = Khabar::new(
        &[server.url("/a.xml")],
        &format!("[ops]\nlisten = \"{ops}\"\n"),
    );
    let mut child = khabar.spawn(&brokers, &topic);
    wait_for("feed a's events", Duration::from_secs(60), || {
        topic_len(&brokers, &topic) == 2
    });
    wait_for("the metrics to count them", Duration::from_secs(30), || {
        http(&ops, "GET", "/metrics", &[], b"")
            .is_some_and(|(_, m)| m.contains("khabar_events_published_total 2"))
    });

    let mut cfg = std::fs::read_to_string(&khabar.config).unwrap();
    cfg.push_str(&format!(
        "\n[[feeds]]\nurl = \"{}\"\ninterval = \"1s\"\n",
        server.url("/b.xml")
    ));
    std::fs::write(&khabar.config, cfg).unwrap();
    wait_for(
        "feed b, added while running",
        Duration::from_secs(60),
        || topic_len(&brokers, &topic) == 5,
    );

    let status = std::process::Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["feeds", "status", "--json", "--config"])
        .arg(&khabar.config)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let feeds: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(feeds[server.url("/b.xml")]["items_published"], 3, "{feeds}");
    assert_eq!(feeds[server.url("/a.xml")]["consecutive_errors"], 0);

    sigterm(&child);
    assert_eq!(child.wait().unwrap().code(), Some(0), "{}", khabar.log());
}

/// Subscription requests a hub received, as form fields.
type HubLog = std::sync::Arc<std::sync::Mutex<Vec<HashMap<String, String>>>>;

/// A minimal WebSub hub: records subscription requests (form bodies).
fn fake_hub() -> (String, HubLog) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hub", listener.local_addr().unwrap());
    let requests: std::sync::Arc<std::sync::Mutex<Vec<HashMap<String, String>>>> =
        Default::default();
    let seen = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let form: HashMap<String, String> =
                url::form_urlencoded::parse(&body).into_owned().collect();
            seen.lock().unwrap().push(form);
            let mut stream = stream;
            let _ = stream.write_all(b"HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        }
    });
    (url, requests)
}

/// WebSub: a feed advertising a hub is subscribed to; the hub's
/// verification is answered; a signed push is published through the same
/// dedup path; a push with a bad signature is not.
#[test]
fn websub_subscribe_verify_and_signed_push() {
    use hmac::Mac;
    let brokers = brokers();
    let topic = unique("websub");
    let (hub, requests) = fake_hub();
    let server = FeedServer::start();
    let feed_url = server.url("/feed.xml");
    let with_hub = |items: &[(String, String, String)]| {
        let xml = String::from_utf8(rss(items)).unwrap().replace(
            "<channel>",
            &format!("<channel><atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"hub\" href=\"{hub}\"/><atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"self\" href=\"{feed_url}\"/>"),
        );
        xml.into_bytes()
    };
    server.set("/feed.xml", Route::xml(with_hub(&synthetic(0..1))));
    let port = free_port();
    let ops = format!("127.0.0.1:{port}");
    let extra = format!(
        "[ops]\nlisten = \"{ops}\"\n[websub]\nenabled = true\ncallback = \"http://{ops}/websub\"\nsecret = \"a-test-secret-of-some-length\"\n"
    );
    // Poll once an hour: only a push can bring the next item quickly.
    let khabar = Khabar::new(std::slice::from_ref(&feed_url), &extra);
    let cfg = std::fs::read_to_string(&khabar.config)
        .unwrap()
        .replace("interval = \"1s\"", "interval = \"1h\"");
    std::fs::write(&khabar.config, cfg).unwrap();
    let mut child = khabar.spawn(&brokers, &topic);
    wait_for("the first poll's event", Duration::from_secs(60), || {
        topic_len(&brokers, &topic) == 1
    });
    wait_for("a subscription request", Duration::from_secs(30), || {
        !requests.lock().unwrap().is_empty()
    });
    let sub = requests.lock().unwrap()[0].clone();
    assert_eq!(sub["hub.mode"], "subscribe");
    assert_eq!(sub["hub.topic"], feed_url);
    let callback = sub["hub.callback"]
        .strip_prefix(&format!("http://{ops}"))
        .unwrap()
        .to_string();
    let secret = sub["hub.secret"].clone();

    // Verification of intent: the challenge comes back; an unknown topic is refused.
    let (status, body) = http(
        &ops,
        "GET",
        &format!(
            "{callback}&hub.mode=subscribe&hub.topic={}&hub.challenge=c-123&hub.lease_seconds=600",
            feed_url
        ),
        &[],
        b"",
    )
    .expect("ops endpoint");
    assert_eq!((status, body.as_str()), (200, "c-123"));
    let (status, _) = http(
        &ops,
        "GET",
        &format!("{callback}&hub.mode=subscribe&hub.topic=http://evil/&hub.challenge=x"),
        &[],
        b"",
    )
    .expect("ops endpoint");
    assert_eq!(status, 404);

    // A forged push is ignored; a signed one is published.
    let pushed = with_hub(&synthetic(0..3));
    let (status, _) = http(
        &ops,
        "POST",
        &callback,
        &[
            ("X-Hub-Signature", "sha256=00".into()),
            ("Content-Type", "application/rss+xml".into()),
        ],
        &pushed,
    )
    .expect("ops endpoint");
    assert_eq!(status, 202);
    let mut mac =
        <hmac::Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(secret.as_bytes())
            .unwrap();
    mac.update(&pushed);
    let sig: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        topic_len(&brokers, &topic),
        1,
        "the forged push published nothing"
    );
    let (status, _) = http(
        &ops,
        "POST",
        &callback,
        &[
            ("X-Hub-Signature", format!("sha256={sig}")),
            ("Content-Type", "application/rss+xml".into()),
        ],
        &pushed,
    )
    .expect("ops endpoint");
    assert_eq!(status, 202);
    wait_for("the pushed items", Duration::from_secs(30), || {
        topic_len(&brokers, &topic) == 3
    });

    sigterm(&child);
    assert_eq!(child.wait().unwrap().code(), Some(0), "{}", khabar.log());
    let keys: HashSet<String> = read_topic(&brokers, &topic)
        .into_iter()
        .map(|r| r.key)
        .collect();
    assert_eq!(keys.len(), 3, "each item once");
}
