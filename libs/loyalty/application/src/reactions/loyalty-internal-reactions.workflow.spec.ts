import { workflowSpec } from '@c360/kernel/testing';
import { loyaltyInternalReactionsWorkflow } from './loyalty-internal-reactions.workflow';
import {
  AwardEngagementBonus,
  RaiseFraudFlag,
  ReceiveMergedLots,
  ReceiveTransfer,
  RestoreMergedLots,
  ReturnUnreceivedTransfer,
  SettleRewardReservation,
} from './reaction.commands';

const AT = '2026-03-10T09:00:00.000Z';
const snapshot = { lots: [], purchases: [], tierEarnings: [], debt: 5 };

describe('loyalty internal reactions workflow', () => {
  const spec = workflowSpec(loyaltyInternalReactionsWorkflow);

  it('keeps the old processor name, which derives the command ids', () => {
    expect(loyaltyInternalReactionsWorkflow.name).toBe('loyalty-internal-reactions');
  });

  it('credits a transfer to the recipient, and gives it back to the sender if the recipient could not receive', () => {
    const portions = [{ points: 100, expiresAt: '2027-03-10T09:00:00.000Z' }];
    spec
      .given([])
      .when({
        type: 'loyalty.points-transferred-out',
        streamId: 'loyalty-account-sender',
        data: { transferId: 't-1', toCustomerId: 'recipient', points: 100, draws: [{ lotId: 'l-1', ...portions[0] }], transferredAt: AT },
      })
      .then([
        { step: 'receive-transfer', command: new ReceiveTransfer('recipient', 'sender', 't-1', portions) },
        { step: 'return-transfer', command: new ReturnUnreceivedTransfer('sender', 'recipient', 't-1', portions) },
      ]);
  });

  it('moves merged lots to the survivor, and restores them to the absorbed account on undo', () => {
    spec
      .given([])
      .when({
        type: 'loyalty.lots-moved-out',
        streamId: 'loyalty-account-absorbed',
        data: { ...snapshot, mergeId: 'm-1', toCustomerId: 'survivor', movedAt: AT },
      })
      .then([{ step: 'receive-merged-lots', command: new ReceiveMergedLots('survivor', 'absorbed', 'm-1', snapshot) }]);
    spec
      .given([])
      .when({
        type: 'loyalty.merged-lots-returned',
        streamId: 'loyalty-account-survivor',
        data: { ...snapshot, mergeId: 'm-1', toCustomerId: 'absorbed', returnedAt: AT },
      })
      .then([{ step: 'restore-merged-lots', command: new RestoreMergedLots('absorbed', 'survivor', 'm-1', snapshot) }]);
  });

  it('pays both referral bonuses when a referral qualifies', () => {
    spec
      .given([])
      .when({ type: 'loyalty.referral-qualified', data: { refereeId: 'ee', referrerId: 'er', purchaseId: 'p-1', qualifiedAt: AT } })
      .then([
        { step: 'referral-referrer', command: new AwardEngagementBonus('er', 'referral-referrer', 'referee/ee') },
        { step: 'referral-referee', command: new AwardEngagementBonus('ee', 'referral-referee', 'referrer/er') },
      ]);
  });

  it('flags every member of a referral ring, and nothing for an ordinary referral', () => {
    spec
      .given([])
      .when({
        type: 'loyalty.referral-recorded',
        data: { refereeId: 'a', referrerId: 'b', referredAt: AT, suspicion: 'referral-ring', ringMembers: ['a', 'b', 'c'] },
      })
      .then(
        ['a', 'b', 'c'].map((member) => ({
          step: `flag/${member}`,
          command: new RaiseFraudFlag(member, 'referral-ring/a', 'referral-ring', { refereeId: 'a', referrerId: 'b', ringSize: 3 }, true),
        })),
      );
    spec
      .given([])
      .when({
        type: 'loyalty.referral-recorded',
        data: { refereeId: 'a', referrerId: 'b', referredAt: AT, suspicion: null, ringMembers: [] },
      })
      .thenNothing();
  });

  it('flags every customer sharing an identity', () => {
    spec
      .given([])
      .when({
        type: 'loyalty.identity-observed',
        data: { identityKey: 'k', kind: 'device-id', customerId: 'new', otherCustomerIds: ['old'], observedAt: AT },
      })
      .then([
        {
          step: 'flag/new',
          command: new RaiseFraudFlag(
            'new',
            'shared-identity/k',
            'shared-identity',
            { identityKey: 'k', kind: 'device-id', otherCustomerId: 'old' },
            true,
          ),
        },
        {
          step: 'flag/old',
          command: new RaiseFraudFlag(
            'old',
            'shared-identity/k',
            'shared-identity',
            { identityKey: 'k', kind: 'device-id', otherCustomerId: 'new' },
            true,
          ),
        },
      ]);
  });

  it('settles a reward reservation by the redemption’s fate, and ignores other redemptions', () => {
    const purpose = { kind: 'reward' as const, rewardId: 'rw-1' };
    spec
      .given([])
      .when({ type: 'loyalty.held-redemption-released', data: { redemptionId: 'r-1', points: 10, purpose, releasedAt: AT } })
      .then([{ step: 'reward', command: new SettleRewardReservation('rw-1', 'r-1', 'confirm') }]);
    spec
      .given([])
      .when({ type: 'loyalty.held-redemption-rejected', data: { redemptionId: 'r-1', points: 10, purpose, restored: [], rejectedAt: AT } })
      .then([{ step: 'reward', command: new SettleRewardReservation('rw-1', 'r-1', 'release') }]);
    spec
      .given([])
      .when({ type: 'loyalty.redemption-cancelled', data: { redemptionId: 'r-1', points: 10, purpose, restored: [], cancelledAt: AT } })
      .then([{ step: 'reward', command: new SettleRewardReservation('rw-1', 'r-1', 'cancel') }]);
    spec
      .given([])
      .when({
        type: 'loyalty.redemption-cancelled',
        data: { redemptionId: 'r-2', points: 10, purpose: { kind: 'points', reference: null }, restored: [], cancelledAt: AT },
      })
      .thenNothing();
  });
});
