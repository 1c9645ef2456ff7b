//! `khabar feeds ...`: the feed list and the status of a running daemon.

use crate::config::{Config, Overrides};
use crate::FeedsCommand;
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

pub fn run(cmd: FeedsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        FeedsCommand::List { config } => {
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
        FeedsCommand::Status { config, json } => {
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
