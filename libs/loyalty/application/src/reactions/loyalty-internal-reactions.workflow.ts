import type { EnvelopeOf, Workflow, WorkflowStep } from '@c360/kernel';
import type { AccountEventOf, FraudReason, IdentityEvent, ReferralEvent } from '@c360/loyalty-domain';
import {
  AwardEngagementBonus,
  RaiseFraudFlag,
  ReceiveMergedLots,
  ReceiveTransfer,
  RestoreMergedLots,
  ReturnUnreceivedTransfer,
  SettleRewardReservation,
} from './reaction.commands';

const ACCOUNT_PREFIX = 'loyalty-account-';

export type InternalInput =
  | AccountEventOf<
      | 'loyalty.points-transferred-out'
      | 'loyalty.lots-moved-out'
      | 'loyalty.merged-lots-returned'
      | 'loyalty.held-redemption-released'
      | 'loyalty.held-redemption-rejected'
      | 'loyalty.redemption-cancelled'
    >
  | ReferralEvent
  | IdentityEvent;

export type InternalReactionCommand =
  | ReceiveTransfer
  | ReturnUnreceivedTransfer
  | ReceiveMergedLots
  | RestoreMergedLots
  | RaiseFraudFlag
  | AwardEngagementBonus
  | SettleRewardReservation;

type Step = WorkflowStep<InternalReactionCommand>;

/**
 * Loyalty's reactions to its own events, where one fact on one aggregate calls for a command on
 * another: a transfer's debit credits the recipient (or goes back to the sender when the recipient
 * can no longer receive); lots moved out of an absorbed account arrive on the survivor (and go back
 * on undo); a qualified referral pays both bonuses; suspicious referrals and shared identities raise
 * fraud flags; a reward redemption's fate on the account settles the reward's reservation. The event
 * carries everything needed, so a crash between the two commands loses nothing.
 */
export const loyaltyInternalReactionsWorkflow: Workflow<InternalInput, InternalReactionCommand> = {
  // The processor's name before workflows: it derives the command ids, so it never changes.
  name: 'loyalty-internal-reactions',
  handles: [
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
  initialState: undefined,
  decide(event): Step[] {
    const customerOfStream = event.streamId.startsWith(ACCOUNT_PREFIX) ? event.streamId.slice(ACCOUNT_PREFIX.length) : '';
    switch (event.type) {
      case 'loyalty.points-transferred-out': {
        const { transferId, toCustomerId } = event.data;
        const portions = event.data.draws.map((draw) => ({ points: draw.points, expiresAt: draw.expiresAt }));
        return [
          { step: 'receive-transfer', command: new ReceiveTransfer(toCustomerId, customerOfStream, transferId, portions) },
          // Only when the recipient did not receive (closed since the transfer was checked): the handler checks.
          { step: 'return-transfer', command: new ReturnUnreceivedTransfer(customerOfStream, toCustomerId, transferId, portions) },
        ];
      }
      case 'loyalty.lots-moved-out': {
        const { lots, purchases, tierEarnings, debt, mergeId, toCustomerId } = event.data;
        return [
          {
            step: 'receive-merged-lots',
            command: new ReceiveMergedLots(toCustomerId, customerOfStream, mergeId, { lots, purchases, tierEarnings, debt }),
          },
        ];
      }
      case 'loyalty.merged-lots-returned': {
        const { lots, purchases, tierEarnings, debt, mergeId, toCustomerId } = event.data;
        return [
          {
            step: 'restore-merged-lots',
            command: new RestoreMergedLots(toCustomerId, customerOfStream, mergeId, { lots, purchases, tierEarnings, debt }),
          },
        ];
      }
      case 'loyalty.referral-recorded':
        return referralFlags(event);
      case 'loyalty.referral-qualified': {
        const { referrerId, refereeId } = event.data;
        return [
          { step: 'referral-referrer', command: new AwardEngagementBonus(referrerId, 'referral-referrer', `referee/${refereeId}`) },
          { step: 'referral-referee', command: new AwardEngagementBonus(refereeId, 'referral-referee', `referrer/${referrerId}`) },
        ];
      }
      case 'loyalty.held-redemption-released':
      case 'loyalty.held-redemption-rejected':
      case 'loyalty.redemption-cancelled': {
        const { purpose, redemptionId } = event.data;
        if (purpose.kind !== 'reward') return [];
        const settlement =
          event.type === 'loyalty.held-redemption-released'
            ? 'confirm'
            : event.type === 'loyalty.held-redemption-rejected'
              ? 'release'
              : 'cancel';
        return [{ step: 'reward', command: new SettleRewardReservation(purpose.rewardId, redemptionId, settlement) }];
      }
      case 'loyalty.identity-observed': {
        const { identityKey, kind, customerId, otherCustomerIds } = event.data;
        if (otherCustomerIds.length === 0) return [];
        const flagId = `shared-identity/${identityKey}`;
        return [
          flag(customerId, flagId, 'shared-identity', { identityKey, kind, otherCustomerId: otherCustomerIds[0] }),
          ...otherCustomerIds.map((other) => flag(other, flagId, 'shared-identity', { identityKey, kind, otherCustomerId: customerId })),
        ];
      }
    }
  },
};

function referralFlags(event: EnvelopeOf<Extract<ReferralEvent, { type: 'loyalty.referral-recorded' }>>): Step[] {
  const { suspicion, refereeId, referrerId, ringMembers } = event.data;
  if (suspicion === null) return [];
  const members = [...new Set([refereeId, referrerId, ...ringMembers])];
  return members.map((member) => flag(member, `${suspicion}/${refereeId}`, suspicion, { refereeId, referrerId, ringSize: members.length }));
}

/** A fraud flag on a member (following a merge to the survivor), one step per member. */
function flag(customerId: string, flagId: string, reason: FraudReason, details: Readonly<Record<string, string | number>>): Step {
  return { step: `flag/${customerId}`, command: new RaiseFraudFlag(customerId, flagId, reason, details, true) };
}
