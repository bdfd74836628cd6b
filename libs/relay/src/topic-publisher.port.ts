import type { IntegrationEvent } from '@c360/integration-events';

/**
 * Where integration events go: Kafka in production, per-topic files in the embedded default.
 * `publish` resolves only once every record is durably accepted (broker acknowledgement, fsync), so
 * the relay's checkpoint never moves past an event that could still be lost.
 */
export interface TopicPublisher {
  /** Creates the topics with their partitions and retention when missing (idempotent). */
  ensureTopics(): Promise<void>;
  publish(events: readonly IntegrationEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** The message headers every record carries (docs/topics.md). */
export function messageHeaders(event: IntegrationEvent): Record<string, string> {
  return {
    'event-id': event.eventId,
    'event-type': event.type,
    'schema-version': String(event.schemaVersion),
    'correlation-id': event.correlationId,
    'occurred-at': event.occurredAt,
  };
}
