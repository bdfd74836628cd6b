import { TOPIC_SETTINGS, type IntegrationEvent } from '@c360/integration-events';
import { CompressionTypes, Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { messageHeaders, type TopicPublisher } from './topic-publisher.port';

/**
 * Kafka through kafkajs: an idempotent producer (acks from all in-sync replicas, one request in
 * flight, so retries neither duplicate nor reorder within a partition), one `sendBatch` per relay
 * batch, keyed by customer id. Topics are created with their partitions and retention when missing.
 */
export class KafkaTopicPublisher implements TopicPublisher {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private topicsReady = false;

  constructor(options: { readonly brokers: readonly string[]; readonly clientId: string }) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: [...options.brokers], logLevel: logLevel.WARN });
  }

  async ensureTopics(): Promise<void> {
    if (this.topicsReady) return;
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = Object.entries(TOPIC_SETTINGS).filter(([topic]) => !existing.has(topic));
      if (missing.length) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map(([topic, settings]) => ({
            topic,
            numPartitions: settings.partitions,
            configEntries: [{ name: 'retention.ms', value: String(settings.retentionMs) }],
          })),
        });
      }
      this.topicsReady = true;
    } finally {
      await admin.disconnect();
    }
  }

  async publish(events: readonly IntegrationEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.ensureTopics();
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, IntegrationEvent[]>();
    for (const event of events) {
      const list = byTopic.get(event.topic);
      if (list) list.push(event);
      else byTopic.set(event.topic, [event]);
    }
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((event) => ({ key: event.key, value: JSON.stringify(event), headers: messageHeaders(event) })),
      })),
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
