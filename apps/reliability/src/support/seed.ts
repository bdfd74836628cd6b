import { randomUUID } from 'node:crypto';
import type { PlatformClient } from './http-client';

/**
 * Registers `count` customers (the customer directory every context consults) and enrols them in the
 * loyalty club; resolves with their ids once the loyalty accounts answer.
 */
export async function seedMembers(client: PlatformClient, count: number, label = 'member'): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const [n, customerId] of ids.entries()) {
    await client.expect(201, 'POST', '/customers', { body: { customerId, name: { first: `${label}${n}`, last: 'Reliability' } } });
  }
  for (const customerId of ids) await enrolWhenKnown(client, customerId);
  return ids;
}

/** Enrols a customer, waiting for the loyalty context's customer directory to know them (eventual consistency). */
async function enrolWhenKnown(client: PlatformClient, customerId: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const answer = await client.post('/loyalty/accounts', { customerId });
    if (answer.status === 201) return;
    if (answer.status !== 404) throw new Error(`enrolling ${customerId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`the loyalty directory never learnt of ${customerId}`);
}

/**
 * Takes the fraud rules out of a load test's way (velocity cap, early-redemption flag), so that every
 * redemption completes at once instead of being held for review; the rules themselves have their specs.
 */
export async function relaxFraudRules(client: PlatformClient): Promise<void> {
  await client.expect(200, 'PUT', '/loyalty/program/fraud-policy', {
    as: 'supervisor',
    body: { maxPointsPer24Hours: 100_000_000, earlyRedemptionDays: 0, newAccountDays: 0, referralRingDepth: 5 },
  });
}

/** A customer's whole ledger (every page), oldest first. */
export async function ledgerOf(client: PlatformClient, customerId: string): Promise<Array<{ type: string; points: number; seq: number }>> {
  const entries: Array<{ type: string; points: number; seq: number }> = [];
  let after: string | null | undefined;
  do {
    const query = `limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const page = await client.expect<{ items: Array<{ type: string; points: number; seq: number }>; nextCursor: string | null }>(
      200,
      'GET',
      `/loyalty/accounts/${customerId}/ledger?${query}`,
    );
    entries.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return entries.sort((a, b) => a.seq - b.seq);
}

export interface Balance {
  readonly spendable: number;
  readonly pending: number;
  readonly debt: number;
  readonly balance: number;
  readonly held: number;
}

export function balanceOf(client: PlatformClient, customerId: string): Promise<Balance> {
  return client.expect<Balance>(200, 'GET', `/loyalty/accounts/${customerId}`);
}
