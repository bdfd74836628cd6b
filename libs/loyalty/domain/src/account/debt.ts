import type { Decision } from './decision';
import { bySoonestExpiry } from './lot-math';

/** Earnings pay debt first: the new lots (soonest-expiring first) give up what is owed. */
export function settleDebt(decision: Decision, now: string): void {
  const account = decision.account;
  if (account.debt <= 0) return;
  let debt = account.debt;
  const lots = account.lots.filter((lot) => lot.remaining > 0 && lot.expiresAt > now).sort(bySoonestExpiry);
  for (const lot of lots) {
    if (debt === 0) break;
    const points = Math.min(lot.remaining, debt);
    debt -= points;
    decision.emit({ type: 'loyalty.debt-repaid', data: { lotId: lot.lotId, points, remainingDebt: debt } });
  }
}
