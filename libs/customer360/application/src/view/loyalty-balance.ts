import type { LoyaltyFacts } from '@c360/customer360-projections';

export interface LoyaltyBalanceView {
  readonly status: LoyaltyFacts['status'];
  readonly tier: string;
  readonly spendable: number;
  readonly pending: number;
  readonly debt: number;
  /** Spendable points that expire within the window, per expiry date, soonest first. */
  readonly expiringSoon: readonly { readonly expiresAt: string; readonly points: number }[];
  readonly redemptions: number;
}

export const EXPIRING_SOON_DAYS = 30;

/** Points as of `now`: a lot is pending until it unlocks, spendable until it expires. */
export function loyaltyBalanceAt(facts: readonly LoyaltyFacts[], now: Date, primary: LoyaltyFacts | undefined): LoyaltyBalanceView | null {
  if (facts.length === 0) return null;
  const at = now.toISOString();
  const soon = new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000).toISOString();
  let spendable = 0;
  let pending = 0;
  const expiring = new Map<string, number>();
  for (const lot of facts.flatMap((account) => account.lots)) {
    if (lot.remaining <= 0 || lot.status === 'expired' || lot.expiresAt <= at) continue;
    if (lot.unlockAt > at) {
      pending += lot.remaining;
      continue;
    }
    spendable += lot.remaining;
    if (lot.expiresAt <= soon) expiring.set(lot.expiresAt, (expiring.get(lot.expiresAt) ?? 0) + lot.remaining);
  }
  const main = primary ?? facts[0];
  return {
    status: main.status,
    tier: main.tier,
    spendable,
    pending,
    debt: facts.reduce((sum, account) => sum + account.debt, 0),
    expiringSoon: [...expiring.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([expiresAt, points]) => ({ expiresAt, points })),
    redemptions: facts.reduce((sum, account) => sum + account.redemptions, 0),
  };
}
