import { deciderSpec } from '@c360/kernel/testing';
import { ANN, BO, T0, T1, T2, T3, granted, registered, revoked } from '../testing/customer-fixtures';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import type { CustomerData, CustomerState } from './customer.state';

const spec = deciderSpec(customerDecider);
const MERGE = '0190a000-0000-7000-8000-0000000000aa';

const annEvents: CustomerEvent[] = [
  registered(ANN, { name: { first: 'Ann', last: 'Lee' }, emails: ['ann@example.com'], tags: ['vip'], attributes: { shoeSize: 38 } }),
  granted(ANN, 'email', T1),
];
const boEvents: CustomerEvent[] = [
  registered(BO, {
    name: { first: 'Annie', last: 'Lee' },
    emails: ['annie@example.com'],
    phones: ['+4791234567'],
    birthday: '1990-05-17',
    company: 'Acme',
    tags: ['club', 'vip'],
    attributes: { shoeSize: 39, pet: 'cat' },
  }),
  granted(BO, 'email', T0),
  revoked(BO, 'email', T2),
  granted(BO, 'sms', T1),
];
const bo = spec.given(boEvents).state() as CustomerData & CustomerState;
const absorbedEvent: CustomerEvent = {
  type: 'contacts.customer-absorbed',
  data: {
    mergeId: MERGE,
    survivorId: ANN,
    absorbedId: BO,
    mergedAt: T3,
    adopted: {
      emails: ['annie@example.com'],
      phones: ['+4791234567'],
      birthday: '1990-05-17',
      company: 'Acme',
      tags: ['club'],
      attributes: { pet: 'cat' },
    },
    consentChanges: [
      { channel: 'email', purpose: 'marketing', granted: false, source: `merge:${MERGE}` },
      { channel: 'sms', purpose: 'marketing', granted: true, source: `merge:${MERGE}` },
    ],
  },
};

