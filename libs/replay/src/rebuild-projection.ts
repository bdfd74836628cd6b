import type { AnyDocumentProjection, CheckpointStore, DocumentStore, EventStore, KeyStore, SwitchOverRequest } from '@c360/kernel';
import { projectionCollection } from '@c360/kernel';
import { foldLog } from './fold-log';
import type { CatalogEntry } from './projection-catalog';
import type { Progress } from './replay-stores';

/** The switch-over the read-model store offers (CollectionSwitchOver), or one wrapped around it (the platform pauses the projector). */
export type SwitchOver = (request: SwitchOverRequest) => boolean | Promise<boolean>;

export interface RebuildResult {
  readonly collection: string;
  readonly position: number;
  readonly events: number;
  /** Attempts at the switch-over (more than one when the live projector moved in between). */
  readonly attempts: number;
}

/**
 * `projections rebuild`: builds the projection from the log into a staging collection beside the live
 * one (`<name>-rebuild_v<version>`), catches it up to the head and to the live checkpoint, then switches
 * over in one step that succeeds only if the live projector has not moved since (otherwise it catches
 * up again and retries). The platform keeps serving the live collection until the switch.
 */
export async function rebuildProjection(options: {
  readonly events: EventStore;
  readonly keys: KeyStore;
  readonly documents: DocumentStore;
  readonly checkpoints: CheckpointStore;
  readonly entry: CatalogEntry;
  readonly switchOver: SwitchOver;
  readonly maxAttempts?: number;
  readonly progress?: Progress;
}): Promise<RebuildResult> {
  const { entry } = options;
  const staging: AnyDocumentProjection = { ...entry.projection, name: `${entry.name}-rebuild` };
  const stagingEntry: CatalogEntry = { ...entry, projection: staging, name: staging.name, collection: projectionCollection(staging) };
  const stagingCheckpoint = `rebuild:${entry.checkpoint}`;
  await options.documents.dropCollection(stagingEntry.collection);
  await options.checkpoints.reset(stagingCheckpoint);
  let position = 0;
  let events = 0;
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const live = await options.checkpoints.get(entry.checkpoint);
    const head = (await options.events.headPosition()) ?? 0;
    const target = Math.max(head, live ?? 0);
    if (target > position) {
      const folded = await foldLog({
        events: options.events,
        keys: options.keys,
        projections: [stagingEntry],
        into: options.documents,
        after: position,
        untilPosition: target,
        checkpointOf: () => stagingCheckpoint,
        progress: options.progress,
      });
      events += folded.events;
      position = target;
    }
    const swapped = await options.switchOver({
      staging: stagingEntry.collection,
      live: entry.collection,
      checkpoint: entry.checkpoint,
      expected: live,
      position,
      stagingCheckpoint,
    });
    if (swapped) return { collection: entry.collection, position, events, attempts: attempt };
  }
  throw new Error(`${entry.collection}: the live projector kept moving; no switch-over after ${maxAttempts} attempts (try again)`);
}
