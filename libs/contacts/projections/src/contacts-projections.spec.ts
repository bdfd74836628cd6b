import { referralCodeFor, type CustomerEvent } from '@c360/contacts-domain';
import { ERASED, type DocumentProjection, type EnvelopeOf, type EventEnvelope } from '@c360/kernel';
import { customerAliasesProjection } from './customer-aliases.projection';
import { customerConsentsProjection } from './customer-consents.projection';
import { customerProfileProjection } from './customer-profile.projection';

const ANN = '0190a000-0000-7000-8000-000000000001';
const BO = '0190a000-0000-7000-8000-000000000002';
const MERGE = '0190a000-0000-7000-8000-0000000000aa';
let position = 0;

function envelope<TEvent extends CustomerEvent>(customerId: string, event: TEvent, revision: number): EnvelopeOf<TEvent> {
  position += 1;
  return {
    id: `e-${position}`,
    type: event.type,
    schemaVersion: 1,
    streamId: `contacts-customer-${customerId}`,
    revision,
    position,
    occurredAt: '2026-03-01T10:00:00.000Z',
    data: event.data,
    metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' } },
  } as EnvelopeOf<TEvent>;
}

function fold<T extends object>(projection: DocumentProjection<T>, events: readonly EventEnvelope[]): Map<string, T | null> {
  const docs = new Map<string, T | null>();
  for (const event of events) {
    for (const id of projection.documentIds(event)) docs.set(id, projection.evolve(docs.get(id) ?? null, event, id));
  }
  return docs;
}

const registered = (customerId: string, name: unknown, emails: unknown): CustomerEvent =>
  ({
    type: 'contacts.customer-registered',
    data: {
      customerId,
      registeredAt: '2026-03-01T10:00:00.000Z',
      referralCode: referralCodeFor(customerId),
      tags: ['vip'],
      name,
      emails,
      phones: [],
      attributes: {},
    },
  }) as CustomerEvent;

describe('contacts projections', () => {
  it('profile: its own document, with flat search fields', () => {
    const docs = fold(customerProfileProjection, [envelope(ANN, registered(ANN, { first: 'Ann', last: 'Lee' }, ['ann@example.com']), 0)]);
    expect(docs.get(ANN)).toMatchObject({
      customerId: ANN,
      status: 'active',
      version: 0,
      sortName: 'ann lee',
      emails: ['ann@example.com'],
      nameKeys: expect.arrayContaining(['ann', 'lee']),
      profile: { name: { first: 'Ann', last: 'Lee' }, tags: ['vip'] },
    });
    expect(docs.get(ANN)).not.toHaveProperty('state');
  });

  it('profile: the tombstone leaves no personal data in the document', () => {
    const docs = fold(customerProfileProjection, [
      envelope(ANN, registered(ANN, { first: 'Ann', last: 'Lee' }, ['ann@example.com']), 0),
      envelope(
        ANN,
        { type: 'contacts.customer-erased', data: { customerId: ANN, erasedAt: '2026-03-02T10:00:00.000Z', releasedIdentities: [] } },
        1,
      ),
    ]);
    const doc = docs.get(ANN);
    expect(doc).toMatchObject({ status: 'erased', emails: [], phones: [], nameKeys: [], sortName: '', version: 1 });
    expect(JSON.stringify(doc)).not.toMatch(/Ann|ann@|vip/);
  });

  it('profile: a rebuild after the key was deleted sees ERASED and ends with the tombstone', () => {
    const docs = fold(customerProfileProjection, [
      envelope(ANN, registered(ANN, ERASED, ERASED), 0),
      envelope(
        ANN,
        { type: 'contacts.customer-erased', data: { customerId: ANN, erasedAt: '2026-03-02T10:00:00.000Z', releasedIdentities: [] } },
        1,
      ),
    ]);
    expect(docs.get(ANN)).toMatchObject({ status: 'erased' });
  });

  it('consents: history in order; merges add and revert decisions; an absorbed customer remembers its merged period', () => {
    const events = [
      envelope(ANN, registered(ANN, { first: 'Ann' }, []), 0),
      envelope(
        ANN,
        {
          type: 'contacts.consent-granted',
          data: { customerId: ANN, channel: 'email', purpose: 'marketing', source: 'web', grantedAt: 'T1' },
        },
        1,
      ),
      envelope(BO, { type: 'contacts.customers-merged', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: 'T2' } }, 1),
      envelope(
        ANN,
        {
          type: 'contacts.customer-absorbed',
          data: {
            mergeId: MERGE,
            survivorId: ANN,
            absorbedId: BO,
            mergedAt: 'T2',
            adopted: { emails: [], phones: [], tags: [], attributes: {} },
            consentChanges: [{ channel: 'sms', purpose: 'service', granted: true, source: `merge:${MERGE}` }],
          },
        },
        2,
      ),
      envelope(BO, { type: 'contacts.merge-undone', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: 'T3' } }, 2),
    ];
    const docs = fold(customerConsentsProjection, events);
    expect(docs.get(ANN)?.history).toEqual([
      { channel: 'email', purpose: 'marketing', granted: true, source: 'web', at: 'T1' },
      { channel: 'sms', purpose: 'service', granted: true, source: `merge:${MERGE}`, at: 'T2' },
    ]);
    expect(docs.get(BO)?.mergedPeriods).toEqual([{ mergeId: MERGE, survivorId: ANN, from: 'T2', to: 'T3' }]);
  });

  it('aliases: an absorbed customer points at its survivor until the merge is undone', () => {
    const merged = envelope(
      BO,
      { type: 'contacts.customers-merged', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, mergedAt: 'T2' } },
      1,
    );
    const onSurvivor = envelope(
      ANN,
      { type: 'contacts.merge-undone', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: 'T3' } },
      3,
    );
    expect(customerAliasesProjection.documentIds(onSurvivor)).toEqual([]);
    expect(fold(customerAliasesProjection, [merged]).get(BO)).toEqual({ customerId: BO, survivorId: ANN, mergeId: MERGE, mergedAt: 'T2' });
    const undone = envelope(
      BO,
      { type: 'contacts.merge-undone', data: { mergeId: MERGE, survivorId: ANN, absorbedId: BO, undoneAt: 'T3' } },
      2,
    );
    expect(fold(customerAliasesProjection, [merged, undone]).get(BO)).toBeNull();
  });
});
