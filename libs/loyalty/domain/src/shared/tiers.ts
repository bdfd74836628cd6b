/** Tiers from lowest to highest. */
export const TIERS = ['bronze', 'silver', 'gold'] as const;
export type TierName = (typeof TIERS)[number];

export function isTierName(value: unknown): value is TierName {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

export function tierRank(tier: TierName): number {
  return TIERS.indexOf(tier);
}

export function higherTier(a: TierName, b: TierName): TierName {
  return tierRank(a) >= tierRank(b) ? a : b;
}

export function nextTierAbove(tier: TierName): TierName | null {
  return TIERS[tierRank(tier) + 1] ?? null;
}

/** The highest tier whose threshold `points` reach. */
export function qualifyingTier(points: number, thresholds: Readonly<Record<TierName, number>>): TierName {
  let result: TierName = TIERS[0];
  for (const tier of TIERS) if (points >= thresholds[tier]) result = tier;
  return result;
}
