import type { CommandContext } from '@c360/kernel';
import {
  BurnPartnerPoints,
  CancelPartnerBurn,
  DeactivatePartner,
  EarnPartnerPoints,
  GetPartnerMember,
  GetPartnerSettlement,
  ListPartners,
  RegisterPartner,
  RotatePartnerKey,
} from '@c360/loyalty-application';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { PageQuery } from './dto/account.dto';
import {
  MemberParams,
  PartnerCancellationDto,
  PartnerParams,
  PartnerPointsDto,
  PartnerRedemptionParams,
  PeriodQuery,
  RegisterPartnerDto,
} from './dto/partner.dto';
import { PartnerCommandContext, PartnerKeyGuard } from './partner-key.guard';

type PartnerContext = CommandContext & { actor: { id: string } };

/** Partner management and settlement, for supervisors. */
@Controller('loyalty/partners')
export class LoyaltyPartnersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  register(@Body() body: RegisterPartnerDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RegisterPartner(body.name, context));
  }

  @Get()
  list(@Query() query: PageQuery, @RequestCommandContext() context: CommandContext) {
    return this.queries.execute(new ListPartners(context.actor, { limit: query.limit, after: query.after }));
  }

  @Post(':partnerId/key-rotation')
  rotate(@Param() params: PartnerParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RotatePartnerKey(params.partnerId, context));
  }

  @Post(':partnerId/deactivation')
  deactivate(@Param() params: PartnerParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new DeactivatePartner(params.partnerId, context));
  }

  @Get(':partnerId/settlement')
  settlement(@Param() params: PartnerParams, @Query() query: PeriodQuery, @RequestCommandContext() context: CommandContext) {
    return this.queries.execute(new GetPartnerSettlement(context.actor, params.partnerId, query.from, query.to));
  }
}

/** The coalition API partners call with their own key: earn and burn points for shared members. */
@Controller('loyalty/partner-api')
@UseGuards(PartnerKeyGuard)
export class LoyaltyPartnerApiController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** What a partner may see of a shared member: enough to offer a burn. */
  @Get('members/:customerId')
  member(@Param() params: MemberParams) {
    return this.queries.execute(new GetPartnerMember(params.customerId));
  }

  @Post('earnings')
  async earn(@Body() body: PartnerPointsDto, @PartnerCommandContext() context: PartnerContext) {
    const input = { customerId: body.customerId, points: body.points, reference: body.reference };
    const result = await this.commands.execute(new EarnPartnerPoints(context.actor.id, input, context));
    return { customerId: result.customerId, points: body.points, reference: body.reference, duplicate: result.duplicate };
  }

  @Post('redemptions')
  async burn(@Body() body: PartnerPointsDto, @PartnerCommandContext() context: PartnerContext) {
    const input = { customerId: body.customerId, points: body.points, reference: body.reference };
    const result = await this.commands.execute(new BurnPartnerPoints(context.actor.id, input, context));
    return {
      customerId: result.customerId,
      redemptionId: result.redemptionId,
      status: result.status,
      points: body.points,
      reference: body.reference,
      duplicate: result.duplicate,
    };
  }

  @Post('redemptions/:redemptionId/cancellation')
  async cancel(
    @Param() params: PartnerRedemptionParams,
    @Body() body: PartnerCancellationDto,
    @PartnerCommandContext() context: PartnerContext,
  ) {
    const result = await this.commands.execute(new CancelPartnerBurn(context.actor.id, body.customerId, params.redemptionId, context));
    return { customerId: result.customerId, redemptionId: params.redemptionId, duplicate: result.duplicate };
  }

  @Get('settlement')
  settlement(@Query() query: PeriodQuery, @PartnerCommandContext() context: PartnerContext) {
    return this.queries.execute(new GetPartnerSettlement(context.actor, context.actor.id, query.from, query.to));
  }
}
