import { PublishedContracts, TOPICS } from '@c360/integration-events';
import { SubscriptionRunner, uuidv7, type CheckpointStore, type NewEvent } from '@c360/kernel';
import { KafkaTopicPublisher, RelayProcessor } from '@c360/relay';
import { SALES_INTEGRATION_EVENTS } from '@c360/sales-contracts';
import { SqliteCheckpointStore, SqliteEventStore, openSqlite } from '@c360/store-sqlite';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { figure, tempDataDir, timed, verdict, verdictBelow } from './bench-util';

/**
 * Relay throughput to a local Kafka broker with the idempotent producer (acks=all), and end-to-end lag
 * from append to a consumer at steady load (issue 6). Uses KAFKA_BROKERS, or starts infra/kafka itself.
 */
const metadata = { correlationId: 'bench', causationId: 'bench', actor: { id: 'bench', role: 'system' as const } };

function purchase(customerId: string, n: number): NewEvent {
  return {
    id: uuidv7(),
    type: 'sales.purchase-recorded',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    data: {
      purchaseId: uuidv7(),
      orderId: `bench-${n}`,
      customerId,
      channel: 'web',
      total: 150_000,
      currency: 'NOK',
      purchasedAt: new Date().toISOString(),
      lines: [{ sku: 'sku-1', category: 'shoes', quantity: 1, unitPrice: 150_000 }],
    },
    metadata,
  };
}

async function withBroker<T>(work: (brokers: string[]) => Promise<T>): Promise<T> {
  if (process.env.KAFKA_BROKERS) return work(process.env.KAFKA_BROKERS.split(','));
  const scripts = join(__dirname, '../infra/kafka');
  const env = { ...process.env, KAFKA_PORT: '19192', KAFKA_CONTROLLER_PORT: '19193', KAFKA_STATE_DIR: tempDataDir('kafka').dir };
  execFileSync(join(scripts, 'start.sh'), { env, stdio: 'inherit' });
  try {
    return await work(['127.0.0.1:19192']);
  } finally {
    execFileSync(join(scripts, 'stop.sh'), { env, stdio: 'inherit' });
  }
}

export async function runRelayBench(): Promise<boolean> {
  console.log('\nRelay → local Kafka 3.9 (idempotent producer, acks=all, one request in flight; event store SQLite, durability normal)');
  return withBroker(async (brokers) => {
    const dir = tempDataDir('relay');
    const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability: 'normal' });
    const db = openSqlite({ file: join(dir.dir, 'read-models.db') });
    const checkpoints: CheckpointStore = new SqliteCheckpointStore(db);
    const customers = Array.from({ length: 1_000 }, () => uuidv7());

    // 1. Throughput: 200,000 stored events relayed from the start of the log.
    const total = 200_000;
    for (let n = 0; n < total; n += 1_000) {
      await store.appendToStream(
        `bench-purchases-${n}`,
        Array.from({ length: 1_000 }, (_, i) => purchase(customers[(n + i) % customers.length], n + i)),
        {
          expectedRevision: 'no_stream',
        },
      );
    }
    const publisher = new KafkaTopicPublisher({ brokers, clientId: 'c360-bench' });
    await publisher.ensureTopics();
    const runner = new SubscriptionRunner(
      new RelayProcessor(publisher, new PublishedContracts(SALES_INTEGRATION_EVENTS)),
      store,
      checkpoints,
      { batchSize: 2_000 },
    );
    const head = (await store.headPosition()) ?? 0;
    const { seconds } = await timed(async () => {
      runner.start();
      await runner.waitFor(head, 300_000);
    });
    const throughput = total / seconds;
    figure('relay throughput (200,000 events, batches of 2,000)', throughput, 'events/s', 'acks=all, idempotent');

    // 2. Lag at steady load: 1,000 events/s for 10 s, measured by a consumer as receive time − occurredAt.
    const consumer = new Kafka({ clientId: 'c360-bench-consumer', brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: `bench-${uuidv7()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.sales, fromBeginning: false });
    const lags: number[] = [];
    const steadyPrefix = 'steady-';
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(message.value?.toString() ?? '{}') as { occurredAt: string; data: { orderId: string } };
        if (value.data.orderId.startsWith(steadyPrefix)) lags.push(Date.now() - Date.parse(value.occurredAt));
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the group settle
    for (let tick = 0; tick < 100; tick++) {
      const started = Date.now();
      await store.appendToStream(
        `bench-steady-${tick}`,
        Array.from({ length: 100 }, (_, i) => ({
          ...purchase(customers[i], tick * 100 + i),
          data: { ...(purchase(customers[i], 0).data as object), orderId: `${steadyPrefix}${tick}-${i}` },
        })),
        { expectedRevision: 'no_stream' },
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - started))));
    }
    const deadline = Date.now() + 15_000;
    while (lags.length < 10_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await consumer.disconnect();
    await runner.stop();
    await publisher.close();
    await store.close();
    db.close();
    dir.remove();

    const sorted = [...lags].sort((a, b) => a - b);
    const p50 = sorted[Math.floor(sorted.length * 0.5)] ?? Number.NaN;
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN;
    figure('end-to-end lag append → consumer, p50 (1,000 events/s for 10 s)', p50, 'ms');
    figure('end-to-end lag append → consumer, p99', p99, 'ms');
    figure('events received by the consumer', sorted.length, 'events', 'of 10,000');

    console.log('\nTargets (issue 6):');
    return [verdict('relay throughput', throughput, 20_000, 'events/s'), verdictBelow('end-to-end lag p99', p99, 1_000, 'ms')].every(
      Boolean,
    );
  });
}
