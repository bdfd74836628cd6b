import { DomainError, type CommandContext, type DocumentStore } from '@c360/kernel';
import { LoyaltyPartners, LoyaltyQueries } from '@c360/loyalty-application';
import { LOYALTY_PARTNERS_COLLECTION, type PartnerDocument } from '@c360/loyalty-projections';
import { DOCUMENT_STORE, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
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

function requireRole(context: CommandContext, roles: readonly string[]): void {
  if (!roles.includes(context.actor.role)) {
    throw new DomainError('loyalty.role-required', `Only ${roles.join(' or ')} may do this`, 'forbidden', { role: context.actor.role });
  }
}

/** Partner management and settlement, for supervisors. */
@Controller('loyalty/partners')
export class LoyaltyPartnersController {
  constructor(
    private readonly partners: LoyaltyPartners,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  @Post()
  register(@Body() body: RegisterPartnerDto, @RequestCommandContext() context: CommandContext) {
    return this.partners.register(body.name, context);
  }

  @Get()
  async list(@Query() query: PageQuery, @RequestCommandContext() context: CommandContext) {
    requireRole(context, ['supervisor', 'auditor']);
    const page = await this.documents.find<PartnerDocument>(
      LOYALTY_PARTNERS_COLLECTION,
      {},
      { sort: { field: 'name', direction: 'asc' }, limit: query.limit ?? 50, after: query.after },
    );
    return {
      items: page.items.map(({ _id: _ignoredId, _position: _ignoredPosition, ...item }) => item),
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Post(':partnerId/key-rotation')
  rotate(@Param() params: PartnerParams, @RequestCommandContext() context: CommandContext) {
    return this.partners.rotateKey(params.partnerId, context);
  }

  @Post(':partnerId/deactivation')
  async deactivate(@Param() params: PartnerParams, @RequestCommandContext() context: CommandContext) {
    const result = await this.partners.deactivate(params.partnerId, context);
    return { partnerId: params.partnerId, version: result.revision };
  }

  @Get(':partnerId/settlement')
  settlement(@Param() params: PartnerParams, @Query() query: PeriodQuery, @RequestCommandContext() context: CommandContext) {
    requireRole(context, ['supervisor', 'auditor']);
    return this.partners.settlement(params.partnerId, query.from, query.to);
  }
}

/** The coalition API partners call with their own key: earn and burn points for shared members. */
@Controller('loyalty/partner-api')
@UseGuards(PartnerKeyGuard)
export class LoyaltyPartnerApiController {
  constructor(
    private readonly partners: LoyaltyPartners,
    private readonly queries: LoyaltyQueries,
  ) {}

  /** What a partner may see of a shared member: enough to offer a burn. */
  @Get('members/:customerId')
  async member(@Param() params: MemberParams) {
    const view = await this.queries.balance(params.customerId);
    if (view.status !== 'active') throw new DomainError('loyalty.account-not-found', 'Not an active member', 'not-found');
    return { customerId: view.customerId, spendable: view.spendable, tier: view.tier.tier };
  }

  @Post('earnings')
  async earn(@Body() body: PartnerPointsDto, @PartnerCommandContext() context: CommandContext & { actor: { id: string } }) {
    const result = await this.partners.earn(context.actor.id, body, context);
    return { customerId: result.customerId, points: body.points, reference: body.reference, duplicate: result.duplicate };
  }

  @Post('redemptions')
  async burn(@Body() body: PartnerPointsDto, @PartnerCommandContext() context: CommandContext & { actor: { id: string } }) {
    const { result, redemptionId, status } = await this.partners.burn(context.actor.id, body, context);
    return {
      customerId: result.customerId,
      redemptionId,
      status,
      points: body.points,
      reference: body.reference,
      duplicate: result.duplicate,
    };
  }

  @Post('redemptions/:redemptionId/cancellation')
  async cancel(
    @Param() params: PartnerRedemptionParams,
    @Body() body: PartnerCancellationDto,
    @PartnerCommandContext() context: CommandContext & { actor: { id: string } },
  ) {
    const result = await this.partners.cancelBurn(context.actor.id, body.customerId, params.redemptionId, context);
    return { customerId: result.customerId, redemptionId: params.redemptionId, duplicate: result.duplicate };
  }

  @Get('settlement')
  settlement(@Query() query: PeriodQuery, @PartnerCommandContext() context: CommandContext & { actor: { id: string } }) {
    return this.partners.settlement(context.actor.id, query.from, query.to);
  }
}
