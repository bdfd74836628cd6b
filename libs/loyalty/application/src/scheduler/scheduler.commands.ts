import { DomainError, type CommandContext } from '@c360/kernel';
import { ContextCommand, HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { LoyaltyScheduler, type SchedulerRun } from './loyalty-scheduler';

/** Runs the scheduler now (operators, tests, an external cron when the interval is off). */
export class RunScheduler extends ContextCommand<SchedulerRun> {
  constructor(context?: CommandContext) {
    super(context);
  }
}

@HandlesCommand(RunScheduler)
export class RunSchedulerHandler implements ICommandHandler<RunScheduler, SchedulerRun> {
  constructor(private readonly scheduler: LoyaltyScheduler) {}
  execute(command: RunScheduler): Promise<SchedulerRun> {
    const { role } = contextOf(command).actor;
    if (role !== 'supervisor' && role !== 'system') {
      throw new DomainError('loyalty.operator-required', 'Only a supervisor or a system process may run the scheduler', 'forbidden');
    }
    return this.scheduler.runOnce();
  }
}
