import { CommandHandler, systemClock, uuidv7, type NewEvent } from '@c360/kernel';
import { toyAccount } from '@c360/kernel/testing';
import { SqliteEventStore, type Durability } from '@c360/store-sqlite';
import { join } from 'node:path';
import { sqliteInsertFloor } from './append/sqlite-floor';
import { figure, tempDataDir, timed, verdict } from './bench-util';

/**
 * Embedded event store throughput (issue 2):
 *  1. batched appends (many events per append, several streams),
 *  2. single-event commands through the generic CommandHandler (read → decide → append), many in flight,
 *  3. batched-append throughput with 1,000,000 events stored vs 10,000 stored,
 *  4. better-sqlite3 alone inserting ready rows into the same table: the ceiling of (1) on this machine.
 * Every figure states its durability: `full` = WAL + synchronous=FULL, each commit fsynced before any
 * caller is answered (group commit shares one fsync among the appends that arrive together).
 */

const metadata = { correlationId: 'bench', causationId: 'bench', actor: { id: 'bench', role: 'system' as const } };
const payload = { amount: 1234, currency: 'EUR', sku: 'SKU-000123', category: 'shoes', note: 'benchmark event' };

function batch(size: number): NewEvent[] {
  const occurredAt = new Date().toISOString();
  return Array.from({ length: size }, () => ({
    id: uuidv7(),
    type: 'bench.happened',
    schemaVersion: 1,
    occurredAt,
    data: payload,
    metadata,
  }));
}

/** Appends `total` events in batches of `batchSize` to `streams` streams, `concurrency` appends in flight. */
async function appendBatches(
  store: SqliteEventStore,
  total: number,
  batchSize: number,
  streams: number,
  concurrency: number,
  tag: string,
  latenciesMs?: number[],
) {
  const revisions = new Array<number>(streams).fill(-1);
  let next = 0;
  const appendsNeeded = Math.ceil(total / batchSize);
  const worker = async (lane: number) => {
    for (let i = lane; ; i += concurrency) {
      const turn = next++;
      if (turn >= appendsNeeded) return;
      const stream = turn % streams;
      // Each lane owns its own streams, so expected revisions are exact.
      const streamId = `bench-${tag}-${lane}-${stream}`;
      const key = lane * streams + stream;
      const expected = revisions[key] ?? -1;
      const events = batch(batchSize);
      const start = performance.now();
      const result = await store.appendToStream(streamId, events, { expectedRevision: expected < 0 ? 'no_stream' : expected });
      latenciesMs?.push(performance.now() - start);
      revisions[key] = result.nextExpectedRevision;
      void i;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, lane) => worker(lane)));
}

async function batchedAppends(durability: Durability, backgroundCheckpoint = true) {
  const dir = tempDataDir('batched');
  const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability, backgroundCheckpoint });
  await appendBatches(store, 50_000, 500, 10, 4, 'warm');
  const total = 500_000;
  const latencies: number[] = [];
  const { seconds, cpuSeconds } = await timed(() => appendBatches(store, total, 500, 50, 4, 'run', latencies));
  await store.close();
  dir.remove();
  latencies.sort((a, b) => a - b);
  // The tail is where a checkpoint inside a commit showed (ADR 0028): the p50 hides it.
  const p99Ms = latencies[Math.floor(latencies.length * 0.99)];
  return { perSecond: total / seconds, cpuUsPerEvent: (cpuSeconds * 1e6) / total, p99Ms, maxMs: latencies[latencies.length - 1] };
}

