import { DomainError, type CommandContext, type IdGenerator } from '@c360/kernel';
import type { AdjustmentReason, EngagementRuleName, RedemptionPurpose, TierName } from '@c360/loyalty-domain';
import { ID_GENERATOR } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { LoyaltyAccountService, type AccountResult } from './loyalty-account.service';

/** The member-facing use cases, one method per command, for the REST API (and the gateway later). */
@Injectable()
export class LoyaltyMemberCommands {
  constructor(
    private readonly accounts: LoyaltyAccountService,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  enrol(customerId: string, context: CommandContext): Promise<AccountResult> {
    return this.accounts.execute(customerId, ({ now }) => ({ type: 'enrol', customerId, now, source: 'api' }), context);
  }

  /** Direct points redemption (points as payment, agent-desk redemptions); rewards use RedeemRewardService. */
  async redeem(
    customerId: string,
    input: { points: number; reference: string | null; purpose?: RedemptionPurpose },
    context: CommandContext,
  ) {
    const redemptionId = this.ids.next();
    const purpose = input.purpose ?? { kind: 'points', reference: input.reference };
    const result = await this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'redeem-points', redemptionId, points: input.points, purpose, now, program }),
      context,
    );
    return { result, redemptionId: redemptionIdOf(result) ?? redemptionId };
  }

  cancelRedemption(customerId: string, redemptionId: string, context: CommandContext): Promise<AccountResult> {
    return this.accounts.execute(customerId, ({ now, program }) => ({ type: 'cancel-redemption', redemptionId, now, program }), context);
  }

  adjust(
    customerId: string,
    input: { points: number; reason: AdjustmentReason; reference: string | null },
    context: CommandContext,
  ): Promise<AccountResult> {
    const adjustmentId = context.commandId;
    return this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'adjust-points', adjustmentId, ...input, actor: context.actor, now, program }),
      context,
    );
  }

  /** Debits the sender; a reaction to `loyalty.points-transferred-out` credits the recipient durably. */
  async transfer(customerId: string, input: { toCustomerId: string; points: number }, context: CommandContext) {
    const recipient = await this.accounts.load(input.toCustomerId);
    if (recipient.state.status !== 'active') {
      throw new DomainError('loyalty.recipient-not-member', `Customer ${input.toCustomerId} has no active loyalty account`, 'invalid', {
        field: 'toCustomerId',
      });
    }
    const transferId = context.commandId;
    const result = await this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'transfer-points', transferId, toCustomerId: input.toCustomerId, points: input.points, now, program }),
      context,
    );
    return { result, transferId };
  }

  engagement(customerId: string, input: { rule: EngagementRuleName; reference: string }, context: CommandContext): Promise<AccountResult> {
    return this.accounts.execute(
      customerId,
      ({ now, program }) => ({
        type: 'earn-for-engagement',
        customerId,
        rule: input.rule,
        reference: input.reference,
        autoEnrol: false,
        now,
        program,
      }),
      context,
    );
  }

  setTierFloor(
    customerId: string,
    input: { tier: TierName | null; reason: AdjustmentReason },
    context: CommandContext,
  ): Promise<AccountResult> {
    return this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'set-tier-floor', ...input, actor: context.actor, now, program }),
      context,
    );
  }

  reviewFlag(customerId: string, flagId: string, decision: 'confirm' | 'clear', context: CommandContext): Promise<AccountResult> {
    return this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'review-fraud-flag', flagId, decision, actor: context.actor, now, program }),
      context,
    );
  }
}

/** For a repeated Idempotency-Key the first execution's redemption id is the one that counts. */
function redemptionIdOf(result: AccountResult): string | undefined {
  for (const event of result.events) {
    const data = event.data as { redemptionId?: unknown };
    if ((event.type === 'loyalty.points-redeemed' || event.type === 'loyalty.redemption-held') && typeof data.redemptionId === 'string') {
      return data.redemptionId;
    }
  }
  return undefined;
}
