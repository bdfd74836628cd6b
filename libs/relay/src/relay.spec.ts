import type { IntegrationEvent } from '@c360/integration-events';
import { SubscriptionRunner, type NewEvent } from '@c360/kernel';
import { InMemoryCheckpointStore, InMemoryEventStore } from '@c360/kernel/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DedupeWindow } from './dedupe-window';
import { FileTopicPublisher } from './file-topic-publisher';
import { RelayProcessor } from './relay.processor';
import { purchaseContracts } from './testing/purchase-contract';
import type { TopicPublisher } from './topic-publisher.port';

const purchase = (customerId: string, orderId: string): NewEvent => ({
  id: randomUUID(),
  type: 'sales.purchase-recorded',
  schemaVersion: 1,
  occurredAt: '2026-04-01T09:00:00.000Z',
  data: {
    purchaseId: randomUUID(),
    orderId,
    customerId,
    channel: 'web',
    total: 1000,
    currency: 'NOK',
    purchasedAt: '2026-04-01T09:00:00.000Z',
    lines: [{ sku: 'a-1', category: 'shoes', quantity: 1, unitPrice: 1000 }],
  },
  metadata: { correlationId: 'corr', causationId: 'cause', actor: { id: 'agent', role: 'agent' } },
});

/** Records what it is given; can be told to fail (a broker that is down). */
class RecordingPublisher implements TopicPublisher {
  readonly published: IntegrationEvent[] = [];
  failures = 0;
  async ensureTopics() {
    return;
  }
  async publish(events: readonly IntegrationEvent[]) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('broker not available');
    }
    this.published.push(...events);
  }
  async close() {
    return;
  }
}

describe('relay', () => {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpointStore;
  let dir: string;
  const runners: SubscriptionRunner[] = [];
  const start = (publisher: TopicPublisher) => {
    const runner = new SubscriptionRunner(new RelayProcessor(publisher, purchaseContracts), store, checkpoints, { batchSize: 3 });
    runners.push(runner);
    runner.start();
    return runner;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpointStore();
    dir = mkdtempSync(join(tmpdir(), 'c360-relay-'));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes integration events to per-topic files, keyed by customer, with the headers', async () => {
    const customer = randomUUID();
    await store.appendToStream('sales-purchase-1', [purchase(customer, 'o-1')], { expectedRevision: 'no_stream' });
    await store.appendToStream('contacts-customer-x', [{ ...purchase(customer, 'ignored'), type: 'contacts.profile-updated' }], {
      expectedRevision: 'no_stream',
    });
    const publisher = new FileTopicPublisher(dir);
    await start(publisher).waitFor(2);
    const lines = readFileSync(publisher.pathOf('c360.sales.v1'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      key: customer,
      headers: {
        'event-type': 'sales.purchase-recorded',
        'schema-version': '1',
        'correlation-id': 'corr',
        'occurred-at': '2026-04-01T09:00:00.000Z',
      },
      value: { type: 'sales.purchase-recorded', data: { orderId: 'o-1', total: 1000 } },
    });
    await publisher.close();
  });

  it('keeps each customer in order and retries while the broker is down, losing nothing', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    for (let i = 0; i < 5; i++) {
      await store.appendToStream(`sales-purchase-a${i}`, [purchase(a, `a-${i}`)], { expectedRevision: 'no_stream' });
      await store.appendToStream(`sales-purchase-b${i}`, [purchase(b, `b-${i}`)], { expectedRevision: 'no_stream' });
    }
    const publisher = new RecordingPublisher();
    publisher.failures = 2;
    const runner = start(publisher);
    await runner.waitFor(10);
    expect((await runner.status()).retries).toBe(2);
    const orders = (customer: string) => publisher.published.filter((e) => e.key === customer).map((e) => e.data.orderId);
    expect(orders(a)).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    expect(orders(b)).toEqual(['b-0', 'b-1', 'b-2', 'b-3', 'b-4']);
  });

  it('publishes again after a restart before the checkpoint, and a consumer dedupes to exactly once', async () => {
    const customer = randomUUID();
    for (let i = 0; i < 4; i++)
      await store.appendToStream(`sales-purchase-${i}`, [purchase(customer, `o-${i}`)], { expectedRevision: 'no_stream' });
    const publisher = new RecordingPublisher();
    const first = start(publisher);
    await first.waitFor(4);
    await first.stop();
    await checkpoints.set('relay:processor:integration-events', 1); // as if the process died before storing the last checkpoints
    await start(publisher).waitFor(4);

    expect(publisher.published.length).toBeGreaterThan(4); // at least once
    const window = new DedupeWindow(100);
    const consumed = publisher.published.filter((event) => window.firstTime(event.eventId));
    expect(consumed.map((event) => event.data.orderId)).toEqual(['o-0', 'o-1', 'o-2', 'o-3']); // exactly once, in order
  });

  it('stops on a domain event that breaks its contract, naming it', async () => {
    const broken = purchase(randomUUID(), 'o-1');
    await store.appendToStream('sales-purchase-1', [{ ...broken, data: { ...(broken.data as object), total: 'lots' } }], {
      expectedRevision: 'no_stream',
    });
    const runner = start(new RecordingPublisher());
    await expect(runner.waitFor(1, 2_000)).rejects.toThrow(/sales.purchase-recorded .*field "total"/);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const window = new DedupeWindow(2);
    expect([window.firstTime('a'), window.firstTime('b'), window.firstTime('a'), window.firstTime('c'), window.firstTime('a')]).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
  });
});
