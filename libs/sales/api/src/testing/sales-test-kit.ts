import { publishContactsEvent as publishAsContacts } from '@c360/contacts-contracts';
import { FakeClock } from '@c360/kernel/testing';
import { createTestPlatform, settleProcessors, type TestPlatform } from '@c360/runtime/testing';
import { SalesModule } from '../sales.context';

export const T0 = '2026-03-02T09:00:00.000Z';
export const DAY = 86_400_000;
export const ANN = '0190a5c4-0000-7000-8000-00000000c001';
export const BO = '0190a5c4-0000-7000-8000-00000000c002';

/**
 * Sales on its own, with ANN and BO registered as contacts would publish them: sales refuses commands
 * for customers its directory does not know (ADR 0013), so the specs' customers exist first.
 */
export async function salesPlatform(): Promise<TestPlatform> {
  const platform = await createTestPlatform({ imports: [SalesModule], clock: new FakeClock(T0) });
  for (const customerId of [ANN, BO]) await publishContactsEvent(platform, customerId, 'contacts.customer-registered');
  return platform;
}

/** Appends a contacts event for a customer, as contacts would (ids only: the directory reads nothing else). */
export function publishContactsEvent(
  platform: TestPlatform,
  customerId: string,
  type: 'contacts.customer-registered' | 'contacts.customer-erased',
): Promise<void> {
  return publishAsContacts(platform.stores.eventStore, customerId, type, platform.clock.now().toISOString());
}

/** Processors cause events that other processors read: wait until the log stops growing. */
export const settle = settleProcessors;

export function dealBody(overrides: Record<string, unknown> = {}) {
  return {
    customerId: ANN,
    title: 'Fleet renewal',
    amount: 120_000,
    currency: 'EUR',
    ownerId: 'agent-ann',
    expectedCloseDate: '2026-04-30',
    source: 'web-form',
    ...overrides,
  };
}

export async function openDeal(platform: TestPlatform, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await platform.http.post('/deals').send(dealBody(overrides)).expect(201);
  return response.body.dealId as string;
}

export function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    orderId: 'W-1001',
    channel: 'web',
    customerId: ANN,
    lines: [
      { sku: 'SHOE-42', category: 'shoes', quantity: 2, unitPrice: 50_00 },
      { sku: 'SOCK-1', category: 'accessories', quantity: 3, unitPrice: 5_00 },
    ],
    total: 115_00,
    currency: 'EUR',
    purchasedAt: '2026-03-01T15:00:00Z',
    ...overrides,
  };
}

/** Field names of a 400 answer. */
export function badFields(body: { fields?: { field: string }[] }): string[] {
  return (body.fields ?? []).map((f) => f.field).sort();
}
