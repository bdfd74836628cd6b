import { daysSince, type RfmScore } from './rfm';

export interface ChurnRisk {
  readonly atRisk: boolean;
  /** Codes with their figures: `no-purchase-for-120-days`, `refunds-42%-of-purchases`. */
  readonly reasons: readonly string[];
}

export interface ChurnInput {
  readonly purchases: number;
  readonly refunds: number;
  readonly firstPurchaseAt: string | null;
  readonly lastPurchaseAt: string | null;
  readonly rfm: RfmScore | null;
  readonly marketingConsentRevoked: boolean;
  readonly pointsExpiringSoon: number;
  readonly lastNpsScore: number | null;
  readonly breachedTickets: number;
}

export const CHURN_SILENCE_DAYS = 90;

/**
 * A customer who bought before and has gone quiet — longer than 90 days, or more than twice their own
 * usual gap between purchases — or whose signals point away (many refunds, a detractor score,
 * breached tickets, marketing consent withdrawn, points about to lapse unused). The flag is raised on
 * any reason; the reasons say why, so an agent knows what to address.
 */
export function churnRisk(input: ChurnInput, now: Date): ChurnRisk {
  const reasons: string[] = [];
  if (input.lastPurchaseAt !== null) {
    const silent = daysSince(input.lastPurchaseAt, now);
    const usualGap =
      input.purchases > 1 && input.firstPurchaseAt !== null
        ? (Date.parse(input.lastPurchaseAt) - Date.parse(input.firstPurchaseAt)) / 86_400_000 / (input.purchases - 1)
        : null;
    if (silent > CHURN_SILENCE_DAYS) reasons.push(`no-purchase-for-${silent}-days`);
    else if (usualGap !== null && usualGap >= 1 && silent > 2 * usualGap)
      reasons.push(`purchase-overdue-${silent}-days-usual-${Math.round(usualGap)}`);
  }
  if (input.purchases >= 2 && input.refunds / input.purchases >= 0.3)
    reasons.push(`refunds-${Math.round((100 * input.refunds) / input.purchases)}%-of-purchases`);
  if (input.rfm && input.rfm.segment === 'at-risk') reasons.push('rfm-at-risk');
  if (input.lastNpsScore !== null && input.lastNpsScore <= 6) reasons.push(`detractor-nps-${input.lastNpsScore}`);
  if (input.breachedTickets > 0) reasons.push(`sla-breached-tickets-${input.breachedTickets}`);
  if (input.marketingConsentRevoked) reasons.push('marketing-consent-revoked');
  if (input.pointsExpiringSoon > 0 && input.lastPurchaseAt !== null && daysSince(input.lastPurchaseAt, now) > 30) {
    reasons.push(`points-expiring-unused-${input.pointsExpiringSoon}`);
  }
  return { atRisk: reasons.length > 0, reasons };
}
