import { ConsentHandler, ConsentQueries } from '@c360/contacts-application';
import type { Clock, CommandContext } from '@c360/kernel';
import { CLOCK, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ConsentAtQuery, ConsentDecisionDto, ConsentParams } from '../dto/consent.dto';
import { CustomerIdParams } from '../dto/queries.dto';

/** Consent per channel × purpose, and the question other services ask: "valid at t?". */
@Controller('customers/:id/consents')
export class CustomerConsentsController {
  constructor(
    private readonly consents: ConsentHandler,
    private readonly queries: ConsentQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('grants')
  grant(@Param() { id }: CustomerIdParams, @Body() body: ConsentDecisionDto, @RequestCommandContext() context: CommandContext) {
    return this.consents.execute(id, 'grant', body, context);
  }

  @Post('revocations')
  revoke(@Param() { id }: CustomerIdParams, @Body() body: ConsentDecisionDto, @RequestCommandContext() context: CommandContext) {
    return this.consents.execute(id, 'revoke', body, context);
  }

  @Get()
  history(@Param() { id }: CustomerIdParams) {
    return this.queries.history(id);
  }

  @Get(':channel/:purpose')
  validAt(@Param() params: ConsentParams, @Query() query: ConsentAtQuery) {
    const at = new Date(query.at ?? this.clock.now().toISOString()).toISOString();
    return this.queries.validAt(params.id, params.channel, params.purpose, at);
  }
}
