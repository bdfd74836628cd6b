import type { IntegrationEvent } from '@c360/integration-events';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { TopicSource } from './topic-source';

/** A Kafka consumer group: offsets are committed only after a batch was handled (at least once). */
export class KafkaTopicSource implements TopicSource {
  private consumer: Consumer | undefined;

  constructor(private readonly options: { brokers: readonly string[]; clientId: string; groupId: string; topics: readonly string[] }) {}

  async start(onBatch: (events: readonly IntegrationEvent[]) => Promise<void>): Promise<void> {
    const kafka = new Kafka({ clientId: this.options.clientId, brokers: [...this.options.brokers], logLevel: logLevel.WARN });
    const consumer = kafka.consumer({ groupId: this.options.groupId });
    this.consumer = consumer;
    await consumer.connect();
    for (const topic of this.options.topics) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        await onBatch(batch.messages.map((message) => JSON.parse(message.value?.toString() ?? '{}') as IntegrationEvent));
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
