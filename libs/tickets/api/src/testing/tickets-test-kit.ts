import { publishContactsEvent } from '@c360/contacts-contracts';
import { FakeClock } from '@c360/kernel/testing';
import { authHeaders, createTestPlatform, settleProcessors, type TestPlatform } from '@c360/runtime/testing';
import { TicketsModule } from '../tickets.context';

/** Monday 2026-03-02 09:00 in Oslo (the default policies count on the Monday–Friday calendar, 08:00–16:00). */
export const T0 = '2026-03-02T08:00:00.000Z';
export const MINUTE = 60_000;
export const ANN = '0190a5c4-0000-7000-8000-00000000c001';
export const BO = '0190a5c4-0000-7000-8000-00000000c002';
export const SUPERVISOR = authHeaders('supervisor', 'sup-sue');

/**
 * Tickets on their own, with ANN and BO registered as contacts would publish them: tickets are opened
 * only for customers the directory knows (ADR 0013).
 */
export async function ticketsPlatform(options: { env?: Record<string, string>; clock?: FakeClock } = {}): Promise<TestPlatform> {
  const platform = await createTestPlatform({ imports: [TicketsModule], clock: options.clock ?? new FakeClock(T0), env: options.env });
  for (const customerId of [ANN, BO]) {
    await publishContactsEvent(platform.stores.eventStore, customerId, 'contacts.customer-registered', platform.clock.now().toISOString());
  }
  return platform;
}

/** Processors cause events that other processors read: wait until the log stops growing. */
export const settle = settleProcessors;

export function ticketBody(overrides: Record<string, unknown> = {}) {
  return {
    customerId: ANN,
    channel: 'email',
    subject: 'Invoice is wrong',
    description: 'I was charged twice for March',
    priority: 'normal',
    category: 'billing',
    ...overrides,
  };
}

export async function openTicket(platform: TestPlatform, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await platform.http.post('/tickets').set(authHeaders('agent', 'agent-ann')).send(ticketBody(overrides)).expect(201);
  return response.body.ticketId as string;
}

/** Field names of a 400 answer. */
export function badFields(body: { fields?: { field: string }[] }): string[] {
  return (body.fields ?? []).map((f) => f.field).sort();
}