describe('merging a duplicate into a survivor', () => {
  it('freezes the absorbed customer, pointing at the survivor', () => {
    spec
      .given(boEvents)
      .when({ type: 'merge-into', customerId: BO, at: T3, mergeId: MERGE, survivorId: ANN })
      .then([{ type: 'contacts.customers-merged', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: T3 } }]);
    const merged = spec.given([
      ...boEvents,
      { type: 'contacts.customers-merged', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: T3 } },
    ]);
    expect(merged.state()).toMatchObject({ status: 'merged', survivorId: ANN });
    merged.when({ type: 'add-email', customerId: BO, at: T3, email: 'x@example.com' }).thenThrows('contacts.customer-merged', 'conflict');
    merged.when({ type: 'merge-into', customerId: BO, at: T3, mergeId: MERGE, survivorId: ANN }).thenNothing();
  });

  it('adopts by the field-conflict policy: survivor wins, gaps are filled, identities and tags united, latest consent wins', () => {
    spec.given(annEvents).when({ type: 'absorb', customerId: ANN, at: T3, mergeId: MERGE, absorbed: bo }).then([absorbedEvent]);
  });

  it('shows the adopted data on the survivor', () => {
    expect(spec.given([...annEvents, absorbedEvent]).state()).toMatchObject({
      emails: ['ann@example.com', 'annie@example.com'],
      phones: ['+4791234567'],
      profile: {
        name: { first: 'Ann', last: 'Lee' },
        birthday: '1990-05-17',
        company: 'Acme',
        tags: ['club', 'vip'],
        attributes: { shoeSize: 38, pet: 'cat' },
      },
      consents: {
        'email:marketing': { granted: false, source: `merge:${MERGE}`, at: T3 },
        'sms:marketing': { granted: true, source: `merge:${MERGE}`, at: T3 },
      },
      activeMerges: [{ mergeId: MERGE, absorbedId: BO }],
    });
  });

  it('refuses to merge a customer into itself', () => {
    spec
      .given(boEvents)
      .when({ type: 'merge-into', customerId: BO, at: T3, mergeId: MERGE, survivorId: BO })
      .thenThrows('contacts.merge-into-self');
  });

  it('undoes a merge: the survivor gives back what is unchanged and reverts the consents it took over', () => {
    const later: CustomerEvent = { type: 'contacts.profile-updated', data: { customerId: ANN, updatedAt: T3, company: 'Globex' } };
    spec
      .given([...annEvents, absorbedEvent, later])
      .when({ type: 'undo-merge', customerId: ANN, at: T3, mergeId: MERGE })
      .then([
        {
          type: 'contacts.merge-undone',
          data: {
            mergeId: MERGE,
            survivorId: ANN,
            absorbedId: BO,
            undoneAt: T3,
            returned: {
              emails: ['annie@example.com'],
              phones: ['+4791234567'],
              birthday: '1990-05-17',
              tags: ['club'],
              attributes: { pet: 'cat' },
            },
            consentChanges: [
              { channel: 'email', purpose: 'marketing', granted: true, source: `merge-undo:${MERGE}` },
              { channel: 'sms', purpose: 'marketing', granted: false, source: `merge-undo:${MERGE}` },
            ],
          },
        },
      ]);
  });

  it('restores the survivor as it was (except its own later changes)', () => {
    const undo = spec.given([...annEvents, absorbedEvent]);
    const [undone] = customerDecider.decide({ type: 'undo-merge', customerId: ANN, at: T3, mergeId: MERGE }, undo.state());
    expect(spec.given([...annEvents, absorbedEvent, undone]).state()).toMatchObject({
      emails: ['ann@example.com'],
      phones: [],
      profile: { tags: ['vip'], attributes: { shoeSize: 38 } },
      consents: { 'email:marketing': { granted: true }, 'sms:marketing': { granted: false } },
      activeMerges: [],
      mergeHistory: [{ mergeId: MERGE, role: 'survivor', otherCustomerId: BO, mergedAt: T3, undoneAt: T3 }],
    });
  });

  it('says 404 for an unknown merge and nothing for one already undone', () => {
    spec
      .given(annEvents)
      .when({ type: 'undo-merge', customerId: ANN, at: T3, mergeId: MERGE })
      .thenThrows('contacts.merge-not-found', 'not-found');
    const undone: CustomerEvent = {
      type: 'contacts.merge-undone',
      data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: T3 },
    };
    spec
      .given([...annEvents, absorbedEvent, undone])
      .when({ type: 'undo-merge', customerId: ANN, at: T3, mergeId: MERGE })
      .thenNothing();
  });

  it('releases the absorbed customer, removing identities the survivor no longer held', () => {
    const merged = [
      ...boEvents,
      { type: 'contacts.customers-merged' as const, data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: T3 } },
    ];
    spec
      .given(merged)
      .when({ type: 'release-from-merge', customerId: BO, at: T3, mergeId: MERGE, returned: { emails: ['annie@example.com'], phones: [] } })
      .then([
        { type: 'contacts.merge-undone', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: T3 } },
        { type: 'contacts.phone-removed', data: { customerId: BO, phone: '+4791234567', removedAt: T3, reason: 'not-returned' } },
      ]);
  });

  it('is active again after release, with its own profile', () => {
    const events: CustomerEvent[] = [
      ...boEvents,
      { type: 'contacts.customers-merged', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: T3 } },
      { type: 'contacts.merge-undone', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: T3 } },
    ];
    expect(spec.given(events).state()).toMatchObject({ status: 'active', emails: ['annie@example.com'], profile: { company: 'Acme' } });
  });

  it('absorbs once per merge id, and only into an active survivor', () => {
    spec
      .given([...annEvents, absorbedEvent])
      .when({ type: 'absorb', customerId: ANN, at: T3, mergeId: MERGE, absorbed: bo })
      .thenNothing();
    spec
      .given([])
      .when({ type: 'absorb', customerId: ANN, at: T3, mergeId: MERGE, absorbed: bo })
      .thenThrows('contacts.customer-not-found', 'not-found');
  });

  it('undoes merges in reverse order: a survivor merged away since cannot undo', () => {
    const later = '0190a000-0000-7000-8000-0000000000bb';
    const mergedAway: CustomerEvent = {
      type: 'contacts.customers-merged',
      data: { mergeId: later, survivorId: BO, absorbedId: ANN, mergedAt: T3 },
    };
    const error = spec
      .given([...annEvents, absorbedEvent, mergedAway])
      .when({ type: 'undo-merge', customerId: ANN, at: T3, mergeId: MERGE })
      .thenThrows('contacts.customer-merged', 'conflict');
    expect(error.details).toEqual({ customerId: ANN, survivorId: BO });
  });
});
