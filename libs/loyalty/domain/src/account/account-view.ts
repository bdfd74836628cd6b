import type { ProgramSettings } from '../program/program-settings';
import { addDays } from '../shared/time';
import type { TierName } from '../shared/tiers';
import type { Account, FraudFlag, Lot, TierEarning } from './account.types';
import { isPending, isSpendable } from './lot-math';
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
 * What a balance as of some instant is computed from: the facts a read model keeps about an account
 * (its own document, folded from the events) — or, in domain specs, the account itself.
 */
export interface BalanceSource {
  readonly customerId: string;
  readonly status: Account['status'];
  readonly mergedInto: string | null;
  readonly enrolledAt: string;
  readonly lots: readonly Pick<Lot, 'lotId' | 'origin' | 'points' | 'remaining' | 'earnedAt' | 'unlockAt' | 'expiresAt'>[];
  readonly debt: number;
  readonly tier: TierName;
  readonly tierFloor: TierName | null;
  readonly graceEndsAt: string | null;
  readonly tierEarnings: readonly TierEarning[];
  /** Points set aside by redemptions held for a fraud review. */
  readonly heldPoints: number;
  readonly flags: readonly Pick<FraudFlag, 'flagId' | 'reason' | 'raisedAt' | 'status'>[];
}

/** The account's own balance source (domain specs and tools read an account this way). */
export function balanceSourceOf(account: Account): BalanceSource {
  return {
    ...account,
    heldPoints: account.redemptions.filter((record) => record.status === 'held').reduce((sum, record) => sum + record.points, 0),
  };
}

/**
 * The balance as of `now`, computed from the account's lots: exact even when the scheduler has not
 * yet recorded the latest unlocks and expiries.
 */
export function accountView(account: Account, now: string, program: ProgramSettings): AccountView {
  return balanceView(balanceSourceOf(account), now, program);
}

/** The balance as of `now` from a balance source (the read model's document). */
export function balanceView(source: BalanceSource, now: string, program: ProgramSettings): AccountView {
  const spendable = source.lots.filter((lot) => isSpendable(lot, now)).reduce((sum, lot) => sum + lot.remaining, 0);
  const pending = source.lots.filter((lot) => isPending(lot, now)).reduce((sum, lot) => sum + lot.remaining, 0);
  const live = source.lots.filter((lot) => isSpendable(lot, now) || isPending(lot, now));
  const horizon = addDays(now, EXPIRING_SOON_DAYS);
  const soon = new Map<string, number>();
  for (const lot of live) if (lot.expiresAt <= horizon) soon.set(lot.expiresAt, (soon.get(lot.expiresAt) ?? 0) + lot.remaining);
  const flags = source.flags.filter((flag) => flag.status !== 'cleared');
  return {
    customerId: source.customerId,
    status: source.status,
    mergedInto: source.mergedInto,
    enrolledAt: source.enrolledAt,
    spendable,
    pending,
    debt: source.debt,
    balance: spendable + pending - source.debt,
    held: source.heldPoints,
    tier: tierProgress(source, now, program.tiers),
    expiringSoon: [...soon.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([expiresAt, points]) => ({ expiresAt, points })),
    lots: [...live]
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
