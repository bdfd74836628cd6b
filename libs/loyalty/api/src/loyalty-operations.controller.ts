import type { CommandContext } from '@c360/kernel';
import { AwardSurveyBonus, RunScheduler } from '@c360/loyalty-application';
import { ACCESS, CommandBus, RequestCommandContext, Roles } from '@c360/runtime';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { SurveyAnsweredDto } from './dto/account.dto';

/** Operations and interim integration endpoints. */
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

  /**
   * "Survey answered → bonus" until the surveys context publishes its own event: one award per
   * response id, within the rule's caps, enrolling the customer when needed.
   */
  @Roles(...ACCESS.feed)
  @ApiOperation({ summary: 'Record that a member answered a survey (earns the survey bonus once)' })
  @Post('survey-answers')
  async surveyAnswered(@Body() body: SurveyAnsweredDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new AwardSurveyBonus({ customerId: body.customerId, responseId: body.responseId }, context));
    return { customerId: result.customerId, version: result.version, duplicate: result.duplicate, points: result.points };
  }
}
