import type { DomainEvent, EnvelopeOf, EventEnvelope } from '@c360/kernel';
import type { FieldSchema } from './field-schema';
import type { TopicName } from './integration-event';

/**
 * One integration event a context publishes: which of its domain events it is made from, the topic,
 * the key and the whitelisted fields. Declared by the owning context beside its events (its
 * `contracts` lib) and listed in its definition's `publishes`; a domain event no contract names is
 * not published. `key` is typed against the context's own event, so a renamed field fails to compile.
 */
export interface IntegrationContract<TEvent extends DomainEvent = DomainEvent> {
  readonly type: string;
  readonly schemaVersion: number;
  readonly topic: TopicName;
  readonly from: TEvent['type'];
  readonly description: string;
  readonly fields: FieldSchema;
  /** The customer the event belongs to (the message key). */
  key(event: EnvelopeOf<TEvent>): string | undefined;
}

/** Any context's contract (the relay's list holds them all). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- method parameters are bivariant: a list holds every kind
export type AnyIntegrationContract = IntegrationContract<any>;

/**
 * Declares a context's contracts, each typed against the one domain event it is made from:
 * `defineIntegrationContracts<SalesEvent>()([{ from: 'sales.deal-won', key: (event) => event.data.customerId, ... }])`.
 */
export function defineIntegrationContracts<TEvent extends DomainEvent>() {
  return <const TList extends readonly ContractOf<TEvent>[]>(contracts: TList): readonly AnyIntegrationContract[] => contracts;
}

/** The contract of one member of the union: `key` sees that member's data. */
type ContractOf<TEvent extends DomainEvent> = TEvent extends DomainEvent ? IntegrationContract<TEvent> : never;

/** Field schemas used by many contracts. */
export const FIELDS = {
  customerId: { type: 'string', required: true, description: 'pseudonymous customer id (UUID)' },
  currency: { type: 'string', required: true, description: 'ISO 4217 currency code' },
  points: { type: 'integer', required: true, description: 'points' },
  instant: (description: string, required = true) => ({ type: 'instant', required, description }) as const,
  amount: (description: string) => ({ type: 'integer', required: true, description: `${description}, integer minor units` }) as const,
} as const;

/** A string field of the event's data, when present (most keys are `customerId`). */
export function stringField(event: EventEnvelope, field: string): string | undefined {
  const value = (event.data as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : undefined;
}
