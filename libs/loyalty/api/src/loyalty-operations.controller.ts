import type { CommandContext } from '@c360/kernel';
import { AwardSurveyBonus, RunScheduler } from '@c360/loyalty-application';
import { CommandBus, RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Post } from '@nestjs/common';
import { SurveyAnsweredDto } from './dto/account.dto';

/** Operations and interim integration endpoints. */
@Controller('loyalty')
export class LoyaltyOperationsController {
  constructor(private readonly commands: CommandBus) {}

  /** Runs the scheduler now (operators, tests, an external cron when the interval is off). */
  @Post('scheduler/runs')
  run(@RequestCommandContext() context: CommandContext) {
    return this.commands.execute(new RunScheduler(context));
  }

  /**
   * "Survey answered → bonus" until the surveys context publishes its own event: one award per
   * response id, within the rule's caps, enrolling the customer when needed.
   */
  @Post('survey-answers')
  async surveyAnswered(@Body() body: SurveyAnsweredDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new AwardSurveyBonus({ customerId: body.customerId, responseId: body.responseId }, context));
    return { customerId: result.customerId, version: result.version, duplicate: result.duplicate, points: result.points };
  }
}
