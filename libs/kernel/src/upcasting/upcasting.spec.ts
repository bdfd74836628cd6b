import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { UpcasterRegistry } from './upcaster-registry';
import { withUpcasting } from './upcasting-event-store';

describe('upcasting on read', () => {
  const registry = new UpcasterRegistry([
    // v1 had one "name"; v2 splits it; v3 adds a default language.
    {
      type: 'contacts.renamed',
      fromVersion: 1,
      upcast: (data) => {
        const [first, ...rest] = String((data as { name: string }).name).split(' ');
        return { firstName: first, lastName: rest.join(' ') };
      },
    },
    { type: 'contacts.renamed', fromVersion: 2, upcast: (data) => ({ ...(data as object), language: 'en' }) },
  ]);

  it('shows every reader the newest shape, while the stored event stays as written', async () => {
    const raw = new InMemoryEventStore();
    const store = withUpcasting(raw, registry);
    await store.appendToStream(
      'contacts-customer-1',
      [
        {
          id: randomUUID(),
          type: 'contacts.renamed',
          schemaVersion: 1,
          occurredAt: '2026-01-01T00:00:00Z',
          data: { name: 'Ada King Lovelace' },
          metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' } },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const [fromStream] = await store.readStream('contacts-customer-1');
    expect(fromStream).toMatchObject({ schemaVersion: 3, data: { firstName: 'Ada', lastName: 'King Lovelace', language: 'en' } });
    const [fromAll] = (await store.readAll()).events;
    expect(fromAll.schemaVersion).toBe(3);
    expect((await raw.readStream('contacts-customer-1'))[0]).toMatchObject({ schemaVersion: 1, data: { name: 'Ada King Lovelace' } });
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => registry.register({ type: 'contacts.renamed', fromVersion: 1, upcast: (d) => d })).toThrow(/Two upcasters/);
  });
});
