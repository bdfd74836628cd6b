import type { CommandContext } from '@c360/kernel';
import { ChangeDeal, ChangeDealStage, GetDeal, ListDealActivities, ListDeals, LogDealActivity, OpenDeal } from '@c360/sales-application';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { SalesPageQuery } from '../dto/common.dto';
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

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Open a deal' })
  @Post()
  async open(@Body() body: OpenDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(await this.commands.execute(new OpenDeal(body, context)));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Deals (paged, filtered)' })
  @Get()
  list(@Query() query: DealListQuery) {
    const { limit, after, ...filter } = query;
    return this.queries.execute(new ListDeals(filter, { limit, after }));
  }

  /** The deal with its stage history (read model). */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'A deal with its stage history' })
  @Get(':dealId')
  get(@Param() params: DealParams) {
    return this.queries.execute(new GetDeal(params.dealId));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Move a deal to another stage' })
  @Post(':dealId/move')
  @HttpCode(200)
  async move(@Param() params: DealParams, @Body() body: MoveDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(new ChangeDealStage(params.dealId, { type: 'move-deal', stageId: body.stageId }, context)),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Win a deal' })
  @Post(':dealId/win')
  @HttpCode(200)
  async win(@Param() params: DealParams, @Body() body: CloseDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(await this.commands.execute(new ChangeDealStage(params.dealId, { type: 'win-deal', reason: body.reason }, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Lose a deal' })
  @Post(':dealId/lose')
  @HttpCode(200)
  async lose(@Param() params: DealParams, @Body() body: CloseDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(new ChangeDealStage(params.dealId, { type: 'lose-deal', reason: body.reason }, context)),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Reopen a closed deal' })
  @Post(':dealId/reopen')
  @HttpCode(200)
  async reopen(@Param() params: DealParams, @Body() body: ReopenDealDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDealStage(params.dealId, { type: 'reopen-deal', stageId: body.stageId, reason: body.reason }, context),
      ),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "Change a deal's amount" })
  @Put(':dealId/amount')
  async amount(@Param() params: DealParams, @Body() body: DealAmountDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDeal(params.dealId, { type: 'change-deal-amount', amount: body.amount, currency: body.currency }, context),
      ),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "Change a deal's owner" })
  @Put(':dealId/owner')
  async owner(@Param() params: DealParams, @Body() body: DealOwnerDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(new ChangeDeal(params.dealId, { type: 'change-deal-owner', ownerId: body.ownerId }, context)),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "Change a deal's probability" })
  @Put(':dealId/probability')
  async probability(@Param() params: DealParams, @Body() body: DealProbabilityDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDeal(params.dealId, { type: 'change-deal-probability', probability: body.probability }, context),
      ),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "Change a deal's expected close date" })
  @Put(':dealId/expected-close-date')
  async closeDate(@Param() params: DealParams, @Body() body: DealCloseDateDto, @RequestCommandContext() context: CommandContext) {
    return writtenDeal(
      await this.commands.execute(
        new ChangeDeal(params.dealId, { type: 'change-deal-close-date', expectedCloseDate: body.expectedCloseDate }, context),
      ),
    );
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Log an activity on a deal' })
  @Post(':dealId/activities')
  async logActivity(@Param() params: DealParams, @Body() body: LogActivityDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new LogDealActivity(params.dealId, body, context));
    return { ...writtenDeal(result), activityId: result.activityId };
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A deal's activities (paged)" })
  @Get(':dealId/activities')
  activities(@Param() params: DealParams, @Query() query: SalesPageQuery) {
    return this.queries.execute(new ListDealActivities(params.dealId, query));
  }
}
