//! Parsing never panics and never invents ids, whatever the bytes.

use proptest::prelude::*;

fn rss_with(title: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>{}</title><description>{}</description></item></channel></rss>",
        html_escape::encode_text(title),
        html_escape::encode_text(body)
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                   ct in proptest::option::of("[a-z/+-]{1,20}(; charset=[a-zA-Z0-9-]{1,12})?")) {
        let _ = khabar_fetch::parse_feed(&bytes, ct.as_deref(), "http://x/feed");
        let _ = khabar_fetch::decode_to_utf8(&bytes, ct.as_deref());
        let _ = khabar_fetch::html_to_text(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn items_without_guid_or_link_get_the_same_id_every_time(title in "\\PC{0,40}", body in "\\PC{0,200}") {
        let xml = rss_with(&title, &body);
        let a = khabar_fetch::parse_feed(xml.as_bytes(), None, "u");
        let b = khabar_fetch::parse_feed(xml.as_bytes(), None, "u");
        if let (Ok(a), Ok(b)) = (a, b) {
            let ids_a: Vec<_> = a.items.iter().map(|i| i.item_id.clone()).collect();
            let ids_b: Vec<_> = b.items.iter().map(|i| i.item_id.clone()).collect();
            prop_assert_eq!(ids_a, ids_b);
        }
    }
}
