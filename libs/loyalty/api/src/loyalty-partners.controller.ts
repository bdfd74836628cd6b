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
import { ACCESS, CommandBus, CredentialOf, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
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

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Register a coalition partner; answers its API key once (supervisors)' })
  @Post()
  register(@Body() body: RegisterPartnerDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RegisterPartner(body.name, context));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: 'Coalition partners (paged)' })
  @Get()
  list(@Query() query: PageQuery, @RequestCommandContext() context: CommandContext) {
    return this.queries.execute(new ListPartners(context.actor, { limit: query.limit, after: query.after }));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: "Rotate a partner's API key; answers the new key once (supervisors)" })
  @Post(':partnerId/key-rotation')
  rotate(@Param() params: PartnerParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RotatePartnerKey(params.partnerId, context));
  }

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Deactivate a partner (supervisors)' })
  @Post(':partnerId/deactivation')
  deactivate(@Param() params: PartnerParams, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new DeactivatePartner(params.partnerId, context));
  }

  @Roles(...ACCESS.oversee)
  @ApiOperation({ summary: "A partner's settlement for a period" })
  @Get(':partnerId/settlement')
  settlement(@Param() params: PartnerParams, @Query() query: PeriodQuery, @RequestCommandContext() context: CommandContext) {
    return this.queries.execute(new GetPartnerSettlement(context.actor, params.partnerId, query.from, query.to));
  }
}

/** The coalition API partners call with their own key: earn and burn points for shared members. */
@Controller('loyalty/partner-api')
@CredentialOf('partner-key', PartnerKeyGuard)
export class LoyaltyPartnerApiController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** What a partner may see of a shared member: enough to offer a burn. */
  @ApiOperation({ summary: 'Partner API: what a partner may see of a shared member' })
  @Get('members/:customerId')
  member(@Param() params: MemberParams) {
    return this.queries.execute(new GetPartnerMember(params.customerId));
  }

  @ApiOperation({ summary: 'Partner API: earn points for a member' })
  @Post('earnings')
  async earn(@Body() body: PartnerPointsDto, @PartnerCommandContext() context: PartnerContext) {
    const input = { customerId: body.customerId, points: body.points, reference: body.reference };
    const result = await this.commands.execute(new EarnPartnerPoints(context.actor.id, input, context));
    return { customerId: result.customerId, points: body.points, reference: body.reference, duplicate: result.duplicate };
  }

  @ApiOperation({ summary: 'Partner API: burn points of a member' })
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

  @ApiOperation({ summary: 'Partner API: cancel a burn' })
  @Post('redemptions/:redemptionId/cancellation')
  async cancel(
    @Param() params: PartnerRedemptionParams,
    @Body() body: PartnerCancellationDto,
    @PartnerCommandContext() context: PartnerContext,
  ) {
    const result = await this.commands.execute(new CancelPartnerBurn(context.actor.id, body.customerId, params.redemptionId, context));
    return { customerId: result.customerId, redemptionId: params.redemptionId, duplicate: result.duplicate };
  }

  @ApiOperation({ summary: "Partner API: the calling partner's own settlement for a period" })
  @Get('settlement')
  settlement(@Query() query: PeriodQuery, @PartnerCommandContext() context: PartnerContext) {
    return this.queries.execute(new GetPartnerSettlement(context.actor, context.actor.id, query.from, query.to));
  }
}
