import { KeyedMutex, type Clock, type CommandContext, CommandHandler } from '@c360/kernel';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerStreams } from '../customers/customer-streams';
import { resolveReferrer } from '../customers/resolve-referrer';
import type { CustomerCommandResult } from '../customers/customer.results';
import { CustomerDirectory } from '../queries/customer-directory';

/** The referrer, named by exactly one of its id or its referral code. */
export interface ReferrerInput {
  readonly referrerId?: string;
  readonly referralCode?: string;
}

/** Longer chains than this are not followed (and would be a data problem worth a look). */
const MAX_CHAIN = 1_000;

/**
 * "Referred by": the referrer's chain is read from the referrers' own streams (the write-side truth,
 * not a lagging read model) and handed to the decider, which refuses a cycle. Referral changes are
 * serialised within the process so that two opposite referrals cannot both pass the check.
 */
@Injectable()
export class ReferrerService {
  private readonly serial = new KeyedMutex();

  constructor(
    private readonly customers: CustomerStreams,
    private readonly directory: CustomerDirectory,
    private readonly commands: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(customerId: string, input: ReferrerInput, context: CommandContext): Promise<CustomerCommandResult> {
    return this.serial.run('referrals', async () => {
      const at = this.clock.now().toISOString();
      const referrerId = (await resolveReferrer(input, this.directory, this.commands)) as string;
      const referrerChain = await this.chainAbove(referrerId);
      const result = await this.customers.handle(customerId, { type: 'set-referrer', customerId, at, referrerId, referrerChain }, context);
      return { customerId, version: result.revision, duplicate: result.duplicate };
    });
  }

  /** Who referred `customerId`, who referred them, and so on (stops at a repeat). */
  private async chainAbove(customerId: string): Promise<string[]> {
    const chain: string[] = [];
    let current: string | undefined = customerId;
    while (current !== undefined && chain.length < MAX_CHAIN) {
      const { state } = await this.customers.load(current);
      const next: string | undefined = state.status === 'none' ? undefined : state.referrerId;
      if (next === undefined || chain.includes(next) || next === customerId) {
        if (next !== undefined) chain.push(next);
        break;
      }
      chain.push(next);
      current = next;
    }
    return chain;
  }
}
