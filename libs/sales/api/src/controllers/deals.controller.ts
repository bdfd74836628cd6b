import type { CommandContext } from '@c360/kernel';
import { ChangeDeal, ChangeDealStage, GetDeal, ListDealActivities, ListDeals, LogDealActivity, OpenDeal } from '@c360/sales-application';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { PageQuery } from '../dto/common.dto';
import {
  CloseDealDto,
  DealAmountDto,
  DealCloseDateDto,
  DealListQuery,
  DealOwnerDto,
  DealParams,
  DealProbabilityDto,
  LogActivityDto,
  MoveDealDto,
  OpenDealDto,
  ReopenDealDto,
} from '../dto/deal.dto';
import { writtenDeal } from './sales-responses';

@Controller('deals')
export class DealsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  async open(@Body() body: OpenDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(await this.commands.execute(new OpenDeal(body, context)));
  }

  @Get()
  list(@Query() query: DealListQuery) {
    const { limit, after, ...filter } = query;
    return this.queries.execute(new ListDeals(filter, { limit, after }));
  }

  /** The deal with its stage history (read model). */
  @Get(':dealId')
  get(@Param() params: DealParams) {
    return this.queries.execute(new GetDeal(params.dealId));
  }

  @Post(':dealId/move')
  @HttpCode(200)
  async move(@Param() params: DealParams, @Body() body: MoveDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(new ChangeDealStage(params.dealId, { type: 'move-deal', stageId: body.stageId }, context)),
    );
  }

  @Post(':dealId/win')
  @HttpCode(200)
  async win(@Param() params: DealParams, @Body() body: CloseDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(await this.commands.execute(new ChangeDealStage(params.dealId, { type: 'win-deal', reason: body.reason }, context)));
  }

  @Post(':dealId/lose')
  @HttpCode(200)
  async lose(@Param() params: DealParams, @Body() body: CloseDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(new ChangeDealStage(params.dealId, { type: 'lose-deal', reason: body.reason }, context)),
    );
  }

  @Post(':dealId/reopen')
  @HttpCode(200)
  async reopen(@Param() params: DealParams, @Body() body: ReopenDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDealStage(params.dealId, { type: 'reopen-deal', stageId: body.stageId, reason: body.reason }, context),
      ),
    );
  }

  @Put(':dealId/amount')
  async amount(@Param() params: DealParams, @Body() body: DealAmountDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDeal(params.dealId, { type: 'change-deal-amount', amount: body.amount, currency: body.currency }, context),
      ),
    );
  }

  @Put(':dealId/owner')
  async owner(@Param() params: DealParams, @Body() body: DealOwnerDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(new ChangeDeal(params.dealId, { type: 'change-deal-owner', ownerId: body.ownerId }, context)),
    );
  }

  @Put(':dealId/probability')
  async probability(@Param() params: DealParams, @Body() body: DealProbabilityDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDeal(params.dealId, { type: 'change-deal-probability', probability: body.probability }, context),
      ),
    );
  }

  @Put(':dealId/expected-close-date')
  async closeDate(@Param() params: DealParams, @Body() body: DealCloseDateDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDeal(params.dealId, { type: 'change-deal-close-date', expectedCloseDate: body.expectedCloseDate }, context),
      ),
    );
  }

  @Post(':dealId/activities')
  async logActivity(@Param() params: DealParams, @Body() body: LogActivityDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new LogDealActivity(params.dealId, body, context));
    return { ...writtenDeal(result), activityId: result.activityId };
  }

  @Get(':dealId/activities')
  activities(@Param() params: DealParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListDealActivities(params.dealId, query));
  }
}
