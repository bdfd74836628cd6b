import type { IntegrationEvent } from '@c360/integration-events';

/** Where the consumer reads integration events from: Kafka topics, or the embedded default's topic files. */
export interface TopicSource {
  /** Calls `onBatch` with events in topic order; a batch counts as consumed once `onBatch` resolved. */
  start(onBatch: (events: readonly IntegrationEvent[]) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}
