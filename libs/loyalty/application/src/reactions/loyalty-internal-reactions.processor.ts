import { DomainError, type EventEnvelope } from '@c360/kernel';
import type { AccountEventOf, IdentityEvent, ReferralEvent } from '@c360/loyalty-domain';
import { Injectable } from '@nestjs/common';
import { LoyaltyAccountService } from '../accounts/loyalty-account.service';
import { LoyaltyRewardRedemptions } from '../rewards/loyalty-reward-redemption.service';
import { LoyaltyReaction } from './loyalty-reaction';

const ACCOUNT_PREFIX = 'loyalty-account-';

/**
 * Loyalty's reactions to its own events, where one fact on one aggregate calls for a command on
 * another: a transfer's debit credits the recipient; lots moved out of an absorbed account arrive on
 * the survivor (and go back on undo); a qualified referral pays both bonuses; suspicious referrals
 * and shared identities raise fraud flags. The event carries everything needed, so a crash between
 * the two commands loses nothing: the reaction resumes from its checkpoint.
 */
@Injectable()
export class LoyaltyInternalReactions extends LoyaltyReaction {
  readonly name = 'loyalty-internal-reactions';
  readonly filter = {
    eventTypes: [
      'loyalty.points-transferred-out',
      'loyalty.lots-moved-out',
      'loyalty.merged-lots-returned',
      'loyalty.referral-recorded',
      'loyalty.referral-qualified',
      'loyalty.identity-observed',
      'loyalty.held-redemption-released',
      'loyalty.held-redemption-rejected',
      'loyalty.redemption-cancelled',
    ],
  };

  constructor(
    private readonly accounts: LoyaltyAccountService,
    private readonly rewards: LoyaltyRewardRedemptions,
  ) {
    super();
  }

