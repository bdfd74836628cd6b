import type { TierPolicy } from '../program/program-settings';
import { addMonths } from '../shared/time';
import { higherTier, nextTierAbove, qualifyingTier, tierRank, TIERS, type TierName } from '../shared/tiers';
import type { Account, TierEarning } from './account.types';

/** Window of tier points: earnings dated after `now − windowMonths` (later-dated ones count as well). */
function inWindow(earnings: readonly TierEarning[], now: string, policy: TierPolicy): TierEarning[] {
  const from = addMonths(now, -policy.windowMonths);
  return earnings.filter((earning) => earning.at > from && earning.points > 0);
}

/** Points earned in the rolling window (net of refunds), the measure tiers are decided by. */
export function rollingPoints(account: Pick<Account, 'tierEarnings'>, now: string, policy: TierPolicy): number {
  return inWindow(account.tierEarnings, now, policy).reduce((sum, earning) => sum + earning.points, 0);
}

/** The tier an account is entitled to now: what its points qualify for, never below the floor. */
export function entitledTier(account: Pick<Account, 'tierEarnings' | 'tierFloor'>, now: string, policy: TierPolicy): TierName {
  const qualifies = qualifyingTier(rollingPoints(account, now, policy), policy.thresholds);
  return account.tierFloor ? higherTier(qualifies, account.tierFloor) : qualifies;
}

/** True when nothing can lower the current tier: the lowest tier, or at/below the supervisor's floor. */
export function tierCannotDrop(account: Pick<Account, 'tier' | 'tierFloor'>): boolean {
  if (account.tier === TIERS[0]) return true;
  return account.tierFloor !== null && tierRank(account.tierFloor) >= tierRank(account.tier);
}

/**
 * The first instant after which the current tier's threshold is no longer met if nothing else is
 * earned: when enough of the oldest earnings have left the window. `now` when it is not met already.
 */
export function thresholdLapsesAt(account: Pick<Account, 'tier' | 'tierEarnings'>, now: string, policy: TierPolicy): string {
  const threshold = policy.thresholds[account.tier];
  const earnings = inWindow(account.tierEarnings, now, policy).sort((a, b) => a.at.localeCompare(b.at));
  let sum = earnings.reduce((total, earning) => total + earning.points, 0);
  if (sum < threshold) return now;
  for (const earning of earnings) {
    sum -= earning.points;
    if (sum < threshold) return addMonths(earning.at, policy.windowMonths);
  }
  return now; // unreachable: a positive threshold is met only by positive earnings
}

/** When the scheduler should next review the tier: the grace end, the moment the threshold lapses, or never. */
export function nextTierReview(account: Account, now: string, policy: TierPolicy): string | null {
  if (account.status !== 'active' || tierCannotDrop(account)) return null;
  if (account.graceEndsAt !== null) return account.graceEndsAt;
  return thresholdLapsesAt(account, now, policy);
}

export interface TierProgress {
  readonly tier: TierName;
  readonly tierFloor: TierName | null;
  readonly rollingPoints: number;
  readonly nextTier: TierName | null;
  /** Points still to earn (within the window) to reach the next tier; null at the top. */
  readonly pointsToNextTier: number | null;
  /** Points still to earn for the current tier's threshold to be met now (0 when it is). */
  readonly pointsToKeepTier: number;
  /** When the threshold stops being met if nothing more is earned (null when the tier cannot drop). */
  readonly tierAtRiskFrom: string | null;
  readonly graceEndsAt: string | null;
}

export function tierProgress(
  account: Pick<Account, 'tier' | 'tierFloor' | 'tierEarnings' | 'graceEndsAt'>,
  now: string,
  policy: TierPolicy,
): TierProgress {
  const rolling = rollingPoints(account, now, policy);
  const nextTier = nextTierAbove(account.tier);
  const cannotDrop = tierCannotDrop(account);
  return {
    tier: account.tier,
    tierFloor: account.tierFloor,
    rollingPoints: rolling,
    nextTier,
    pointsToNextTier: nextTier === null ? null : Math.max(0, policy.thresholds[nextTier] - rolling),
    pointsToKeepTier: cannotDrop ? 0 : Math.max(0, policy.thresholds[account.tier] - rolling),
    tierAtRiskFrom: cannotDrop ? null : thresholdLapsesAt(account, now, policy),
    graceEndsAt: account.graceEndsAt,
  };
}
