import type { Actor } from '@c360/kernel';
import type { EngagementRuleName, ProgramSettings } from '../program/program-settings';
import type { PurchaseFacts, RefundFacts } from '../rules/purchase-facts';
import type { TierName } from '../shared/tiers';
import type { AdjustmentReason, EnrolmentSource, MergeSnapshot } from './account.events';
import type { FraudReason, RedemptionPurpose } from './account.types';

/**
 * Commands of the loyalty account. Each carries `now` (from the injected Clock: pending points
 * unlock and lots expire by it at decision time) and, where rules apply, the programme snapshot it is
 * decided with.
 */
interface Base {
  readonly now: string;
}
interface Ruled extends Base {
  readonly program: ProgramSettings;
}

export type AccountCommand =
  | (Base & { readonly type: 'enrol'; readonly customerId: string; readonly source: EnrolmentSource })
  | (Ruled & { readonly type: 'earn-for-purchase'; readonly customerId: string; readonly purchase: PurchaseFacts })
  | (Ruled & { readonly type: 'take-back-for-refund'; readonly refund: RefundFacts })
  | (Ruled & {
      readonly type: 'earn-for-engagement';
      readonly customerId: string;
      readonly rule: EngagementRuleName;
      /** What the engagement was (survey response id, contract id and date, year of the birthday): one award per reference. */
      readonly reference: string;
      readonly autoEnrol: boolean;
    })
  | (Ruled & {
      readonly type: 'earn-from-partner';
      readonly customerId: string;
      readonly partnerId: string;
      readonly reference: string;
      readonly points: number;
    })
  | (Ruled & {
      readonly type: 'adjust-points';
      readonly adjustmentId: string;
      readonly points: number;
      readonly reason: AdjustmentReason;
      readonly reference: string | null;
      readonly actor: Actor;
    })
  | (Ruled & {
      readonly type: 'redeem-points';
      readonly redemptionId: string;
      readonly points: number;
      readonly purpose: RedemptionPurpose;
    })
  | (Ruled & { readonly type: 'cancel-redemption'; readonly redemptionId: string })
  | (Base & { readonly type: 'void-redemption'; readonly redemptionId: string; readonly purpose: RedemptionPurpose })
  | (Ruled & { readonly type: 'transfer-points'; readonly transferId: string; readonly toCustomerId: string; readonly points: number })
  | (Ruled & {
      readonly type: 'receive-transfer';
      readonly transferId: string;
      readonly fromCustomerId: string;
      /** Each portion keeps the expiry of the lot it came from: a transfer never extends the life of points. */
      readonly portions: readonly { readonly points: number; readonly expiresAt: string }[];
    })
  | (Ruled & { readonly type: 'set-tier-floor'; readonly tier: TierName | null; readonly reason: AdjustmentReason; readonly actor: Actor })
  | (Ruled & { readonly type: 'process-due-items' })
  | (Base & { readonly type: 'move-lots-out'; readonly customerId: string; readonly mergeId: string; readonly toCustomerId: string })
  | (Ruled & {
      readonly type: 'receive-merged-lots';
      readonly customerId: string;
      readonly mergeId: string;
      readonly fromCustomerId: string;
      readonly snapshot: MergeSnapshot;
    })
  | (Ruled & { readonly type: 'return-merged-lots'; readonly mergeId: string })
  | (Ruled & {
      readonly type: 'restore-merged-lots';
      readonly mergeId: string;
      readonly fromCustomerId: string;
      readonly snapshot: MergeSnapshot;
    })
  | (Base & { readonly type: 'close-for-erasure' })
  | (Base & {
      readonly type: 'raise-fraud-flag';
      readonly flagId: string;
      readonly reason: FraudReason;
      readonly details: Readonly<Record<string, string | number>>;
    })
  | (Ruled & {
      readonly type: 'review-fraud-flag';
      readonly flagId: string;
      readonly decision: 'confirm' | 'clear';
      readonly actor: Actor;
    });

export type AccountCommandType = AccountCommand['type'];
export type AccountCommandOf<T extends AccountCommandType> = Extract<AccountCommand, { type: T }>;
