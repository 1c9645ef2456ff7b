//! `khabar feeds ...`: the feed list and the status of a running daemon.

use crate::config::{Config, Overrides};
use crate::FeedsCommand;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

pub fn run(cmd: FeedsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        FeedsCommand::List { config } => {
            let config = config.path;
            let cfg = Config::load(&config, &Overrides::default())?;
            for f in &cfg.feeds {
                let interval = f.interval.unwrap_or(cfg.fetch.default_interval);
                let name = f.name.as_deref().unwrap_or("");
                println!(
                    "{}\t{}\t{name}",
                    f.url,
                    humantime::format_duration(interval)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Import { opml, config } => {
            let config = config.path;
            let text = std::fs::read_to_string(&opml)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", opml.display()))?;
            let feeds = khabar_fetch::opml::parse(&text)?;
            let current = std::fs::read_to_string(&config)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", config.display()))?;
            // Validate what is there first: never append to a broken file.
            let cfg: Config = toml::from_str(&current).map_err(|e| {
                anyhow::anyhow!(
                    "{} does not parse, fix it before importing: {e}",
                    config.display()
                )
            })?;
            let known: std::collections::HashSet<&str> =
                cfg.feeds.iter().map(|f| f.url.as_str()).collect();
            let mut added = String::new();
            let mut count = 0;
            for f in feeds.iter().filter(|f| !known.contains(f.url.as_str())) {
                added.push_str("\n[[feeds]]\n");
                added.push_str(&format!("url = {}\n", toml_string(&f.url)));
                if let Some(t) = &f.title {
                    added.push_str(&format!("name = {}\n", toml_string(t)));
                }
                count += 1;
            }
            let mut file = std::fs::OpenOptions::new().append(true).open(&config)?;
            file.write_all(added.as_bytes())?;
            eprintln!(
                "khabar: imported {count} feed(s) from {} into {} ({} already there)",
                opml.display(),
                config.display(),
                feeds.len() - count
            );
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Export { config } => {
            let config = config.path;
            let cfg = Config::load(&config, &Overrides::default())?;
            let feeds: Vec<khabar_fetch::opml::OpmlFeed> = cfg
                .feeds
                .iter()
                .map(|f| khabar_fetch::opml::OpmlFeed {
                    url: f.url.clone(),
                    title: f.name.clone(),
                })
                .collect();
            print!("{}", khabar_fetch::opml::write(&feeds));
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Status { config, json } => {
            let config = config.path;
            let cfg = Config::load(&config, &Overrides::default())?;
            let addr = cfg.ops.listen.ok_or_else(|| {
                anyhow::anyhow!("[ops] listen is not set in {}: the running khabar has no status endpoint to ask", config.display())
            })?;
            let body = http_get(addr, "/feeds").map_err(|e| {
                anyhow::anyhow!(
                    "cannot reach khabar's ops endpoint at {addr}: {e} (is `khabar run` running?)"
                )
            })?;
            if json {
                println!("{body}");
                return Ok(ExitCode::SUCCESS);
            }
            let status: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&body)?;
            println!(
                "{:<60} {:>6} {:>9} {:<20} {:<20} last error",
                "feed", "errors", "published", "last poll", "next poll"
            );
            let short = |v: &serde_json::Value| {
                v.as_str()
                    .map_or("-".to_string(), |s| s.chars().take(19).collect())
            };
            for (url, s) in status {
                println!(
                    "{:<60} {:>6} {:>9} {:<20} {:<20} {}",
                    url,
                    s["consecutive_errors"],
                    s["items_published"],
                    short(&s["last_poll"]),
                    short(&s["next_poll"]),
                    s["last_error"].as_str().unwrap_or("")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn http_get(addr: std::net::SocketAddr, path: &str) -> std::io::Result<String> {
    let mut stream = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    if !head.starts_with("HTTP/1.1 200") {
        return Err(std::io::Error::other(
            head.lines().next().unwrap_or("bad response").to_string(),
        ));
    }
    Ok(body.to_string())
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_import_appends_new_feeds_once() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("khabar.toml");
        std::fs::write(&config, "[[feeds]]\nurl = \"https://arabic.rt.com/rss/\"\n").unwrap();
        let opml = dir.path().join("subs.opml");
        std::fs::write(
            &opml,
            r#"<?xml version="1.0"?><opml version="2.0"><head/><body>
            <outline text="عربي"><outline text="RT" xmlUrl="https://arabic.rt.com/rss/"/>
              <outline text="الاقتصاد &quot;RT&quot;" xmlUrl="https://arabic.rt.com/rss/business/"/></outline>
            <outline title="BBC" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/></body></opml>"#,
        )
        .unwrap();
        let import = |o: &std::path::Path| {
            run(FeedsCommand::Import {
                opml: o.to_path_buf(),
                config: crate::ConfigArg {
                    path: config.clone(),
                },
            })
            .unwrap();
            Config::load(&config, &Overrides::default()).unwrap()
        };
        let cfg = import(&opml);
        let urls: Vec<&str> = cfg.feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://arabic.rt.com/rss/",
                "https://arabic.rt.com/rss/business/",
                "https://feeds.bbci.co.uk/arabic/rss.xml"
            ]
        );
        assert_eq!(cfg.feeds[1].name.as_deref(), Some("الاقتصاد \"RT\""));
        assert_eq!(import(&opml).feeds.len(), 3, "importing again adds nothing");
    }
}
