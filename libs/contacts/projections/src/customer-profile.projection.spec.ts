import {
  customerData,
  evolveCustomer,
  initialCustomerState,
  referralCodeFor,
  type CustomerEvent,
  type CustomerState,
} from '@c360/contacts-domain';
import { ERASED, type EnvelopeOf } from '@c360/kernel';
import { foldCustomerProfile, type CustomerProfileDocument } from './customer-profile.projection';

const ANN = '0190a000-0000-7000-8000-000000000001';
const BO = '0190a000-0000-7000-8000-000000000002';
const CY = '0190a000-0000-7000-8000-000000000003';
const MERGE = '0190a000-0000-7000-8000-0000000000aa';
const T = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function envelopes(customerId: string, events: readonly CustomerEvent[]): EnvelopeOf<CustomerEvent>[] {
  return events.map(
    (event, revision) =>
      ({
        id: `${customerId}-${revision}`,
        type: event.type,
        schemaVersion: 1,
        streamId: `contacts-customer-${customerId}`,
        revision,
        position: revision + 1,
        occurredAt: T(1),
        data: event.data,
        metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' } },
      }) as EnvelopeOf<CustomerEvent>,
  );
}

const adopted = { emails: ['bo@example.com'], phones: [], birthday: '1990-01-02', tags: ['from-bo'], attributes: { shoe: 42 } };

/** A survivor's stream touching every event type: profile, identities, consent, referral, duplicates, a merge and its undo. */
const annEvents: CustomerEvent[] = [
  {
    type: 'contacts.customer-registered',
    data: {
      customerId: ANN,
      registeredAt: T(1),
      acquisitionSource: 'web',
      referralCode: referralCodeFor(ANN),
      tags: ['vip'],
      name: { first: 'Ann', last: 'Lee' },
      emails: ['ann@example.com'],
      phones: [],
      attributes: { colour: 'red', size: 'M' },
    },
  },
  { type: 'contacts.profile-updated', data: { customerId: ANN, updatedAt: T(2), company: 'Acme', attributes: { size: null, pet: 'cat' } } },
  { type: 'contacts.email-added', data: { customerId: ANN, addedAt: T(3), email: 'lee@example.com' } },
  { type: 'contacts.phone-added', data: { customerId: ANN, addedAt: T(3), phone: '+4791234567' } },
  { type: 'contacts.consent-granted', data: { customerId: ANN, channel: 'email', purpose: 'marketing', source: 'web', grantedAt: T(4) } },
  { type: 'contacts.customer-referred', data: { customerId: ANN, referrerId: CY, referredAt: T(4) } },
  {
    type: 'contacts.duplicate-suspected',
    data: {
      customerId: ANN,
      otherCustomerId: BO,
      reasons: ['same-phone'],
      suspectedAt: T(4),
      identities: [{ kind: 'phone', value: '+4799999999' }],
    },
  },
  {
    type: 'contacts.customer-absorbed',
    data: {
      mergeId: MERGE,
      survivorId: ANN,
      absorbedId: BO,
      mergedAt: T(5),
      adopted,
      consentChanges: [{ channel: 'sms', purpose: 'service', granted: true, source: `merge:${MERGE}` }],
    },
  },
  {
    type: 'contacts.merge-undone',
    data: {
      mergeId: MERGE,
      survivorId: ANN,
      absorbedId: BO,
      undoneAt: T(6),
      returned: adopted,
      consentChanges: [{ channel: 'sms', purpose: 'service', granted: false, source: `merge-undo:${MERGE}` }],
    },
  },
  { type: 'contacts.email-removed', data: { customerId: ANN, removedAt: T(7), reason: 'requested', email: 'lee@example.com' } },
  { type: 'contacts.consent-revoked', data: { customerId: ANN, channel: 'email', purpose: 'marketing', source: 'web', revokedAt: T(7) } },
  { type: 'contacts.phone-removed', data: { customerId: ANN, removedAt: T(7), reason: 'requested', phone: '+4791234567' } },
  { type: 'contacts.customer-erased', data: { customerId: ANN, erasedAt: T(8), releasedIdentities: ['k1'] } },
];

/** The absorbed side: merged, then split off again. */
const boEvents: CustomerEvent[] = [
  {
    type: 'contacts.customer-registered',
    data: {
      customerId: BO,
      registeredAt: T(1),
      referralCode: referralCodeFor(BO),
      tags: [],
      name: { first: 'Bo' },
      emails: ['bo@example.com'],
      phones: [],
      attributes: {},
    },
  },
  { type: 'contacts.customers-merged', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: T(5) } },
  { type: 'contacts.merge-undone', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: T(6) } },
];

