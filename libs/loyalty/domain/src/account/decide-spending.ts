import { DomainError, type Actor } from '@c360/kernel';
import type { ProgramSettings } from '../program/program-settings';
import type { RefundFacts } from '../rules/purchase-facts';
import { evaluateRefund } from '../rules/spend-rule';
import { requireAdjustmentReason, requirePositivePoints, requireReference, requireSupervisor } from '../shared/actor';
import { startOfPeriod } from '../shared/time';
import type { AdjustmentReason } from './account.events';
import type { RedemptionPurpose } from './account.types';
import type { Decision } from './decision';
import { settleDebt } from './debt';
import { restorePortions } from './restore';
import { redemptionHolds } from './decide-fraud';
import { tierConsequences } from './decide-tier';
import { bySoonestExpiry, findLot, lotIdFor, newLotFacts, pendingLots, planDraws, spendableLots, spendablePoints } from './lot-math';

function insufficient(spendable: number, requested: number): DomainError {
  return new DomainError('loyalty.insufficient-points', `Only ${spendable} points are spendable, ${requested} were asked for`, 'conflict', {
    spendable,
    requested,
  });
}

/**
 * A redemption takes from the spendable lots that expire soonest and never more than is spendable.
 * On an account under fraud review the points are set aside (held) until a supervisor decides.
 */
export function redeemPoints(
  decision: Decision,
  command: { redemptionId: string; points: number; purpose: RedemptionPurpose; now: string; program: ProgramSettings },
): void {
  const { redemptionId, points, purpose, now, program } = command;
  requirePositivePoints(points);
  const account = decision.account;
  if (account.redemptions.some((record) => record.redemptionId === redemptionId)) {
    throw new DomainError('loyalty.redemption-exists', `Redemption ${redemptionId} exists already`, 'conflict', { redemptionId });
  }
  const spendable = spendablePoints(account, now);
  if (spendable < points) throw insufficient(spendable, points);
  const { draws } = planDraws(spendableLots(account, now), points);
  const flagIds = redemptionHolds(decision, now, program.fraud);
  if (flagIds.length > 0) {
    decision.emit({ type: 'loyalty.redemption-held', data: { redemptionId, points, draws, purpose, heldAt: now, flagIds } });
  } else {
    decision.emit({ type: 'loyalty.points-redeemed', data: { redemptionId, points, draws, purpose, redeemedAt: now } });
  }
}

export function cancelRedemption(decision: Decision, command: { redemptionId: string; now: string; program: ProgramSettings }): void {
  const { redemptionId, now, program } = command;
  const account = decision.account;
  const record = account.redemptions.find((candidate) => candidate.redemptionId === redemptionId);
  if (!record)
    throw new DomainError('loyalty.redemption-not-found', `No redemption ${redemptionId} on this account`, 'not-found', { redemptionId });
  if (record.status !== 'completed') {
    throw new DomainError('loyalty.redemption-not-cancellable', `Redemption ${redemptionId} is ${record.status}`, 'conflict', {
      redemptionId,
      status: record.status,
    });
  }
  const restored = restorePortions(account, record.draws, redemptionId, now, program);
  decision.emit({
    type: 'loyalty.redemption-cancelled',
    data: { redemptionId, points: record.points, purpose: record.purpose, restored, cancelledAt: now },
  });
  settleDebt(decision, now);
}

/** Marks a redemption id as never to be debited (a saga gave up on it); a no-op when it was debited. */
export function voidRedemption(decision: Decision, command: { redemptionId: string; purpose: RedemptionPurpose; now: string }): void {
  if (decision.state.status === 'none') return;
  if (decision.account.redemptions.some((record) => record.redemptionId === command.redemptionId)) return;
  decision.emit({
    type: 'loyalty.redemption-voided',
    data: { redemptionId: command.redemptionId, purpose: command.purpose, voidedAt: command.now },
  });
}

/**
 * Transfers between members: only spendable points, within the per-transfer and per-month limits,
 * never to oneself, never from an account under fraud review.
 */
