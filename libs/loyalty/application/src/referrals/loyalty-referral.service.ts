import { CommandHandler, streamName, type CommandContext } from '@c360/kernel';
import { loyaltyReferral } from '@c360/loyalty-domain';
import { Injectable } from '@nestjs/common';
import { LoyaltyProgramService } from '../program/loyalty-program.service';

export function referralStream(refereeId: string): string {
  return streamName('loyalty', 'referral', refereeId);
}

/** Referrals: recorded when contacts reports one, qualified by the referee's first purchase after it. */
@Injectable()
export class LoyaltyReferralService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly program: LoyaltyProgramService,
  ) {}

  /**
   * Follows the chain of referrers from the new referrer: meeting the referee again means the new
   * referral closes a ring (A → B → C → A), whose members are returned.
   */
  async findRing(refereeId: string, referrerId: string): Promise<string[]> {
    const depth = (await this.program.settings()).fraud.referralRingDepth;
    const chain = [refereeId, referrerId];
    let current = referrerId;
    for (let step = 0; step < depth; step++) {
      const { state } = await this.commands.load(loyaltyReferral, referralStream(current));
      if (state.status === 'none') return [];
      if (state.referrerId === refereeId) return chain;
      if (chain.includes(state.referrerId)) return []; // a ring that does not involve this referee
      chain.push(state.referrerId);
      current = state.referrerId;
    }
    return [];
  }

  async record(input: { refereeId: string; referrerId: string; referredAt: string }, context: CommandContext) {
    const ring = input.refereeId === input.referrerId ? [] : await this.findRing(input.refereeId, input.referrerId);
    return this.commands.handle(loyaltyReferral, referralStream(input.refereeId), { type: 'record-referral', ...input, ring }, context);
  }

  qualify(refereeId: string, purchaseId: string, now: string, context: CommandContext) {
    return this.commands.handle(loyaltyReferral, referralStream(refereeId), { type: 'qualify-referral', purchaseId, now }, context);
  }
}