  protected async react(event: EventEnvelope): Promise<void> {
    const customerOfStream = event.streamId.startsWith(ACCOUNT_PREFIX) ? event.streamId.slice(ACCOUNT_PREFIX.length) : '';
    switch (event.type) {
      case 'loyalty.points-transferred-out': {
        const data = event.data as AccountEventOf<'loyalty.points-transferred-out'>['data'];
        const portions = data.draws.map((draw) => ({ points: draw.points, expiresAt: draw.expiresAt }));
        try {
          await this.accounts.execute(
            data.toCustomerId,
            ({ now, program }) => ({
              type: 'receive-transfer',
              transferId: data.transferId,
              fromCustomerId: customerOfStream,
              portions,
              now,
              program,
            }),
            this.context(event, 'receive-transfer'),
            { followMerges: true },
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error.kind === 'invalid' || error.kind === 'forbidden') throw error;
          // The recipient can no longer receive (closed since the transfer was checked): the points go back to the sender.
          await this.accounts.execute(
            customerOfStream,
            ({ now, program }) => ({
              type: 'receive-transfer',
              transferId: `returned/${data.transferId}`,
              fromCustomerId: data.toCustomerId,
              portions,
              now,
              program,
            }),
            this.context(event, 'return-transfer'),
            { followMerges: true },
          );
        }
        return;
      }
      case 'loyalty.lots-moved-out': {
        const data = event.data as AccountEventOf<'loyalty.lots-moved-out'>['data'];
        const { lots, purchases, tierEarnings, debt } = data;
        await this.accounts.execute(
          data.toCustomerId,
          ({ now, program, customerId }) => ({
            type: 'receive-merged-lots',
            customerId,
            mergeId: data.mergeId,
            fromCustomerId: customerOfStream,
            snapshot: { lots, purchases, tierEarnings, debt },
            now,
            program,
          }),
          this.context(event, 'receive-merged-lots'),
          { followMerges: true },
        );
        return;
      }
      case 'loyalty.merged-lots-returned': {
        const data = event.data as AccountEventOf<'loyalty.merged-lots-returned'>['data'];
        const { lots, purchases, tierEarnings, debt } = data;
        await this.accounts.execute(
          data.toCustomerId,
          ({ now, program }) => ({
            type: 'restore-merged-lots',
            mergeId: data.mergeId,
            fromCustomerId: customerOfStream,
            snapshot: { lots, purchases, tierEarnings, debt },
            now,
            program,
          }),
          this.context(event, 'restore-merged-lots'),
        );
        return;
      }
      case 'loyalty.referral-recorded': {
        const data = event.data as Extract<ReferralEvent, { type: 'loyalty.referral-recorded' }>['data'];
        if (data.suspicion === null) return;
        const members = [...new Set([data.refereeId, data.referrerId, ...data.ringMembers])];
        for (const member of members) {
          await this.raiseFlag(event, member, `${data.suspicion}/${data.refereeId}`, data.suspicion, {
            refereeId: data.refereeId,
            referrerId: data.referrerId,
            ringSize: members.length,
          });
        }
        return;
      }
      case 'loyalty.referral-qualified': {
        const data = event.data as Extract<ReferralEvent, { type: 'loyalty.referral-qualified' }>['data'];
        const bonuses = [
          { customerId: data.referrerId, rule: 'referral-referrer' as const, reference: `referee/${data.refereeId}` },
          { customerId: data.refereeId, rule: 'referral-referee' as const, reference: `referrer/${data.referrerId}` },
        ];
        for (const bonus of bonuses) {
          await this.step(event, bonus.rule, () =>
            this.accounts.execute(
              bonus.customerId,
              ({ now, program, customerId }) => ({
                type: 'earn-for-engagement',
                customerId,
                rule: bonus.rule,
                reference: bonus.reference,
                autoEnrol: true,
                now,
                program,
              }),
              this.context(event, bonus.rule),
              { followMerges: true },
            ),
          );
        }
        return;
      }
      // A reward redemption's fate on the account settles its reservation on the reward.
      case 'loyalty.held-redemption-released':
      case 'loyalty.held-redemption-rejected':
      case 'loyalty.redemption-cancelled': {
        const data = event.data as AccountEventOf<'loyalty.redemption-cancelled'>['data'];
        if (data.purpose.kind !== 'reward') return;
        const { rewardId } = data.purpose;
        const context = this.context(event, 'reward');
        if (event.type === 'loyalty.held-redemption-released') await this.rewards.confirm(rewardId, data.redemptionId, context);
        else if (event.type === 'loyalty.held-redemption-rejected')
          await this.rewards.release(rewardId, data.redemptionId, 'redemption-rejected', context);
        else await this.rewards.cancel(rewardId, data.redemptionId, context);
        return;
      }
      case 'loyalty.identity-observed': {
        const data = event.data as IdentityEvent['data'];
        if (data.otherCustomerIds.length === 0) return;
        const flagId = `shared-identity/${data.identityKey}`;
        await this.raiseFlag(event, data.customerId, flagId, 'shared-identity', {
          identityKey: data.identityKey,
          kind: data.kind,
          otherCustomerId: data.otherCustomerIds[0],
        });
        for (const other of data.otherCustomerIds) {
          await this.raiseFlag(event, other, flagId, 'shared-identity', {
            identityKey: data.identityKey,
            kind: data.kind,
            otherCustomerId: data.customerId,
          });
        }
        return;
      }
    }
  }

  private raiseFlag(
    event: EventEnvelope,
    customerId: string,
    flagId: string,
    reason: 'self-referral' | 'referral-ring' | 'shared-identity',
    details: Record<string, string | number>,
  ): Promise<void> {
    return this.step(event, `flag/${customerId}`, () =>
      this.accounts.execute(
        customerId,
        ({ now }) => ({ type: 'raise-fraud-flag', flagId, reason, details, now }),
        this.context(event, `flag/${customerId}`),
        {
          followMerges: true,
        },
      ),
    );
  }
}
