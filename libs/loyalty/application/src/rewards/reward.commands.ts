import type { CommandContext } from '@c360/kernel';
import type { RewardTerms, TierName } from '@c360/loyalty-domain';
import type { PublicReward, RewardRedemptionDocument } from '@c360/loyalty-projections';
import { ContextCommand, ContextQuery } from '@c360/runtime';
import type { ListPage } from '../shared/list-page';
import type { RewardResult } from './loyalty-reward-catalogue.service';
import type { RewardRedemptionOutcome } from './loyalty-reward-redemption.service';

/** The rewards catalogue (supervisors) and reward redemptions (members), as commands and queries. */

export class CreateReward extends ContextCommand<RewardResult> {
  constructor(
    readonly terms: RewardTerms,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ChangeReward extends ContextCommand<RewardResult> {
  constructor(
    readonly rewardId: string,
    readonly terms: RewardTerms,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class AddCouponCodes extends ContextCommand<RewardResult & { added: number }> {
  constructor(
    readonly rewardId: string,
    readonly codes: readonly string[],
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RetireReward extends ContextCommand<RewardResult> {
  constructor(
    readonly rewardId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** Stock and coupon reserved, points debited, reservation confirmed — or nothing. */
export class RedeemReward extends ContextCommand<RewardRedemptionOutcome> {
  constructor(
    readonly customerId: string,
    readonly rewardId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export interface PageRequest {
  readonly limit?: number;
  readonly after?: string;
}

export class ListRewards extends ContextQuery<ListPage<PublicReward>> {
  constructor(
    readonly filter: { readonly tier?: TierName; readonly status?: 'active' | 'retired' },
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class GetReward extends ContextQuery<PublicReward> {
  constructor(readonly rewardId: string) {
    super();
  }
}

/** A reward redemption as its member sees it (the stored document without its store fields). */
export type MemberRewardRedemption = RewardRedemptionDocument;

export class ListMemberRewardRedemptions extends ContextQuery<ListPage<MemberRewardRedemption>> {
  constructor(
    readonly customerId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
