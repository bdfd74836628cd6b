import type { ProgramSettings } from '../program/program-settings';
import { addDays } from '../shared/time';
import type { Account, Lot } from './account.types';
import { isPending, isSpendable, pendingPoints, spendablePoints } from './lot-math';
import { tierProgress, type TierProgress } from './tier-math';

/** How many days ahead "expiring soon" looks. */
export const EXPIRING_SOON_DAYS = 90;

export interface LotView {
  readonly lotId: string;
  readonly origin: Lot['origin'];
  readonly points: number;
  readonly remaining: number;
  readonly earnedAt: string;
  readonly unlockAt: string;
  readonly expiresAt: string;
  readonly state: 'pending' | 'spendable';
}

export interface AccountView {
  readonly customerId: string;
  readonly status: Account['status'];
  readonly mergedInto: string | null;
  readonly enrolledAt: string;
  /** Points that can be redeemed now. */
  readonly spendable: number;
  /** Points locked in the return window. */
  readonly pending: number;
  /** Points owed (refunds of points already spent); paid by the next earnings. */
  readonly debt: number;
  /** spendable + pending − debt: negative while a debt is not covered. */
  readonly balance: number;
  /** Points set aside by redemptions held for a fraud review. */
  readonly held: number;
  readonly tier: TierProgress;
  readonly expiringSoon: readonly { readonly expiresAt: string; readonly points: number }[];
  readonly lots: readonly LotView[];
  readonly underReview: boolean;
  readonly openFlags: readonly { readonly flagId: string; readonly reason: string; readonly raisedAt: string; readonly status: string }[];
}

/**
 * The balance as of `now`, computed from the account's lots: exact even when the scheduler has not
 * yet recorded the latest unlocks and expiries.
 */
export function accountView(account: Account, now: string, program: ProgramSettings): AccountView {
  const spendable = spendablePoints(account, now);
  const pending = pendingPoints(account, now);
  const live = account.lots.filter((lot) => isSpendable(lot, now) || isPending(lot, now));
  const horizon = addDays(now, EXPIRING_SOON_DAYS);
  const soon = new Map<string, number>();
  for (const lot of live) if (lot.expiresAt <= horizon) soon.set(lot.expiresAt, (soon.get(lot.expiresAt) ?? 0) + lot.remaining);
  const flags = account.flags.filter((flag) => flag.status !== 'cleared');
  return {
    customerId: account.customerId,
    status: account.status,
    mergedInto: account.mergedInto,
    enrolledAt: account.enrolledAt,
    spendable,
    pending,
    debt: account.debt,
    balance: spendable + pending - account.debt,
    held: account.redemptions.filter((record) => record.status === 'held').reduce((sum, record) => sum + record.points, 0),
    tier: tierProgress(account, now, program.tiers),
    expiringSoon: [...soon.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([expiresAt, points]) => ({ expiresAt, points })),
    lots: live
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || a.lotId.localeCompare(b.lotId))
      .map((lot) => ({
        lotId: lot.lotId,
        origin: lot.origin,
        points: lot.points,
        remaining: lot.remaining,
        earnedAt: lot.earnedAt,
        unlockAt: lot.unlockAt,
        expiresAt: lot.expiresAt,
        state: isSpendable(lot, now) ? 'spendable' : 'pending',
      })),
    underReview: flags.length > 0,
    openFlags: flags.map((flag) => ({ flagId: flag.flagId, reason: flag.reason, raisedAt: flag.raisedAt, status: flag.status })),
  };
}
