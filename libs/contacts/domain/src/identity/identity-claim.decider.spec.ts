import { deciderSpec } from '@c360/kernel/testing';
import { ANN, BO, T0, T1 } from '../testing/customer-fixtures';
import { identityClaimDecider, type IdentityClaimEvent } from './identity-claim';

const spec = deciderSpec(identityClaimDecider);
const KEY = 'a'.repeat(64);
const claimedByAnn: IdentityClaimEvent = {
  type: 'contacts.identity-claimed',
  data: { identity: KEY, kind: 'email', customerId: ANN, claimedAt: T0 },
};

describe('identity claims (an e-mail or phone belongs to at most one active customer)', () => {
  it('claims a free identity', () => {
    spec.given([]).when({ type: 'claim', identity: KEY, kind: 'email', customerId: ANN, at: T0 }).then([claimedByAnn]);
  });

  it('refuses an identity held by another customer, naming the holder', () => {
    const error = spec
      .given([claimedByAnn])
      .when({ type: 'claim', identity: KEY, kind: 'email', customerId: BO, at: T1 })
      .thenThrows('contacts.identity-taken', 'conflict');
    expect(error.details).toEqual({ kind: 'email', existingCustomerId: ANN });
  });

  it('claims again for the same customer without a new event', () => {
    spec.given([claimedByAnn]).when({ type: 'claim', identity: KEY, kind: 'email', customerId: ANN, at: T1 }).thenNothing();
  });

  it('takes over a claim the application found stale', () => {
    spec
      .given([claimedByAnn])
      .when({ type: 'claim', identity: KEY, kind: 'email', customerId: BO, at: T1, takeOverFrom: ANN })
      .then([
        { type: 'contacts.identity-released', data: { identity: KEY, kind: 'email', customerId: ANN, reason: 'stale', releasedAt: T1 } },
        { type: 'contacts.identity-claimed', data: { identity: KEY, kind: 'email', customerId: BO, claimedAt: T1 } },
      ]);
  });

  it('releases only for the holder, so the identity can be used again', () => {
    spec.given([claimedByAnn]).when({ type: 'release', identity: KEY, customerId: BO, reason: 'removed', at: T1 }).thenNothing();
    const released: IdentityClaimEvent = {
      type: 'contacts.identity-released',
      data: { identity: KEY, kind: 'email', customerId: ANN, reason: 'erased', releasedAt: T1 },
    };
    spec.given([claimedByAnn]).when({ type: 'release', identity: KEY, customerId: ANN, reason: 'erased', at: T1 }).then([released]);
    spec
      .given([claimedByAnn, released])
      .when({ type: 'claim', identity: KEY, kind: 'email', customerId: BO, at: T1 })
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('transfers to a survivor on merge, once', () => {
    const transferred: IdentityClaimEvent = {
      type: 'contacts.identity-transferred',
      data: { identity: KEY, kind: 'email', fromCustomerId: ANN, toCustomerId: BO, mergeId: 'm1', transferredAt: T1 },
    };
    spec
      .given([claimedByAnn])
      .when({ type: 'transfer', identity: KEY, fromCustomerId: ANN, toCustomerId: BO, mergeId: 'm1', at: T1 })
      .then([transferred]);
    spec
      .given([claimedByAnn, transferred])
      .when({ type: 'transfer', identity: KEY, fromCustomerId: ANN, toCustomerId: BO, mergeId: 'm1', at: T1 })
      .thenNothing();
    spec
      .given([])
      .when({ type: 'transfer', identity: KEY, fromCustomerId: ANN, toCustomerId: BO, mergeId: 'm1', at: T1 })
      .thenThrows('contacts.identity-not-held', 'conflict');
  });
});
