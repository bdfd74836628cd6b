/**
 * RFM scoring (recency, frequency, monetary), each a quintile 1–5 against every customer with a
 * purchase: 5 is the most recent, most frequent, most valuable fifth. Monetary is the net lifetime
 * value in the scale's currency (the one most customers buy in): amounts in different currencies
 * are never compared.
 */
export interface RfmScale {
  readonly currency: string | null;
  /** Ascending quintile boundaries (4 cut points each). */
  readonly recencyDays: readonly number[];
  readonly frequency: readonly number[];
  readonly monetary: readonly number[];
  readonly customers: number;
}

export interface RfmInput {
  readonly lastPurchaseAt: string | null;
  readonly purchases: number;
  readonly net: Readonly<Record<string, number>>;
}

export interface RfmScore {
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly currency: string | null;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: string;
}

export function daysSince(at: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / 86_400_000));
}

export function buildRfmScale(inputs: readonly RfmInput[], now: Date): RfmScale {
  const buyers = inputs.filter((input) => input.lastPurchaseAt !== null && input.purchases > 0);
  const currencies = new Map<string, number>();
  for (const buyer of buyers) for (const currency of Object.keys(buyer.net)) currencies.set(currency, (currencies.get(currency) ?? 0) + 1);
  const currency = [...currencies.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return {
    currency,
    recencyDays: cutPoints(buyers.map((buyer) => daysSince(buyer.lastPurchaseAt as string, now))),
    frequency: cutPoints(buyers.map((buyer) => buyer.purchases)),
    monetary: cutPoints(buyers.map((buyer) => (currency === null ? 0 : (buyer.net[currency] ?? 0)))),
    customers: buyers.length,
  };
}

export function scoreRfm(input: RfmInput, scale: RfmScale, now: Date): RfmScore | null {
  if (input.lastPurchaseAt === null || input.purchases === 0 || scale.customers === 0) return null;
  const recencyDays = daysSince(input.lastPurchaseAt, now);
  const monetary = scale.currency === null ? 0 : (input.net[scale.currency] ?? 0);
  const r = 6 - quintile(recencyDays, scale.recencyDays); // fewer days since the last purchase scores higher
  const f = quintile(input.purchases, scale.frequency);
  const m = quintile(monetary, scale.monetary);
  return { recencyDays, frequency: input.purchases, monetary, currency: scale.currency, r, f, m, segment: rfmSegment(r, f) };
}

/** The usual RFM map on recency and frequency. */
export function rfmSegment(r: number, f: number): string {
  if (r >= 4 && f >= 4) return 'champions';
  if (f >= 4) return r >= 3 ? 'loyal' : 'at-risk';
  if (r >= 4) return f >= 2 ? 'potential-loyalists' : 'new';
  if (r <= 2) return f >= 2 ? 'at-risk' : 'hibernating';
  return 'needs-attention';
}

function cutPoints(values: number[]): number[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  return [1, 2, 3, 4].map((k) => sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / 5))]);
}

/** 1..5: how many cut points the value passes (ties stay in the lower fifth, so a crowd of equal values scores low). */
function quintile(value: number, cuts: readonly number[]): number {
  return 1 + cuts.filter((cut) => value > cut).length;
}
