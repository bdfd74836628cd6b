import { CommandHandler, DomainError, type Clock, type CommandContext } from '@c360/kernel';
import { loyaltyAccount, type AccountCommand, type AccountState, type ProgramSettings } from '@c360/loyalty-domain';
import { CLOCK, CustomerDirectory } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { LoyaltyProgramService } from '../program/loyalty-program.service';
import type { AccountWrite } from './account-results';
import { accountStream } from './account-streams';

/** What a command is built from: the time of decision and the programme in force. */
export interface DecisionInputs {
  readonly now: string;
  readonly program: ProgramSettings;
  readonly customerId: string;
}

const MAX_MERGE_HOPS = 5;

/**
 * The write side of loyalty accounts: every command gets `now` from the injected Clock and the current
 * programme, then goes through the one generic CommandHandler (serialised per stream, expected
 * revision on append).
 */
@Injectable()
export class LoyaltyAccountService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly program: LoyaltyProgramService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly customers: CustomerDirectory,
  ) {}

  /**
   * "Loyalty never enrols an unknown id" (ADR 0013): 404 `customer-not-found` for an id contacts never
   * registered, 409 `customer-erased` for an erased one. A merged id passes (`followMerges` moves on).
   */
  async requireCustomer(customerId: string, field = 'customerId'): Promise<void> {
    await this.customers.require(customerId, field);
  }

  /**
   * Runs a command on `customerId`'s account. With `followMerges`, a command that reaches an account
   * absorbed by a customer merge runs on the survivor instead (reactions to sales events use this:
   * a purchase recorded under the old id still earns). With `requireCustomer`, the customer must exist
   * in contacts' directory first — every command that names a customer asks for it; reactions that only
   * move what an existing account holds (erasure, merges, expiry) do not, as they must run for any status.
   */
  async execute(
    customerId: string,
    build: (inputs: DecisionInputs) => AccountCommand,
    context: CommandContext,
    options: { followMerges?: boolean; requireCustomer?: boolean } = {},
  ): Promise<AccountWrite> {
    if (options.requireCustomer) await this.requireCustomer(customerId);
    const program = await this.program.settings();
    let target = customerId;
    for (let hop = 0; ; hop++) {
      const command = build({ now: this.clock.now().toISOString(), program, customerId: target });
      try {
        const result = await this.commands.handle(loyaltyAccount, accountStream(target), command, context);
        return { ...result, customerId: target };
      } catch (error) {
        const survivor = error instanceof DomainError && error.code === 'loyalty.account-merged' ? error.details.survivorId : undefined;
        if (!options.followMerges || typeof survivor !== 'string' || hop >= MAX_MERGE_HOPS) throw error;
        target = survivor;
      }
    }
  }

  async load(customerId: string): Promise<{ state: AccountState; revision: number }> {
    const loaded = await this.commands.load(loyaltyAccount, accountStream(customerId));
    return { state: loaded.state, revision: loaded.revision };
  }

  /** Whether a transfer reached the recipient, or the survivor a merge redirected it to (the ids go with the command). */
  async receivedTransfer(recipientId: string, transferId: string): Promise<boolean> {
    let target = recipientId;
    for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
      const { state } = await this.load(target);
      if (state.status === 'none') return false;
      if (state.transferInIds.includes(transferId)) return true;
      if (state.status !== 'merged' || state.mergedInto === null) return false;
      target = state.mergedInto;
    }
    return false;
  }
}
