import type { CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
import { GetSlaPolicies, ListCalendars, RemoveSlaPolicy, RunSlaScheduler, SetSlaPolicy } from '@c360/tickets-application';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { PolicyParams, SlaPolicyDto } from '../dto/ticket.dto';

/** SLA policies, the business calendars they count on, and the scheduler of warnings and breaches. */
@Controller('tickets/sla')
export class SlaController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Policies' })
  @Get('policies')
  policies() {
    return this.queries.execute(new GetSlaPolicies());
  }

  /** Set (define or change) a policy; open tickets are re-derived by the scheduler's next pass. */
  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: "Set (define or change) a policy; open tickets are re-derived by the scheduler's next pass" })
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

  @Roles(...ACCESS.manage)
  @ApiOperation({ summary: 'Remove policy' })
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

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Calendars' })
  @Get('calendars')
  calendars() {
    return this.queries.execute(new ListCalendars());
  }

  /** One scheduler pass now (operators; an external cron when TICKETS_SCHEDULER_INTERVAL_MS=0). */
  @Roles(...ACCESS.jobs)
  @ApiOperation({ summary: 'One scheduler pass now (operators; an external cron when TICKETS_SCHEDULER_INTERVAL_MS=0)' })
  @Post('scheduler/run')
  @HttpCode(200)
  run(@RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RunSlaScheduler(context));
  }
}
