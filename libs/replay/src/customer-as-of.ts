import {
  Customer360Reader,
  CustomerPopulation,
  CustomerResolver,
  ReadPosition,
  RfmScales,
  type Customer360View,
} from '@c360/customer360-application';
import { PersonalDataProtector, type EventEnvelope } from '@c360/kernel';
import { foldLog } from './fold-log';
import { projectionCatalog } from './projection-catalog';
import type { Contexts, Progress, ReplayStores, ScratchStore } from './replay-stores';

/** A point in the past: a global position of the log, or a time (events that had occurred by then). */
export type AsOfPoint = { readonly position: number } | { readonly time: Date };

/** `--at 1234` is a position, `--at 2026-03-01T10:00:00Z` a time; anything else is refused, naming the field. */
export function parseAsOfPoint(value: string): AsOfPoint {
  if (/^\d+$/.test(value)) return { position: Number(value) };
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) {
    throw new TypeError(`--at "${value}" must be a log position (an integer) or an ISO time (2026-03-01T10:00:00Z)`);
  }
  return { time };
}

/**
 * The customer's 360 view exactly as it was at a point: the log up to then is folded through the
 * customer 360 context's own projections into a scratch store, and the same reader the API uses
 * assembles the view from it, with the clock standing at that point. Meant for `audit as-of` and
 * for an auditor-only query of the gateway.
 */
export async function customerAsOf(options: {
  readonly contexts: Contexts;
  readonly stores: ReplayStores;
  readonly scratch: ScratchStore;
  readonly customerId: string;
  readonly at: AsOfPoint;
  readonly progress?: Progress;
}): Promise<Customer360View> {
  const { stores, scratch, at } = options;
  const context = options.contexts.find((candidate) => candidate.name === 'customer360');
  if (!context) throw new Error('The customer 360 context is not among the contexts: nothing assembles a 360 view');
  const projections = projectionCatalog([context]);
  let lastSeen: string | undefined;
  const accept =
    'time' in at
      ? (event: EventEnvelope) => event.occurredAt <= at.time.toISOString()
      : (event: EventEnvelope) => {
          lastSeen = event.occurredAt > (lastSeen ?? '') ? event.occurredAt : lastSeen;
          return true;
        };
  const head = (await stores.events.headPosition()) ?? 0;
  await foldLog({
    events: stores.events,
    keys: stores.keys,
    projections,
    into: scratch.documents,
    untilPosition: 'position' in at ? Math.min(at.position, head) : head,
    accept,
    // The reader reads its position from the checkpoints: name them as the live context does.
    checkpointOf: (entry) => entry.checkpoint,
    progress: options.progress,
  });
  const now = 'time' in at ? at.time : new Date(lastSeen ?? 0);
  const clock = { now: () => now };
  const position = new ReadPosition(scratch.checkpoints);
  const reader = new Customer360Reader(
    scratch.documents,
    clock,
    new CustomerResolver(scratch.documents),
    new PersonalDataProtector(stores.keys, {}),
    new RfmScales(new CustomerPopulation(scratch.documents, position), clock),
    position,
  );
  return reader.view(options.customerId);
}
