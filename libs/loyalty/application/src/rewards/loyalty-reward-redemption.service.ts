import { CommandHandler, DomainError, deriveId, stepContext, type Clock, type CommandContext } from '@c360/kernel';
import { loyaltyReward, type ReleaseReason, type RewardState } from '@c360/loyalty-domain';
import { CLOCK } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { rewardStream } from './reward-streams';

export interface RewardRedemptionOutcome {
  readonly redemptionId: string;
  readonly rewardId: string;
  readonly customerId: string;
  readonly pointsCost: number;
  /** completed: points debited and the reward given; held: waiting for a fraud review. */
  readonly status: 'completed' | 'held';
  /** The coupon's code, shown only once the redemption is completed. */
  readonly couponCode: string | null;
  readonly version: number;
}

/**
 * Redeeming a reward across two aggregates without a distributed transaction (ADR 0007):
 * 1. the reward reserves a unit of stock and a unique coupon code (or refuses: out of stock, tier);
 * 2. the account debits the points (or refuses: not enough spendable points) — or holds them when
 *    the account is under fraud review;
 * 3. the reservation is confirmed; a refused debit releases it (compensation).
 * Every step's command id derives from the request's, so a retried request resumes where it stopped;
 * a request that died between steps is finished by the scheduler's sweep (`resolveAbandoned`).
 */
@Injectable()
export class LoyaltyRewardRedemptions {
  constructor(
    private readonly commands: CommandHandler,
    private readonly accounts: LoyaltyAccountService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async redeem(customerId: string, rewardId: string, context: CommandContext): Promise<RewardRedemptionOutcome> {
    const redemptionId = deriveId(`reward-redemption/${context.commandId}`);
    const step = (name: string): CommandContext => stepContext(context, name);
    await this.accounts.requireCustomer(customerId);
    const account = await this.accounts.load(customerId);
    if (account.state.status === 'none')
      throw new DomainError('loyalty.account-not-found', 'The customer is not enrolled in the club', 'not-found');
    if (account.state.status !== 'active')
      throw new DomainError('loyalty.account-not-active', `The account is ${account.state.status}`, 'conflict');

    const reserved = await this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'reserve-reward', redemptionId, customerId, customerTier: account.state.tier, now: this.now() },
      step('reserve'),
    );
    const reservation = reservationOf(reserved.state, redemptionId);
    if (reservation.status === 'released' || reservation.status === 'cancelled') {
      throw new DomainError('loyalty.redemption-abandoned', 'This request was refused before; send a new one', 'conflict', {
        redemptionId,
      });
    }
    const pointsCost = (
      reserved.events.find((event) => event.type === 'loyalty.reward-reserved')?.data as { pointsCost?: number } | undefined
    )?.pointsCost;
    const cost = pointsCost ?? termsCost(reserved.state);

    let debit;
    try {
      debit = await this.accounts.execute(
        customerId,
        ({ now, program }) => ({ type: 'redeem-points', redemptionId, points: cost, purpose: { kind: 'reward', rewardId }, now, program }),
        step('debit'),
      );
    } catch (error) {
      // A refused debit gives the unit and the code back; any other failure leaves the outcome
      // unknown (the debit may have been written): the sweep or a retried request settles it.
      if (error instanceof DomainError) await this.release(rewardId, redemptionId, 'points-refused', step('release'));
      throw error;
    }
    const record =
      debit.state.status === 'none' ? undefined : debit.state.redemptions.find((candidate) => candidate.redemptionId === redemptionId);
    const held = record?.status === 'held';
    if (!held) await this.confirm(rewardId, redemptionId, step('confirm'));
    return {
      redemptionId,
      rewardId,
      customerId,
      pointsCost: cost,
      status: held ? 'held' : 'completed',
      couponCode: held ? null : reservation.couponCode,
      version: debit.revision,
    };
  }

  confirm(rewardId: string, redemptionId: string, context: CommandContext) {
    return this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'confirm-reservation', redemptionId, now: this.now() },
      context,
    );
  }

  release(rewardId: string, redemptionId: string, reason: ReleaseReason, context: CommandContext) {
    return this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'release-reservation', redemptionId, reason, now: this.now() },
      context,
    );
  }

  cancel(rewardId: string, redemptionId: string, context: CommandContext) {
    return this.commands.handle(
      loyaltyReward,
      rewardStream(rewardId),
      { type: 'cancel-reward-redemption', redemptionId, now: this.now() },
      context,
    );
  }

  /**
   * Finishes a reservation whose request died between steps: the account decides. A debit that
   * happened is confirmed (or cancelled / released to match the account); no debit voids the
   * redemption id on the account first — so a late debit can no longer land — then releases.
   */
  async resolveAbandoned(
    reservation: { rewardId: string; redemptionId: string; customerId: string },
    context: CommandContext,
  ): Promise<string> {
    const { rewardId, redemptionId, customerId } = reservation;
    const sub = (name: string): CommandContext => ({ ...context, commandId: stepContext(context, name).commandId });
    const voided = await this.accounts.execute(
      customerId,
      ({ now }) => ({ type: 'void-redemption', redemptionId, purpose: { kind: 'reward', rewardId }, now }),
      sub('void'),
    );
    const record =
      voided.state.status === 'none' ? undefined : voided.state.redemptions.find((candidate) => candidate.redemptionId === redemptionId);
    switch (record?.status) {
      case 'completed':
        await this.confirm(rewardId, redemptionId, sub('confirm'));
        return 'confirmed';
      case 'held':
        return 'held';
      case 'cancelled':
        await this.confirm(rewardId, redemptionId, sub('confirm'));
        await this.cancel(rewardId, redemptionId, sub('cancel'));
        return 'cancelled';
      default:
        await this.release(rewardId, redemptionId, 'abandoned', sub('release'));
        return 'released';
    }
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function reservationOf(state: RewardState, redemptionId: string) {
  const reservation = state.status === 'none' ? undefined : state.reservations.find((candidate) => candidate.redemptionId === redemptionId);
  if (!reservation) throw new Error(`Reservation ${redemptionId} is missing after reserving`);
  return reservation;
}

function termsCost(state: RewardState): number {
  if (state.status === 'none') throw new Error('Reward missing after reserving');
  return state.terms.pointsCost;
}
