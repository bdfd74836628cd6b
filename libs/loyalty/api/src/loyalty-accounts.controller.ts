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
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
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

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Enrol a customer in the loyalty programme' })
  @Post()
  async enrol(@Body() body: EnrolDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.execute(new EnrolMember(body.customerId, context)));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A member's balance, tier, expiring points and open fraud flags" })
  @Get(':customerId')
  balance(@Param() params: CustomerParams) {
    return this.queries.execute(new GetBalance(params.customerId));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A member's points ledger (paged)" })
  @Get(':customerId/ledger')
  ledger(@Param() params: CustomerParams, @Query() query: PageQuery) {
    return this.queries.execute(new GetLedger(params.customerId, { limit: query.limit, after: query.after }));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Redeem points (held while a fraud flag is open)' })
  @Post(':customerId/redemptions')
  async redeem(@Param() params: CustomerParams, @Body() body: RedeemPointsDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new RedeemPoints(params.customerId, body.points, body.reference ?? null, context));
    return { ...written(result), redemptionId: result.redemptionId, points: body.points, status: result.status };
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Cancel a points redemption' })
  @Post(':customerId/redemptions/:redemptionId/cancellation')
  async cancel(@Param() params: RedemptionParams, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.execute(new CancelRedemption(params.customerId, params.redemptionId, context)));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Adjust points by hand, with a reason code (supervisors)' })
  @Post(':customerId/adjustments')
  async adjust(@Param() params: CustomerParams, @Body() body: AdjustPointsDto, @RequestCommandContext() context: CommandContext) {
    const input = { points: body.points, reason: body.reason, reference: body.reference ?? null };
    return written(await this.commands.execute(new AdjustPoints(params.customerId, input, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Transfer points to another member' })
  @Post(':customerId/transfers')
  async transfer(@Param() params: CustomerParams, @Body() body: TransferPointsDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(
      new TransferPoints(params.customerId, { toCustomerId: body.toCustomerId, points: body.points }, context),
    );
    return { ...written(result), transferId: result.transferId };
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Record an engagement that earns points (birthday, review, survey)' })
  @Post(':customerId/engagements')
  async engagement(@Param() params: CustomerParams, @Body() body: EngagementDto, @RequestCommandContext() context: CommandContext) {
    return written(
      await this.commands.execute(new RecordEngagement(params.customerId, { rule: body.rule, reference: body.reference }, context)),
    );
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: "Set or remove a member's tier floor (supervisors)" })
  @Put(':customerId/tier-floor')
  @HttpCode(200)
  async tierFloor(@Param() params: CustomerParams, @Body() body: TierFloorDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.execute(new SetTierFloor(params.customerId, { tier: body.tier, reason: body.reason }, context)));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Confirm or clear a fraud flag (supervisors)' })
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
