import { createHash } from 'node:crypto';
import { NAME_SETS } from './names';

/** One request of the seed, sent with its own idempotency key (a rerun repeats nothing). */
export interface SeedRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly idempotencyKey: string;
}

/** A UUID derived from the seed and a label: the same seed gives the same customers, orders and keys. */
export function seededUuid(seed: number, label: string): string {
  const hex = createHash('sha256').update(`${seed}:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: a small deterministic generator, one per customer. */
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

const SKUS = [
  { sku: 'SHOE-42', category: 'shoes', unitPrice: 89_00 },
  { sku: 'BAG-7', category: 'bags', unitPrice: 149_00 },
  { sku: 'SOCK-3', category: 'accessories', unitPrice: 9_00 },
  { sku: 'JACKET-1', category: 'outerwear', unitPrice: 249_00 },
];

/**
 * What one customer's history looks like, in the order it happened: registered with consent, one to
 * three orders, an open deal for one in three, a ticket for one in four, a club membership for one in two and a redemption for one in ten,
 * a survey answer (its points) for one in three. The other contexts accept a customer once their
 * directory has it, so the runner sends every registration first, waits for the projections, then the history.
 */
export function customerPlan(seed: number, index: number): { registration: SeedRequest[]; history: SeedRequest[] } {
  const next = random(seed * 1_000_003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const names = NAME_SETS[index % NAME_SETS.length];
  const customerId = seededUuid(seed, `customer-${index}`);
  const key = (what: string) => seededUuid(seed, `${what}-${index}`);
  // Valid mobile numbers of each region (the route checks them), unique per seed and customer.
  const phone = `${names.phonePrefix}${String((seed * 1_000_003 + index) % 10_000_000).padStart(7, '0')}`;
  const day = 1 + Math.floor(next() * 27);
  const registration: SeedRequest[] = [
    {
      method: 'POST',
      path: '/customers',
      idempotencyKey: key('register'),
      body: {
        customerId,
        name: { first: pick(names.given), last: pick(names.family) },
        emails: [`customer${index}.s${seed}@example.com`],
        phones: [phone],
        preferredLanguage: names.language,
      },
    },
    {
      method: 'POST',
      path: `/customers/${customerId}/consents/grants`,
      idempotencyKey: key('consent'),
      body: { channel: 'email', purpose: 'marketing', source: 'web' },
    },
  ];
  const requests: SeedRequest[] = [];
  // Half the customers join the club before they buy, so their orders earn points.
  if (index % 2 === 0) requests.push({ method: 'POST', path: '/loyalty/accounts', idempotencyKey: key('enrol'), body: { customerId } });
  const orders = 1 + Math.floor(next() * 3);
  for (let n = 0; n < orders; n++) {
    const item = pick(SKUS);
    const quantity = 1 + Math.floor(next() * 2);
    requests.push({
      method: 'POST',
      path: '/purchases',
      idempotencyKey: key(`order-${n}`),
      body: {
        orderId: `S${seed}-${index}-${n}`,
        channel: 'web',
        customerId,
        lines: [{ sku: item.sku, category: item.category, quantity, unitPrice: item.unitPrice }],
        total: item.unitPrice * quantity,
        currency: 'EUR',
        purchasedAt: `2026-0${1 + n}-${String(day).padStart(2, '0')}T12:00:00Z`,
      },
    });
  }
  if (index % 3 === 0) {
    requests.push({
      method: 'POST',
      path: '/deals',
      idempotencyKey: key('deal'),
      body: {
        customerId,
        title: `Fleet renewal ${index}`,
        amount: 1_000_00 + Math.floor(next() * 50_000_00),
        currency: 'EUR',
        ownerId: `agent-${index % 20}`,
        expectedCloseDate: '2030-06-30',
        source: 'web',
      },
    });
  }
  if (index % 4 === 1) {
    requests.push({
      method: 'POST',
      path: '/tickets',
      idempotencyKey: key('ticket'),
      body: {
        customerId,
        channel: pick(['email', 'phone', 'chat'] as const),
        subject: 'Order arrived damaged',
        description: 'The box was crushed and one item is broken.',
        priority: pick(['low', 'normal', 'high'] as const),
      },
    });
  }
  if (index % 3 === 2) {
    requests.push({
      method: 'POST',
      path: '/loyalty/survey-answers',
      idempotencyKey: key('survey'),
      body: { customerId, responseId: `seed-${seed}-${index}` },
    });
  }
  if (index % 10 === 4) {
    requests.push({
      method: 'POST',
      path: `/loyalty/accounts/${customerId}/redemptions`,
      idempotencyKey: key('redeem'),
      body: { points: 10, reference: `seed-${index}` },
    });
  }
  return { registration, history: requests };
}
