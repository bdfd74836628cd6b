import { DomainError, type DocumentStore, type Filter } from '@c360/kernel';
import {
  LOYALTY_REWARDS_COLLECTION,
  LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
  publicReward,
  type PublicReward,
  type RewardDocument,
  type RewardRedemptionDocument,
} from '@c360/loyalty-projections';
import { DOCUMENT_STORE, HandlesCommand, HandlesQuery, contextOf, type ICommandHandler, type IQueryHandler } from '@c360/runtime';
import { Inject } from '@nestjs/common';
import { listPage, withoutStoreFields, type ListPage } from '../shared/list-page';
import { LoyaltyRewardCatalogue, type RewardResult } from './loyalty-reward-catalogue.service';
import { LoyaltyRewardRedemptions, type RewardRedemptionOutcome } from './loyalty-reward-redemption.service';
import {
  AddCouponCodes,
  ChangeReward,
  CreateReward,
  GetReward,
  ListMemberRewardRedemptions,
  ListRewards,
  RedeemReward,
  RetireReward,
  type MemberRewardRedemption,
} from './reward.commands';

@HandlesCommand(CreateReward)
export class CreateRewardHandler implements ICommandHandler<CreateReward, RewardResult> {
  constructor(private readonly catalogue: LoyaltyRewardCatalogue) {}
  execute(command: CreateReward): Promise<RewardResult> {
    return this.catalogue.create(command.terms, contextOf(command));
  }
}

@HandlesCommand(ChangeReward)
export class ChangeRewardHandler implements ICommandHandler<ChangeReward, RewardResult> {
  constructor(private readonly catalogue: LoyaltyRewardCatalogue) {}
  execute(command: ChangeReward): Promise<RewardResult> {
    return this.catalogue.change(command.rewardId, command.terms, contextOf(command));
  }
}

@HandlesCommand(AddCouponCodes)
export class AddCouponCodesHandler implements ICommandHandler<AddCouponCodes, RewardResult & { added: number }> {
  constructor(private readonly catalogue: LoyaltyRewardCatalogue) {}
  execute(command: AddCouponCodes): Promise<RewardResult & { added: number }> {
    return this.catalogue.addCouponCodes(command.rewardId, command.codes, contextOf(command));
  }
}

@HandlesCommand(RetireReward)
export class RetireRewardHandler implements ICommandHandler<RetireReward, RewardResult> {
  constructor(private readonly catalogue: LoyaltyRewardCatalogue) {}
  execute(command: RetireReward): Promise<RewardResult> {
    return this.catalogue.retire(command.rewardId, contextOf(command));
  }
}

@HandlesCommand(RedeemReward)
export class RedeemRewardHandler implements ICommandHandler<RedeemReward, RewardRedemptionOutcome> {
  constructor(private readonly redemptions: LoyaltyRewardRedemptions) {}
  execute(command: RedeemReward): Promise<RewardRedemptionOutcome> {
    return this.redemptions.redeem(command.customerId, command.rewardId, contextOf(command));
  }
}

@HandlesQuery(ListRewards)
export class ListRewardsHandler implements IQueryHandler<ListRewards, ListPage<PublicReward>> {
  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}
  async execute(query: ListRewards): Promise<ListPage<PublicReward>> {
    const filter: Record<string, string> = {};
    if (query.filter.tier) filter.eligibleTiers = query.filter.tier;
    if (query.filter.status) filter.status = query.filter.status;
    const page = await this.documents.find<RewardDocument>(LOYALTY_REWARDS_COLLECTION, filter as Filter, {
      sort: { field: 'pointsCost', direction: 'asc' },
      limit: query.page.limit ?? 50,
      after: query.page.after,
    });
    return listPage(page, publicReward);
  }
}

@HandlesQuery(GetReward)
export class GetRewardHandler implements IQueryHandler<GetReward, PublicReward> {
  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}
  async execute(query: GetReward): Promise<PublicReward> {
    const doc = await this.documents.get<RewardDocument>(LOYALTY_REWARDS_COLLECTION, query.rewardId);
    if (!doc) throw new DomainError('loyalty.reward-not-found', 'No such reward', 'not-found');
    return publicReward(doc);
  }
}

@HandlesQuery(ListMemberRewardRedemptions)
export class ListMemberRewardRedemptionsHandler implements IQueryHandler<ListMemberRewardRedemptions, ListPage<MemberRewardRedemption>> {
  constructor(@Inject(DOCUMENT_STORE) private readonly documents: DocumentStore) {}
  async execute(query: ListMemberRewardRedemptions): Promise<ListPage<MemberRewardRedemption>> {
    const page = await this.documents.find<RewardRedemptionDocument>(
      LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
      { customerId: query.customerId },
      { sort: { field: 'reservedAt', direction: 'desc' }, limit: query.page.limit ?? 50, after: query.page.after },
    );
    return listPage(page, withoutStoreFields);
  }
}

export const REWARD_HANDLERS = [
  CreateRewardHandler,
  ChangeRewardHandler,
  AddCouponCodesHandler,
  RetireRewardHandler,
  RedeemRewardHandler,
  ListRewardsHandler,
  GetRewardHandler,
  ListMemberRewardRedemptionsHandler,
];