async function commandsThroughHandler(durability: Durability, inFlight: number, accounts: number) {
  const dir = tempDataDir('commands');
  const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability });
  const handler = new CommandHandler(store, systemClock);
  const actor = { id: 'bench', role: 'agent' as const };
  for (let a = 0; a < accounts; a++) {
    await handler.handle(toyAccount, `toy-account-${a}`, { type: 'open', owner: `owner-${a}` }, { commandId: uuidv7(), actor });
  }
  const total = 100_000;
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      const n = issued++;
      await handler.handle(toyAccount, `toy-account-${n % accounts}`, { type: 'deposit', amount: 1 }, { commandId: uuidv7(), actor });
    }
  };
  const { seconds } = await timed(() => Promise.all(Array.from({ length: inFlight }, worker)));
  await store.close();
  dir.remove();
  return total / seconds;
}

async function scaling(durability: Durability) {
  const dir = tempDataDir('scaling');
  const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability });
  const measure = async (tag: string) => {
    const total = 200_000;
    const { seconds } = await timed(() => appendBatches(store, total, 500, 50, 4, tag));
    return total / seconds;
  };
  await appendBatches(store, 10_000, 500, 10, 4, 'pre10k');
  const at10k = await measure('m10k');
  const stored = 10_000 + 200_000;
  process.stdout.write(`  … filling to 1,000,000 events `);
  const fill = 1_000_000 - stored;
  for (let done = 0; done < fill; done += 100_000) {
    await appendBatches(store, Math.min(100_000, fill - done), 1_000, 20, 4, `fill${done}`);
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  const head = (await store.headPosition()) ?? 0;
  const at1m = await measure('m1m');
  const sizeMiB = dir.sizeMiB();
  await store.close();
  dir.remove();
  return { at10k, at1m, head, sizeMiB };
}

export async function runAppendBench(): Promise<boolean> {
  console.log('\nEmbedded event store (SQLite, better-sqlite3, WAL) — durability: full (fsync per group commit)');
  const batched = await batchedAppends('full');
  figure(
    'batched appends (500 events/append, 4 in flight)',
    batched.perSecond,
    'events/s',
    `durability full, ${batched.cpuUsPerEvent.toFixed(2)} µs CPU each`,
  );
  figure('  one append (500 events), p99', batched.p99Ms, 'ms', `max ${batched.maxMs.toFixed(1)} ms`);
  const onWriter = await batchedAppends('full', false);
  figure('  the same, checkpoints on the writing thread', onWriter.perSecond, 'events/s', 'without the background checkpointer (ADR 0028)');
  figure('  one append (500 events), p99', onWriter.p99Ms, 'ms', `max ${onWriter.maxMs.toFixed(1)} ms`);

  const floor = await sqliteInsertFloor(500_000, JSON.stringify(payload), JSON.stringify(metadata));
  figure(
    'SQLite alone: ready rows into the same table',
    floor.perSecond,
    'rows/s',
    `${floor.cpuUsPerRow.toFixed(2)} µs CPU each; the ceiling of the line above (no fsync: normal)`,
  );

  const commands = await commandsThroughHandler('full', 256, 10_000);
  figure('single-event commands via CommandHandler (256 in flight)', commands, 'commands/s', 'durability full');
  const serial = await commandsThroughHandler('full', 1, 1_000).catch(() => 0);
  figure('single-event commands, one at a time (1 in flight)', serial, 'commands/s', 'durability full: one fsync each');

  const scaled = await scaling('full');
  figure('batched appends with 10,000 stored', scaled.at10k, 'events/s', 'durability full');
  figure(`batched appends with ${scaled.head.toLocaleString('en-US')} stored`, scaled.at1m, 'events/s', 'durability full');
  figure('ratio 1M / 10k', (100 * scaled.at1m) / scaled.at10k, '%');
  figure('database size at 1M events', scaled.sizeMiB, 'MiB');

  console.log('\nTargets (issues 2 and 21):');
  const results = [
    verdict('batched appends, first pass (issue 21)', batched.perSecond, 200_000, 'events/s'),
    verdict('single-event commands through the handler', commands, 10_000, 'commands/s'),
    verdict('throughput at 1M stored vs 10k (percent)', (100 * scaled.at1m) / scaled.at10k, 80, '%'),
  ];
  return results.every(Boolean);
}
