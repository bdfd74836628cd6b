import type { CommandContext } from '@c360/kernel';
import type { EngagementRuleName, FraudReason, IdentityKind, MergeSnapshot, PurchaseFacts, RefundFacts } from '@c360/loyalty-domain';
import { ContextCommand } from '@c360/runtime';
import type { AccountResult } from '../accounts/account-results';

/**
 * The commands loyalty's workflows send in reaction to events (sales', contacts' and its own). Each
 * carries what the event said; the handler adds `now` from the Clock and the programme in force.
 */

/** sales.purchase-recorded → points for the purchase (enrolling the customer; a merged account's survivor earns). */
export class EarnForPurchase extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly purchase: PurchaseFacts,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** A referee's first purchase after the referral qualifies it. */
export class QualifyReferral extends ContextCommand<void> {
  constructor(
    readonly refereeId: string,
    readonly purchaseId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Remembers a payment fingerprint or device id (pseudonymised) for the shared-identity check. */
export class ObserveIdentity extends ContextCommand<void> {
  constructor(
    readonly kind: IdentityKind,
    readonly value: string,
    readonly customerId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class TakeBackForRefund extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly refund: RefundFacts,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** An engagement bonus a reaction awards (renewal, referral): enrols the customer, follows merges. */
export class AwardEngagementBonus extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly rule: EngagementRuleName,
    readonly reference: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RecordReferral extends ContextCommand<void> {
  constructor(
    readonly refereeId: string,
    readonly referrerId: string,
    readonly referredAt: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RaiseFraudFlag extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly flagId: string,
    readonly reason: FraudReason,
    readonly details: Readonly<Record<string, string | number>>,
    /** Loyalty's own suspicions follow a merge to the survivor; contacts' duplicate report names the accounts as they are. */
    readonly followMerges: boolean,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** contacts.customers-merged → the absorbed account's lots leave it (the internal workflow credits the survivor). */
export class MoveLotsOut extends ContextCommand<AccountResult> {
  constructor(
    readonly absorbedId: string,
    readonly mergeId: string,
    readonly survivorId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** contacts.merge-undone → the survivor gives back what the merge brought (the internal workflow restores it). */
export class ReturnMergedLots extends ContextCommand<AccountResult> {
  constructor(
    readonly survivorId: string,
    readonly mergeId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/**
 * contacts.merge-undone when nothing came back: reopens the absorbed account directly (with nothing to
 * restore). When the survivor did return lots, the internal workflow restores them instead.
 */
export class ReopenUnmergedAccount extends ContextCommand<AccountResult | null> {
  constructor(
    readonly absorbedId: string,
    readonly survivorId: string,
    readonly mergeId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class CloseForErasure extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export interface TransferPortion {
  readonly points: number;
  readonly expiresAt: string;
}

/** loyalty.points-transferred-out → the recipient (or its merge survivor) receives the points. */
export class ReceiveTransfer extends ContextCommand<AccountResult> {
  constructor(
    readonly recipientId: string,
    readonly senderId: string,
    readonly transferId: string,
    readonly portions: readonly TransferPortion[],
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** When the recipient could not receive (closed since the transfer was checked), the points go back to the sender. */
export class ReturnUnreceivedTransfer extends ContextCommand<AccountResult | null> {
  constructor(
    readonly senderId: string,
    readonly recipientId: string,
    readonly transferId: string,
    readonly portions: readonly TransferPortion[],
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** loyalty.lots-moved-out → the survivor receives the absorbed account's lots. */
export class ReceiveMergedLots extends ContextCommand<AccountResult> {
  constructor(
    readonly survivorId: string,
    readonly absorbedId: string,
    readonly mergeId: string,
    readonly snapshot: MergeSnapshot,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** loyalty.merged-lots-returned → the formerly absorbed account gets its lots back and reopens. */
export class RestoreMergedLots extends ContextCommand<AccountResult> {
  constructor(
    readonly absorbedId: string,
    readonly fromCustomerId: string,
    readonly mergeId: string,
    readonly snapshot: MergeSnapshot,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** A reward redemption's fate on the account settles its reservation on the reward. */
export class SettleRewardReservation extends ContextCommand<void> {
  constructor(
    readonly rewardId: string,
    readonly redemptionId: string,
    readonly settlement: 'confirm' | 'release' | 'cancel',
    context?: CommandContext,
  ) {
    super(context);
  }
}
