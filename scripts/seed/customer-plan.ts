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

/** The NPS answer a surveyed customer gives through their link. */
export interface SurveyAnswerPlan {
  readonly score: number;
  readonly comment?: string;
}

/** Scores as NPS surveys tend to see them: mostly promoters and passives, a tail of detractors. */
const NPS_SCORES = [10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3, 0] as const;
const NPS_COMMENTS: Readonly<Record<string, string>> = {
  promoter: 'Fast delivery and friendly staff.',
  passive: 'Fine, but the app could be simpler.',
  detractor: 'My order came late and nobody called back.',
};

const SKUS = [
  { sku: 'SHOE-42', category: 'shoes', unitPrice: 89_00 },
  { sku: 'BAG-7', category: 'bags', unitPrice: 149_00 },
  { sku: 'SOCK-3', category: 'accessories', unitPrice: 9_00 },
  { sku: 'JACKET-1', category: 'outerwear', unitPrice: 249_00 },
];

/**
 * What one customer's history looks like, in the order it happened: registered with consent, one to
 * three orders, an open deal for one in three, a ticket for one in four, a club membership for one in two, a
 * redemption for one in ten and an NPS survey for one in five. The other contexts accept a customer once their
 * directory has it, so the runner sends every registration first, waits for the projections, then the history.
 * A survey is answered the way a customer does it, through the signed link of the message in the outbox: the
 * runner does that last (`answer`: the score and comment to give), after the delivery processor has caught up.
 */
export function customerPlan(
  seed: number,
  index: number,
): { registration: SeedRequest[]; history: SeedRequest[]; answer?: SurveyAnswerPlan; customerId: string } {
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
  if (index % 10 === 4) {
    requests.push({
      method: 'POST',
      path: `/loyalty/accounts/${customerId}/redemptions`,
      idempotencyKey: key('redeem'),
      body: { points: 10, reference: `seed-${index}` },
    });
  }
  let answer: SurveyAnswerPlan | undefined;
  if (index % 5 === 2) {
    requests.push({
      method: 'POST',
      path: '/surveys/invitations',
      idempotencyKey: key('nps'),
      body: { customerId, templateId: 'nps-default', channel: 'email', purpose: 'marketing' },
    });
    const score = pick(NPS_SCORES);
    const category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    answer = next() < 0.5 ? { score, comment: NPS_COMMENTS[category] } : { score };
  }
  return { registration, history: requests, answer, customerId };
}
