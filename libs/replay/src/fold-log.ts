import {
  DocumentProjector,
  PersonalDataProtector,
  revealingProcessor,
  yieldToEventLoop,
  type DocumentStore,
  type EventEnvelope,
  type EventProcessor,
  type EventStore,
  type KeyStore,
} from '@c360/kernel';
import type { CatalogEntry } from './projection-catalog';
import type { Progress } from './replay-stores';

export interface FoldOptions {
  readonly events: EventStore;
  readonly keys: KeyStore;
  readonly projections: readonly CatalogEntry[];
  readonly into: DocumentStore;
  /** Start after this position (a fold resumed from its own checkpoint); default: the beginning. */
  readonly after?: number;
  /** Fold events up to and including this position (default: the head when the fold starts). */
  readonly untilPosition?: number;
  /** Per projection, fold only up to this position (`audit verify` compares with each stored checkpoint). */
  readonly untilFor?: (entry: CatalogEntry) => number | undefined;
  /** Only events that pass (an as-of by time keeps events that had happened by then). */
  readonly accept?: (event: EventEnvelope) => boolean;
  /** Checkpoint names in the scratch store (a rebuild uses the live names; other folds their own). */
  readonly checkpointOf?: (entry: CatalogEntry) => string;
  /** Events read from the log at once: large pages amortise the read and the batched document writes. */
  readonly batchSize?: number;
  readonly progress?: Progress;
}

/**
 * A fold gives the event loop back once it has held it this long. better-sqlite3 is synchronous, so a
 * fold that only awaits its own reads and writes would hold the thread for the whole log: inside the
 * platform the live processors, lease renewals and the admin API's status replies stopped for the length
 * of a rebuild (39 s at 1M events), and an as-of view on the HTTP thread held every request behind it.
 */
const FOLD_TURN_MS = 20;

/** A projection as a fold runs it: its own code behind the generic projector, fed plaintext when it reads personal data. */
export interface FoldLane {
  readonly entry: CatalogEntry;
  /** Builds the projection's indexes: `prepare` before the fold, `caughtUp` after it. */
  readonly projector: Pick<DocumentProjector<object>, 'prepare' | 'caughtUp'>;
  readonly processor: EventProcessor;
  readonly handles: ReadonlySet<string>;
}

export function projectionLanes(options: Pick<FoldOptions, 'keys' | 'projections' | 'into' | 'checkpointOf'>): FoldLane[] {
  return options.projections.map((entry) => {
    const projector = new DocumentProjector(entry.projection, options.into, options.checkpointOf?.(entry) ?? `replay:${entry.checkpoint}`);
    return {
      entry,
      projector,
      processor: entry.projection.readsPersonalData
        ? revealingProcessor(projector, new PersonalDataProtector(options.keys, {}))
        : projector,
      handles: new Set<string>(entry.projection.handles),
    };
  });
}

export interface FoldResult {
  /** Events folded (read and accepted, of a type some projection handles). */
  readonly events: number;
  readonly lastPosition: number;
  /** Per projection (by entry name): the events it was handed. */
  readonly eventsOf: ReadonlyMap<string, number>;
}

/**
 * Folds the log through the given projections into a store with the projections' own code (the
 * generic DocumentProjector, fed plaintext when a projection reads personal data). Streams: one page of
 * the log at a time, each projection writing a page's documents in one batch.
 */
export async function foldLog(options: FoldOptions): Promise<FoldResult> {
  const head = options.untilPosition ?? (await options.events.headPosition()) ?? 0;
  const lanes = projectionLanes(options).map((lane) => ({
    ...lane,
    until: Math.min(head, options.untilFor?.(lane.entry) ?? head),
    handed: 0,
  }));
  // Into an empty collection the non-unique indexes are built after the fold, in one pass (ProjectionIndexes).
  for (const lane of lanes) await lane.projector.prepare();
  // Event type → the lanes that read it: one pass over a page hands each lane its events.
  const lanesOf = new Map<string, (typeof lanes)[number][]>();
  for (const lane of lanes) for (const type of lane.handles) lanesOf.set(type, [...(lanesOf.get(type) ?? []), lane]);
  const eventTypes = [...lanesOf.keys()];
  const batchSize = options.batchSize ?? 5_000;
  let after = options.after ?? 0;
  let folded = 0;
  let turnStarted = performance.now();
  const takeTurns = async () => {
    if (performance.now() - turnStarted < FOLD_TURN_MS) return;
    await yieldToEventLoop();
    turnStarted = performance.now();
  };
  while (after < head && lanes.length > 0) {
    const slice = await options.events.readAll({ after, maxCount: batchSize, filter: { eventTypes } });
    const end = Math.min(slice.lastPosition ?? head, head);
    const pages = new Map<(typeof lanes)[number], EventEnvelope[]>();
    for (const event of slice.events) {
      if (event.position > end) break;
      if (options.accept && !options.accept(event)) continue;
      folded += 1;
      for (const lane of lanesOf.get(event.type) ?? []) {
        if (event.position > lane.until) continue;
        lane.handed += 1;
        const page = pages.get(lane);
        if (page) page.push(event);
        else pages.set(lane, [event]);
      }
    }
    // Lanes without events in this page still move their checkpoint (the as-of view reports it).
    for (const lane of lanes) {
      if (after >= lane.until) continue;
      await lane.processor.handle(pages.get(lane) ?? [], Math.min(end, lane.until));
      await takeTurns();
    }
    options.progress?.(end, head);
    if (slice.lastPosition === undefined || slice.lastPosition <= after) break;
    after = end;
    if (slice.isEnd) break;
  }
  for (const lane of lanes) {
    await lane.projector.caughtUp(); // one CREATE INDEX per index: it cannot be cut, only separated from the next
    await takeTurns();
  }
  return { events: folded, lastPosition: Math.min(after, head), eventsOf: new Map(lanes.map((lane) => [lane.entry.name, lane.handed])) };
}
