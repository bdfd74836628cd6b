import { DomainError, type Actor } from '@c360/kernel';
import type { TierPolicy } from '../program/program-settings';
import { requireAdjustmentReason, requireSupervisor } from '../shared/actor';
import { addDays } from '../shared/time';
import { isTierName, qualifyingTier, tierRank, type TierName } from '../shared/tiers';
import type { AdjustmentReason } from './account.events';
import type { Decision } from './decision';
import { entitledTier, nextTierReview, rollingPoints, tierCannotDrop } from './tier-math';

/**
 * What follows from a change of tier points or floor: upgrades happen at once (to what the points
 * qualify for, or the floor); a grace period ends when the threshold is met again; the next review
 * is (re)scheduled. Downgrades never happen here, only at a review.
 */
export function tierConsequences(decision: Decision, now: string, policy: TierPolicy): void {
  const account = decision.account;
  if (account.status !== 'active') return;
  const rolling = rollingPoints(account, now, policy);
  const target = entitledTier(account, now, policy);
  if (tierRank(target) > tierRank(account.tier)) {
    const byFloor = account.tierFloor === target && tierRank(qualifyingTier(rolling, policy.thresholds)) < tierRank(target);
    decision.emit({
      type: 'loyalty.tier-changed',
      data: { from: account.tier, to: target, reason: byFloor ? 'floor' : 'upgrade', rollingPoints: rolling, changedAt: now },
    });
  } else if (account.graceEndsAt !== null && (rolling >= policy.thresholds[account.tier] || tierCannotDrop(account))) {
    decision.emit({ type: 'loyalty.tier-grace-ended', data: { tier: account.tier, rollingPoints: rolling, endedAt: now } });
  }
  const reviewAt = nextTierReview(decision.account, now, policy);
  if (reviewAt !== decision.account.tierReviewAt) decision.emit({ type: 'loyalty.tier-review-scheduled', data: { reviewAt } });
}

/**
 * A due review: when the current tier's threshold is no longer met, a grace period starts; when it
 * is still not met at the end of the grace period, the tier drops to what the points qualify for,
 * never below the supervisor's floor.
 */
export function reviewTier(decision: Decision, now: string, policy: TierPolicy): void {
  const account = decision.account;
  if (account.tierReviewAt === null || account.tierReviewAt > now || tierCannotDrop(account)) return;
  const rolling = rollingPoints(account, now, policy);
  const threshold = policy.thresholds[account.tier];
  if (rolling >= threshold) return;
  if (account.graceEndsAt === null && policy.gracePeriodDays > 0) {
    decision.emit({
      type: 'loyalty.tier-grace-started',
      data: { tier: account.tier, threshold, rollingPoints: rolling, graceEndsAt: addDays(now, policy.gracePeriodDays), startedAt: now },
    });
    return;
  }
  if (account.graceEndsAt !== null && account.graceEndsAt > now) return;
  const target = entitledTier(account, now, policy);
  if (tierRank(target) < tierRank(account.tier)) {
    decision.emit({
      type: 'loyalty.tier-changed',
      data: { from: account.tier, to: target, reason: 'downgrade', rollingPoints: rolling, changedAt: now },
    });
  }
}

export function setTierFloor(
  decision: Decision,
  command: { tier: TierName | null; reason: AdjustmentReason; actor: Actor; now: string },
  policy: TierPolicy,
): void {
  requireSupervisor(command.actor, 'set a tier floor');
  requireAdjustmentReason(command.reason);
  if (command.tier !== null && !isTierName(command.tier)) {
    throw new DomainError('loyalty.unknown-tier', `No tier "${String(command.tier)}"`, 'invalid', { field: 'tier' });
  }
  if (decision.account.tierFloor === command.tier) return;
  decision.emit({
    type: 'loyalty.tier-floor-set',
    data: { tier: command.tier, reason: command.reason, actorId: command.actor.id, setAt: command.now },
  });
  tierConsequences(decision, command.now, policy);
}
