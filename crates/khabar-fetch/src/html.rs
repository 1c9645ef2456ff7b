//! HTML to plain text: tags dropped, entities decoded, whitespace collapsed,
//! block elements turned into line breaks.

/// Strip tags from an HTML fragment and decode entities.
///
/// ```
/// assert_eq!(khabar_fetch::html_to_text("<p>a &amp; b</p><p>c</p>"), "a & b\nc");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            // An unclosed '<' is text, not a tag.
            out.push_str(after);
            rest = "";
            break;
        };
        let tag = after[1..gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(name.as_str(), "script" | "style") && !after[1..].starts_with('/') {
            // Skip the element's content entirely.
            let close = format!("</{name}");
            match after.to_ascii_lowercase().find(&close) {
                Some(end) => {
                    let tail = &after[end..];
                    rest = tail.find('>').map_or("", |g| &tail[g + 1..]);
                    continue;
                }
                None => {
                    rest = "";
                    break;
                }
            }
        }
        if matches!(
            name.as_str(),
            "p" | "br"
                | "div"
                | "li"
                | "tr"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
        ) {
            out.push('\n');
        }
        rest = &after[gt + 1..];
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out);
    let mut text = String::with_capacity(decoded.len());
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&line);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn strips_and_decodes() {
        let cases = [
            ("plain", "plain"),
            (
                "<img src=\"x.jpg\" alt=\"\" /><p>قال &quot;نعم&quot;</p>",
                "قال \"نعم\"",
            ),
            ("<p>a</p>\n\n<p>  b   c </p>", "a\nb c"),
            ("a<script>var x = '<p>';</script>b", "ab"),
            ("1 < 2", "1 < 2"),
            ("x &#x27;y&#x27;", "x 'y'"),
        ];
        for (input, want) in cases {
            assert_eq!(html_to_text(input), want, "{input}");
        }
    }
}
