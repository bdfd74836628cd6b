import { deciderSpec } from '@c360/kernel/testing';
import { ANN, BO, CY, T1, registered } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';

const spec = deciderSpec(customerDecider);

describe('referrals', () => {
  it('records who referred the customer', () => {
    spec
      .given([registered(BO)])
      .when({ type: 'set-referrer', customerId: BO, at: T1, referrerId: ANN, referrerChain: [] })
      .then([{ type: 'contacts.customer-referred', data: { customerId: BO, referrerId: ANN, referredAt: T1 } }]);
  });

  it('refuses a self-referral', () => {
    spec
      .given([registered(BO)])
      .when({ type: 'set-referrer', customerId: BO, at: T1, referrerId: BO, referrerChain: [] })
      .thenThrows('contacts.self-referral', 'invalid');
  });

  it('refuses a cycle through the referrer chain', () => {
    // Ann was referred by Cy, who was referred by Bo: Bo cannot now be referred by Ann.
    const error = spec
      .given([registered(BO)])
      .when({ type: 'set-referrer', customerId: BO, at: T1, referrerId: ANN, referrerChain: [CY, BO] })
      .thenThrows('contacts.referral-cycle', 'conflict');
    expect(error.details).toMatchObject({ chain: [ANN, CY, BO] });
  });

  it('is set once: the same referrer again changes nothing, another is refused', () => {
    const given = [
      registered(BO),
      { type: 'contacts.customer-referred' as const, data: { customerId: BO, referrerId: ANN, referredAt: T1 } },
    ];
    spec.given(given).when({ type: 'set-referrer', customerId: BO, at: T1, referrerId: ANN, referrerChain: [] }).thenNothing();
    spec
      .given(given)
      .when({ type: 'set-referrer', customerId: BO, at: T1, referrerId: CY, referrerChain: [] })
      .thenThrows('contacts.referrer-already-set', 'conflict');
  });
});
