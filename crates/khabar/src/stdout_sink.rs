//! A sink that writes events as JSON lines on stdout: for trying khabar
//! offline and for piping into other tools. Acknowledges once written.

use khabar_core::{DeliveryError, DeliveryFuture, OutMessage, Sink};
use std::io::Write;
use std::time::Duration;

#[derive(Debug)]
pub struct StdoutSink {
    pub events_topic: String,
}

impl Sink for StdoutSink {
    fn send(&self, msg: OutMessage) -> DeliveryFuture {
        let to_stdout = msg.topic == self.events_topic;
        Box::pin(async move {
            let line = String::from_utf8_lossy(&msg.payload).into_owned();
            let written = if to_stdout {
                let mut out = std::io::stdout().lock();
                writeln!(out, "{line}")
            } else {
                let mut err = std::io::stderr().lock();
                writeln!(err, "dead-letter ({}): {line}", msg.topic)
            };
            written.map_err(|e| DeliveryError {
                permanent: false,
                message: format!("cannot write to stdout: {e}"),
            })
        })
    }

    fn flush(&self, _timeout: Duration) -> Result<(), DeliveryError> {
        std::io::stdout().flush().map_err(|e| DeliveryError {
            permanent: false,
            message: format!("cannot flush stdout: {e}"),
        })
    }
}
