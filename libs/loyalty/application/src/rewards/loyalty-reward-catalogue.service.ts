import { CommandHandler, deriveId, type Clock, type CommandContext } from '@c360/kernel';
import { loyaltyReward, type RewardTerms } from '@c360/loyalty-domain';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { rewardStream } from './reward-streams';

/** A catalogue change: the reward and its version. */
export interface RewardResult {
  readonly rewardId: string;
  readonly version: number;
}

/** The rewards catalogue, managed by supervisors. */
@Injectable()
export class LoyaltyRewardCatalogue {
  constructor(
    private readonly commands: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async create(terms: RewardTerms, context: CommandContext): Promise<RewardResult> {
    // From the command id: a repeat with the same Idempotency-Key answers the first reward, not a second one.
    const rewardId = deriveId(`loyalty/reward/${context.commandId}`);
    const result = await this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'create-reward', rewardId, terms, actor: context.actor, now: this.now() },
      context,
    );
    return { rewardId: result.state.status === 'none' ? rewardId : result.state.rewardId, version: result.revision };
  }

  async change(rewardId: string, terms: RewardTerms, context: CommandContext): Promise<RewardResult> {
    const result = await this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'change-reward', terms, actor: context.actor, now: this.now() },
      context,
    );
    return { rewardId, version: result.revision };
  }

  async addCouponCodes(rewardId: string, codes: readonly string[], context: CommandContext): Promise<RewardResult & { added: number }> {
    const result = await this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'add-coupon-codes', codes, actor: context.actor, now: this.now() },
      context,
    );
    return { rewardId, version: result.revision, added: codes.length };
  }

  async retire(rewardId: string, context: CommandContext): Promise<RewardResult> {
    const result = await this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'retire-reward', actor: context.actor, now: this.now() },
      context,
    );
    return { rewardId, version: result.revision };
  }
}
