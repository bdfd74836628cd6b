import { customerAsOf, projectionCatalog, rebuildProjections, type ScratchStore } from '@c360/replay';
import { InMemoryKeyStore } from '@c360/kernel';
import { SqliteCheckpointStore, SqliteDocumentStore, SqliteEventStore } from '@c360/store-sqlite';
import { join } from 'node:path';
import { platformContexts } from '../apps/platform/src/platform-contexts';
import { figure, profiled, rssMiB, sampleRss, tempDataDir, timed, verdict, verdictBelow } from './bench-util';
import { appendRealisticMix } from './projections/realistic-mix';

/**
 * The replay tooling's use cases on the embedded stores (durability normal): `projections rebuild all`
 * (every projection of every context folded from the log beside its live collection, then switched in), `audit as-of` of one customer, and `audit verify-log`
 * over the whole hash chain. Default 200,000 events (a few minutes on a shared 2-core machine);
 * `--events=1000000` for the figure. Peak RSS is printed beside each figure.
 * `BENCH_REPLAY_PHASES=verify-log` (or `--phases=`, a comma list of rebuild, as-of, verify-log) runs only
 * those phases after generating the log: at 1M events the rebuild alone takes minutes. As-of reads the
 * rebuilt read models, so asking for it runs the rebuild too.
 */
const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const EVENTS = Number(flag('events') ?? process.env.BENCH_EVENTS ?? 200_000);
const CUSTOMERS = Math.max(500, Math.round(EVENTS / 10));
const PHASE_NAMES = ['rebuild', 'as-of', 'verify-log'] as const;
/** About two events a purchase: the customer with 1,000 events. */
const LOYAL_CUSTOMER_PURCHASES = 480;

/** The phases asked for; a misspelt one stops the bench rather than silently measuring nothing. */
function replayPhases(): Set<string> {
  const wanted = (flag('phases') ?? process.env.BENCH_REPLAY_PHASES ?? PHASE_NAMES.join(',')).split(',').map((p) => p.trim());
  const unknown = wanted.filter((phase) => !(PHASE_NAMES as readonly string[]).includes(phase));
  if (unknown.length) throw new TypeError(`unknown replay phase(s) ${unknown.join(', ')} (phases: ${PHASE_NAMES.join(', ')})`);
  return new Set(wanted);
}

function scratch(file: string): ScratchStore & { readonly documents: SqliteDocumentStore } {
  const documents = new SqliteDocumentStore({ file, durability: 'normal', cacheMiB: 64 });
  return { documents, checkpoints: new SqliteCheckpointStore(documents.db), close: () => documents.close() };
}

export async function runReplayBench(): Promise<boolean> {
  const phases = replayPhases();
  console.log(
    `\nReplay tooling (SQLite event store and read models, durability normal, ${EVENTS.toLocaleString('en-US')} events; phases ${[...phases].join(', ')})`,
  );
  const dir = tempDataDir('replay');
  try {
    const file = join(dir.dir, 'events.db');
    const store = new SqliteEventStore({ file, durability: 'normal', cacheMiB: 32 });
    const generated = await timed(() =>
      appendRealisticMix(store, { events: EVENTS, customers: CUSTOMERS, loyalCustomerPurchases: LOYAL_CUSTOMER_PURCHASES }),
    );
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

    // A phase not run counts as met: the verdicts printed say which targets were measured.
    const rebuilt =
      phases.has('rebuild') || phases.has('as-of')
        ? await rebuildAndAsOf(log, keys, dir.dir, generated.result, phases.has('as-of'))
        : undefined;
    const okChain = phases.has('verify-log') ? await verifyLogPhase(log) : true;
    await log.close();
    return (rebuilt?.okRebuild ?? true) && (rebuilt?.okAsOf ?? true) && okChain;
  } finally {
    dir.remove();
  }
}

/** Rebuild, then as-of against the rebuilt read models (which stand in for the live ones). */
async function rebuildAndAsOf(
  log: SqliteEventStore,
  keys: InMemoryKeyStore,
  dir: string,
  { events, customers, loyalCustomer }: Awaited<ReturnType<typeof appendRealisticMix>>,
  withAsOf: boolean,
): Promise<{ okRebuild: boolean; okAsOf: boolean }> {
  const target = scratch(join(dir, 'rebuilt.db'));
  try {
    const projections = projectionCatalog(platformContexts);
    const rebuilt = await profiled('replay-rebuild', () =>
      timed(() =>
        // What `c360 projections rebuild all` runs. The switch-overs set the live checkpoints: the
        // rebuilt store then stands in for the live read models below.
        rebuildProjections({
          events: log,
          keys,
          documents: target.documents,
          checkpoints: target.checkpoints,
          entries: projections,
          switchOver: (_entry, request) => target.documents.swapCollection(request),
        }),
      ),
    );
    const failed = rebuilt.result.filter((outcome) => outcome.error);
    if (failed.length)
      throw new Error(`rebuild failed: ${failed.map(({ entry, error }) => `${entry.collection}: ${error?.message}`).join('; ')}`);
    const rate = events / rebuilt.seconds;
    figure(
      'projections rebuild all: events of the log / s',
      rate,
      'events/s',
      `${projections.length} projections switched in, ${rebuilt.seconds.toFixed(1)} s, peak RSS ${rssMiB().toFixed(0)} MiB`,
    );
    const okRebuild = verdict('rebuild throughput', rate, 100_000, 'events/s');
    if (!withAsOf) return { okRebuild, okAsOf: true };
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
    return { okRebuild, okAsOf };
  } finally {
    await target.close();
  }
}

async function verifyLogPhase(log: SqliteEventStore): Promise<boolean> {
  // The walk is synchronous, so the 100 ms RSS sampler cannot run during it: its progress callback
  // samples instead, which is how the growth of memory during the walk is measured.
  const before = rssMiB();
  let peak = before;
  const progress = () => {
    sampleRss();
    peak = Math.max(peak, rssMiB());
  };
  const chain = await profiled('replay-verify-log', () => timed(async () => log.verifyChain({ every: 10_000, progress })));
  figure(
    'audit verify-log',
    chain.seconds,
    's',
    `${chain.result.events.toLocaleString('en-US')} events, ${(chain.result.events / chain.seconds).toFixed(0)} events/s, breaks ${chain.result.breaks.length}, ` +
      `RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB during`,
  );
  const perMillion = (chain.seconds / chain.result.events) * 1_000_000;
  figure('audit verify-log, scaled to 1,000,000 events', perMillion, 's');
  return verdictBelow('verify-log over 1,000,000 events (scaled when smaller)', perMillion, 10, 's');
}
