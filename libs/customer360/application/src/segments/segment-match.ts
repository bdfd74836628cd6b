import type { SegmentRule } from '@c360/customer360-domain';
import { loyaltyBalanceAt } from '../view/loyalty-balance';
import { daysSince, scoreRfm, type RfmScale } from '../view/rfm';
import { rfmInputOf } from '../view/rfm-scale.service';
import type { PopulationMember } from '../view/customer-population.service';

/** The figures of a customer that segment rules read, as of `now`. */
export interface SegmentFigures {
  readonly tier: string | null;
  readonly rfmSegment: string | null;
  readonly npsCategory: 'promoter' | 'passive' | 'detractor' | null;
  readonly net: Readonly<Record<string, number>>;
  readonly purchases: number;
  readonly daysSinceLastPurchase: number | null;
  readonly consents: ReadonlySet<string>;
  readonly erased: boolean;
}

function npsCategoryOf(category: string | null): SegmentFigures['npsCategory'] {
  return category === 'promoter' || category === 'passive' || category === 'detractor' ? category : null;
}

export function segmentFigures(member: PopulationMember, scale: RfmScale, now: Date): SegmentFigures {
  const { facts } = member;
  const loyalty = loyaltyBalanceAt(facts.loyalty, now, facts.primaryLoyalty);
  const granted = Object.values(facts.survivor?.consents ?? {}).filter((consent) => consent.granted);
  return {
    tier: loyalty?.tier ?? null,
    rfmSegment: scoreRfm(rfmInputOf(facts.sales), scale, now)?.segment ?? null,
    // The category of the customer's latest NPS answer (surveys' published answers); none without one.
    npsCategory: npsCategoryOf(facts.feedback.lastNps?.category ?? null),
    net: Object.fromEntries(Object.entries(facts.sales.byCurrency).map(([currency, value]) => [currency, value.net])),
    purchases: facts.sales.purchases,
    daysSinceLastPurchase: facts.sales.lastPurchaseAt === null ? null : daysSince(facts.sales.lastPurchaseAt, now),
    consents: new Set(granted.map((consent) => `${consent.channel}:${consent.purpose}`)),
    erased: facts.survivor?.status === 'erased',
  };
}

const inRange = (value: number | null, rule: { readonly gte?: number; readonly lte?: number }) =>
  value !== null && (rule.gte === undefined || value >= rule.gte) && (rule.lte === undefined || value <= rule.lte);

/** Every rule holds. Erased customers are never members: a campaign must not reach them. */
export function matchesSegment(figures: SegmentFigures, rules: readonly SegmentRule[]): boolean {
  if (figures.erased) return false;
  return rules.every((rule) => {
    switch (rule.field) {
      case 'tier':
        return figures.tier !== null && rule.in.includes(figures.tier);
      case 'rfmSegment':
        return figures.rfmSegment !== null && rule.in.includes(figures.rfmSegment);
      case 'npsCategory':
        return figures.npsCategory !== null && rule.in.includes(figures.npsCategory);
      case 'lifetimeValue':
        return inRange(figures.net[rule.currency] ?? 0, rule);
      case 'purchases':
        return inRange(figures.purchases, rule);
      case 'daysSinceLastPurchase':
        return inRange(figures.daysSinceLastPurchase, rule);
      case 'consent':
        return figures.consents.has(`${rule.channel}:${rule.purpose}`);
    }
  });
}
