import type { CommandContext } from '@c360/kernel';
import {
  AddCouponCodes,
  ChangeReward,
  CreateReward,
  GetReward,
  ListMemberRewardRedemptions,
  ListRewards,
  RedeemReward,
  RetireReward,
} from '@c360/loyalty-application';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CustomerParams, PageQuery } from './dto/account.dto';
import { CouponCodesDto, RedeemRewardDto, RewardListQuery, RewardParams, RewardTermsDto, toTerms } from './dto/reward.dto';

/** The rewards catalogue and reward redemptions. */
@Controller('loyalty')
export class LoyaltyRewardsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Create a reward in the catalogue (supervisors)' })
  @Post('rewards')
  create(@Body() body: RewardTermsDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new CreateReward(toTerms(body), context));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: "Change a reward's terms (supervisors)" })
  @Put('rewards/:rewardId')
  @HttpCode(200)
  change(@Param() params: RewardParams, @Body() body: RewardTermsDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new ChangeReward(params.rewardId, toTerms(body), context));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Add coupon codes to a reward (supervisors)' })
  @Post('rewards/:rewardId/coupon-codes')
  addCodes(@Param() params: RewardParams, @Body() body: CouponCodesDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new AddCouponCodes(params.rewardId, body.codes, context));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Retire a reward (supervisors)' })
  @Post('rewards/:rewardId/retirement')
  retire(@Param() params: RewardParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RetireReward(params.rewardId, context));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'The rewards catalogue (paged)' })
  @Get('rewards')
  list(@Query() query: RewardListQuery) {
    return this.queries.execute(new ListRewards({ tier: query.tier, status: query.status }, { limit: query.limit, after: query.after }));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'One reward' })
  @Get('rewards/:rewardId')
  get(@Param() params: RewardParams) {
    return this.queries.execute(new GetReward(params.rewardId));
  }

  /** Redeems a reward: stock and coupon reserved, points debited, reservation confirmed — or nothing. */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Redeem a reward for a member: stock, coupon and points, or nothing' })
  @Post('rewards/:rewardId/redemptions')
  redeem(@Param() params: RewardParams, @Body() body: RedeemRewardDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RedeemReward(body.customerId, params.rewardId, context));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A member's reward redemptions (paged)" })
  @Get('accounts/:customerId/reward-redemptions')
  memberRedemptions(@Param() params: CustomerParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListMemberRewardRedemptions(params.customerId, { limit: query.limit, after: query.after }));
  }
}
