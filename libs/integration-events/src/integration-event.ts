/**
 * An integration event: the public, versioned contract analytics teams consume from Kafka. Separate
 * from domain events on purpose — a context may reshape its domain events freely; these change only
 * by a new version. They carry pseudonymous ids, codes, amounts and instants, never personal data,
 * so erasure never has to chase copies on a topic.
 */
export interface IntegrationEvent {
  /** The id of the domain event it was made from: consumers dedupe on it (delivery is at least once). */
  readonly eventId: string;
  /** `sales.purchase-recorded` */
  readonly type: string;
  /** Version of this integration contract (not of the domain event). */
  readonly schemaVersion: number;
  /** `c360.sales.v1` */
  readonly topic: string;
  /** The customer id: the message key, so each customer's events keep their order. */
  readonly key: string;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly data: Readonly<Record<string, IntegrationValue>>;
}

export type IntegrationValue =
  string | number | boolean | null | readonly IntegrationValue[] | { readonly [key: string]: IntegrationValue };

export const TOPICS = {
  contacts: 'c360.contacts.v1',
  sales: 'c360.sales.v1',
  tickets: 'c360.tickets.v1',
  loyalty: 'c360.loyalty.v1',
  surveys: 'c360.surveys.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Partitions and retention the relay creates each topic with (docs/topics.md). */
export const TOPIC_SETTINGS: Readonly<Record<TopicName, { readonly partitions: number; readonly retentionMs: number }>> = {
  'c360.contacts.v1': { partitions: 6, retentionMs: 30 * 24 * 3_600_000 },
  'c360.sales.v1': { partitions: 6, retentionMs: 30 * 24 * 3_600_000 },
  'c360.tickets.v1': { partitions: 6, retentionMs: 30 * 24 * 3_600_000 },
  'c360.loyalty.v1': { partitions: 6, retentionMs: 30 * 24 * 3_600_000 },
  'c360.surveys.v1': { partitions: 3, retentionMs: 30 * 24 * 3_600_000 },
};
