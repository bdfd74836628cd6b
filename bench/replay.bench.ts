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
/** About two events a purchase: the customer with 1,000 events. */
const LOYAL_CUSTOMER_PURCHASES = 480;

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
    const generated = await timed(() =>
      appendRealisticMix(store, { events: EVENTS, customers: CUSTOMERS, loyalCustomerPurchases: LOYAL_CUSTOMER_PURCHASES }),
    );
    const { events, customers, loyalCustomer } = generated.result;
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
      timed(() =>
        // Checkpoints under the live names: the rebuilt store then stands in for the live read models below.
        foldLog({ events: log, keys, projections, into: target.documents, batchSize: 10_000, checkpointOf: (entry) => entry.checkpoint }),
      ),
    );
    const rate = rebuilt.result.events / rebuilt.seconds;
    figure(
      'rebuild all projections: events folded / s',
      rate,
      'events/s',
      `${projections.length} projections, ${rebuilt.seconds.toFixed(1)} s, peak RSS ${rssMiB().toFixed(0)} MiB`,
    );
    const okRebuild = verdict('rebuild throughput', rate, 100_000, 'events/s');

    // As-of reads the live timeline (here: the rebuilt read models) to find the customer's streams.
    const live = { events: log, keys, documents: target.documents, checkpoints: target.checkpoints };
    const asOfOne = async (label: string, customerId: string, population: boolean) => {
      const memory = scratch(':memory:');
      try {
        const run = await profiled(`replay-as-of-${label}`, () =>
          timed(() =>
            customerAsOf({
              contexts: platformContexts,
              stores: live,
              scratch: memory,
              customerId,
              at: { time: new Date('2100-01-01T00:00:00Z') },
              population,
            }),
          ),
        );
        return { ms: run.seconds * 1000, folded: run.result.reconstruction.eventsFolded };
      } finally {
        await memory.close();
      }
    };
    const loyal = loyalCustomer ?? { customerId: customers[0], events: 0 };
    const typical = await asOfOne('typical', customers[Math.floor(customers.length / 3)], false);
    figure(
      'audit as-of, a typical customer (its own streams)',
      typical.ms,
      'ms',
      `${typical.folded} events folded, peak RSS ${rssMiB().toFixed(0)} MiB`,
    );
    const heavy = await asOfOne('loyal', loyal.customerId, false);
    figure(
      `audit as-of, a customer with ${loyal.events.toLocaleString('en-US')} events`,
      heavy.ms,
      'ms',
      `${heavy.folded} events folded, peak RSS ${rssMiB().toFixed(0)} MiB`,
    );
    const okAsOf = verdictBelow('audit as-of, customer with ~1,000 events', heavy.ms, 50, 'ms');
    const whole = await asOfOne('population', loyal.customerId, true);
    figure('audit as-of --with-population (folds the whole log)', whole.ms, 'ms', `${whole.folded.toLocaleString('en-US')} events folded`);
    await target.close();

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
