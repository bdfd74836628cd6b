import { CommandHandler, useCaseResult, type Clock, type CommandContext, type UseCaseResult } from '@c360/kernel';
import { contractAggregate, contractStream, type ContractState } from '@c360/sales-domain';
import { CLOCK, CustomerDirectory } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createdId } from '../sales-ids';

export interface StartContractInput {
  readonly customerId: string;
  readonly title: string;
  readonly value: number;
  readonly currency: string;
  readonly startDate: string;
  readonly termMonths: number;
  readonly renewalDate?: string;
  readonly dealId?: string;
}

export type ContractResult = UseCaseResult<ContractState> & { readonly contractId: string };

/**
 * Contracts and subscriptions. Lapsing is a command so that a later scheduler (renewal date plus a
 * grace period, from the renewals read model) and an agent issue the same thing.
 */
@Injectable()
export class ContractService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly customers: CustomerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(input: StartContractInput, context: CommandContext): Promise<ContractResult> {
    // Only customers that exist: 404 for an unknown id, 409 customer-erased for an erased one (ADR 0013).
    await this.customers.require(input.customerId);
    const contractId = createdId('contract', context);
    const result = await this.commands.handle(
      contractAggregate,
      contractStream(contractId),
      { type: 'start-contract', contractId, ...input, now: this.now() },
      context,
    );
    return { ...useCaseResult(result), contractId };
  }

  async renew(contractId: string, input: { renewalDate?: string; value?: number }, context: CommandContext): Promise<ContractResult> {
    const result = await this.commands.handle(
      contractAggregate,
      contractStream(contractId),
      { type: 'renew-contract', ...input, now: this.now() },
      context,
    );
    return { ...useCaseResult(result), contractId };
  }

  async lapse(contractId: string, reason: string, context: CommandContext): Promise<ContractResult> {
    const result = await this.commands.handle(
      contractAggregate,
      contractStream(contractId),
      { type: 'lapse-contract', reason, now: this.now() },
      context,
    );
    return { ...useCaseResult(result), contractId };
  }

  async load(contractId: string): Promise<{ state: ContractState; version: number }> {
    const loaded = await this.commands.load(contractAggregate, contractStream(contractId));
    return { state: loaded.state, version: loaded.revision };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
