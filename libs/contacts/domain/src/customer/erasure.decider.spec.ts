import { ERASED } from '@c360/kernel';
import { deciderSpec } from '@c360/kernel/testing';
import { ANN, BO, T1, T2, registered } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';

const spec = deciderSpec(customerDecider);
const MERGE = '0190a000-0000-7000-8000-0000000000aa';

describe('erasure (right to be forgotten)', () => {
  it('records a tombstone naming the identity claims to release (keyed hashes the application computed)', () => {
    spec
      .given([registered(ANN, { phones: ['+4791234567'] })])
      .when({ type: 'erase', customerId: ANN, at: T1, releasedIdentities: ['k-email', 'k-phone'] })
      .then([
        {
          type: 'contacts.customer-erased',
          data: {
            customerId: ANN,
            erasedAt: T1,
            releasedIdentities: ['k-email', 'k-phone'],
          },
        },
      ]);
  });

  it('keeps no personal data in the state, only ids, dates and business facts', () => {
    const erased: CustomerEvent = { type: 'contacts.customer-erased', data: { customerId: ANN, erasedAt: T1, releasedIdentities: [] } };
    const state = spec.given([registered(ANN, { acquisitionSource: 'web' }), erased]).state();
    expect(state).toEqual({
      status: 'erased',
      customerId: ANN,
      registeredAt: expect.any(String),
      erasedAt: T1,
      acquisitionSource: 'web',
      referralCode: expect.any(String),
      releasedIdentities: [],
      mergeHistory: [],
    });
  });

  it('refuses every later command, and erasing twice records nothing', () => {
    const given = [
      registered(ANN),
      { type: 'contacts.customer-erased' as const, data: { customerId: ANN, erasedAt: T1, releasedIdentities: [] } },
    ];
    spec.given(given).when({ type: 'erase', customerId: ANN, at: T2 }).thenNothing();
    spec
      .given(given)
      .when({ type: 'add-email', customerId: ANN, at: T2, email: 'a@example.com' })
      .thenThrows('contacts.customer-erased', 'conflict');
  });

  it('erases a merged customer only through its survivor', () => {
    const merged = [
      registered(BO),
      { type: 'contacts.customers-merged' as const, data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: T1 } },
    ];
    spec.given(merged).when({ type: 'erase', customerId: BO, at: T2 }).thenThrows('contacts.customer-merged', 'conflict');
    spec
      .given(merged)
      .when({ type: 'erase', customerId: BO, at: T2, viaSurvivorId: ANN })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ customerId: BO, viaSurvivorId: ANN }));
  });

  it('replays a stream whose personal data reads as ERASED without interpreting it', () => {
    const replay: CustomerEvent[] = [
      registered(ANN, { name: ERASED as never, emails: ERASED as never, attributes: ERASED as never }),
      { type: 'contacts.email-added', data: { customerId: ANN, email: ERASED as never, addedAt: T1 } },
      { type: 'contacts.customer-erased', data: { customerId: ANN, erasedAt: T2, releasedIdentities: [] } },
    ];
    expect(spec.given(replay).state()).toMatchObject({ status: 'erased', customerId: ANN });
    expect(spec.given(replay.slice(0, 2)).state()).toMatchObject({ status: 'active', emails: [], profile: { attributes: {} } });
  });

  it('says 404 for an unknown customer', () => {
    spec.given([]).when({ type: 'erase', customerId: ANN, at: T1 }).thenThrows('contacts.customer-not-found', 'not-found');
  });
});
