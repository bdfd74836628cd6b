import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { ContractResult, StartContractInput } from './contract.service';

export class StartContract extends ContextCommand<ContractResult> {
  constructor(
    readonly input: StartContractInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RenewContract extends ContextCommand<ContractResult> {
  constructor(
    readonly contractId: string,
    readonly input: { readonly renewalDate?: string; readonly value?: number },
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** An agent lapses a contract past its renewal date (a later scheduler sends the same command). */
export class LapseContract extends ContextCommand<ContractResult> {
  constructor(
    readonly contractId: string,
    readonly reason: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}
