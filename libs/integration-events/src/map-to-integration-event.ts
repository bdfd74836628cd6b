import type { EventEnvelope } from '@c360/kernel';
import type { AnyIntegrationContract } from './contracts';
import { pickFields } from './field-schema';
import type { IntegrationEvent } from './integration-event';

/**
 * The contracts every context of a process publishes, by source domain event: the relay's filter and
 * its mapping. Two contracts from one domain event would publish it twice: refused.
 */
export class PublishedContracts {
  private readonly bySource = new Map<string, AnyIntegrationContract>();

  constructor(readonly contracts: readonly AnyIntegrationContract[]) {
    for (const contract of contracts) {
      if (this.bySource.has(contract.from)) throw new Error(`Two integration contracts are made from ${contract.from}`);
      this.bySource.set(contract.from, contract);
    }
  }

  /** The domain event types the relay reads (its subscription filter). */
  get domainEventTypes(): readonly string[] {
    return [...this.bySource.keys()];
  }

  /**
   * The integration event for a domain event, or undefined when that type is not published. A
   * published type whose data lacks a required field throws: the relay stops on it rather than
   * publish a broken contract.
   */
  toIntegrationEvent(event: EventEnvelope): IntegrationEvent | undefined {
    const contract = this.bySource.get(event.type);
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
}
