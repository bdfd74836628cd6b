import type { IntegrationEvent, PublishedContracts } from '@c360/integration-events';
import { EventProcessingError, TransientStoreError, checkpointName, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import type { TopicPublisher } from './topic-publisher.port';

/**
 * Publishes integration events from the log, at least once: the subscription runner stores the
 * checkpoint only after `handle` returns, and `handle` returns only after the publisher's durable
 * acknowledgement. A crash in between publishes the batch again; consumers dedupe by event id.
 * A domain event that breaks its contract stops the relay on that event (visible in health).
 */
export class RelayProcessor implements EventProcessor {
  /** The one checkpoint naming rule (the first wave's `relay:integration-events` is carried over). */
  readonly name = checkpointName('relay', 'processor', 'integration-events');
  readonly filter: { eventTypes: readonly string[] };

  /** `contracts`: what every context of this process publishes (their definitions' `publishes`). */
  constructor(
    private readonly publisher: TopicPublisher,
    private readonly contracts: PublishedContracts,
  ) {
    this.filter = { eventTypes: contracts.domainEventTypes };
  }

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    const records: IntegrationEvent[] = [];
    for (const event of events) {
      try {
        const record = this.contracts.toIntegrationEvent(event);
        if (record) records.push(record);
      } catch (error) {
        throw new EventProcessingError(event, this.name, error);
      }
    }
    try {
      await this.publisher.publish(records);
    } catch (error) {
      // A broker that is down or busy passes: the runner retries the batch with backoff.
      throw new TransientStoreError(`Publishing ${records.length} integration events failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
