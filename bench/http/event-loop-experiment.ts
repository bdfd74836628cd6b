import { DocumentProjector, SubscriptionRunner, type DocumentProjection } from '@c360/kernel';
import { SqliteCheckpointStore, SqliteDocumentStore, SqliteEventStore } from '@c360/store-sqlite';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

/**
 * The event-loop question of issue 11, measured cheaply: a projector catches up over N events while the
 * main thread's event-loop delay is sampled (what an HTTP request would wait).
 *   a) main thread, time budget + yields (what the runner does now)
 *   b) main thread, one chunk per read batch of 500 and no yield between them (the old loop's shape)
 *   c) a worker thread with its own SQLite connections (the main thread only waits)
 * Usage: node scripts/run-ts.js bench/http/event-loop-experiment.ts [events=200000]
 */
interface Counter {
  readonly n: number;
}
const projection: DocumentProjection<Counter> = {
  name: 'counter',
  version: 1,
  handles: ['exp.happened'],
  documentIds: (event) => [(event.data as { key: string }).key],
  evolve: (doc) => ({ n: (doc?.n ?? 0) + 1 }),
};

async function catchUp(dir: string, label: string, budgetMs: number, events: number): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, 'events.db'), durability: 'normal' });
  const documents = new SqliteDocumentStore({ file: join(dir, `rm-${label}.db`), durability: 'normal' });
  const runner = new SubscriptionRunner(
    new DocumentProjector(projection, documents, `exp:projection:${label}`),
    store,
    new SqliteCheckpointStore(documents.db),
    {
      batchSize: 500,
      timeBudgetMs: budgetMs,
    },
  );
  const started = performance.now();
  runner.start();
  await runner.waitFor(events, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  await documents.close();
  await store.close();
  return seconds;
}

async function main() {
  const events = Number(process.argv[2] ?? 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'c360-exp-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.db'), durability: 'normal' });
  const metadata = { correlationId: 'c', causationId: 'c', actor: { id: 'exp', role: 'system' as const } };
  for (let i = 0; i < events; i += 1_000) {
    const batch = Array.from({ length: 1_000 }, (_, k) => ({
      id: randomUUID(),
      type: 'exp.happened',
      schemaVersion: 1,
      occurredAt: '2026-01-01T00:00:00Z',
      data: { key: `k-${(i + k) % 5_000}` },
      metadata,
    }));
    await store.appendToStream(`exp-${i}`, batch, { expectedRevision: 'no_stream' });
  }
  await store.close();
  console.log(
    `event-loop experiment: a projector catching up over ${events.toLocaleString('en-US')} events (read models synchronous=NORMAL)`,
  );
  const measure = async (label: string, work: () => Promise<number>) => {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const seconds = await work();
    delay.disable();
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(
      `  ${label.padEnd(44)} ${(events / seconds).toFixed(0).padStart(8)} events/s   loop delay p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
    );
  };
  await measure('a) main thread, 25 ms budget, yields', () => catchUp(dir, 'a', 25, events));
  await measure('b) main thread, 500-event chunks, no budget', () => catchUp(dir, 'b', 60_000, events));
  await measure('c) worker thread, own connections', () => inWorker(dir, events));
  rmSync(dir, { recursive: true, force: true });
}

function inWorker(dir: string, events: number): Promise<number> {
  return new Promise((resolveSeconds, reject) => {
    const worker = new Worker(resolve(__dirname, '../../scripts/run-ts.js'), {
      argv: ['bench/http/event-loop-experiment.ts'],
      workerData: { dir, events },
    });
    worker.once('message', (seconds: number) => resolveSeconds(seconds));
    worker.once('error', reject);
  });
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  const { dir, events } = workerData as { dir: string; events: number };
  void catchUp(dir, 'c', 25, events).then((seconds) => {
    (require('node:worker_threads') as typeof import('node:worker_threads')).parentPort?.postMessage(seconds);
  });
}
