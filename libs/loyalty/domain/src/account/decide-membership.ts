import type { ProgramSettings } from '../program/program-settings';
import type { MergeSnapshot } from './account.events';
import type { Decision } from './decision';
import { settleDebt } from './debt';
import { catchUp } from './decide-time';
import { tierConsequences } from './decide-tier';

/**
 * Customer merges move the absorbed account's live lots (with their own dates), its purchase records
 * (so later refunds still find what they earned), its tier points and its debt to the survivor. The
 * absorbed account stays as a pointer to the survivor. Undoing the merge gives back what is left of
 * the moved lots; points spent from them meanwhile stay spent (ADR 0007).
 */
export function moveLotsOut(decision: Decision, command: { mergeId: string; toCustomerId: string; now: string }): void {
  const account = decision.account;
  if (account.merges.some((merge) => merge.mergeId === command.mergeId)) return;
  catchUp(decision, command.now);
  const current = decision.account;
  const snapshot: MergeSnapshot = {
    lots: current.lots.filter((lot) => lot.remaining > 0),
    purchases: current.purchases,
    tierEarnings: current.tierEarnings,
    debt: current.debt,
  };
  decision.emit({
    type: 'loyalty.lots-moved-out',
    data: { ...snapshot, mergeId: command.mergeId, toCustomerId: command.toCustomerId, movedAt: command.now },
  });
}

export function receiveMergedLots(
  decision: Decision,
  command: { mergeId: string; fromCustomerId: string; snapshot: MergeSnapshot; now: string; program: ProgramSettings },
): void {
  if (decision.account.merges.some((merge) => merge.mergeId === command.mergeId)) return;
  decision.emit({
    type: 'loyalty.lots-moved-in',
    data: { ...command.snapshot, mergeId: command.mergeId, fromCustomerId: command.fromCustomerId, movedAt: command.now },
  });
  settleDebt(decision, command.now);
  tierConsequences(decision, command.now, command.program.tiers);
}

export function returnMergedLots(decision: Decision, command: { mergeId: string; now: string; program: ProgramSettings }): void {
  const record = decision.account.merges.find((merge) => merge.mergeId === command.mergeId && merge.role === 'survivor' && !merge.undone);
  if (!record) return;
  catchUp(decision, command.now);
  const current = decision.account;
  const snapshot: MergeSnapshot = {
    lots: current.lots.filter((lot) => record.lotIds.includes(lot.lotId)),
    purchases: current.purchases.filter((purchase) => record.purchaseIds.includes(purchase.purchaseId)),
    tierEarnings: current.tierEarnings.filter((earning) => record.tierLotIds.includes(earning.lotId)),
    debt: Math.min(record.debt, current.debt),
  };
  decision.emit({
    type: 'loyalty.merged-lots-returned',
    data: { ...snapshot, mergeId: command.mergeId, toCustomerId: record.otherCustomerId, returnedAt: command.now },
  });
  tierConsequences(decision, command.now, command.program.tiers);
}

export function restoreMergedLots(
  decision: Decision,
  command: { mergeId: string; fromCustomerId: string; snapshot: MergeSnapshot; now: string; program: ProgramSettings },
): void {
  const account = decision.account;
  const record = account.merges.find((merge) => merge.mergeId === command.mergeId && merge.role === 'absorbed' && !merge.undone);
  if (!record || account.status !== 'merged') return;
  decision.emit({
    type: 'loyalty.merged-lots-restored',
    data: { ...command.snapshot, mergeId: command.mergeId, fromCustomerId: command.fromCustomerId, restoredAt: command.now },
  });
  catchUp(decision, command.now);
  settleDebt(decision, command.now);
  tierConsequences(decision, command.now, command.program.tiers);
}

/**
 * Erasure: loyalty holds no personal data (ids, points, amounts, codes and instants only), so there
 * is nothing to shred; the membership ends and the points left are forfeited, which keeps every
 * balance explained by the log.
 */
export function closeForErasure(decision: Decision, now: string): void {
  const account = decision.account;
  if (account.status === 'closed') return;
  const forfeitedPoints = account.lots.reduce((sum, lot) => sum + lot.remaining, 0);
  decision.emit({ type: 'loyalty.account-closed', data: { reason: 'customer-erased', forfeitedPoints, closedAt: now } });
}
