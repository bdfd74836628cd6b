import { DomainError, type CommandContext, type DocumentStore, type Filter } from '@c360/kernel';
import { LoyaltyRewardCatalogue, LoyaltyRewardRedemptions } from '@c360/loyalty-application';
import {
  LOYALTY_REWARDS_COLLECTION,
  LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
  publicReward,
  type RewardDocument,
  type RewardRedemptionDocument,
} from '@c360/loyalty-projections';
import { DOCUMENT_STORE, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { CustomerParams, PageQuery } from './dto/account.dto';
import { CouponCodesDto, RedeemRewardDto, RewardListQuery, RewardParams, RewardTermsDto, toTerms } from './dto/reward.dto';

/** The rewards catalogue and reward redemptions. */
@Controller('loyalty')
export class LoyaltyRewardsController {
  constructor(
    private readonly catalogue: LoyaltyRewardCatalogue,
    private readonly redemptions: LoyaltyRewardRedemptions,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Post('rewards')
  async create(@Body() body: RewardTermsDto, @RequestCommandContext() context: CommandContext) {
    const { rewardId, result } = await this.catalogue.create(toTerms(body), context);
    return { rewardId, version: result.revision };
  }

  @Put('rewards/:rewardId')
  @HttpCode(200)
  async change(@Param() params: RewardParams, @Body() body: RewardTermsDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.catalogue.change(params.rewardId, toTerms(body), context);
    return { rewardId: params.rewardId, version: result.revision };
  }

  @Post('rewards/:rewardId/coupon-codes')
  async addCodes(@Param() params: RewardParams, @Body() body: CouponCodesDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.catalogue.addCouponCodes(params.rewardId, body.codes, context);
    return { rewardId: params.rewardId, version: result.revision, added: body.codes.length };
  }

  @Post('rewards/:rewardId/retirement')
  async retire(@Param() params: RewardParams, @RequestCommandContext() context: CommandContext) {
    const result = await this.catalogue.retire(params.rewardId, context);
    return { rewardId: params.rewardId, version: result.revision };
  }

  @Get('rewards')
  async list(@Query() query: RewardListQuery) {
    const filter: Record<string, string> = {};
    if (query.tier) filter.eligibleTiers = query.tier;
    if (query.status) filter.status = query.status;
    const page = await this.documents.find<RewardDocument>(LOYALTY_REWARDS_COLLECTION, filter as Filter, {
      sort: { field: 'pointsCost', direction: 'asc' },
      limit: query.limit ?? 50,
      after: query.after,
    });
    return { items: page.items.map(publicReward), nextCursor: page.nextCursor ?? null };
  }

  @Get('rewards/:rewardId')
  async get(@Param() params: RewardParams) {
    const doc = await this.documents.get<RewardDocument>(LOYALTY_REWARDS_COLLECTION, params.rewardId);
    if (!doc) throw new DomainError('loyalty.reward-not-found', 'No such reward', 'not-found');
    return publicReward(doc);
  }

  /** Redeems a reward: stock and coupon reserved, points debited, reservation confirmed — or nothing. */
  @Post('rewards/:rewardId/redemptions')
  redeem(@Param() params: RewardParams, @Body() body: RedeemRewardDto, @RequestCommandContext() context: CommandContext) {
    return this.redemptions.redeem(body.customerId, params.rewardId, context);
  }

  @Get('accounts/:customerId/reward-redemptions')
  async memberRedemptions(@Param() params: CustomerParams, @Query() query: PageQuery) {
    const page = await this.documents.find<RewardRedemptionDocument>(
      LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
      { customerId: params.customerId },
      { sort: { field: 'reservedAt', direction: 'desc' }, limit: query.limit ?? 50, after: query.after },
    );
    return {
      items: page.items.map(({ _id: _ignoredId, _position: _ignoredPosition, ...item }) => item),
      nextCursor: page.nextCursor ?? null,
    };
  }
}
