import type { CommandContext } from '@c360/kernel';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import { GetSlaPolicies, ListCalendars, RemoveSlaPolicy, RunSlaScheduler, SetSlaPolicy } from '@c360/tickets-application';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { PolicyParams, SlaPolicyDto } from '../dto/ticket.dto';

/** SLA policies, the business calendars they count on, and the scheduler of warnings and breaches. */
@Controller('tickets/sla')
export class SlaController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // roles: agent, supervisor, auditor
  @Get('policies')
  policies() {
    return this.queries.execute(new GetSlaPolicies());
  }

  /** Set (define or change) a policy; open tickets are re-derived by the scheduler's next pass. */
  // roles: supervisor
  @Put('policies/:policyId')
  async setPolicy(@Param() params: PolicyParams, @Body() body: SlaPolicyDto, @RequestCommandContext() context: CommandContext) {
    const policy = {
      ...body,
      policyId: params.policyId,
      category: body.category ?? null,
      nextUpdateMinutes: body.nextUpdateMinutes ?? null,
    };
    const result = await this.commands.execute(new SetSlaPolicy(policy, context));
    return {
      version: result.revision,
      duplicate: result.duplicate,
      bookVersion: result.state.bookVersion,
      policies: result.state.policies,
    };
  }

  // roles: supervisor
  @Delete('policies/:policyId')
  async removePolicy(@Param() params: PolicyParams, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new RemoveSlaPolicy(params.policyId, context));
    return {
      version: result.revision,
      duplicate: result.duplicate,
      bookVersion: result.state.bookVersion,
      policies: result.state.policies,
    };
  }

  // roles: agent, supervisor, auditor
  @Get('calendars')
  calendars() {
    return this.queries.execute(new ListCalendars());
  }

  /** One scheduler pass now (operators; an external cron when TICKETS_SCHEDULER_INTERVAL_MS=0). */
  // roles: supervisor, system
  @Post('scheduler/run')
  @HttpCode(200)
  run(@RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RunSlaScheduler(context));
  }
}
