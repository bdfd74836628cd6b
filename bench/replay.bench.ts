import { foldLog, projectionCatalog, customerAsOf, type ScratchStore } from '@c360/replay';
import { InMemoryKeyStore } from '@c360/kernel';
import { SqliteCheckpointStore, SqliteDocumentStore, SqliteEventStore } from '@c360/store-sqlite';
import { join } from 'node:path';
import { platformContexts } from '../apps/platform/src/platform-contexts';
import { figure, profiled, rssMiB, tempDataDir, timed, verdict, verdictBelow } from './bench-util';
import { appendRealisticMix } from './projections/realistic-mix';

/**
 * The replay tooling's use cases on the embedded stores (durability normal): rebuild of every projection
 * of every context from the log into an empty store, `audit as-of` of one customer, and `audit verify-log`
 * over the whole hash chain. Default 200,000 events (a few minutes on a shared 2-core machine);
 * `--events=1000000` for the figure. Peak RSS is printed beside each figure.
 */
const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const EVENTS = Number(flag('events') ?? process.env.BENCH_EVENTS ?? 200_000);
const CUSTOMERS = Math.max(500, Math.round(EVENTS / 10));

function scratch(file: string): ScratchStore {
  const documents = new SqliteDocumentStore({ file, durability: 'normal', cacheMiB: 64 });
  return { documents, checkpoints: new SqliteCheckpointStore(documents.db), close: () => documents.close() };
}

export async function runReplayBench(): Promise<boolean> {
  console.log(`\nReplay tooling (SQLite event store and read models, durability normal, ${EVENTS.toLocaleString('en-US')} events)`);
  const dir = tempDataDir('replay');
  try {
    const file = join(dir.dir, 'events.db');
    const store = new SqliteEventStore({ file, durability: 'normal', cacheMiB: 32 });
    const generated = await timed(() => appendRealisticMix(store, { events: EVENTS, customers: CUSTOMERS }));
    const { events, customers } = generated.result;
    figure(
      'events generated',
      events,
      'events',
      `${customers.length.toLocaleString('en-US')} customers, ${generated.seconds.toFixed(1)} s`,
    );
    await store.close();

    const log = new SqliteEventStore({ file, readOnly: true, cacheMiB: 64 });
    const keys = new InMemoryKeyStore();

    const target = scratch(join(dir.dir, 'rebuilt.db'));
    const projections = projectionCatalog(platformContexts);
    const rebuilt = await profiled('replay-rebuild', () =>
      timed(() => foldLog({ events: log, keys, projections, into: target.documents, batchSize: 10_000 })),
    );
    await target.close();
    const rate = rebuilt.result.events / rebuilt.seconds;
    figure(
      'rebuild all projections: events folded / s',
      rate,
      'events/s',
      `${projections.length} projections, ${rebuilt.seconds.toFixed(1)} s, peak RSS ${rssMiB().toFixed(0)} MiB`,
    );
    const okRebuild = verdict('rebuild throughput', rate, 100_000, 'events/s');

    const customer = customers[Math.floor(customers.length / 2)];
    const memory = scratch(':memory:');
    const asOf = await profiled('replay-as-of', () =>
      timed(() =>
        customerAsOf({
          contexts: platformContexts,
          stores: { events: log, keys, documents: memory.documents, checkpoints: memory.checkpoints },
          scratch: memory,
          customerId: customer,
          at: { time: new Date('2100-01-01T00:00:00Z') },
        }),
      ),
    );
    await memory.close();
    const ms = asOf.seconds * 1000;
    figure('audit as-of, one customer (folds the log up to the point)', ms, 'ms', `peak RSS ${rssMiB().toFixed(0)} MiB`);
    const okAsOf = verdictBelow('audit as-of latency', ms, 50, 'ms');

    const chain = await profiled('replay-verify-log', () => timed(async () => log.verifyChain()));
    figure(
      'audit verify-log',
      chain.seconds,
      's',
      `${chain.result.events.toLocaleString('en-US')} events, ${(chain.result.events / chain.seconds).toFixed(0)} events/s, breaks ${chain.result.breaks.length}, peak RSS ${rssMiB().toFixed(0)} MiB`,
    );
    const perMillion = (chain.seconds / chain.result.events) * 1_000_000;
    figure('audit verify-log, scaled to 1,000,000 events', perMillion, 's');
    const okChain = verdictBelow('verify-log over 1,000,000 events (scaled when smaller)', perMillion, 10, 's');
    await log.close();
    return okRebuild && okAsOf && okChain;
  } finally {
    dir.remove();
  }
}
