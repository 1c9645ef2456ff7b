//! The Kafka sink. This is the only crate that links librdkafka.
//!
//! Guarantee: [`KafkaSink::send`] resolves `Ok` only after the broker
//! acknowledged the record with `acks=all` on an idempotent producer; the
//! caller advances its state only then. librdkafka's queue is bounded
//! (`queue.buffering.max.messages`) and a full queue makes `send` wait:
//! backpressure, never a drop. Failures are classified permanent (dead-letter
//! material) or retriable from an explicit list. Dropping a producer does not
//! flush it: call [`Sink::flush`] on shutdown.
//!
//! ```no_run
//! # async fn demo() -> Result<(), khabar_kafka::KafkaError> {
//! use khabar_core::{OutMessage, Sink};
//! let sink = khabar_kafka::KafkaSink::new(&khabar_kafka::KafkaConfig::new("127.0.0.1:9092"))?;
//! sink.ensure_topics(&["news".into()]).await?;
//! let msg = OutMessage { topic: "news".into(), key: "k".into(), payload: b"{}".to_vec(), headers: vec![] };
//! sink.send(msg).await.expect("delivered");
//! # Ok(()) }
//! ```

use khabar_core::{DeliveryError, DeliveryFuture, OutMessage, Sink};
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError as RdError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// Producer and topic settings.
#[derive(Debug, Clone)]
pub struct KafkaConfig {
    pub brokers: String,
    pub client_id: String,
    /// How long librdkafka keeps retrying one message before reporting it
    /// failed. The pipeline retries failed items on the next poll.
    pub message_timeout: Duration,
    /// Bound on librdkafka's in-memory queue.
    pub queue_max_messages: usize,
    /// Create missing topics at start-up.
    pub create_topics: bool,
    pub partitions: i32,
    pub replication_factor: i32,
    /// Extra librdkafka properties (security, compression, ...).
    pub properties: BTreeMap<String, String>,
}

impl KafkaConfig {
    pub fn new(brokers: &str) -> Self {
        Self {
            brokers: brokers.to_string(),
            client_id: "khabar".into(),
            message_timeout: Duration::from_secs(300),
            queue_max_messages: 10_000,
            create_topics: true,
            partitions: 3,
            replication_factor: 1,
            properties: BTreeMap::new(),
        }
    }

    fn client_config(&self) -> ClientConfig {
        let mut c = ClientConfig::new();
        c.set("bootstrap.servers", &self.brokers)
            .set("client.id", &self.client_id)
            .set("enable.idempotence", "true")
            .set("acks", "all")
            .set(
                "message.timeout.ms",
                self.message_timeout.as_millis().to_string(),
            )
            .set(
                "queue.buffering.max.messages",
                self.queue_max_messages.to_string(),
            )
            .set("compression.type", "lz4")
            .set("linger.ms", "20");
        for (k, v) in &self.properties {
            c.set(k, v);
        }
        c
    }
}

/// Errors at start-up (creating the producer or the topics).
#[derive(Debug, thiserror::Error)]
pub enum KafkaError {
    #[error("could not create the Kafka producer (check [kafka] brokers and properties): {0}")]
    Client(#[source] RdError),
    #[error("could not reach the Kafka brokers at {brokers} to create topics: {source}")]
    Admin {
        brokers: String,
        #[source]
        source: RdError,
    },
    #[error("topic {topic:?} could not be created: {code}. Create it yourself, or grant this client CreateTopics, or set [kafka] create_topics = false if it exists")]
    CreateTopic {
        topic: String,
        code: RDKafkaErrorCode,
    },
    #[error("topic {topic:?} does not exist and [kafka] create_topics is false: create it first")]
    MissingTopic { topic: String },
}

/// The rdkafka-backed [`Sink`].
pub struct KafkaSink {
    /// The live producer and its generation; replaced after errors that
    /// leave an idempotent producer stuck (see [`needs_new_producer`]).
    current: Arc<RwLock<(u64, FutureProducer)>>,
    config: KafkaConfig,
    /// Topics known to exist; others are checked or created on first use.
    known_topics: Arc<Mutex<HashSet<String>>>,
}

impl std::fmt::Debug for KafkaSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KafkaSink")
            .field("brokers", &self.config.brokers)
            .finish()
    }
}

