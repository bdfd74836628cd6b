import { randomUUID } from 'node:crypto';
import type { EventEnvelope, NewEvent } from '../envelope/event-envelope';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { InMemoryKeyStore } from './in-memory-key-store';
import { ERASED } from './personal-data-cipher';
import { PersonalDataProtector, type PersonalDataPolicy } from './personal-data-protector';
import { withPersonalDataProtection } from './protected-event-store';
import { revealingProcessor } from './revealing-processor';

const policy: PersonalDataPolicy = {
  'people.registered': { subject: (data) => String(data.personId), fields: ['name', 'email'] },
  'people.introduced': { subject: (data) => String(data.newcomerId), fields: ['note'] },
};

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-03-01T10:00:00.000Z',
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'agent-1', role: 'agent' } },
});

describe('PersonalDataProtector and the protected event store', () => {
  let keys: InMemoryKeyStore;
  let protector: PersonalDataProtector;
  let raw: InMemoryEventStore;

  beforeEach(() => {
    keys = new InMemoryKeyStore();
    protector = new PersonalDataProtector(keys, policy);
    raw = new InMemoryEventStore();
  });

  it('encrypts the personal fields before append and decrypts them on read', async () => {
    const store = withPersonalDataProtection(raw, protector);
    await store.appendToStream(
      'people-1',
      [event('people.registered', { personId: 'p1', name: 'Ann Lee', email: 'ann@example.com', tier: 'gold' })],
      {
        expectedRevision: 'no_stream',
      },
    );
    const [stored] = raw.all();
    expect(stored.data).toMatchObject({ personId: 'p1', tier: 'gold', name: { $pii: 'v1', subject: 'p1' }, email: { $pii: 'v1' } });
    expect(JSON.stringify(stored)).not.toMatch(/Ann|example/);
    const [read] = await store.readStream('people-1');
    expect(read.data).toEqual({ personId: 'p1', name: 'Ann Lee', email: 'ann@example.com', tier: 'gold' });
    const slice = await store.readAll();
    expect(slice.events[0].data).toMatchObject({ name: 'Ann Lee' });
  });

  it('leaves events without a rule and absent fields as they are', async () => {
    const plain = [event('people.moved', { personId: 'p1', city: 'Oslo' }), event('people.registered', { personId: 'p2', name: 'Bo' })];
    const protectedEvents = await protector.protect(plain);
    expect(protectedEvents[0]).toBe(plain[0]);
    expect(protectedEvents[1].data).not.toHaveProperty('email');
  });

  it('seals with the subject the rule names', async () => {
    const [sealed] = await protector.protect([event('people.introduced', { newcomerId: 'p9', note: 'met at the fair' })]);
    expect((sealed.data as { note: { subject: string } }).note.subject).toBe('p9');
    expect(await keys.get('p9')).toBeDefined();
  });

  it('reads ERASED for every field of a subject whose key was deleted, and refuses new data for it', async () => {
    const store = withPersonalDataProtection(raw, protector);
    await store.appendToStream('people-1', [event('people.registered', { personId: 'p1', name: 'Ann', email: 'a@example.com' })], {
      expectedRevision: 'no_stream',
    });
    await store.appendToStream('people-2', [event('people.registered', { personId: 'p2', name: 'Bo' })], { expectedRevision: 'no_stream' });
    await keys.delete('p1');
    const [erased] = await store.readStream('people-1');
    expect(erased.data).toEqual({ personId: 'p1', name: ERASED, email: ERASED });
    const [kept] = await store.readStream('people-2');
    expect(kept.data).toMatchObject({ name: 'Bo' });
    await expect(
      store.appendToStream('people-1', [event('people.registered', { personId: 'p1', name: 'Ann again' })], { expectedRevision: 0 }),
    ).rejects.toThrow(/erased/);
    expect(raw.all()).toHaveLength(2);
  });

  it('decrypts live subscription slices', async () => {
    const store = withPersonalDataProtection(raw, protector);
    const subscription = store.subscribeToAll({ pollIntervalMs: 5 });
    await store.appendToStream('people-1', [event('people.registered', { personId: 'p1', name: 'Ann' })], {
      expectedRevision: 'no_stream',
    });
    for await (const slice of subscription) {
      if (slice.events.length === 0) continue;
      expect(slice.events[0].data).toMatchObject({ name: 'Ann' });
      break;
    }
    await subscription.close();
  });

  it('hands a wrapped processor plaintext, keeping its name, filter and checkpoint mode', async () => {
    const store = withPersonalDataProtection(raw, protector);
    await store.appendToStream('people-1', [event('people.registered', { personId: 'p1', name: 'Ann' })], {
      expectedRevision: 'no_stream',
    });
    const seen: EventEnvelope[] = [];
    const inner = {
      name: 'projection:people_v1',
      filter: { eventTypes: ['people.registered'] },
      storesOwnCheckpoint: true,
      handle: async (events: readonly EventEnvelope[]) => void seen.push(...events),
    };
    const wrapped = revealingProcessor(inner, protector);
    expect(wrapped).toMatchObject({ name: inner.name, filter: inner.filter, storesOwnCheckpoint: true });
    await wrapped.handle(raw.all(), 1);
    expect(seen[0].data).toMatchObject({ name: 'Ann' });
  });
});
