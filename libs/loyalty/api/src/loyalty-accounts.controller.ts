import type { CommandContext } from '@c360/kernel';
import { LoyaltyMemberCommands, LoyaltyQueries, type AccountResult } from '@c360/loyalty-application';
import { RequestCommandContext } from '@c360/runtime';
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

/** Answer of every account command: the account's version (send it back as If-Match) and what was written. */
function written(result: AccountResult) {
  return {
    customerId: result.customerId,
    version: result.revision,
    duplicate: result.duplicate,
    events: result.events.map((event) => ({ type: event.type, data: event.data })),
  };
}

@Controller('loyalty/accounts')
export class LoyaltyAccountsController {
  constructor(
    private readonly commands: LoyaltyMemberCommands,
    private readonly queries: LoyaltyQueries,
  ) {}

  @Post()
  async enrol(@Body() body: EnrolDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.enrol(body.customerId, context));
  }

  @Get(':customerId')
  balance(@Param() params: CustomerParams) {
    return this.queries.balance(params.customerId);
  }

  @Get(':customerId/ledger')
  async ledger(@Param() params: CustomerParams, @Query() query: PageQuery) {
    const page = await this.queries.ledger(params.customerId, { limit: query.limit, after: query.after });
    return {
      items: page.items.map(({ _id, _position: _ignored, ...entry }) => ({ entryId: _id, ...entry })),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Post(':customerId/redemptions')
  async redeem(@Param() params: CustomerParams, @Body() body: RedeemPointsDto, @RequestCommandContext() context: CommandContext) {
    const { result, redemptionId } = await this.commands.redeem(
      params.customerId,
      { points: body.points, reference: body.reference ?? null },
      context,
    );
    const held = result.events.some((event) => event.type === 'loyalty.redemption-held');
    return { ...written(result), redemptionId, points: body.points, status: held ? 'held' : 'completed' };
  }

  @Post(':customerId/redemptions/:redemptionId/cancellation')
  async cancel(@Param() params: RedemptionParams, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.cancelRedemption(params.customerId, params.redemptionId, context));
  }

  @Post(':customerId/adjustments')
  async adjust(@Param() params: CustomerParams, @Body() body: AdjustPointsDto, @RequestCommandContext() context: CommandContext) {
    return written(
      await this.commands.adjust(
        params.customerId,
        { points: body.points, reason: body.reason, reference: body.reference ?? null },
        context,
      ),
    );
  }

  @Post(':customerId/transfers')
  async transfer(@Param() params: CustomerParams, @Body() body: TransferPointsDto, @RequestCommandContext() context: CommandContext) {
    const { result, transferId } = await this.commands.transfer(params.customerId, body, context);
    return { ...written(result), transferId };
  }

  @Post(':customerId/engagements')
  async engagement(@Param() params: CustomerParams, @Body() body: EngagementDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.engagement(params.customerId, body, context));
  }

  @Put(':customerId/tier-floor')
  @HttpCode(200)
  async tierFloor(@Param() params: CustomerParams, @Body() body: TierFloorDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.setTierFloor(params.customerId, body, context));
  }

  @Post(':customerId/fraud-flags/:flagId/review')
  async reviewFlag(@Param() params: FlagParams, @Body() body: FlagReviewDto, @RequestCommandContext() context: CommandContext) {
    return written(await this.commands.reviewFlag(params.customerId, params.flagId, body.decision, context));
  }
}
