import type { PointsPolicy } from '../program/program-settings';
import { addDays, addMonths, startOfNextMonth, startOfNextYear } from '../shared/time';
import type { Account, Draw, Lot, LotFacts } from './account.types';

/** The first instant at which points unlocked at `unlockAt` are no longer valid. */
export function expiryFor(unlockAt: string, policy: PointsPolicy): string {
  const after = addMonths(unlockAt, policy.expiryMonths);
  switch (policy.expiryMode) {
    case 'after-unlock':
      return after;
    case 'end-of-month':
      return startOfNextMonth(after);
    case 'end-of-year':
      return startOfNextYear(after);
  }
}

export function warningFor(expiresAt: string, policy: PointsPolicy): string {
  return addDays(expiresAt, -policy.warningDays);
}

/** Dates of a new lot: locked for `lockDays` after `earnedAt`, expiring by the points policy after that. */
export function newLotFacts(
  lotId: string,
  points: number,
  earnedAt: string,
  now: string,
  lockDays: number,
  policy: PointsPolicy,
): LotFacts {
  const unlockAt = addDays(earnedAt, lockDays);
  const expiresAt = expiryFor(unlockAt, policy);
  return {
    lotId,
    points,
    earnedAt,
    unlockAt,
    expiresAt,
    warnAt: warningFor(expiresAt, policy),
    status: unlockAt > now ? 'pending' : 'available',
  };
}

/** A lot whose dates are given (transfers, restorations): available now, valid until `expiresAt`. */
export function availableLotFacts(lotId: string, points: number, now: string, expiresAt: string, policy: PointsPolicy): LotFacts {
  return { lotId, points, earnedAt: now, unlockAt: now, expiresAt, warnAt: warningFor(expiresAt, policy), status: 'available' };
}

/** The dates and points of a lot that decide whether it counts now (a read model's lot has them too). */
export type LotTiming = Pick<Lot, 'remaining' | 'unlockAt' | 'expiresAt'>;

export function isSpendable(lot: LotTiming, now: string): boolean {
  return lot.remaining > 0 && lot.unlockAt <= now && lot.expiresAt > now;
}

export function isPending(lot: LotTiming, now: string): boolean {
  return lot.remaining > 0 && lot.unlockAt > now && lot.expiresAt > now;
}

export function spendablePoints(account: Account, now: string): number {
  return account.lots.filter((lot) => isSpendable(lot, now)).reduce((sum, lot) => sum + lot.remaining, 0);
}

export function pendingPoints(account: Account, now: string): number {
  return account.lots.filter((lot) => isPending(lot, now)).reduce((sum, lot) => sum + lot.remaining, 0);
}

/** Spending order: the lots that expire soonest first (then the oldest, then by id, so the order is total). */
export function bySoonestExpiry(a: Lot, b: Lot): number {
  return a.expiresAt.localeCompare(b.expiresAt) || a.earnedAt.localeCompare(b.earnedAt) || a.lotId.localeCompare(b.lotId);
}

/** Pending lots in the order they unlock: the first to unlock is the first given up. */
export function bySoonestUnlock(a: Lot, b: Lot): number {
  return a.unlockAt.localeCompare(b.unlockAt) || bySoonestExpiry(a, b);
}

/** Takes up to `points` from `lots` in the given order; returns the draws and what could not be covered. */
export function planDraws(lots: readonly Lot[], points: number): { draws: Draw[]; shortfall: number } {
  const draws: Draw[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take <= 0) continue;
    draws.push({ lotId: lot.lotId, points: take });
    left -= take;
  }
  return { draws, shortfall: left };
}

export function spendableLots(account: Account, now: string): Lot[] {
  return account.lots.filter((lot) => isSpendable(lot, now)).sort(bySoonestExpiry);
}

export function pendingLots(account: Account, now: string): Lot[] {
  return account.lots.filter((lot) => isPending(lot, now)).sort(bySoonestUnlock);
}

export function findLot(account: Account, lotId: string): Lot | undefined {
  return account.lots.find((lot) => lot.lotId === lotId);
}

/** Lot ids start with the owner's customer id, so lots stay unique when a merge moves them to another account. */
export function lotIdFor(customerId: string, kind: string, key: string): string {
  return `${customerId}/${kind}/${key}`;
}
