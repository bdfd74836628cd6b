import { diffCollections, type DocumentDifference } from './collection-diff';
import { foldLog } from './fold-log';
import type { CatalogEntry } from './projection-catalog';
import type { Progress, ReplayStores, ScratchStore } from './replay-stores';

export interface VerifyReport {
  readonly projections: number;
  readonly events: number;
  readonly differences: number;
}

/**
 * `audit verify`: recomputes every read model from the log into a scratch store, each projection up
 * to its own stored checkpoint (what the stored documents claim to reflect), then compares them with
 * the stored documents. Each difference goes to `report` as it is found.
 */
export async function verifyReadModels(options: {
  readonly stores: ReplayStores;
  readonly projections: readonly CatalogEntry[];
  readonly scratch: ScratchStore;
  readonly report: (difference: DocumentDifference) => void;
  readonly progress?: Progress;
}): Promise<VerifyReport> {
  const { stores, projections, scratch } = options;
  const checkpoints = new Map<string, number>();
  for (const entry of projections) checkpoints.set(entry.checkpoint, (await stores.checkpoints.get(entry.checkpoint)) ?? 0);
  const folded = await foldLog({
    events: stores.events,
    keys: stores.keys,
    projections,
    into: scratch.documents,
    untilFor: (entry) => checkpoints.get(entry.checkpoint),
    progress: options.progress,
  });
  let differences = 0;
  for (const entry of projections) {
    for await (const difference of diffCollections(stores.documents, scratch.documents, entry.collection)) {
      differences += 1;
      options.report(difference);
    }
  }
  return { projections: projections.length, events: folded.events, differences };
}
