import type { EnvelopeOf } from '@c360/kernel';
import {
  DEFAULT_PROGRAM_SETTINGS as program,
  accountView,
  balanceView,
  dueDates,
  evolveAccount,
  loyaltyAccountDecider,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@c360/loyalty-domain';
import { loyaltyBalanceProjection, type LoyaltyBalanceDocument } from './loyalty-balance.projection';

const customerId = 'c-1';
const supervisor = { id: 's', role: 'supervisor' as const };
const T0 = '2026-01-10T10:00:00.000Z';
const purchase = (purchaseId: string, total: number) => ({
  purchaseId,
  orderId: purchaseId,
  channel: 'web',
  lines: [],
  total,
  currency: 'EUR',
  purchasedAt: T0,
});

/** Given these commands, the account's events (decided on the folded state, as the handler does). */
function history(commands: AccountCommand[]): AccountEvent[] {
  let state: AccountState = loyaltyAccountDecider.initialState;
  const events: AccountEvent[] = [];
  for (const command of commands) {
    for (const event of loyaltyAccountDecider.decide(command, state)) {
      state = evolveAccount(state, event);
      events.push(event);
    }
  }
  return events;
}

function envelope(event: AccountEvent, index: number): EnvelopeOf<AccountEvent> {
  return {
    id: `e-${index}`,
    type: event.type,
    schemaVersion: 1,
    streamId: `loyalty-account-${customerId}`,
    revision: index,
    position: index + 1,
    occurredAt: T0,
    data: event.data,
    metadata: { correlationId: 'x', causationId: 'x', actor: supervisor },
  } as EnvelopeOf<AccountEvent>;
}

describe('loyalty balance read model (its own document, not the decider state)', () => {
  const events = history([
    { type: 'earn-for-purchase', customerId, purchase: purchase('p-1', 500_000), now: T0, program },
    { type: 'earn-for-purchase', customerId, purchase: purchase('p-2', 200_000), now: T0, program },
    { type: 'adjust-points', adjustmentId: 'a-1', points: 40, reason: 'goodwill', reference: null, actor: supervisor, now: T0, program },
    { type: 'raise-fraud-flag', flagId: 'f-1', reason: 'shared-identity', details: {}, now: '2026-01-20T00:00:00.000Z' },
    {
      type: 'redeem-points',
      redemptionId: 'r-1',
      points: 30,
      purpose: { kind: 'points', reference: null },
      now: '2026-02-01T00:00:00.000Z',
      program,
    },
    {
      type: 'redeem-points',
      redemptionId: 'r-2',
      points: 10,
      purpose: { kind: 'points', reference: null },
      now: '2026-02-01T00:00:00.000Z',
      program,
    },
    { type: 'review-fraud-flag', flagId: 'f-1', decision: 'clear', actor: supervisor, now: '2026-02-02T00:00:00.000Z', program },
    { type: 'cancel-redemption', redemptionId: 'r-2', now: '2026-02-02T00:00:00.000Z', program },
    {
      type: 'take-back-for-refund',
      refund: { refundId: 'rf-1', purchaseId: 'p-1', amount: 500_000, currency: 'EUR', lines: [], refundedAt: T0, fullyRefunded: true },
      now: '2026-02-03T00:00:00.000Z',
      program,
    },
    { type: 'set-tier-floor', tier: 'gold', reason: 'goodwill', actor: supervisor, now: '2026-02-04T00:00:00.000Z', program },
    { type: 'transfer-points', transferId: 't-1', toCustomerId: 'c-2', points: 10, now: '2026-02-05T00:00:00.000Z', program },
    { type: 'process-due-items', now: '2026-12-20T00:00:00.000Z', program },
    { type: 'process-due-items', now: '2027-06-01T00:00:00.000Z', program },
  ]);

  it('answers every balance query and due date exactly as the account itself would, after every event', () => {
    let state: AccountState = loyaltyAccountDecider.initialState;
    let doc: LoyaltyBalanceDocument | null = null;
    events.forEach((event, index) => {
      state = evolveAccount(state, event);
      doc = loyaltyBalanceProjection.evolve(doc, envelope(event, index), customerId);
      if (state.status === 'none' || doc === null) throw new Error('not enrolled');
      const { nextDueAt, nextUnlockAt, nextExpiryAt, nextWarningAt } = dueDates(state);
      expect({
        after: event.type,
        nextDueAt: doc.nextDueAt,
        nextUnlockAt: doc.nextUnlockAt,
        nextExpiryAt: doc.nextExpiryAt,
        nextWarningAt: doc.nextWarningAt,
      }).toEqual({
        after: event.type,
        nextDueAt,
        nextUnlockAt,
        nextExpiryAt,
        nextWarningAt,
      });
      for (const asOf of ['2026-02-15T00:00:00.000Z', '2026-12-31T00:00:00.000Z', '2027-07-01T00:00:00.000Z']) {
        expect({ after: event.type, asOf, view: balanceView(doc, asOf, program) }).toEqual({
          after: event.type,
          asOf,
          view: accountView(state, asOf, program),
        });
      }
    });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['loyalty.redemption-held', 'loyalty.points-clawed-back', 'loyalty.points-expired']),
    );
  });

  it('keeps none of the decider bookkeeping (purchases, engagements, idempotency ids)', () => {
    const doc = events.reduce<LoyaltyBalanceDocument | null>(
      (current, event, index) => loyaltyBalanceProjection.evolve(current, envelope(event, index), customerId),
      null,
    );
    expect(doc).not.toHaveProperty('account');
    expect(doc).not.toHaveProperty('adjustmentIds');
    expect(doc).not.toHaveProperty('redemptions');
    expect(doc).toMatchObject({ customerId, version: events.length - 1, status: 'active' });
  });
});
