import { GetConsentAt, GetConsentHistory, GrantCustomerConsent, RevokeCustomerConsent } from '@c360/contacts-application';
import type { Clock, CommandContext } from '@c360/kernel';
import { ACCESS, CLOCK, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ConsentAtQuery, ConsentDecisionDto, ConsentParams } from '../dto/consent.dto';
import { CustomerIdParams } from '../dto/queries.dto';

/** Consent per channel × purpose, and the question other services ask: "valid at t?". */
@Controller('customers/:id/consents')
export class CustomerConsentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Record a consent grant for a channel and purpose' })
  @Post('grants')
  grant(@Param() { id }: CustomerIdParams, @Body() body: ConsentDecisionDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new GrantCustomerConsent(id, body, context));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Record a consent revocation for a channel and purpose' })
  @Post('revocations')
  revoke(@Param() { id }: CustomerIdParams, @Body() body: ConsentDecisionDto, @RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RevokeCustomerConsent(id, body, context));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "A customer's consent history" })
  @Get()
  history(@Param() { id }: CustomerIdParams) {
    return this.queries.execute(new GetConsentHistory(id));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Whether consent for a channel and purpose is valid at an instant (default now)' })
  @Get(':channel/:purpose')
  validAt(@Param() params: ConsentParams, @Query() query: ConsentAtQuery) {
    const at = new Date(query.at ?? this.clock.now().toISOString()).toISOString();
    return this.queries.execute(new GetConsentAt(params.id, params.channel, params.purpose, at));
  }
}
