import {
  hasEventLogStats,
  projectionCheckpointName,
  projectionCollection,
  type AnyDocumentProjection,
  type CheckpointStore,
  type EventStore,
} from '@c360/kernel';
import type { Contexts } from './replay-stores';

/** One projection as the tools name it. */
export interface CatalogEntry {
  readonly context: string;
  readonly projection: AnyDocumentProjection;
  readonly name: string;
  readonly version: number;
  readonly collection: string;
  readonly checkpoint: string;
}

/** Every projection of every context, in declaration order. */
export function projectionCatalog(contexts: Contexts): CatalogEntry[] {
  return contexts.flatMap((context) =>
    (context.projections ?? []).map((projection) => ({
      context: context.name,
      projection,
      name: projection.name,
      version: projection.version,
      collection: projectionCollection(projection),
      checkpoint: projectionCheckpointName(context.name, projection),
    })),
  );
}

/**
 * The entries a command names: `all`, a projection name (`customer-profile`) or a collection
 * (`customer-profile_v1`). An unknown name is an error that lists the known ones.
 */
export function selectProjections(contexts: Contexts, which: string): CatalogEntry[] {
  const catalog = projectionCatalog(contexts);
  if (which === 'all') return catalog;
  const chosen = catalog.filter((entry) => entry.name === which || entry.collection === which);
  if (chosen.length === 0) {
    throw new UnknownProjectionError(
      which,
      catalog.map((entry) => entry.name),
    );
  }
  return chosen;
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';
  constructor(
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(`No projection "${requested}"; known: all, ${known.join(', ')}`);
  }
}

export interface ProjectionStatus {
  readonly context: string;
  readonly name: string;
  readonly version: number;
  readonly collection: string;
  readonly checkpoint: number | null;
  /** Unprocessed events of the projection's own types; null when the store cannot count them cheaply. */
  readonly lag: number | null;
  readonly lagCapped: boolean;
  /** Positions between the checkpoint and the head of the log. */
  readonly behind: number;
}

/** Each projection's version, checkpoint and lag, from the stored checkpoints (the platform may be running). */
export async function projectionStatus(
  contexts: Contexts,
  stores: { readonly events: EventStore; readonly checkpoints: CheckpointStore },
  lagLimit = 100_000,
): Promise<ProjectionStatus[]> {
  const head = (await stores.events.headPosition()) ?? 0;
  const out: ProjectionStatus[] = [];
  for (const entry of projectionCatalog(contexts)) {
    const checkpoint = (await stores.checkpoints.get(entry.checkpoint)) ?? null;
    const backlog = hasEventLogStats(stores.events)
      ? await stores.events.backlog(checkpoint ?? undefined, { eventTypes: entry.projection.handles }, lagLimit)
      : undefined;
    out.push({
      context: entry.context,
      name: entry.name,
      version: entry.version,
      collection: entry.collection,
      checkpoint,
      lag: backlog ? backlog.events : null,
      lagCapped: backlog?.capped ?? false,
      behind: Math.max(0, head - (checkpoint ?? 0)),
    });
  }
  return out;
}