export function transferPoints(
  decision: Decision,
  command: { transferId: string; toCustomerId: string; points: number; now: string; program: ProgramSettings },
): void {
  const { transferId, toCustomerId, points, now } = command;
  const policy = command.program.transfers;
  const account = decision.account;
  if (!policy.enabled) throw new DomainError('loyalty.transfers-disabled', 'Transfers between members are switched off', 'conflict');
  requirePositivePoints(points);
  if (toCustomerId === account.customerId)
    throw new DomainError('loyalty.transfer-to-self', 'A member cannot transfer points to themselves', 'invalid', {
      field: 'toCustomerId',
    });
  if (account.transfersOut.some((transfer) => transfer.transferId === transferId)) return;
  if (points < policy.minPoints || points > policy.maxPointsPerTransfer) {
    throw new DomainError(
      'loyalty.transfer-limit',
      `A transfer must be from ${policy.minPoints} to ${policy.maxPointsPerTransfer} points`,
      'invalid',
      {
        field: 'points',
        min: policy.minPoints,
        max: policy.maxPointsPerTransfer,
      },
    );
  }
  const monthStart = startOfPeriod(now, 'month');
  const sentThisMonth = account.transfersOut
    .filter((transfer) => transfer.at >= monthStart)
    .reduce((sum, transfer) => sum + transfer.points, 0);
  if (sentThisMonth + points > policy.maxPointsPerMonth) {
    throw new DomainError(
      'loyalty.transfer-limit',
      `Only ${policy.maxPointsPerMonth - sentThisMonth} more points may be transferred this month`,
      'conflict',
      {
        monthlyLimit: policy.maxPointsPerMonth,
        remainingThisMonth: policy.maxPointsPerMonth - sentThisMonth,
      },
    );
  }
  if (account.flags.some((flag) => flag.status !== 'cleared')) {
    throw new DomainError('loyalty.account-under-review', 'Transfers are blocked while the account is under fraud review', 'conflict');
  }
  const spendable = spendablePoints(account, now);
  if (spendable < points) throw insufficient(spendable, points);
  const { draws } = planDraws(spendableLots(account, now), points);
  const withExpiry = draws.map((draw) => ({ ...draw, expiresAt: findLot(account, draw.lotId)?.expiresAt ?? now }));
  decision.emit({
    type: 'loyalty.points-transferred-out',
    data: { transferId, toCustomerId, points, draws: withExpiry, transferredAt: now },
  });
}

/** Supervisors only, with a reason code. A credit is a new lot; a debit takes spendable then pending points and never makes debt. */
export function adjustPoints(
  decision: Decision,
  command: {
    adjustmentId: string;
    points: number;
    reason: AdjustmentReason;
    reference: string | null;
    actor: Actor;
    now: string;
    program: ProgramSettings;
  },
): void {
  const { adjustmentId, points, reason, reference, actor, now, program } = command;
  requireSupervisor(actor, 'adjust points');
  requireAdjustmentReason(reason);
  if (reference !== null) requireReference(reference);
  if (!Number.isSafeInteger(points) || points === 0) {
    throw new DomainError('loyalty.invalid-points', 'points must be a non-zero whole number', 'invalid', { field: 'points' });
  }
  const account = decision.account;
  if (account.adjustmentIds.includes(adjustmentId)) return;
  const base = { adjustmentId, points, reason, reference, actorId: actor.id, adjustedAt: now };
  if (points > 0) {
    const lot = newLotFacts(lotIdFor(account.customerId, 'adjustment', adjustmentId), points, now, now, 0, program.points);
    decision.emit({ type: 'loyalty.points-adjusted', data: { ...base, lot, draws: [] } });
    settleDebt(decision, now);
    return;
  }
  const { draws, shortfall } = planDraws([...spendableLots(account, now), ...pendingLots(account, now)], -points);
  if (shortfall > 0) throw insufficient(-points - shortfall, -points);
  decision.emit({ type: 'loyalty.points-adjusted', data: { ...base, lot: null, draws } });
}

/**
 * A refund takes back the points earned on the refunded amount: from the purchase's own lot first
 * (normally still pending), then from other pending lots, then from spendable lots (soonest-expiring
 * first); whatever is still missing becomes debt that the next earnings pay first (ADR 0007).
 */
export function takeBackForRefund(decision: Decision, refund: RefundFacts, now: string, program: ProgramSettings): void {
  const account = decision.account;
  if (account.refundIds.includes(refund.refundId)) return;
  const purchase = account.purchases.find((record) => record.purchaseId === refund.purchaseId);
  if (!purchase) return; // the purchase earned nothing here: nothing to take back
  const { pointsToTakeBack, refundedEligibleAmount } = evaluateRefund(purchase, refund);
  const own = account.lots.filter((lot) => lot.lotId === purchase.lotId && lot.remaining > 0 && lot.expiresAt > now);
  const others = (lots: ReturnType<typeof spendableLots>) => lots.filter((lot) => lot.lotId !== purchase.lotId);
  const order = [...own, ...others(pendingLots(account, now)), ...others(spendableLots(account, now)).sort(bySoonestExpiry)];
  const { draws, shortfall } = planDraws(order, pointsToTakeBack);
  decision.emit({
    type: 'loyalty.points-clawed-back',
    data: {
      refundId: refund.refundId,
      purchaseId: refund.purchaseId,
      points: pointsToTakeBack,
      draws,
      debtIncurred: shortfall,
      refundedAmount: refund.amount,
      refundedEligibleAmount,
      clawedBackAt: now,
    },
  });
  tierConsequences(decision, now, program.tiers);
}
