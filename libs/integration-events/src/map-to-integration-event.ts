import type { EventEnvelope } from '@c360/kernel';
import { INTEGRATION_CONTRACTS, type IntegrationContract } from './contracts';
import { pickFields } from './field-schema';
import type { IntegrationEvent } from './integration-event';

const bySource = new Map<string, IntegrationContract>(INTEGRATION_CONTRACTS.map((contract) => [contract.from, contract]));

/** The domain event types the relay reads (its subscription filter). */
export const PUBLISHED_DOMAIN_EVENT_TYPES: readonly string[] = [...bySource.keys()];

/**
 * The integration event for a domain event, or undefined when that type is not published. A
 * published type whose data lacks a required field throws: the relay stops on it rather than
 * publish a broken contract.
 */
export function toIntegrationEvent(event: EventEnvelope): IntegrationEvent | undefined {
  const contract = bySource.get(event.type);
  if (!contract) return undefined;
  const key = contract.key(event);
  if (!key) throw new TypeError(`${event.type} at position ${event.position}: no customer id for the message key`);
  const data = pickFields({ ...(event.data as object), customerId: key }, contract.fields, `${event.type} at position ${event.position}`);
  return {
    eventId: event.id,
    type: contract.type,
    schemaVersion: contract.schemaVersion,
    topic: contract.topic,
    key,
    occurredAt: event.occurredAt,
    correlationId: event.metadata.correlationId,
    data,
  };
}
