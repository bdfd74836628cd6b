import {
  CUSTOMER_360_VIEW_SOURCES,
  Customer360Reader,
  CustomerPopulation,
  CustomerResolver,
  ReadPosition,
  RfmScales,
  type AsOfPoint,
  type Customer360View,
  type CustomerAsOfView,
  type Reconstruction,
} from '@c360/customer360-application';
import { CUSTOMER_TIMELINE } from '@c360/customer360-projections';
import { PersonalDataProtector, type EventEnvelope } from '@c360/kernel';
import { customerEvents } from './customer-streams';
import { foldLog, projectionLanes } from './fold-log';
import { projectionCatalog, type CatalogEntry } from './projection-catalog';
import type { Contexts, Progress, ReplayStores, ScratchStore } from './replay-stores';

const POPULATION_FIELDS = [
  'rfm: quintiles rank the customer among the whole population as it was then; ask for the population (--with-population) to fold the whole log',
  'churnRisk: the reason rfm-at-risk needs the rfm segment (the other reasons are exact)',
];

/**
 * The customer's 360 view exactly as it was at a point, through the customer 360 context's own
 * projections folded into a scratch store and the same reader the API uses, with the clock standing
 * at that point. Meant for `audit as-of` and for an auditor-only query of the gateway.
 *
 * By default only the customer's streams are folded (found through the live timeline: see
 * `customerEvents`), so the cost follows the customer, not the log. The RFM segment ranks the customer
 * among everyone as they were then, which only the whole log can say: it is left out (and said so)
 * unless `population` is asked for. The whole log is also folded when the live timeline has not
 * reached the point (right after a rebuild, say).
 */
export async function customerAsOf(options: {
  readonly contexts: Contexts;
  readonly stores: ReplayStores;
  readonly scratch: ScratchStore;
  readonly customerId: string;
  readonly at: AsOfPoint;
  /** Also rank the customer among the population of then (RFM): folds the whole log. */
  readonly population?: boolean;
  readonly progress?: Progress;
}): Promise<CustomerAsOfView> {
  const { stores, scratch, at } = options;
  const context = options.contexts.find((candidate) => candidate.name === 'customer360');
  if (!context) throw new Error('The customer 360 context is not among the contexts: nothing assembles a 360 view');
  const catalog = projectionCatalog([context]);
  // Only what the reader reads: the timeline (thousands of entries for a loyal customer) and segments are not folded.
  const projections = catalog.filter((entry) => CUSTOMER_360_VIEW_SOURCES.includes(entry.name));
  const head = (await stores.events.headPosition()) ?? 0;
  const until = 'position' in at ? Math.min(at.position, head) : head;
  const accept = 'time' in at ? (event: EventEnvelope) => event.occurredAt <= at.time.toISOString() : () => true;
  const timeline = catalog.find((entry) => entry.name === CUSTOMER_TIMELINE.name);
  const timelineAt = timeline ? await stores.checkpoints.get(timeline.checkpoint) : undefined;

  let reconstruction: Reconstruction;
  if (options.population || !timeline || (timelineAt ?? 0) < until) {
    const folded = await foldLog({
      events: stores.events,
      keys: stores.keys,
      projections,
      into: scratch.documents,
      untilPosition: until,
      accept,
      // The reader reads its position from the checkpoints: name them as the live context does.
      checkpointOf: (entry) => entry.checkpoint,
      progress: options.progress,
    });
    const reason = options.population
      ? undefined
      : `the live timeline is at position ${timelineAt ?? 'none'}, before ${until}: it cannot say where the customer's events are`;
    reconstruction = { method: 'whole-log', eventsFolded: folded.events, omitted: [], ...(reason ? { reason } : {}) };
  } else {
    const found = await customerEvents({ events: stores.events, documents: stores.documents, customerId: options.customerId, until });
    const folded = await foldEvents(found.events.filter(accept), projections, options.stores, scratch, until);
    reconstruction = { method: 'customer-streams', eventsFolded: folded, omitted: POPULATION_FIELDS };
  }

  const now = 'time' in at ? at.time : new Date(await occurredAtOf(options.stores, until));
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
  const view = await reader.view(options.customerId);
  return reconstruction.method === 'customer-streams'
    ? { ...view, rfm: null, churnRisk: withoutRfm(view.churnRisk), reconstruction }
    : { ...view, reconstruction };
}

/** Hands each projection the events it handles in one batch, and checkpoints it at the point, as the whole-log fold would. */
async function foldEvents(
  events: readonly EventEnvelope[],
  projections: readonly CatalogEntry[],
  stores: ReplayStores,
  scratch: ScratchStore,
  until: number,
): Promise<number> {
  const lanes = projectionLanes({ keys: stores.keys, projections, into: scratch.documents, checkpointOf: (entry) => entry.checkpoint });
  for (const lane of lanes) {
    await lane.projector.prepare();
    await lane.processor.handle(
      events.filter((event) => lane.handles.has(event.type)),
      until,
    );
    await lane.projector.caughtUp();
  }
  return events.filter((event) => lanes.some((lane) => lane.handles.has(event.type))).length;
}

/** The time the log stood at a position: when the event there occurred (positions of the embedded log are dense). */
async function occurredAtOf(stores: ReplayStores, position: number): Promise<string> {
  const [event] = (await stores.events.readAll({ after: Math.max(0, position - 1), maxCount: 1 })).events;
  return event && event.position <= position ? event.occurredAt : new Date(0).toISOString();
}

function withoutRfm(risk: Customer360View['churnRisk']): Customer360View['churnRisk'] {
  const reasons = risk.reasons.filter((reason) => reason !== 'rfm-at-risk');
  return reasons.length === risk.reasons.length ? risk : { ...risk, reasons, atRisk: reasons.length > 0 };
}

export { parseAsOfPoint, type AsOfPoint, type CustomerAsOfView, type Reconstruction } from '@c360/customer360-application';
