import { CONTACTS_TIMELINE } from '@c360/contacts-contracts';
import { CustomerResolver, ReadPosition, TimelineReader } from '@c360/customer360-application';
import { customerFactsProjection, customerTimelineProjection } from '@c360/customer360-projections';
import {
  DocumentProjector,
  InMemoryKeyStore,
  PersonalDataProtector,
  ReadConvoy,
  SubscriptionRunner,
  combineTimelines,
  projectionCheckpointName,
  type AnyDocumentProjection,
  type EventProcessor,
  wrapProcessor,
} from '@c360/kernel';
import { LOYALTY_TIMELINE } from '@c360/loyalty-contracts';
import { loyaltyBalanceProjection } from '@c360/loyalty-projections';
import { SALES_TIMELINE } from '@c360/sales-contracts';
import { SqliteCheckpointStore, SqliteDocumentStore, SqliteEventStore } from '@c360/store-sqlite';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { figure, profiled, rssMiB, sampleRss, tempDataDir, timed, verdict, verdictBelow } from './bench-util';
import { appendRealisticMix } from './projections/realistic-mix';

/**
 * Catch-up of the timeline, 360 and loyalty-balance projections together over a million events of a
 * realistic mix, through the real SubscriptionRunner and DocumentProjector on the embedded stores
 * (event store and read models SQLite, durability normal: no fsync per batch); then the p99 of a
 * timeline page read with 100,000 customers, through the context's own TimelineReader.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const PAGE_READS = Number(process.env.BENCH_PAGE_READS ?? 5_000);

export async function runProjectionsBench(): Promise<boolean> {
  console.log(
    `\nProjections catch-up (SQLite event store + SQLite read models, durability normal, batches of ${BATCH.toLocaleString('en-US')})`,
  );
  const dir = tempDataDir('projections');
  try {
    const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability: 'normal', cacheMiB: 32 });
    const generated = await timed(() => appendRealisticMix(store, { events: EVENTS, customers: CUSTOMERS }));
    const { events, customers } = generated.result;
    figure(
      'events generated',
      events,
      'events',
      `${customers.length.toLocaleString('en-US')} customers, ${generated.seconds.toFixed(1)} s`,
    );

    // Opened by the store, as the platform opens it (with its background checkpointer).
    const documents = new SqliteDocumentStore({ file: join(dir.dir, 'read-models.db'), durability: 'normal', cacheMiB: 32 });
    const checkpoints = new SqliteCheckpointStore(documents.db);
    const projections: AnyDocumentProjection[] = [
      customerTimelineProjection(combineTimelines([CONTACTS_TIMELINE, SALES_TIMELINE, LOYALTY_TIMELINE])),
      customerFactsProjection,
      loyaltyBalanceProjection,
    ];
    // RSS is sampled after every batch: a catch-up never yields to timers, so an interval would not run.
    let rssPeak = 0;
    const handleSeconds = new Map<string, number>(); // where the catch-up's time goes, per projector
    let indexSeconds = 0; // the deferred index builds (ADR 0030), which the runner runs on reaching the head
    const sampled = (processor: EventProcessor): EventProcessor => {
      const wrapped = wrapProcessor(processor, async (batch, lastPosition) => {
        const start = process.hrtime.bigint();
        await processor.handle(batch, lastPosition);
        handleSeconds.set(processor.name, (handleSeconds.get(processor.name) ?? 0) + Number(process.hrtime.bigint() - start) / 1e9);
        rssPeak = Math.max(rssPeak, rssMiB());
        sampleRss();
      });
      const caughtUp = wrapped.caughtUp;
      if (!caughtUp) return wrapped;
      return {
        ...wrapped,
        async caughtUp() {
          const start = process.hrtime.bigint();
          await caughtUp();
          indexSeconds += Number(process.hrtime.bigint() - start) / 1e9;
        },
      };
    };
    // As the platform prepares them: into empty collections, the non-unique indexes wait for the end of the catch-up.
    const projectors = projections.map(
      (projection) => new DocumentProjector(projection, documents, projectionCheckpointName('bench', projection)),
    );
    for (const projector of projectors) await projector.prepare();
    const convoy = new ReadConvoy(); // as the ProcessorHost runs its projectors
    const runners = projectors.map(
      (projector) => new SubscriptionRunner(sampled(projector), store, checkpoints, { batchSize: BATCH, convoy }),
    );
    const head = (await store.headPosition()) ?? 0;
    globalThis.gc?.();
    const rssBefore = rssMiB();
    rssPeak = rssBefore;
    const cpuBefore = process.cpuUsage();
    const catchUp = await timed(() =>
      profiled('projections-catch-up', async () => {
        for (const runner of runners) runner.start();
        await Promise.all(runners.map((runner) => runner.waitFor(head, 1_800_000)));
        // Caught up means queryable: the runner builds the deferred indexes on reaching the head; this waits for any build still running.
        await Promise.all(projectors.map((projector) => projector.caughtUp()));
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    await Promise.all(runners.map((runner) => runner.stop()));
    const rssAfter = rssMiB();
    rssPeak = Math.max(rssPeak, rssAfter); // the index builds at the head run after the last batch's sample
    const rate = events / catchUp.seconds;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    figure('catch-up, three projections together', rate, 'events/s', `${catchUp.seconds.toFixed(1)} s wall`);
    figure('  per CPU second of this process', events / cpuSeconds, 'events/s', `${cpuSeconds.toFixed(1)} s CPU`);
    for (const [name, seconds] of handleSeconds)
      figure(`  in ${name} (fold and write)`, seconds, 's', `${((seconds / catchUp.seconds) * 100).toFixed(0)} % of the wall time`);
    figure('  building the indexes left for the end (ADR 0030)', indexSeconds, 's', 'part of the catch-up');
    figure('event store size', statSync(join(dir.dir, 'events.db')).size / 1_048_576, 'MiB');
    figure('read models size', dir.sizeMiB() - statSync(join(dir.dir, 'events.db')).size / 1_048_576, 'MiB', 'with WAL');
    figure('RSS before catch-up', rssBefore, 'MiB');
    figure('RSS peak during catch-up', rssPeak, 'MiB');
    figure('RSS after catch-up', rssAfter, 'MiB', `growth ${(rssPeak - rssBefore).toFixed(1)} MiB`);

    const reader = timelineReader(documents, checkpoints);
    const latencies: number[] = [];
    for (let n = 0; n < PAGE_READS; n++) {
      const customerId = customers[Math.floor(Math.random() * customers.length)];
      const start = process.hrtime.bigint();
      await reader.page(customerId, { limit: 20 });
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    latencies.sort((a, b) => a - b);
    figure(
      'timeline page (20 entries), p50',
      latencies[Math.floor(latencies.length * 0.5)],
      'ms',
      `${customers.length.toLocaleString('en-US')} customers`,
    );
    figure('timeline page (20 entries), p99', latencies[Math.floor(latencies.length * 0.99)], 'ms');
    await store.close();
    await documents.close();
    const ok = verdict('projection catch-up', rate, 100_000, 'events/s');
    const memory = verdictBelow('RSS growth', rssPeak - rssBefore, 50, 'MiB');
    const page = verdictBelow('timeline page p99', latencies[Math.floor(latencies.length * 0.99)], 5, 'ms');
    return ok && memory && page;
  } finally {
    dir.remove();
  }
}

/** The context's own reader, wired by hand (no Nest needed to read a page). */
function timelineReader(documents: SqliteDocumentStore, checkpoints: SqliteCheckpointStore): TimelineReader {
  return new TimelineReader(
    documents,
    new CustomerResolver(documents),
    new PersonalDataProtector(new InMemoryKeyStore(), {}),
    new ReadPosition(checkpoints),
  );
}
