import { DomainError, type CommandContext } from '@c360/kernel';
import { ContextCommand, HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { TicketsSlaScheduler, type SlaSchedulerRun } from './sla-scheduler';

/** Runs the SLA scheduler now (operators, tests, an external cron when the interval is off). */
export class RunSlaScheduler extends ContextCommand<SlaSchedulerRun> {
  constructor(context?: CommandContext) {
    super(context);
  }
}

@HandlesCommand(RunSlaScheduler)
export class RunSlaSchedulerHandler implements ICommandHandler<RunSlaScheduler, SlaSchedulerRun> {
  constructor(private readonly scheduler: TicketsSlaScheduler) {}
  execute(command: RunSlaScheduler): Promise<SlaSchedulerRun> {
    const { role } = contextOf(command).actor;
    if (role !== 'supervisor' && role !== 'system') {
      throw new DomainError('tickets.operator-required', 'Only a supervisor or a system process may run the SLA scheduler', 'forbidden');
    }
    return this.scheduler.runOnce();
  }
}
