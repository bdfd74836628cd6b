import type { BalanceSource, DueDates, FraudReason, LotOrigin, TierName } from '@c360/loyalty-domain';

/** A lot as the balance read model tracks it: enough to compute what is spendable, pending and due. */
export interface BalanceLot {
  readonly lotId: string;
  readonly origin: LotOrigin;
  readonly points: number;
  readonly remaining: number;
  readonly earnedAt: string;
  readonly unlockAt: string;
  readonly expiresAt: string;
  readonly warnAt: string;
  readonly status: 'pending' | 'available' | 'expired';
  readonly warned: boolean;
}

/**
 * The platform's "loyalty balances" read model: one document per member with its own record of the
 * account, folded from the events — lots with what is left of them and their dates, debt, tier
 * facts, held redemptions, fraud flags — so the API computes spendable/pending/expiring as of the
 * time of the query, plus the next due instants the scheduler looks for. It never holds the
 * decider's state (which carries idempotency bookkeeping the read side has no use for).
 */
export interface LoyaltyBalanceDocument extends BalanceSource, DueDates {
  readonly customerId: string;
  /** Stream revision of the last event applied: the account's version for If-Match. */
  readonly version: number;
  readonly status: 'active' | 'merged' | 'closed';
  readonly mergedInto: string | null;
  readonly enrolledAt: string;
  readonly tier: TierName;
  readonly tierFloor: TierName | null;
  readonly graceEndsAt: string | null;
  readonly debt: number;
  readonly lots: readonly BalanceLot[];
  readonly tierEarnings: readonly { readonly lotId: string; readonly at: string; readonly points: number }[];
  /** Which lot each purchase earned (a refund takes its tier points back from that lot's earning). */
  readonly purchaseLots: readonly { readonly purchaseId: string; readonly lotId: string }[];
  readonly heldRedemptions: readonly { readonly redemptionId: string; readonly points: number }[];
  readonly heldPoints: number;
  readonly flags: readonly {
    readonly flagId: string;
    readonly reason: FraudReason;
    readonly raisedAt: string;
    readonly status: 'open' | 'confirmed' | 'cleared';
  }[];
  readonly updatedAt: string;
}