impl KafkaSink {
    pub fn new(config: &KafkaConfig) -> Result<Self, KafkaError> {
        let producer: FutureProducer = config
            .client_config()
            .create()
            .map_err(KafkaError::Client)?;
        Ok(Self {
            current: Arc::new(RwLock::new((0, producer))),
            config: config.clone(),
            known_topics: Arc::default(),
        })
    }

    fn producer(&self) -> (u64, FutureProducer) {
        let guard = self.current.read().unwrap_or_else(|p| p.into_inner());
        (guard.0, guard.1.clone())
    }

    /// Make sure the topics exist: create the missing ones when allowed,
    /// otherwise say which are missing.
    pub async fn ensure_topics(&self, topics: &[String]) -> Result<(), KafkaError> {
        ensure(&self.config, &self.producer().1, topics).await?;
        let mut known = self.known_topics.lock().unwrap_or_else(|p| p.into_inner());
        known.extend(topics.iter().cloned());
        Ok(())
    }
}

/// Check or create `topics`, per `config.create_topics`.
async fn ensure(
    config: &KafkaConfig,
    producer: &FutureProducer,
    topics: &[String],
) -> Result<(), KafkaError> {
    let timeout = Duration::from_secs(30);
    if !config.create_topics {
        for topic in topics {
            let md = producer
                .client()
                .fetch_metadata(Some(topic), timeout)
                .map_err(|source| KafkaError::Admin {
                    brokers: config.brokers.clone(),
                    source,
                })?;
            let missing = md
                .topics()
                .iter()
                .all(|t| t.name() != topic || t.error().is_some() || t.partitions().is_empty());
            if missing {
                return Err(KafkaError::MissingTopic {
                    topic: topic.clone(),
                });
            }
        }
        return Ok(());
    }
    let admin: AdminClient<DefaultClientContext> = config
        .client_config()
        .create()
        .map_err(KafkaError::Client)?;
    let new: Vec<NewTopic> = topics
        .iter()
        .map(|t| {
            NewTopic::new(
                t,
                config.partitions,
                TopicReplication::Fixed(config.replication_factor),
            )
        })
        .collect();
    let opts = AdminOptions::new()
        .operation_timeout(Some(timeout))
        .request_timeout(Some(timeout));
    let results = admin
        .create_topics(&new, &opts)
        .await
        .map_err(|source| KafkaError::Admin {
            brokers: config.brokers.clone(),
            source,
        })?;
    for r in results {
        match r {
            Ok(topic) => tracing::info!(topic, "created topic"),
            Err((topic, RDKafkaErrorCode::TopicAlreadyExists)) => {
                tracing::debug!(topic, "topic exists")
            }
            Err((topic, code)) => return Err(KafkaError::CreateTopic { topic, code }),
        }
    }
    Ok(())
}

/// Error codes after which resending the same record cannot succeed.
const PERMANENT: &[RDKafkaErrorCode] = &[
    RDKafkaErrorCode::MessageSizeTooLarge,
    RDKafkaErrorCode::InvalidMessageSize,
    RDKafkaErrorCode::InvalidMessage,
    RDKafkaErrorCode::InvalidRecord,
    RDKafkaErrorCode::TopicAuthorizationFailed,
    RDKafkaErrorCode::ClusterAuthorizationFailed,
    RDKafkaErrorCode::InvalidTopic,
    RDKafkaErrorCode::InvalidRequiredAcks,
    RDKafkaErrorCode::UnsupportedForMessageFormat,
    RDKafkaErrorCode::InvalidArgument,
];

/// Classify a produce error as permanent or retriable.
pub fn classify(err: &RdError) -> DeliveryError {
    let permanent = err
        .rdkafka_error_code()
        .is_some_and(|c| PERMANENT.contains(&c));
    DeliveryError {
        permanent,
        message: err.to_string(),
    }
}

