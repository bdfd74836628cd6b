import {
  DocumentProjector,
  SubscriptionRunner,
  projectionCheckpointName,
  projectionCollection,
  type DocumentProjection,
  type EventEnvelope,
  type NewEvent,
} from '@c360/kernel';
import { InMemoryEventStore } from '@c360/kernel/testing';
import { randomUUID } from 'node:crypto';
import { connectMongoReadModels, type MongoReadModels } from './connect-mongo-read-models';
import { requireMongoUrl, testDatabaseName } from './testing/mongo-test-env';

/**
 * The kernel's DocumentProjector end to end on the MongoDB adapter (FerretDB in `npm run test:infra`):
 * a tiny projection folds orders into one tally per customer; erasure removes the tally.
 */

interface Tally {
  readonly customerId: string;
  readonly orders: number;
  readonly totalMinor: number;
  readonly currency: string;
  readonly lastOrderAt: string;
}

type OrderPlaced = { customerId: string; amountMinor: number; currency: string };
type CustomerErased = { customerId: string };

const tallies: DocumentProjection<Tally> = {
  name: 'order-tally',
  version: 1,
  handles: ['shop.order-placed', 'shop.customer-erased'],
  documentIds: (event) => [(event.data as { customerId: string }).customerId],
  evolve(doc, event, customerId) {
    if (event.type === 'shop.customer-erased') return null;
    const order = event.data as OrderPlaced;
    return {
      customerId,
      orders: (doc?.orders ?? 0) + 1,
      totalMinor: (doc?.totalMinor ?? 0) + order.amountMinor,
      currency: order.currency,
      lastOrderAt: event.occurredAt,
    };
  },
};

const collection = projectionCollection(tallies);
const checkpointName = projectionCheckpointName('spec', tallies);

function newEvent(type: string, data: OrderPlaced | CustomerErased, day: number): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    data,
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: { id: 'agent-1', role: 'agent' } },
  };
}

let nextPosition = 100;
function envelope(event: NewEvent, streamId: string): EventEnvelope {
  const position = nextPosition++;
  return { ...event, streamId, revision: position, position };
}

const placed = (customerId: string, amountMinor: number, day: number) =>
  newEvent('shop.order-placed', { customerId, amountMinor, currency: 'EUR' }, day);
const erased = (customerId: string, day: number) => newEvent('shop.customer-erased', { customerId }, day);

describe('DocumentProjector on the MongoDB adapter', () => {
  const url = process.env.MONGO_URL;
  const database = testDatabaseName('projector');
  let stores: MongoReadModels;

  beforeAll(async () => {
    stores = await connectMongoReadModels({ url: requireMongoUrl(), database });
  });
  beforeEach(async () => {
    await stores.documents.dropCollection(collection);
    await stores.checkpoints.reset(checkpointName);
  });
  afterAll(async () => {
    if (!url) return;
    await stores.documents.dropCollection(collection);
    await stores.checkpoints.reset(checkpointName);
    await stores.close();
  });

  const snapshot = async () => (await stores.documents.find<Tally>(collection, {}, { limit: 1000 })).items;

  it('folds a batch into documents and stores its checkpoint; the same batch again changes nothing', async () => {
    const projector = new DocumentProjector(tallies, stores.documents, checkpointName);
    const batch = [
      envelope(placed('ada', 1_500, 1), 'shop-order-1'),
      envelope(placed('bo', 700, 1), 'shop-order-2'),
      envelope(placed('ada', 2_500, 2), 'shop-order-3'),
    ];
    const last = batch[batch.length - 1].position;

    await projector.handle(batch, last);
    const first = await snapshot();
    expect(first).toEqual([
      {
        _id: 'ada',
        _position: batch[2].position,
        customerId: 'ada',
        orders: 2,
        totalMinor: 4_000,
        currency: 'EUR',
        lastOrderAt: '2026-03-02T09:00:00.000Z',
      },
      {
        _id: 'bo',
        _position: batch[1].position,
        customerId: 'bo',
        orders: 1,
        totalMinor: 700,
        currency: 'EUR',
        lastOrderAt: '2026-03-01T09:00:00.000Z',
      },
    ]);
    expect(await stores.checkpoints.get(checkpointName)).toBe(last);

    // A crash after the write and before the checkpoint: the runner hands the batch over again.
    await stores.checkpoints.reset(checkpointName);
    await projector.handle(batch, last);
    expect(await snapshot()).toEqual(first);
    expect(await stores.checkpoints.get(checkpointName)).toBe(last);
  });

  it('keeps an erased customer erased when older events are replayed, and lets a later one back in', async () => {
    const projector = new DocumentProjector(tallies, stores.documents, checkpointName);
    const order = envelope(placed('cy', 900, 3), 'shop-order-4');
    const erasure = envelope(erased('cy', 4), 'shop-customer-cy');
    await projector.handle([order, erasure], erasure.position);
    expect(await stores.documents.get(collection, 'cy')).toBeNull();

    await projector.handle([order], order.position);
    expect(await stores.documents.get(collection, 'cy')).toBeNull();
    expect(await stores.documents.count(collection)).toBe(0);

    const later = envelope(placed('cy', 300, 5), 'shop-order-5');
    await projector.handle([later], later.position);
    expect(await stores.documents.get<Tally>(collection, 'cy')).toMatchObject({ orders: 1, totalMinor: 300 });
  });

  it('runs under the subscription runner from an event store, and a rebuild from the start gives the same documents', async () => {
    const events = new InMemoryEventStore();
    await events.appendToStream('shop-order-a', [placed('dee', 1_000, 6), placed('eli', 250, 6)], { expectedRevision: 'no_stream' });
    await events.appendToStream('shop-order-b', [placed('dee', 4_000, 7), placed('fay', 50, 7)], { expectedRevision: 'no_stream' });
    await events.appendToStream('shop-customer-eli', [erased('eli', 8)], { expectedRevision: 'no_stream' });

    const run = async () => {
      const runner = new SubscriptionRunner(new DocumentProjector(tallies, stores.documents, checkpointName), events, stores.checkpoints, {
        batchSize: 2,
        pollIntervalMs: 10,
      });
      runner.start();
      try {
        await runner.waitFor((await events.headPosition()) as number);
      } finally {
        await runner.stop();
      }
    };

    await run();
    const built = await snapshot();
    expect(built.map((doc) => [doc._id, doc.orders, doc.totalMinor])).toEqual([
      ['dee', 2, 5_000],
      ['fay', 1, 50],
    ]);
    const bigSpenders = await stores.documents.find<Tally>(
      collection,
      { totalMinor: { $gte: 1_000 } },
      { sort: { field: 'totalMinor', direction: 'desc' } },
    );
    expect(bigSpenders.items.map((doc) => doc._id)).toEqual(['dee']);

    await stores.checkpoints.reset(checkpointName);
    await run();
    expect(await snapshot()).toEqual(built);
  });
});
