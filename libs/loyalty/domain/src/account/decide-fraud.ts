import { DomainError, type Actor } from '@c360/kernel';
import type { FraudPolicy, ProgramSettings } from '../program/program-settings';
import { requireSupervisor } from '../shared/actor';
import { addDays, startOfPeriod } from '../shared/time';
import type { FraudReason } from './account.types';
import type { Decision } from './decision';
import { restorePortions } from './restore';

const EARNING_ORIGINS = new Set(['purchase', 'engagement', 'partner']);

function raise(decision: Decision, flagId: string, reason: FraudReason, details: Record<string, string | number>, now: string): void {
  if (decision.account.flags.some((flag) => flag.flagId === flagId)) return;
  decision.emit({ type: 'loyalty.fraud-flag-raised', data: { flagId, reason, details, raisedAt: now } });
}

/** Flags (never blocks) an account that earned more than the velocity limit in the last 24 hours; once per day. */
export function checkEarningVelocity(decision: Decision, now: string, policy: FraudPolicy): void {
  const since = addDays(now, -1);
  const earned = decision.account.lots
    .filter((lot) => EARNING_ORIGINS.has(lot.origin) && lot.earnedAt > since && lot.earnedAt <= now)
    .reduce((sum, lot) => sum + lot.points, 0);
  if (earned > policy.maxPointsPer24Hours) {
    raise(
      decision,
      `earning-velocity/${startOfPeriod(now, 'day').slice(0, 10)}`,
      'earning-velocity',
      { pointsIn24Hours: earned, limit: policy.maxPointsPer24Hours },
      now,
    );
  }
}

/**
 * Why a redemption must be held: any flag that is open or confirmed, or — raising a flag for it — a
 * redemption soon after a new account's first earning. Returns the flags it is held for.
 */
export function redemptionHolds(decision: Decision, now: string, policy: FraudPolicy): string[] {
  const account = decision.account;
  const isNew = account.enrolledAt > addDays(now, -policy.newAccountDays);
  if (isNew && account.firstEarnedAt !== null && now < addDays(account.firstEarnedAt, policy.earlyRedemptionDays)) {
    raise(decision, 'early-redemption', 'early-redemption', { firstEarnedAt: account.firstEarnedAt, enrolledAt: account.enrolledAt }, now);
  }
  return decision.account.flags.filter((flag) => flag.status !== 'cleared').map((flag) => flag.flagId);
}

export function raiseFraudFlag(
  decision: Decision,
  command: { flagId: string; reason: FraudReason; details: Readonly<Record<string, string | number>>; now: string },
): void {
  raise(decision, command.flagId, command.reason, { ...command.details }, command.now);
}

/**
 * A supervisor's verdict. Confirming rejects the held redemptions (points go back) and keeps the
 * account's redemptions held; clearing releases them once no other flag is open or confirmed.
 */
export function reviewFraudFlag(
  decision: Decision,
  command: { flagId: string; decision: 'confirm' | 'clear'; actor: Actor; now: string; program: ProgramSettings },
): void {
  requireSupervisor(command.actor, 'review fraud flags');
  const { flagId, now } = command;
  const flag = decision.account.flags.find((candidate) => candidate.flagId === flagId);
  if (!flag) throw new DomainError('loyalty.flag-not-found', `No fraud flag ${flagId} on this account`, 'not-found', { flagId });
  if (flag.status !== 'open')
    throw new DomainError('loyalty.flag-already-reviewed', `Flag ${flagId} was ${flag.status}`, 'conflict', { status: flag.status });
  const held = decision.account.redemptions.filter((record) => record.status === 'held');
  if (command.decision === 'confirm') {
    decision.emit({ type: 'loyalty.fraud-flag-confirmed', data: { flagId, actorId: command.actor.id, confirmedAt: now } });
    for (const record of held) {
      const restored = restorePortions(decision.account, record.draws, record.redemptionId, now, command.program);
      decision.emit({
        type: 'loyalty.held-redemption-rejected',
        data: { redemptionId: record.redemptionId, points: record.points, purpose: record.purpose, restored, rejectedAt: now },
      });
    }
    return;
  }
  decision.emit({ type: 'loyalty.fraud-flag-cleared', data: { flagId, actorId: command.actor.id, clearedAt: now } });
  if (decision.account.flags.some((candidate) => candidate.status !== 'cleared')) return;
  for (const record of held) {
    decision.emit({
      type: 'loyalty.held-redemption-released',
      data: { redemptionId: record.redemptionId, points: record.points, purpose: record.purpose, releasedAt: now },
    });
  }
}