/// Errors after which an idempotent producer may stay stuck: the broker lost
/// its producer-id state (after a restart), librdkafka raised a fatal error,
/// or messages timed out during an outage (a fresh producer id avoids
/// sequence gaps that some brokers, tansu among them, cannot recover from).
/// The next deliveries go through a new producer.
pub fn needs_new_producer(err: &RdError) -> bool {
    matches!(
        err.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::Unknown
                | RDKafkaErrorCode::Fatal
                | RDKafkaErrorCode::MessageTimedOut
                | RDKafkaErrorCode::OutOfOrderSequenceNumber
                | RDKafkaErrorCode::UnknownProducerId
                | RDKafkaErrorCode::InvalidProducerEpoch
                | RDKafkaErrorCode::InvalidProducerIdMapping
                | RDKafkaErrorCode::DuplicateSequenceNumber
        )
    )
}

/// Replace generation `seen` of the producer, unless another task already did.
fn renew(current: &RwLock<(u64, FutureProducer)>, config: &KafkaConfig, seen: u64) {
    let mut guard = current.write().unwrap_or_else(|p| p.into_inner());
    if guard.0 != seen {
        return;
    }
    match config.client_config().create::<FutureProducer>() {
        Ok(p) => {
            tracing::warn!(
                generation = seen + 1,
                "replacing the Kafka producer after an unrecoverable delivery error"
            );
            // Messages still queued in the old producer fail when its last
            // clone drops; their items stay unrecorded and are sent again.
            *guard = (seen + 1, p);
        }
        Err(e) => tracing::error!(error = %e, "could not create a new Kafka producer"),
    }
}

impl Sink for KafkaSink {
    fn send(&self, msg: OutMessage) -> DeliveryFuture {
        let (generation, producer) = self.producer();
        let current = Arc::clone(&self.current);
        let config = self.config.clone();
        let known_topics = Arc::clone(&self.known_topics);
        Box::pin(async move {
            // A routed topic seen for the first time: check or create it.
            let known = known_topics
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(&msg.topic);
            if !known {
                let topics = [msg.topic.clone()];
                match ensure(&config, &producer, &topics).await {
                    Ok(()) => {
                        known_topics
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .insert(msg.topic.clone());
                    }
                    Err(e @ (KafkaError::CreateTopic { .. } | KafkaError::MissingTopic { .. })) => {
                        return Err(DeliveryError {
                            permanent: true,
                            message: e.to_string(),
                        });
                    }
                    Err(e) => {
                        return Err(DeliveryError {
                            permanent: false,
                            message: e.to_string(),
                        })
                    }
                }
            }
            let mut headers = OwnedHeaders::new_with_capacity(msg.headers.len());
            for (k, v) in &msg.headers {
                headers = headers.insert(Header {
                    key: k,
                    value: Some(v.as_bytes()),
                });
            }
            let record = FutureRecord::to(&msg.topic)
                .key(&msg.key)
                .payload(&msg.payload)
                .headers(headers);
            // `Timeout::Never` on the queue: a full librdkafka queue makes us
            // wait here (backpressure) instead of dropping the record.
            let result = producer
                .send(record, rdkafka::util::Timeout::Never)
                .await
                .map(|_| ());
            drop(producer);
            result.map_err(|(e, _)| {
                if needs_new_producer(&e) {
                    renew(&current, &config, generation);
                }
                classify(&e)
            })
        })
    }

    fn flush(&self, timeout: Duration) -> Result<(), DeliveryError> {
        self.producer().1.flush(timeout).map_err(|e| classify(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_classified() {
        let too_big = RdError::MessageProduction(RDKafkaErrorCode::MessageSizeTooLarge);
        assert!(classify(&too_big).permanent);
        let timed_out = RdError::MessageProduction(RDKafkaErrorCode::MessageTimedOut);
        assert!(!classify(&timed_out).permanent);
        let transport = RdError::MessageProduction(RDKafkaErrorCode::BrokerTransportFailure);
        assert!(!classify(&transport).permanent);
    }
}
