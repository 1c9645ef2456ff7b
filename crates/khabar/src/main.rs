//! The `khabar` binary: CLI, configuration, telemetry, signals.
//!
//! - `khabar run --config FILE [--once]`: poll feeds, publish enriched events.
//! - `khabar extract [--jsonl]`: the extraction contract on stdin/stdout.
//! - `khabar schema`: print the event JSON Schema.

mod config;
mod extract_cmd;
mod feeds_cmd;
mod ops;
mod run_cmd;
mod stdout_sink;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "khabar",
    version,
    about = "News feeds in, enriched Arabic-aware events out to Kafka."
)]
struct Cli {
    /// Log format on stderr: `text` or `json`.
    #[arg(long, global = true, env = "KHABAR_LOG_FORMAT", default_value = "text")]
    log_format: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Poll the configured feeds and publish one enriched event per new item.
    Run(RunArgs),
    /// Extract entities and figures from text on stdin (see SPEC.md).
    Extract(ExtractArgs),
    /// Print the JSON Schema of published events.
    Schema,
    /// Manage and inspect the feed list.
    #[command(subcommand)]
    Feeds(FeedsCommand),
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Configuration file (TOML).
    #[arg(
        long,
        short,
        env = "KHABAR_CONFIG",
        default_value = "/etc/khabar/khabar.toml"
    )]
    pub config: PathBuf,
    /// Poll every feed once, wait for every delivery, flush and exit.
    #[arg(long)]
    pub once: bool,
    /// Kafka bootstrap servers (overrides [kafka] brokers).
    #[arg(long, env = "KHABAR_BROKERS")]
    pub brokers: Option<String>,
    /// Topic for events (overrides [kafka] topic).
    #[arg(long, env = "KHABAR_TOPIC")]
    pub topic: Option<String>,
    /// Directory of the embedded state store (overrides [state] dir).
    #[arg(long, env = "KHABAR_STATE_DIR")]
    pub state_dir: Option<PathBuf>,
}

/// `--config FILE`, shared by the commands that read the config.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArg {
    /// Configuration file (TOML).
    #[arg(
        long = "config",
        short = 'c',
        env = "KHABAR_CONFIG",
        default_value = "/etc/khabar/khabar.toml"
    )]
    pub path: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Per-feed status of a running khabar (last poll, errors, next poll),
    /// read from its ops endpoint (`[ops] listen`).
    Status {
        #[command(flatten)]
        config: ConfigArg,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the configured feeds (after validation).
    List {
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Add the feeds of an OPML file (1.0/2.0, nested outlines) to the
    /// config file as [[feeds]] tables, titles kept; feeds already there
    /// are skipped. A running khabar picks them up within seconds.
    Import {
        /// The OPML file.
        opml: PathBuf,
        #[command(flatten)]
        config: ConfigArg,
    },
    /// Print the configured feeds as OPML 2.0.
    Export {
        #[command(flatten)]
        config: ConfigArg,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Read one JSON object per line, write one result per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Language: ar, en, ru, es or auto.
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Publication time (RFC 3339) for resolving relative dates.
    #[arg(long)]
    pub published: Option<String>,
    /// Directory of extra gazetteer files.
    #[arg(long, env = "KHABAR_EXTRACT_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
}

fn init_tracing(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KHABAR_LOG")
        .or_else(|_| tracing_subscriber::EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,rdkafka=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(&cli.log_format);
    let result = match cli.command {
        Command::Run(args) => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(run_cmd::run(args))),
        Command::Extract(args) => extract_cmd::run(args),
        Command::Feeds(cmd) => feeds_cmd::run(cmd),
        Command::Schema => {
            println!("{}", khabar_event::SCHEMA_JSON);
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("khabar: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
