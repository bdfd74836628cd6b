import type { NpsMonthDocument } from '@c360/customer360-projections';
import { addMonths } from './customer-reports';

export interface NpsMonth {
  readonly month: string;
  readonly responses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** % promoters − % detractors, −100..100 (null without answers). */
  readonly nps: number | null;
  /** Against the previous month with answers in the period (null for the first). */
  readonly change: number | null;
}

export interface NpsTrend {
  readonly tracked: true;
  readonly months: readonly NpsMonth[];
  /** The whole period as one: every answer in it counted once. */
  readonly period: { readonly responses: number; readonly nps: number | null };
  /** Whether NPS rose or fell from the first month with answers to the last. */
  readonly direction: 'up' | 'down' | 'flat' | null;
}

const npsOf = (promoters: number, detractors: number, responses: number) =>
  responses === 0 ? null : Math.round((1_000 * (promoters - detractors)) / responses) / 10;

/** Every month from `from` to `to` (YYYY-MM), months without answers included so gaps show. */
export function npsTrend(from: string, to: string, documents: readonly NpsMonthDocument[]): NpsTrend {
  const byMonth = new Map(documents.map((doc) => [doc.month, doc]));
  const months: NpsMonth[] = [];
  let previous: number | null = null;
  for (let month = from; month <= to; month = addMonths(month, 1)) {
    const doc = byMonth.get(month);
    const counts = {
      responses: doc?.responses ?? 0,
      promoters: doc?.promoters ?? 0,
      passives: doc?.passives ?? 0,
      detractors: doc?.detractors ?? 0,
    };
    const nps = npsOf(counts.promoters, counts.detractors, counts.responses);
    months.push({ month, ...counts, nps, change: nps === null || previous === null ? null : Math.round(10 * (nps - previous)) / 10 });
    if (nps !== null) previous = nps;
  }
  const total = months.reduce(
    (sum, month) => ({
      responses: sum.responses + month.responses,
      promoters: sum.promoters + month.promoters,
      detractors: sum.detractors + month.detractors,
    }),
    { responses: 0, promoters: 0, detractors: 0 },
  );
  const scored = months.filter((month) => month.nps !== null).map((month) => month.nps as number);
  const first = scored[0];
  const last = scored[scored.length - 1];
  return {
    tracked: true,
    months,
    period: { responses: total.responses, nps: npsOf(total.promoters, total.detractors, total.responses) },
    direction: scored.length < 2 ? null : last > first ? 'up' : last < first ? 'down' : 'flat',
  };
}
