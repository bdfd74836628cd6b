import type { EngagementRuleName } from '../program/program-settings';
import type { SpendRate } from '../rules/spend-rule';
import type { CalendarPeriod } from '../shared/time';
import type { TierName } from '../shared/tiers';
import type { Draw, FraudReason, Lot, LotFacts, PurchaseRecord, RedemptionPurpose, TierEarning } from './account.types';

/**
 * Events of the loyalty account (stream `loyalty-account-<customerId>`). They hold ids, points,
 * amounts, codes and instants only: no personal data (names, contact details, free text), so
 * nothing here needs crypto-shredding when a customer is erased.
 */
type E<T extends string, D> = { readonly type: T; readonly data: D };

export type EnrolmentSource = 'api' | 'purchase' | 'engagement' | 'merge';

export type EarnSource =
  | {
      readonly kind: 'purchase';
      readonly purchaseId: string;
      readonly orderId: string;
      readonly channel: string;
      readonly total: number;
      readonly currency: string;
      readonly eligibleAmount: number;
      readonly eligibleSkus: readonly string[];
      readonly rate: SpendRate;
    }
  | {
      readonly kind: 'engagement';
      readonly rule: EngagementRuleName;
      readonly reference: string;
      /** The rule's points before caps. */
      readonly rulePoints: number;
      readonly cappedBy: CalendarPeriod | null;
    }
  | { readonly kind: 'partner'; readonly partnerId: string; readonly reference: string };