/** What the decider's state says about the fields the document keeps (the parity the read model owes). */
function expectedFrom(state: CustomerState, version: number): Record<string, unknown> {
  if (state.status === 'none') throw new TypeError('no customer');
  const common = {
    customerId: state.customerId,
    status: state.status,
    version,
    registeredAt: state.registeredAt,
    ...(state.acquisitionSource ? { acquisitionSource: state.acquisitionSource } : {}),
    referralCode: state.referralCode,
    ...(state.referrerId ? { referrerId: state.referrerId, referredAt: state.referredAt } : {}),
    mergeHistory: state.mergeHistory,
  };
  if (state.status === 'erased') return { ...common, erasedAt: state.erasedAt };
  const data = customerData(state);
  if (!data) throw new TypeError('a live customer has data');
  return {
    ...common,
    updatedAt: data.updatedAt,
    profile: data.profile,
    emails: data.emails,
    phones: data.phones,
    consents: data.consents,
    suspectedDuplicates: data.suspectedDuplicates,
    absorbed: data.activeMerges.map((merge) => ({ customerId: merge.absorbedId, mergeId: merge.mergeId, mergedAt: merge.mergedAt })),
    ...(state.status === 'merged'
      ? { mergedInto: { survivorId: state.survivorId, mergeId: state.mergeId, mergedAt: state.mergedAt } }
      : {}),
  };
}

describe('customer profile projection: its own document', () => {
  it.each([
    ['a survivor', ANN, annEvents],
    ['an absorbed customer', BO, boEvents],
  ])('agrees with the decider after every event of %s', (_who, customerId, events) => {
    const stream = envelopes(customerId, events);
    let state = initialCustomerState;
    stream.forEach((event, index) => {
      state = evolveCustomer(state, event);
      const doc = foldCustomerProfile(stream.slice(0, index + 1));
      expect({ type: event.type, doc }).toEqual({ type: event.type, doc: expect.objectContaining(expectedFrom(state, index)) });
    });
  });

  it('keeps the search fields in step with the name, identities and flagged duplicates', () => {
    const doc = foldCustomerProfile(envelopes(ANN, annEvents.slice(0, 7))) as CustomerProfileDocument;
    expect(doc).toMatchObject({
      status: 'active',
      sortName: 'ann lee',
      nameKeys: expect.arrayContaining(['ann', 'lee', 'lee ann']),
      emails: ['ann@example.com', 'lee@example.com'],
      phones: ['+4791234567'],
      contested: ['+4799999999'],
    });
  });

  it('a merged customer says where it went, and comes back active on undo', () => {
    const stream = envelopes(BO, boEvents);
    expect(foldCustomerProfile(stream.slice(0, 2))).toMatchObject({
      status: 'merged',
      mergedInto: { survivorId: ANN, mergeId: MERGE, mergedAt: T(5) },
    });
    const undone = foldCustomerProfile(stream);
    expect(undone).toMatchObject({
      status: 'active',
      mergeHistory: [{ mergeId: MERGE, role: 'absorbed', otherCustomerId: ANN, mergedAt: T(5), undoneAt: T(6) }],
    });
    expect(undone).not.toHaveProperty('mergedInto');
  });

  it('the tombstone keeps ids, dates and business facts and no personal field', () => {
    const doc = foldCustomerProfile(envelopes(ANN, annEvents));
    expect(doc).toEqual({
      customerId: ANN,
      status: 'erased',
      version: annEvents.length - 1,
      registeredAt: T(1),
      erasedAt: T(8),
      acquisitionSource: 'web',
      referralCode: referralCodeFor(ANN),
      referrerId: CY,
      referredAt: T(4),
      mergeHistory: [{ mergeId: MERGE, role: 'survivor', otherCustomerId: BO, mergedAt: T(5), undoneAt: T(6) }],
      sortName: '',
      nameKeys: [],
      emails: [],
      phones: [],
      contested: [],
    });
  });

  it('a rebuild after the key was deleted reads ERASED fields as absent', () => {
    const sealed: CustomerEvent[] = [
      {
        type: 'contacts.customer-registered',
        data: {
          customerId: ANN,
          registeredAt: T(1),
          referralCode: referralCodeFor(ANN),
          tags: [],
          name: ERASED,
          emails: ERASED,
          phones: ERASED,
          attributes: ERASED,
        },
      } as unknown as CustomerEvent,
      {
        type: 'contacts.profile-updated',
        data: { customerId: ANN, updatedAt: T(2), company: ERASED, attributes: ERASED },
      } as unknown as CustomerEvent,
      { type: 'contacts.email-added', data: { customerId: ANN, addedAt: T(3), email: ERASED } } as unknown as CustomerEvent,
    ];
    expect(foldCustomerProfile(envelopes(ANN, sealed))).toMatchObject({
      status: 'active',
      profile: { tags: [], attributes: {} },
      emails: [],
      phones: [],
      sortName: '',
      nameKeys: [],
    });
  });

  it('an empty stream has no profile', () => {
    expect(foldCustomerProfile([])).toBeNull();
  });
});
