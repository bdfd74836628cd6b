import { DomainError, type CommandContext } from '@c360/kernel';
import { ContextCommand, HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import type { SlaPolicy } from '@c360/tickets-domain';
import { SlaPolicyService, type SlaPolicyBookResult } from './sla-policy.service';

/** Supervisors set SLA policies (issue 12 turns this check into the route's declared roles). */
function requireSupervisor(context: CommandContext): void {
  if (context.actor.role !== 'supervisor' && context.actor.role !== 'system') {
    throw new DomainError('tickets.supervisor-required', 'Only a supervisor changes SLA policies', 'forbidden');
  }
}

export class SetSlaPolicy extends ContextCommand<SlaPolicyBookResult> {
  constructor(
    readonly policy: SlaPolicy,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RemoveSlaPolicy extends ContextCommand<SlaPolicyBookResult> {
  constructor(
    readonly policyId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

@HandlesCommand(SetSlaPolicy)
export class SetSlaPolicyHandler implements ICommandHandler<SetSlaPolicy> {
  constructor(private readonly policies: SlaPolicyService) {}
  execute(command: SetSlaPolicy) {
    requireSupervisor(contextOf(command));
    return this.policies.set(command.policy, contextOf(command));
  }
}

@HandlesCommand(RemoveSlaPolicy)
export class RemoveSlaPolicyHandler implements ICommandHandler<RemoveSlaPolicy> {
  constructor(private readonly policies: SlaPolicyService) {}
  execute(command: RemoveSlaPolicy) {
    requireSupervisor(contextOf(command));
    return this.policies.remove(command.policyId, contextOf(command));
  }
}