export const ADJUSTMENT_REASONS = ['goodwill', 'service-recovery', 'correction', 'migration', 'fraud', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Points put back into a lot: the original one while it is valid, otherwise a new lot. */
export interface RestoredPortion {
  readonly lotId: string;
  readonly points: number;
  /** Set when the points went into a new lot (the original had expired): its dates. */
  readonly newLot: LotFacts | null;
}

export interface MergeSnapshot {
  readonly lots: readonly Lot[];
  readonly purchases: readonly PurchaseRecord[];
  readonly tierEarnings: readonly TierEarning[];
  readonly debt: number;
}

export type AccountEvent =
  | E<'loyalty.account-enrolled', { readonly customerId: string; readonly enrolledAt: string; readonly source: EnrolmentSource }>
  | E<
      'loyalty.points-earned',
      LotFacts & {
        readonly customerId: string;
        readonly source: EarnSource;
        readonly countsForTier: boolean;
        readonly programVersion: number;
      }
    >
  | E<'loyalty.debt-repaid', { readonly lotId: string; readonly points: number; readonly remainingDebt: number }>
  | E<
      'loyalty.points-unlocked',
      { readonly lotId: string; readonly points: number; readonly unlockedAt: string; readonly expiresAt: string }
    >
  | E<
      'loyalty.expiry-warning-issued',
      { readonly expiresAt: string; readonly points: number; readonly lotIds: readonly string[]; readonly warnedAt: string }
    >
  | E<'loyalty.points-expired', { readonly lotId: string; readonly points: number; readonly expiredAt: string }>
  | E<
      'loyalty.points-redeemed',
      {
        readonly redemptionId: string;
        readonly points: number;
        readonly draws: readonly Draw[];
        readonly purpose: RedemptionPurpose;
        readonly redeemedAt: string;
      }
    >
  | E<
      'loyalty.redemption-held',
      {
        readonly redemptionId: string;
        readonly points: number;
        readonly draws: readonly Draw[];
        readonly purpose: RedemptionPurpose;
        readonly heldAt: string;
        readonly flagIds: readonly string[];
      }
    >
  | E<
      'loyalty.held-redemption-released',
      { readonly redemptionId: string; readonly points: number; readonly purpose: RedemptionPurpose; readonly releasedAt: string }
    >
  | E<
      'loyalty.held-redemption-rejected',
      {
        readonly redemptionId: string;
        readonly points: number;
        readonly purpose: RedemptionPurpose;
        readonly restored: readonly RestoredPortion[];
        readonly rejectedAt: string;
      }
    >
  | E<
      'loyalty.redemption-cancelled',
      {
        readonly redemptionId: string;
        readonly points: number;
        readonly purpose: RedemptionPurpose;
        readonly restored: readonly RestoredPortion[];
        readonly cancelledAt: string;
      }
    >
  | E<'loyalty.redemption-voided', { readonly redemptionId: string; readonly purpose: RedemptionPurpose; readonly voidedAt: string }>
  | E<
      'loyalty.points-clawed-back',
      {
        readonly refundId: string;
        readonly purchaseId: string;
        readonly points: number;
        readonly draws: readonly Draw[];
        /** The part that could not be taken from any lot: it becomes debt. */
        readonly debtIncurred: number;
        readonly refundedAmount: number;
        readonly refundedEligibleAmount: number;
        readonly clawedBackAt: string;
      }
    >
  | E<
      'loyalty.points-adjusted',
      {
        readonly adjustmentId: string;
        /** Signed: a credit is positive, a debit negative. */
        readonly points: number;
        readonly reason: AdjustmentReason;
        readonly reference: string | null;
        readonly actorId: string;
        readonly adjustedAt: string;
        /** The new lot of a credit. */
        readonly lot: LotFacts | null;
        /** Where a debit took the points from. */
        readonly draws: readonly Draw[];
      }
    >
  | E<
      'loyalty.points-transferred-out',
      {
        readonly transferId: string;
        readonly toCustomerId: string;
        readonly points: number;
        readonly draws: readonly (Draw & { readonly expiresAt: string })[];
        readonly transferredAt: string;
      }
    >
  | E<
      'loyalty.points-transferred-in',
      { readonly transferId: string; readonly fromCustomerId: string; readonly points: number; readonly lots: readonly LotFacts[] }
    >
  | E<
      'loyalty.tier-changed',
      {
        readonly from: TierName;
        readonly to: TierName;
        readonly reason: 'upgrade' | 'downgrade' | 'floor';
        readonly rollingPoints: number;
        readonly changedAt: string;
      }
    >
  | E<
      'loyalty.tier-floor-set',
      { readonly tier: TierName | null; readonly reason: AdjustmentReason; readonly actorId: string; readonly setAt: string }
    >
  | E<
      'loyalty.tier-grace-started',
      {
        readonly tier: TierName;
        readonly threshold: number;
        readonly rollingPoints: number;
        readonly graceEndsAt: string;
        readonly startedAt: string;
      }
    >
  | E<'loyalty.tier-grace-ended', { readonly tier: TierName; readonly rollingPoints: number; readonly endedAt: string }>
  | E<'loyalty.tier-review-scheduled', { readonly reviewAt: string | null }>
  | E<'loyalty.lots-moved-out', MergeSnapshot & { readonly mergeId: string; readonly toCustomerId: string; readonly movedAt: string }>
  | E<'loyalty.lots-moved-in', MergeSnapshot & { readonly mergeId: string; readonly fromCustomerId: string; readonly movedAt: string }>
  | E<
      'loyalty.merged-lots-returned',
      MergeSnapshot & { readonly mergeId: string; readonly toCustomerId: string; readonly returnedAt: string }
    >
  | E<
      'loyalty.merged-lots-restored',
      MergeSnapshot & { readonly mergeId: string; readonly fromCustomerId: string; readonly restoredAt: string }
    >
  | E<'loyalty.account-closed', { readonly reason: 'customer-erased'; readonly forfeitedPoints: number; readonly closedAt: string }>
  | E<
      'loyalty.fraud-flag-raised',
      {
        readonly flagId: string;
        readonly reason: FraudReason;
        readonly details: Readonly<Record<string, string | number>>;
        readonly raisedAt: string;
      }
    >
  | E<'loyalty.fraud-flag-confirmed', { readonly flagId: string; readonly actorId: string; readonly confirmedAt: string }>
  | E<'loyalty.fraud-flag-cleared', { readonly flagId: string; readonly actorId: string; readonly clearedAt: string }>;

export type AccountEventType = AccountEvent['type'];
export type AccountEventOf<T extends AccountEventType> = Extract<AccountEvent, { type: T }>;

export const ACCOUNT_EVENT_TYPES = [
  'loyalty.account-enrolled',
  'loyalty.points-earned',
  'loyalty.debt-repaid',
  'loyalty.points-unlocked',
  'loyalty.expiry-warning-issued',
  'loyalty.points-expired',
  'loyalty.points-redeemed',
  'loyalty.redemption-held',
  'loyalty.held-redemption-released',
  'loyalty.held-redemption-rejected',
  'loyalty.redemption-cancelled',
  'loyalty.redemption-voided',
  'loyalty.points-clawed-back',
  'loyalty.points-adjusted',
  'loyalty.points-transferred-out',
  'loyalty.points-transferred-in',
  'loyalty.tier-changed',
  'loyalty.tier-floor-set',
  'loyalty.tier-grace-started',
  'loyalty.tier-grace-ended',
  'loyalty.tier-review-scheduled',
  'loyalty.lots-moved-out',
  'loyalty.lots-moved-in',
  'loyalty.merged-lots-returned',
  'loyalty.merged-lots-restored',
  'loyalty.account-closed',
  'loyalty.fraud-flag-raised',
  'loyalty.fraud-flag-confirmed',
  'loyalty.fraud-flag-cleared',
] as const satisfies readonly AccountEventType[];

type MissingEventTypes = Exclude<AccountEventType, (typeof ACCOUNT_EVENT_TYPES)[number]>;
/** Compile-time check that the list above names every account event type. */
export const ACCOUNT_EVENT_TYPES_COMPLETE: [MissingEventTypes] extends [never] ? true : MissingEventTypes = true;
