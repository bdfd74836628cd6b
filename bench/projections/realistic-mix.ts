import { uuidv7, type EventStore, type NewEvent } from '@c360/kernel';

/**
 * A realistic event mix for the projection benchmark, appended to a real event store: per customer a
 * registration, consent for half of them, a loyalty enrolment, a few purchases each earning points
 * (some refunded, with the points clawed back), deals for some (opened, moved, won or lost) and
 * redemptions — about ten events a customer, interleaved the way a day's traffic is.
 */
const metadata = { correlationId: 'bench', causationId: 'bench', actor: { id: 'bench', role: 'system' as const } };
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00.000Z');

/** A small seeded generator: the same mix on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const event = (type: string, at: number, data: Record<string, unknown>): NewEvent => ({
  id: uuidv7(),
  type,
  schemaVersion: 1,
  occurredAt: new Date(at).toISOString(),
  data,
  metadata,
});
const iso = (at: number) => new Date(at).toISOString();

interface Append {
  readonly streamId: string;
  readonly events: NewEvent[];
}

/** A customer's number of purchases and the most days between two (default: 1–5 purchases, up to 20 days apart). */
interface HistoryShape {
  readonly purchases?: number;
  readonly gapDays?: number;
}

/** One customer's history as the appends the contexts would have made. */
function customerHistory(customerId: string, next: () => number, shape: HistoryShape = {}): Append[] {
  const appends: Append[] = [];
  let at = START + Math.floor(next() * 300 * DAY);
  appends.push({
    streamId: `contacts-customer-${customerId}`,
    events: [
      event('contacts.customer-registered', at, {
        customerId,
        registeredAt: iso(at),
        acquisitionSource: next() < 0.5 ? 'web' : 'store',
        referralCode: customerId.slice(-8),
        tags: [],
        emails: [],
        phones: [],
        attributes: {},
      }),
      ...(next() < 0.5
        ? [event('contacts.consent-granted', at, { customerId, channel: 'email', purpose: 'marketing', source: 'web', grantedAt: iso(at) })]
        : []),
    ],
  });
  const account: NewEvent[] = [event('loyalty.account-enrolled', at, { customerId, enrolledAt: iso(at), source: 'purchase' })];
  const lots: { lotId: string; points: number }[] = [];
  const purchases = shape.purchases ?? 1 + Math.floor(next() * 4.6);
  for (let n = 0; n < purchases; n++) {
    at += Math.floor(next() * (shape.gapDays ?? 20) * DAY) + 60_000;
    const purchaseId = uuidv7();
    const total = 10_000 + Math.floor(next() * 300) * 1_000;
    const purchase = [
      event('sales.purchase-recorded', at, {
        purchaseId,
        orderId: `W-${purchaseId.slice(-10)}`,
        customerId,
        channel: 'web',
        lines: [{ sku: 'SKU-1', category: 'shoes', quantity: 1, unitPrice: total }],
        total,
        currency: 'NOK',
        purchasedAt: iso(at),
        recordedAt: iso(at),
      }),
    ];
    const lotId = `${purchaseId}:lot`;
    const points = Math.floor(total / 10_000);
    lots.push({ lotId, points });
    account.push(
      event('loyalty.points-earned', at, {
        customerId,
        lotId,
        points,
        earnedAt: iso(at),
        unlockAt: iso(at + 14 * DAY),
        expiresAt: iso(at + 379 * DAY),
        warnAt: iso(at + 349 * DAY),
        status: 'pending',
        source: {
          kind: 'purchase',
          purchaseId,
          orderId: 'W',
          channel: 'web',
          total,
          currency: 'NOK',
          eligibleAmount: total,
          eligibleSkus: [],
          rate: { amount: 10_000, points: 1 },
        },
        countsForTier: true,
        programVersion: 1,
      }),
    );
    if (next() < 0.04) {
      const refundAt = at + 3 * DAY;
      purchase.push(
        event('sales.purchase-refunded', refundAt, {
          purchaseId,
          orderId: `W-${purchaseId.slice(-10)}`,
          customerId,
          refundId: uuidv7(),
          kind: 'refund',
          reason: 'bench',
          amount: total,
          currency: 'NOK',
          lines: [],
          refundedAt: iso(refundAt),
          fullyRefunded: true,
          refundedTotal: total,
        }),
      );
      account.push(
        event('loyalty.points-clawed-back', refundAt, {
          refundId: uuidv7(),
          purchaseId,
          points,
          draws: [{ lotId, points }],
          debtIncurred: 0,
          refundedAmount: total,
          refundedEligibleAmount: total,
          clawedBackAt: iso(refundAt),
        }),
      );
      lots[lots.length - 1].points = 0;
    }
    appends.push({ streamId: `sales-purchase-${purchaseId}`, events: purchase });
  }
  if (next() < 0.4) {
    const dealId = uuidv7();
    const amount = 50_000 + Math.floor(next() * 100) * 10_000;
    const won = next() < 0.5;
    const closed = at + 10 * DAY;
    appends.push({
      streamId: `sales-deal-${dealId}`,
      events: [
        event('sales.deal-opened', at, {
          dealId,
          customerId,
          pipelineId: 'default',
          stageId: 'lead',
          probability: 10,
          title: 'Fleet renewal',
          amount,
          currency: 'NOK',
          ownerId: 'agent-1',
          expectedCloseDate: iso(closed).slice(0, 10),
          source: 'web',
          openedAt: iso(at),
        }),
        event('sales.deal-stage-changed', at + DAY, {
          dealId,
          pipelineId: 'default',
          fromStageId: 'lead',
          toStageId: 'proposal',
          direction: 'forward',
          probability: 50,
          previousProbability: 10,
          amount,
          currency: 'NOK',
          timeInStageMs: DAY,
          changedAt: iso(at + DAY),
        }),
        event(won ? 'sales.deal-won' : 'sales.deal-lost', closed, {
          dealId,
          customerId,
          amount,
          currency: 'NOK',
          ownerId: 'agent-1',
          pipelineId: 'default',
          stageId: won ? 'won' : 'lost',
          fromStageId: 'proposal',
          previousProbability: 50,
          reason: 'bench',
          openedAt: iso(at),
          cycleTimeMs: 10 * DAY,
          timeInStageMs: 9 * DAY,
          [won ? 'wonAt' : 'lostAt']: iso(closed),
        }),
      ],
    });
  }
  const spendable = lots.filter((lot) => lot.points > 0);
  if (spendable.length > 0 && next() < 0.5) {
    const lot = spendable[0];
    const redeemAt = at + 15 * DAY;
    account.push(
      event('loyalty.points-redeemed', redeemAt, {
        redemptionId: uuidv7(),
        points: lot.points,
        draws: [{ lotId: lot.lotId, points: lot.points }],
        purpose: { kind: 'points', reference: null },
        redeemedAt: iso(redeemAt),
      }),
    );
  }
  appends.push({ streamId: `loyalty-account-${customerId}`, events: account });
  return appends;
}

