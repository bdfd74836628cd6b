import type { TierName } from '../shared/tiers';

/**
 * The club's rules as one versioned snapshot. Every change is an event on the programme stream and
 * bumps `version`; account commands carry the snapshot they were decided with, and the events they
 * produce record its version.
 */

export interface SpendRule {
  /** Points for every full `stepAmount` spent (floor): 10 per 100,000 minor units by default. */
  readonly pointsPerStep: number;
  readonly stepAmount: number;
  /** Orders whose total is below this (minor units) earn nothing. */
  readonly minimumOrderValue: number;
  /** ISO-4217 codes that earn; empty = every currency (amounts are taken in their own minor units). */
  readonly currencies: readonly string[];
  readonly excludedCategories: readonly string[];
  readonly excludedSkus: readonly string[];
  /** Percent applied to the points of a purchase by the member's tier at the time (100 = ×1). */
  readonly tierMultipliers: Readonly<Record<TierName, number>>;
}

export const ENGAGEMENT_RULES = [
  'birthday',
  'survey-answered',
  'contract-renewed',
  'referral-referrer',
  'referral-referee',
  'review-written',
] as const;
export type EngagementRuleName = (typeof ENGAGEMENT_RULES)[number];

/** Caps in points per calendar period (UTC); null = no cap for that period. */
export interface EngagementCaps {
  readonly day: number | null;
  readonly week: number | null;
  readonly month: number | null;
  readonly year: number | null;
}

export interface EngagementRule {
  readonly enabled: boolean;
  readonly points: number;
  readonly caps: EngagementCaps;
}

export interface TierPolicy {
  /** Points earned in the rolling window needed for each tier (bronze is always 0). */
  readonly thresholds: Readonly<Record<TierName, number>>;
  readonly windowMonths: number;
  /** How long a member keeps a tier after a review found the threshold no longer met. */
  readonly gracePeriodDays: number;
}

export type ExpiryMode = 'after-unlock' | 'end-of-month' | 'end-of-year';

export interface PointsPolicy {
  /** Purchase points stay pending (not spendable) this long after the purchase. */
  readonly returnWindowDays: number;
  /**
   * A lot expires `expiryMonths` after it unlocks ('after-unlock'), or at the end of the month /
   * year in which that moment falls.
   */
  readonly expiryMode: ExpiryMode;
  readonly expiryMonths: number;
  /** A warning event this many days before points expire. */
  readonly warningDays: number;
  /** Restored points whose original lot has expired in the meantime get this long to be used. */
  readonly restoredPointsValidityDays: number;
}

export interface TransferPolicy {
  readonly enabled: boolean;
  readonly minPoints: number;
  readonly maxPointsPerTransfer: number;
  /** Points a member may send per calendar month (UTC). */
  readonly maxPointsPerMonth: number;
}

export interface FraudPolicy {
  /** Points earned within 24 hours above which an account is flagged (velocity). */
  readonly maxPointsPer24Hours: number;
  /** A redemption this soon after a new account's first earning is held and flagged. */
  readonly earlyRedemptionDays: number;
  /** An account younger than this counts as new for the early-redemption check. */
  readonly newAccountDays: number;
  /** How far the referral chain is followed to detect rings. */
  readonly referralRingDepth: number;
}

export interface ProgramSettings {
  readonly version: number;
  readonly spendRule: SpendRule;
  readonly engagementRules: Readonly<Record<EngagementRuleName, EngagementRule>>;
  readonly tiers: TierPolicy;
  readonly points: PointsPolicy;
  readonly transfers: TransferPolicy;
  readonly fraud: FraudPolicy;
}

const noCaps: EngagementCaps = { day: null, week: null, month: null, year: null };

export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  version: 0,
  spendRule: {
    pointsPerStep: 10,
    stepAmount: 100_000,
    minimumOrderValue: 0,
    currencies: [],
    excludedCategories: [],
    excludedSkus: [],
    tierMultipliers: { bronze: 100, silver: 100, gold: 100 },
  },
  engagementRules: {
    birthday: { enabled: true, points: 100, caps: { ...noCaps, year: 100 } },
    'survey-answered': { enabled: true, points: 20, caps: { ...noCaps, day: 20, month: 60 } },
    'contract-renewed': { enabled: true, points: 200, caps: { ...noCaps, month: 400 } },
    'referral-referrer': { enabled: true, points: 250, caps: { ...noCaps, month: 1_000 } },
    'referral-referee': { enabled: true, points: 100, caps: { ...noCaps } },
    'review-written': { enabled: true, points: 25, caps: { ...noCaps, day: 25, week: 75 } },
  },
  tiers: { thresholds: { bronze: 0, silver: 1_000, gold: 5_000 }, windowMonths: 12, gracePeriodDays: 90 },
  points: { returnWindowDays: 14, expiryMode: 'after-unlock', expiryMonths: 12, warningDays: 30, restoredPointsValidityDays: 30 },
  transfers: { enabled: true, minPoints: 10, maxPointsPerTransfer: 5_000, maxPointsPerMonth: 10_000 },
  fraud: { maxPointsPer24Hours: 5_000, earlyRedemptionDays: 2, newAccountDays: 30, referralRingDepth: 5 },
};
