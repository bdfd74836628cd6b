import type { ProgramSettings } from '../program/program-settings';
import type { AccountEvent } from './account.events';
import type { Account, Lot } from './account.types';
import type { Decision } from './decision';
import { reviewTier, tierConsequences } from './decide-tier';

/**
 * Time-driven facts that are already true at `now`: pending lots whose return window has passed
 * unlock, lots past their expiry lose what is left. Every command decides on the caught-up state,
 * so a spend never depends on the scheduler having run; the scheduler emits the same events for
 * accounts nobody touches, so read models show them.
 */
export function catchUp(decision: Decision, now: string): void {
  decision.emit(...unlocksDue(decision.account, now));
  decision.emit(...expiriesDue(decision.account, now));
}

function unlocksDue(account: Account, now: string): AccountEvent[] {
  return account.lots
    .filter((lot) => lot.status === 'pending' && lot.unlockAt <= now)
    .sort((a, b) => a.unlockAt.localeCompare(b.unlockAt) || a.lotId.localeCompare(b.lotId))
    .map((lot) => ({
      type: 'loyalty.points-unlocked' as const,
      data: { lotId: lot.lotId, points: lot.remaining, unlockedAt: lot.unlockAt, expiresAt: lot.expiresAt },
    }));
}

/** Only what is left in a lot expires. */
function expiriesDue(account: Account, now: string): AccountEvent[] {
  return account.lots
    .filter((lot) => lot.remaining > 0 && lot.expiresAt <= now)
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || a.lotId.localeCompare(b.lotId))
    .map((lot) => ({
      type: 'loyalty.points-expired' as const,
      data: { lotId: lot.lotId, points: lot.remaining, expiredAt: lot.expiresAt },
    }));
}

/** One warning per expiry date, for the points left in lots expiring then. */
function warningsDue(account: Account, now: string): AccountEvent[] {
  const due = account.lots.filter((lot) => lot.remaining > 0 && !lot.warned && lot.warnAt <= now && lot.expiresAt > now);
  const byDate = new Map<string, { points: number; lotIds: string[] }>();
  for (const lot of due) {
    const entry = byDate.get(lot.expiresAt) ?? { points: 0, lotIds: [] };
    entry.points += lot.remaining;
    entry.lotIds.push(lot.lotId);
    byDate.set(lot.expiresAt, entry);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([expiresAt, entry]) => ({
      type: 'loyalty.expiry-warning-issued' as const,
      data: { expiresAt, points: entry.points, lotIds: entry.lotIds.sort(), warnedAt: now },
    }));
}

/** The scheduler's command: everything due at `now` for one account. */
export function processDueItems(decision: Decision, now: string, program: ProgramSettings): void {
  if (decision.account.status !== 'active') return;
  catchUp(decision, now);
  decision.emit(...warningsDue(decision.account, now));
  reviewTier(decision, now, program.tiers);
  tierConsequences(decision, now, program.tiers);
}

/** The earliest instant something is due for the account (the scheduler's read model stores it). */
export interface DueDates {
  readonly nextUnlockAt: string | null;
  readonly nextExpiryAt: string | null;
  readonly nextWarningAt: string | null;
  readonly tierReviewAt: string | null;
  readonly nextDueAt: string | null;
}

/** What due dates are computed from: an account, or a read model's own record of one. */
export interface DueSource {
  readonly status: Account['status'];
  readonly tierReviewAt: string | null;
  readonly lots: readonly Pick<Lot, 'status' | 'unlockAt' | 'remaining' | 'expiresAt' | 'warned' | 'warnAt'>[];
}

export function dueDates(account: DueSource): DueDates {
  if (account.status !== 'active')
    return { nextUnlockAt: null, nextExpiryAt: null, nextWarningAt: null, tierReviewAt: null, nextDueAt: null };
  const earliest = (values: string[]) => (values.length ? values.reduce((a, b) => (a <= b ? a : b)) : null);
  const live = account.lots.filter((lot) => lot.remaining > 0);
  const nextUnlockAt = earliest(account.lots.filter((lot) => lot.status === 'pending').map((lot) => lot.unlockAt));
  const nextExpiryAt = earliest(live.map((lot) => lot.expiresAt));
  const nextWarningAt = earliest(live.filter((lot) => !lot.warned && lot.warnAt < lot.expiresAt).map((lot) => lot.warnAt));
  const nextDueAt = earliest(
    [nextUnlockAt, nextExpiryAt, nextWarningAt, account.tierReviewAt].filter((value): value is string => value !== null),
  );
  return { nextUnlockAt, nextExpiryAt, nextWarningAt, tierReviewAt: account.tierReviewAt, nextDueAt };
}