/**
 * Appends customers in chunks (the store group-commits each chunk's appends) until both floors are met.
 * With `loyalCustomerPurchases`, one customer in the middle of the log has that many purchases (about
 * two events each: the replay bench's customer with a thousand events).
 */
export async function appendRealisticMix(
  store: EventStore,
  floors: { readonly events: number; readonly customers: number; readonly loyalCustomerPurchases?: number },
): Promise<{ events: number; customers: string[]; loyalCustomer?: { readonly customerId: string; readonly events: number } }> {
  const next = random(16);
  const customers: string[] = [];
  let events = 0;
  let loyalCustomer: { customerId: string; events: number } | undefined;
  while (events < floors.events || customers.length < floors.customers) {
    const appends: Append[] = [];
    for (let n = 0; n < 500; n++) {
      const customerId = uuidv7();
      customers.push(customerId);
      appends.push(...customerHistory(customerId, next));
    }
    if (floors.loyalCustomerPurchases && !loyalCustomer && events >= floors.events / 2) {
      const customerId = uuidv7();
      customers.push(customerId);
      const history = customerHistory(customerId, next, { purchases: floors.loyalCustomerPurchases, gapDays: 1 });
      loyalCustomer = { customerId, events: history.reduce((sum, append) => sum + append.events.length, 0) };
      appends.push(...history);
    }
    await Promise.all(appends.map((append) => store.appendToStream(append.streamId, append.events, { expectedRevision: 'no_stream' })));
    events += appends.reduce((sum, append) => sum + append.events.length, 0);
  }
  return { events, customers, ...(loyalCustomer ? { loyalCustomer } : {}) };
}
