import type { CommandContext } from '@c360/kernel';
import { RunScheduler } from '@c360/loyalty-application';
import { ACCESS, CommandBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Controller, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';

/** Operations. (The interim survey-bonus endpoint is retired: the bonus reacts to surveys' published answers.) */
@Controller('loyalty')
export class LoyaltyOperationsController {
  constructor(private readonly commands: CommandBus) {}

  /** Runs the scheduler now (operators, tests, an external cron when the interval is off). */
  @Roles(...ACCESS.jobs)
  @ApiOperation({ summary: 'Run the loyalty scheduler now (expiry, tier review)' })
  @Post('scheduler/runs')
  run(@RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RunScheduler(context));
  }
}
