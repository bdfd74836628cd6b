import type { EventStore } from '@c360/kernel';
import { uuidv7 } from '@c360/kernel';

/**
 * For other contexts' specs: appends `contacts.customer-registered` (or `-erased`) for a customer, as
 * contacts would publish it — ids and instants only, all a customer directory reads. A context refuses
 * commands for customers its directory does not know (ADR 0013), so a spec's customers exist first.
 */
export async function publishContactsEvent(
  events: EventStore,
  customerId: string,
  type: 'contacts.customer-registered' | 'contacts.customer-erased',
  at: string,
): Promise<void> {
  const id = uuidv7();
  const data = type === 'contacts.customer-registered' ? { customerId, registeredAt: at } : { customerId, erasedAt: at };
  await events.appendToStream(
    `contacts-customer-${customerId}`,
    [
      {
        id,
        type,
        schemaVersion: 1,
        occurredAt: at,
        data,
        metadata: { correlationId: id, causationId: id, actor: { id: 'contacts', role: 'system' } },
      },
    ],
    { expectedRevision: 'any' },
  );
}
