import { DomainError, type CommandContext } from '@c360/kernel';
import { LoyaltyAccountService, LoyaltyScheduler } from '@c360/loyalty-application';
import { RequestCommandContext } from '@c360/runtime';
import { Body, Controller, Post } from '@nestjs/common';
import { SurveyAnsweredDto } from './dto/account.dto';

/** Operations and interim integration endpoints. */
@Controller('loyalty')
export class LoyaltyOperationsController {
  constructor(
    private readonly scheduler: LoyaltyScheduler,
    private readonly accounts: LoyaltyAccountService,
  ) {}

  /** Runs the scheduler now (operators, tests, an external cron when the interval is off). */
  @Post('scheduler/runs')
  run(@RequestCommandContext() context: CommandContext) {
    if (context.actor.role !== 'supervisor' && context.actor.role !== 'system') {
      throw new DomainError('loyalty.operator-required', 'Only a supervisor or a system process may run the scheduler', 'forbidden');
    }
    return this.scheduler.runOnce();
  }

  /**
   * "Survey answered → bonus" until the surveys context publishes its own event: one award per
   * response id, within the rule's caps, enrolling the customer when needed.
   */
  @Post('survey-answers')
  async surveyAnswered(@Body() body: SurveyAnsweredDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.accounts.execute(
      body.customerId,
      ({ now, program, customerId }) => ({
        type: 'earn-for-engagement',
        customerId,
        rule: 'survey-answered',
        reference: body.responseId,
        autoEnrol: true,
        now,
        program,
      }),
      context,
      { followMerges: true },
    );
    const earned = result.events.find((event) => event.type === 'loyalty.points-earned')?.data as { points?: number } | undefined;
    return { customerId: result.customerId, version: result.revision, duplicate: result.duplicate, points: earned?.points ?? 0 };
  }
}
