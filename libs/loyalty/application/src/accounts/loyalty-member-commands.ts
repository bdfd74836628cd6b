import { DomainError, type CommandContext, type IdGenerator } from '@c360/kernel';
import type { AdjustmentReason, EngagementRuleName, RedemptionPurpose, TierName } from '@c360/loyalty-domain';
import { ID_GENERATOR } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import {
  accountResult,
  writtenData,
  type AccountResult,
  type AccountWrite,
  type FlagReviewResult,
  type RedemptionResult,
  type TransferResult,
} from './account-results';
import { LoyaltyAccountService } from './loyalty-account.service';

/** The member-facing use cases, one method per command (REST, the gateway and the CLI send the same commands). */
@Injectable()
export class LoyaltyMemberCommands {
  constructor(
    private readonly accounts: LoyaltyAccountService,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async enrol(customerId: string, context: CommandContext): Promise<AccountResult> {
    return accountResult(
      await this.accounts.execute(customerId, ({ now }) => ({ type: 'enrol', customerId, now, source: 'api' }), context, {
        requireCustomer: true,
      }),
    );
  }

  /** Direct points redemption (points as payment, agent-desk redemptions); rewards use LoyaltyRewardRedemptions. */
  async redeem(
    customerId: string,
    input: { points: number; reference: string | null; purpose?: RedemptionPurpose },
    context: CommandContext,
  ): Promise<RedemptionResult> {
    const redemptionId = this.ids.next();
    const purpose = input.purpose ?? { kind: 'points', reference: input.reference };
    const write = await this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'redeem-points', redemptionId, points: input.points, purpose, now, program }),
      context,
      { requireCustomer: true },
    );
    return redemptionResult(write, redemptionId);
  }

  async cancelRedemption(customerId: string, redemptionId: string, context: CommandContext): Promise<AccountResult> {
    return accountResult(
      await this.accounts.execute(customerId, ({ now, program }) => ({ type: 'cancel-redemption', redemptionId, now, program }), context),
    );
  }

  async adjust(
    customerId: string,
    input: { points: number; reason: AdjustmentReason; reference: string | null },
    context: CommandContext,
  ): Promise<AccountResult> {
    const adjustmentId = context.commandId;
    const write = await this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'adjust-points', adjustmentId, ...input, actor: context.actor, now, program }),
      context,
      { requireCustomer: true },
    );
    return accountResult(write);
  }

  /** Debits the sender; the internal workflow credits the recipient durably on `loyalty.points-transferred-out`. */
  async transfer(customerId: string, input: { toCustomerId: string; points: number }, context: CommandContext): Promise<TransferResult> {
    await this.accounts.requireCustomer(input.toCustomerId, 'toCustomerId');
    const recipient = await this.accounts.load(input.toCustomerId);
    if (recipient.state.status !== 'active') {
      throw new DomainError('loyalty.recipient-not-member', `Customer ${input.toCustomerId} has no active loyalty account`, 'invalid', {
        field: 'toCustomerId',
      });
    }
    const transferId = context.commandId;
    const write = await this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'transfer-points', transferId, toCustomerId: input.toCustomerId, points: input.points, now, program }),
      context,
      { requireCustomer: true },
    );
    return { ...accountResult(write), transferId };
  }

  async engagement(
    customerId: string,
    input: { rule: EngagementRuleName; reference: string },
    context: CommandContext,
  ): Promise<AccountResult> {
    const write = await this.accounts.execute(
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
      { requireCustomer: true },
    );
    return accountResult(write);
  }

  async setTierFloor(
    customerId: string,
    input: { tier: TierName | null; reason: AdjustmentReason },
    context: CommandContext,
  ): Promise<AccountResult> {
    return accountResult(
      await this.accounts.execute(
        customerId,
        ({ now, program }) => ({ type: 'set-tier-floor', ...input, actor: context.actor, now, program }),
        context,
        { requireCustomer: true },
      ),
    );
  }

  /** Clearing a flag releases the redemptions it held (when no other flag holds them); confirming rejects them. */
  async reviewFlag(customerId: string, flagId: string, decision: 'confirm' | 'clear', context: CommandContext): Promise<FlagReviewResult> {
    const write = await this.accounts.execute(
      customerId,
      ({ now, program }) => ({ type: 'review-fraud-flag', flagId, decision, actor: context.actor, now, program }),
      context,
    );
    return {
      ...accountResult(write),
      outcome: decision === 'confirm' ? 'confirmed' : 'cleared',
      releasedRedemptions: redemptionIds(write, 'loyalty.held-redemption-released'),
      rejectedRedemptions: redemptionIds(write, 'loyalty.held-redemption-rejected'),
    };
  }
}

/**
 * The outcome of a redemption command, read from what it wrote: held when the account is under a
 * fraud review. For a repeated Idempotency-Key the first execution's redemption id is the one that counts.
 */
export function redemptionResult(write: AccountWrite, requestedId: string): RedemptionResult {
  const written = writtenData<{ redemptionId?: unknown }>(write, 'loyalty.points-redeemed', 'loyalty.redemption-held');
  const redemptionId = typeof written?.data.redemptionId === 'string' ? written.data.redemptionId : requestedId;
  return { ...accountResult(write), redemptionId, status: written?.type === 'loyalty.redemption-held' ? 'held' : 'completed' };
}

function redemptionIds(write: AccountWrite, type: string): string[] {
  return write.events
    .filter((event) => event.type === type)
    .map((event) => (event.data as { redemptionId?: unknown }).redemptionId)
    .filter((id): id is string => typeof id === 'string');
}
