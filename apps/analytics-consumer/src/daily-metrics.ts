import type { IntegrationEvent } from '@c360/integration-events';

/**
 * What one integration event adds to its day's metrics (pure): revenue per currency net of refunds,
 * points issued and redeemed, NPS answers by category (promoters 9–10, passives 7–8, detractors 0–6).
 */
export interface DailyIncrement {
  /** `YYYY-MM-DD` (UTC) of the business fact. */
  readonly day: string;
  readonly inc: Readonly<Record<string, number>>;
}

export function dailyIncrement(event: IntegrationEvent): DailyIncrement | undefined {
  const data = event.data as Record<string, unknown>;
  const dayOf = (field: string) => String(data[field] ?? event.occurredAt).slice(0, 10);
  switch (event.type) {
    case 'sales.purchase-recorded':
      return { day: dayOf('purchasedAt'), inc: { [`revenue.${data.currency}`]: Number(data.total), purchases: 1 } };
    case 'sales.purchase-refunded':
      return { day: dayOf('refundedAt'), inc: { [`revenue.${data.currency}`]: -Number(data.amount), refunds: 1 } };
    case 'loyalty.points-earned':
      return { day: dayOf('earnedAt'), inc: { pointsIssued: Number(data.points) } };
    case 'loyalty.points-redeemed':
      return { day: dayOf('redeemedAt'), inc: { pointsRedeemed: Number(data.points) } };
    case 'surveys.answer-recorded': {
      if (data.kind !== 'nps') return undefined;
      const score = Number(data.score);
      const category = score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
      return { day: dayOf('answeredAt'), inc: { [`nps.${category}`]: 1 } };
    }
    default:
      return undefined;
  }
}

export interface DailyMetrics {
  readonly revenue?: Readonly<Record<string, number>>;
  readonly purchases?: number;
  readonly refunds?: number;
  readonly pointsIssued?: number;
  readonly pointsRedeemed?: number;
  readonly nps?: { readonly promoters?: number; readonly passives?: number; readonly detractors?: number };
}

/** NPS = % promoters − % detractors, rounded; undefined without answers. */
export function netPromoterScore(metrics: DailyMetrics): number | undefined {
  const { promoters = 0, passives = 0, detractors = 0 } = metrics.nps ?? {};
  const answers = promoters + passives + detractors;
  return answers === 0 ? undefined : Math.round((100 * (promoters - detractors)) / answers);
}
