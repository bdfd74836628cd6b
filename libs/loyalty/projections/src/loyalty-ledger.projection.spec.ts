import { canHandle, type EnvelopeOf } from '@c360/kernel';
import {
  DEFAULT_PROGRAM_SETTINGS as program,
  accountView,
  evolveAccount,
  loyaltyAccountDecider,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@c360/loyalty-domain';
import { loyaltyBalanceProjection } from './loyalty-balance.projection';
import { ledgerEffect, loyaltyLedgerProjection } from './loyalty-ledger.projection';

const customerId = 'c-1';
const supervisor = { id: 's', role: 'supervisor' as const };

function run(commands: AccountCommand[]): AccountEvent[] {
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

function envelopes(events: AccountEvent[]): EnvelopeOf<AccountEvent>[] {
  return events.map(
    (event, index) =>
      ({
        id: `e-${index}`,
        type: event.type,
        schemaVersion: 1,
        streamId: `loyalty-account-${customerId}`,
        revision: index,
        position: index + 1,
        occurredAt: '2026-01-01T00:00:00.000Z',
        data: event.data,
        metadata: { correlationId: 'x', causationId: 'x', actor: supervisor },
      }) as EnvelopeOf<AccountEvent>,
  );
}

describe('loyalty read models', () => {
  // A history touching every kind of balance movement: earning, pending, unlock, redemption,
  // cancellation, refund into debt, debt repayment, transfer, expiry.
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
  const events = run([
    { type: 'earn-for-purchase', customerId, purchase: purchase('p-1', 500_000), now: T0, program },
    { type: 'adjust-points', adjustmentId: 'a-1', points: 40, reason: 'goodwill', reference: null, actor: supervisor, now: T0, program },
    {
      type: 'redeem-points',
      redemptionId: 'r-1',
      points: 80,
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
    { type: 'cancel-redemption', redemptionId: 'r-2', now: '2026-02-02T00:00:00.000Z', program },
    {
      type: 'take-back-for-refund',
      refund: { refundId: 'rf-1', purchaseId: 'p-1', amount: 500_000, currency: 'EUR', lines: [], refundedAt: T0, fullyRefunded: true },
      now: '2026-02-03T00:00:00.000Z',
      program,
    },
    {
      type: 'adjust-points',
      adjustmentId: 'a-2',
      points: 100,
      reason: 'goodwill',
      reference: null,
      actor: supervisor,
      now: '2026-02-04T00:00:00.000Z',
      program,
    },
    { type: 'transfer-points', transferId: 't-1', toCustomerId: 'c-2', points: 20, now: '2026-02-05T00:00:00.000Z', program },
    { type: 'process-due-items', now: '2027-03-01T00:00:00.000Z', program },
  ]);

  it('explains every balance by the ledger: the entries add up to the balance after each event', () => {
    // Read at an instant before any lot expires, the balance counts every lot's remaining points
    // (pending or spendable) minus debt; expiries reach it only through their own events.
    const asOf = '2026-06-01T00:00:00.000Z';
    let state: AccountState = loyaltyAccountDecider.initialState;
    let sum = 0;
    for (const event of events) {
      state = evolveAccount(state, event);
      sum += ledgerEffect(event)?.points ?? 0;
      if (state.status !== 'none')
        expect({ after: event.type, balance: accountView(state, asOf, program).balance }).toEqual({ after: event.type, balance: sum });
    }
    expect(sum).toBe(accountView(stateAfter(events), '2027-03-01T00:00:00.000Z', program).balance);
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['loyalty.debt-repaid', 'loyalty.points-expired', 'loyalty.redemption-cancelled']),
    );
  });

  it('projects one ledger entry per event and one balance document per account', () => {
    let ledgerDocs = 0;
    let balance = null as ReturnType<typeof loyaltyBalanceProjection.evolve>;
    for (const envelope of envelopes(events)) {
      if (canHandle(loyaltyLedgerProjection, envelope) && loyaltyLedgerProjection.evolve(null, envelope, envelope.id)) ledgerDocs++;
      balance = loyaltyBalanceProjection.evolve(balance, envelope, customerId);
    }
    expect(ledgerDocs).toBeGreaterThan(8);
    expect(balance).toMatchObject({ customerId, version: events.length - 1, status: 'active', tier: 'bronze', nextDueAt: null });
  });
});

function stateAfter(events: AccountEvent[]) {
  const state = events.reduce<AccountState>(evolveAccount, loyaltyAccountDecider.initialState);
  if (state.status === 'none') throw new Error('none');
  return state;
}
