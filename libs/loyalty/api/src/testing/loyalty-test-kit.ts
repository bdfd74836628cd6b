import { publishContactsEvent } from '@c360/contacts-contracts';
import { uuidv7 } from '@c360/kernel';
import { authHeaders, publishEvent, type TestPlatform } from '@c360/runtime/testing';

/** Helpers for loyalty API specs: publish other contexts' events as they would, and wait until every reaction settled. */

/** Appends another context's event as its log would hold it; returns the event id. */
export const publish = publishEvent;

/**
 * A customer as contacts would register it (ids only): loyalty refuses commands for ids its customer
 * directory does not know (ADR 0013), so every spec's customer exists first.
 */
export async function registeredCustomer(platform: TestPlatform, customerId: string = uuidv7()): Promise<string> {
  await publishContactsEvent(platform.stores.eventStore, customerId, 'contacts.customer-registered', platform.clock.now().toISOString());
  return customerId;
}

/** The customer's erasure as contacts would publish it. */
export function erasedCustomer(platform: TestPlatform, customerId: string): Promise<void> {
  return publishContactsEvent(platform.stores.eventStore, customerId, 'contacts.customer-erased', platform.clock.now().toISOString());
}

/** Reactions cause events that cause reactions: wait until the log stops growing. */
export async function settle(platform: TestPlatform): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const head = await platform.stores.eventStore.headPosition();
    await platform.processors.waitUntilCaughtUp();
    if ((await platform.stores.eventStore.headPosition()) === head) return;
  }
  throw new Error('reactions did not settle');
}

export function purchaseRecorded(customerId: string, total: number, overrides: Record<string, unknown> = {}) {
  const purchaseId = uuidv7();
  return {
    purchaseId,
    orderId: uuidv7(),
    customerId,
    channel: 'web',
    lines: [{ sku: 'SKU-1', category: 'electronics', quantity: 1, unitPrice: total }],
    total,
    currency: 'EUR',
    purchasedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}

/** Bearer tokens of a supervisor and of the platform's scheduler, verified like any other. */
export const SUPERVISOR_HEADERS = authHeaders('supervisor', 'sup-1');
export const SYSTEM_HEADERS = authHeaders('system', 'cron');
