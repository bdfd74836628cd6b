import type { CommandContext } from '@c360/kernel';
import type { AdjustmentReason, EngagementRuleName, TierName } from '@c360/loyalty-domain';
import { ContextCommand } from '@c360/runtime';
import type { AccountResult, FlagReviewResult, RedemptionResult, TransferResult } from './account-results';

/** The member account's use cases as commands: REST, GraphQL and the CLI send these same objects. */

export class EnrolMember extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RedeemPoints extends ContextCommand<RedemptionResult> {
  constructor(
    readonly customerId: string,
    readonly points: number,
    readonly reference: string | null,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class CancelRedemption extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly redemptionId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export interface AdjustmentInput {
  readonly points: number;
  readonly reason: AdjustmentReason;
  readonly reference: string | null;
}

export class AdjustPoints extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly input: AdjustmentInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class TransferPoints extends ContextCommand<TransferResult> {
  constructor(
    readonly customerId: string,
    readonly input: { readonly toCustomerId: string; readonly points: number },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RecordEngagement extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly input: { readonly rule: EngagementRuleName; readonly reference: string },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class SetTierFloor extends ContextCommand<AccountResult> {
  constructor(
    readonly customerId: string,
    readonly input: { readonly tier: TierName | null; readonly reason: AdjustmentReason },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ReviewFraudFlag extends ContextCommand<FlagReviewResult> {
  constructor(
    readonly customerId: string,
    readonly flagId: string,
    readonly decision: 'confirm' | 'clear',
    context?: CommandContext,
  ) {
    super(context);
  }
}
