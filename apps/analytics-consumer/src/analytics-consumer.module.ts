import { TOPICS } from '@c360/integration-events';
import type { CheckpointStore, DocumentStore } from '@c360/kernel';
import { CHECKPOINT_STORE, DOCUMENT_STORE, PLATFORM_CONFIG, type PlatformConfig } from '@c360/runtime';
import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { DailyMetricsWriter } from './daily-metrics.writer';
import { FileTopicSource } from './file-topic-source';
import { KafkaTopicSource } from './kafka-topic-source';
import type { TopicSource } from './topic-source';

const CONSUMED = [TOPICS.sales, TOPICS.loyalty, TOPICS.surveys];

/** The example analytics consumer: daily revenue, points issued and redeemed, NPS per day, from the topics. */
@Module({ controllers: [AnalyticsController] })
export class AnalyticsConsumerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Analytics');
  private readonly source: TopicSource | undefined;
  private readonly writer: DailyMetricsWriter;
  private consumed = 0;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    @Inject(CHECKPOINT_STORE) checkpoints: CheckpointStore,
  ) {
    this.writer = new DailyMetricsWriter(documents);
    const topics = config.topics;
    this.source =
      topics.kind === 'kafka'
        ? new KafkaTopicSource({
            brokers: topics.brokers,
            clientId: `${topics.clientId}-analytics`,
            groupId: 'c360-analytics-daily',
            topics: CONSUMED,
          })
        : topics.kind === 'files'
          ? new FileTopicSource(topics.dir, CONSUMED, checkpoints)
          : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.source) return this.logger.warn('TOPICS=off: nothing to consume');
    await this.source.start(async (events) => {
      this.consumed += await this.writer.apply(events);
      this.logger.log(`consumed ${this.consumed} events`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.source?.stop();
  }
}
