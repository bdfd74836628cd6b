import { deciderSpec } from '@c360/kernel/testing';
import { loyaltyReferralDecider, type ReferralCommand } from './loyalty-referral.decider';

const spec = deciderSpec(loyaltyReferralDecider);
const at = '2026-03-01T00:00:00.000Z';
const record = (refereeId: string, referrerId: string, ring: string[] = []): ReferralCommand => ({
  type: 'record-referral',
  refereeId,
  referrerId,
  referredAt: at,
  ring,
});
const qualify: ReferralCommand = { type: 'qualify-referral', purchaseId: 'p-1', now: '2026-03-05T00:00:00.000Z' };
const recorded = (
  refereeId: string,
  referrerId: string,
  suspicion: 'self-referral' | 'referral-ring' | null = null,
  ringMembers: string[] = [],
) => ({
  type: 'loyalty.referral-recorded' as const,
  data: { refereeId, referrerId, referredAt: at, suspicion, ringMembers },
});

describe('referrals', () => {
  it('records who referred a customer, once', () => {
    spec
      .given([])
      .when(record('bob', 'ann'))
      .then([recorded('bob', 'ann')]);
    spec
      .given([recorded('bob', 'ann')])
      .when(record('bob', 'cy'))
      .thenNothing();
  });

  it('qualifies on the referee’s first purchase after the referral, once', () => {
    spec
      .given([recorded('bob', 'ann')])
      .when(qualify)
      .then([
        {
          type: 'loyalty.referral-qualified',
          data: { refereeId: 'bob', referrerId: 'ann', purchaseId: 'p-1', qualifiedAt: '2026-03-05T00:00:00.000Z' },
        },
      ]);
    const qualified = {
      type: 'loyalty.referral-qualified' as const,
      data: { refereeId: 'bob', referrerId: 'ann', purchaseId: 'p-1', qualifiedAt: at },
    };
    spec
      .given([recorded('bob', 'ann'), qualified])
      .when({ ...qualify, purchaseId: 'p-2' })
      .thenNothing();
    spec.given([]).when(qualify).thenNothing();
  });

  it('marks self-referrals and rings as suspicious, and never qualifies them', () => {
    spec
      .given([])
      .when(record('bob', 'bob'))
      .then([recorded('bob', 'bob', 'self-referral', ['bob'])]);
    spec
      .given([])
      .when(record('ann', 'cy', ['ann', 'cy', 'bob']))
      .then([recorded('ann', 'cy', 'referral-ring', ['ann', 'cy', 'bob'])]);
    spec
      .given([recorded('bob', 'bob', 'self-referral', ['bob'])])
      .when(qualify)
      .thenNothing();
  });
});
