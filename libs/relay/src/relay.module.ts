import { PublishedContracts, type AnyIntegrationContract } from '@c360/integration-events';
import type { CheckpointStore } from '@c360/kernel';
import {
  PLATFORM_CONFIG,
  ProcessorHost,
  RELAY_CHECKPOINT_STORE,
  RELAY_OBSERVER,
  type PlatformConfig,
  type RelayObserver,
} from '@c360/runtime';
import {
  Inject,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { FileTopicPublisher } from './file-topic-publisher';
import { KafkaTopicPublisher } from './kafka-topic-publisher';
import { observedTopicPublisher } from './observed-topic-publisher';
import { RelayProcessor } from './relay.processor';
import type { TopicPublisher } from './topic-publisher.port';

/** Creates the publisher the configuration names (TOPICS=files | kafka | off). */
export function createTopicPublisher(topics: PlatformConfig['topics']): TopicPublisher | undefined {
  switch (topics.kind) {
    case 'files':
      return new FileTopicPublisher(topics.dir);
    case 'kafka':
      return new KafkaTopicPublisher({ brokers: topics.brokers, clientId: topics.clientId });
    case 'off':
      return undefined;
  }
}

const PUBLISHED_CONTRACTS = Symbol('PublishedContracts');

/**
 * The Kafka relay as a module: part of the embedded platform and of `apps/relay`, publishing what the
 * given contracts (every definition's `publishes`) say. With TOPICS=off it registers nothing.
 */
@Module({})
export class RelayModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly publisher: TopicPublisher | undefined;

  static forContracts(contracts: readonly AnyIntegrationContract[]): DynamicModule {
    return { module: RelayModule, providers: [{ provide: PUBLISHED_CONTRACTS, useValue: new PublishedContracts(contracts) }] };
  }

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    private readonly processors: ProcessorHost,
    @Inject(RELAY_CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PUBLISHED_CONTRACTS) private readonly contracts: PublishedContracts,
    // Records sent and failed publishes for /metrics, when the process runs the observability module.
    @Optional() @Inject(RELAY_OBSERVER) observer?: RelayObserver,
  ) {
    const publisher = createTopicPublisher(config.topics);
    this.publisher = publisher && observedTopicPublisher(publisher, observer);
  }

  onModuleInit(): void {
    if (!this.publisher) return;
    // Its checkpoint lives apart from the read models: rebuilding them must not re-publish history (ADR 0012).
    this.processors.register(new RelayProcessor(this.publisher, this.contracts), {
      context: 'relay',
      formerCheckpoints: ['relay:integration-events'],
      checkpoints: this.checkpoints,
    });
  }

  /** Creates the topics with their partitions and retention at start-up; a broker that is not up yet is
   *  not fatal: the first publish tries again, and health shows the relay retrying meanwhile. */
  onApplicationBootstrap(): void {
    // Not awaited: a client retrying a broker that is down must not hold up the rest of start-up.
    void this.publisher?.ensureTopics().catch((error: unknown) => {
      new Logger('Relay').warn(
        `topics not created yet (${error instanceof Error ? error.message : String(error)}); retrying on first publish`,
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.close();
  }
}
