import { TOPICS, type IntegrationEvent } from '@c360/integration-events';
import { SubscriptionRunner, type NewEvent } from '@c360/kernel';
import { InMemoryCheckpointStore, InMemoryEventStore } from '@c360/kernel/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { DedupeWindow } from './dedupe-window';
import { KafkaTopicPublisher } from './kafka-topic-publisher';
import { RelayProcessor } from './relay.processor';
import { purchaseContracts } from './testing/purchase-contract';

/**
 * The relay against a real Apache Kafka started by infra/test-infra.sh (KAFKA_BROKERS). Every test
 * uses customers of its own and reads the shared topics from the beginning, keeping only its keys.
 */
const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
const kafkaScripts = join(__dirname, '../../../infra/kafka');

const purchase = (customerId: string, orderId: string): NewEvent => ({
  id: randomUUID(),
  type: 'sales.purchase-recorded',
  schemaVersion: 1,
  occurredAt: new Date().toISOString(),
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

/** Collects the records of the given customers from the sales topic until `count` arrived (bounded). */
/** Reads the sales topic until `count` distinct events of the customers arrived (redeliveries come on top). */
async function consume(customers: ReadonlySet<string>, count: number, timeoutMs = 30_000): Promise<IntegrationEvent[]> {
  const kafka = new Kafka({ clientId: 'c360-int-spec', brokers, logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: `int-spec-${randomUUID()}` });
  const received: IntegrationEvent[] = [];
  const distinct = new Set<string>();
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.sales, fromBeginning: true });
  let done: () => void = () => undefined;
  const enough = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key?.toString() ?? '';
      if (!customers.has(key)) return;
      const event = JSON.parse(message.value?.toString() ?? '{}') as IntegrationEvent;
      received.push(event);
      distinct.add(event.eventId);
      if (distinct.size >= count) done();
    },
  });
  await Promise.race([enough, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  await consumer.disconnect();
  return received;
}

describe('relay on a real Kafka broker', () => {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpointStore;
  const runners: SubscriptionRunner[] = [];
  const publishers: KafkaTopicPublisher[] = [];
  const startRelay = () => {
    const publisher = new KafkaTopicPublisher({ brokers, clientId: 'c360-relay-int-spec' });
    publishers.push(publisher);
    const runner = new SubscriptionRunner(new RelayProcessor(publisher, purchaseContracts), store, checkpoints, { batchSize: 50 });
    runners.push(runner);
    runner.start();
    return runner;
  };

  beforeAll(() => {
    if (brokers.length === 0) throw new Error('Set KAFKA_BROKERS (npm run test:infra starts a broker and sets it)');
  });
  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpointStore();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await Promise.all(publishers.splice(0).map((publisher) => publisher.close()));
  });

  it("keeps each customer's events in order", async () => {
    const customers = Array.from({ length: 5 }, () => randomUUID());
    for (let i = 0; i < 40; i++) {
      const customer = customers[i % customers.length];
      await store.appendToStream(`sales-purchase-${randomUUID()}`, [purchase(customer, `${customer}-${i}`)], {
        expectedRevision: 'no_stream',
      });
    }
    await startRelay().waitFor(40, 30_000);
    const received = await consume(new Set(customers), 40);
    expect(received).toHaveLength(40);
    for (const customer of customers) {
      const sequence = received
        .filter((event) => event.key === customer)
        .map((event) => Number(String(event.data.orderId).split('-').pop()));
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    }
  });

  it('loses nothing when the relay is stopped and restarted mid-stream; dedupe makes it exactly once', async () => {
    const customer = randomUUID();
    for (let i = 0; i < 60; i++)
      await store.appendToStream(`sales-purchase-${randomUUID()}`, [purchase(customer, `o-${i}`)], { expectedRevision: 'no_stream' });
    const first = startRelay();
    await first.waitFor(20, 30_000);
    await first.stop();
    await checkpoints.set(
      'relay:processor:integration-events',
      Math.max(0, ((await checkpoints.get('relay:processor:integration-events')) ?? 0) - 10),
    ); // crash before the last checkpoints
    await startRelay().waitFor(60, 30_000);

    const received = await consume(new Set([customer]), 60);
    const window = new DedupeWindow();
    const once = received.filter((event) => window.firstTime(event.eventId)).map((event) => event.data.orderId);
    expect(once).toEqual(Array.from({ length: 60 }, (_, i) => `o-${i}`));
  });

  it('survives a broker restart between batches', async () => {
    const customer = randomUUID();
    const runner = startRelay();
    for (let i = 0; i < 10; i++)
      await store.appendToStream(`sales-purchase-${randomUUID()}`, [purchase(customer, `before-${i}`)], { expectedRevision: 'no_stream' });
    await runner.waitFor(10, 30_000);

    execFileSync(join(kafkaScripts, 'stop.sh'), { stdio: 'ignore' });
    for (let i = 0; i < 10; i++)
      await store.appendToStream(`sales-purchase-${randomUUID()}`, [purchase(customer, `during-${i}`)], { expectedRevision: 'no_stream' });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the relay meets a dead broker and retries
    execFileSync(join(kafkaScripts, 'start.sh'), { stdio: 'ignore' });

    await runner.waitFor(20, 60_000);
    const received = await consume(new Set([customer]), 20);
    const window = new DedupeWindow();
    expect(received.filter((event) => window.firstTime(event.eventId))).toHaveLength(20);
  }, 120_000);
});
