import type { CommandContext } from '@c360/kernel';
import {
  AdjustPoints,
  CancelRedemption,
  EnrolMember,
  GetBalance,
  GetLedger,
  RecordEngagement,
  RedeemPoints,
  ReviewFraudFlag,
  SetTierFloor,
  TransferPoints,
  type AccountResult,
} from '@c360/loyalty-application';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  AdjustPointsDto,
  CustomerParams,
  EngagementDto,
  EnrolDto,
  FlagParams,
  FlagReviewDto,
  PageQuery,
  RedeemPointsDto,
  RedemptionParams,
  TierFloorDto,
  TransferPointsDto,
} from './dto/account.dto';

/** Answer of every account command: the account and its version (send it back as If-Match). */
function written(result: AccountResult) {
  return { customerId: result.customerId, version: result.version, duplicate: result.duplicate };
}

@Controller('loyalty/accounts')
export class LoyaltyAccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  async enrol(@Body() body: EnrolDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.execute(new EnrolMember(body.customerId, context)));
  }

  @Get(':customerId')
  balance(@Param() params: CustomerParams) {
    return this.queries.execute(new GetBalance(params.customerId));
  }

  @Get(':customerId/ledger')
  ledger(@Param() params: CustomerParams, @Query() query: PageQuery) {
    return this.queries.execute(new GetLedger(params.customerId, { limit: query.limit, after: query.after }));
  }

  @Post(':customerId/redemptions')
  async redeem(@Param() params: CustomerParams, @Body() body: RedeemPointsDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new RedeemPoints(params.customerId, body.points, body.reference ?? null, context));
    return { ...written(result), redemptionId: result.redemptionId, points: body.points, status: result.status };
  }

  @Post(':customerId/redemptions/:redemptionId/cancellation')
  async cancel(@Param() params: RedemptionParams, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.execute(new CancelRedemption(params.customerId, params.redemptionId, context)));
  }

  @Post(':customerId/adjustments')
  async adjust(@Param() params: CustomerParams, @Body() body: AdjustPointsDto, @RequestCommandContext() context: CommandContext) {
    const input = { points: body.points, reason: body.reason, reference: body.reference ?? null };
    return written(await this.commands.execute(new AdjustPoints(params.customerId, input, context)));
  }

  @Post(':customerId/transfers')
  async transfer(@Param() params: CustomerParams, @Body() body: TransferPointsDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(
      new TransferPoints(params.customerId, { toCustomerId: body.toCustomerId, points: body.points }, context),
    );
    return { ...written(result), transferId: result.transferId };
  }

  @Post(':customerId/engagements')
  async engagement(@Param() params: CustomerParams, @Body() body: EngagementDto, @RequestCommandContext() context: CommandContext) {
    return written(
      await this.commands.execute(new RecordEngagement(params.customerId, { rule: body.rule, reference: body.reference }, context)),
    );
  }

  @Put(':customerId/tier-floor')
  @HttpCode(200)
  async tierFloor(@Param() params: CustomerParams, @Body() body: TierFloorDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.execute(new SetTierFloor(params.customerId, { tier: body.tier, reason: body.reason }, context)));
  }

  @Post(':customerId/fraud-flags/:flagId/review')
  async reviewFlag(@Param() params: FlagParams, @Body() body: FlagReviewDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new ReviewFraudFlag(params.customerId, params.flagId, body.decision, context));
    return {
      ...written(result),
      outcome: result.outcome,
      releasedRedemptions: result.releasedRedemptions,
      rejectedRedemptions: result.rejectedRedemptions,
    };
  }
}
