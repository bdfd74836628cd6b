import type { AnyDocumentProjection, CheckpointStore, DocumentStore, EventStore, KeyStore, SwitchOverRequest } from '@c360/kernel';
import { projectionCollection } from '@c360/kernel';
import { foldLog } from './fold-log';
import type { CatalogEntry } from './projection-catalog';
import type { Progress } from './replay-stores';

/** The switch-over the read-model store offers (CollectionSwitchOver), or one wrapped around it (the platform pauses the projector). */
export type SwitchOver = (entry: CatalogEntry, request: SwitchOverRequest) => boolean | Promise<boolean>;

export interface RebuildResult {
  readonly collection: string;
  readonly position: number;
  /** Events of the types the projection handles that the rebuild folded. */
  readonly events: number;
  /** Attempts at the switch-over (more than one when the live projector moved in between). */
  readonly attempts: number;
}

/** How one projection's rebuild ended: switched over, or failed (the live collection is untouched then). */
export type RebuildOutcome =
  | { readonly entry: CatalogEntry; readonly result: RebuildResult; readonly error?: undefined }
  | { readonly entry: CatalogEntry; readonly error: Error; readonly result?: undefined };

/** One projection being rebuilt: where its staging copy lives and how far it has come. */
interface StagingLane {
  readonly entry: CatalogEntry;
  readonly staging: CatalogEntry;
  readonly checkpoint: string;
  events: number;
}

/** The staging fold's checkpoint: the live one's name (which the staging entry keeps) under `rebuild:`. */
const stagingCheckpoint = (entry: CatalogEntry) => `rebuild:${entry.checkpoint}`;

function stagingLane(entry: CatalogEntry): StagingLane {
  const projection: AnyDocumentProjection = { ...entry.projection, name: `${entry.name}-rebuild` };
  const staging: CatalogEntry = { ...entry, projection, name: projection.name, collection: projectionCollection(projection) };
  return { entry, staging, checkpoint: stagingCheckpoint(entry), events: 0 };
}

/**
 * `projections rebuild`: builds each projection from the log into a staging collection beside the live
 * one (`<name>-rebuild_v<version>`), catches it up to the head and to the live checkpoint, then switches
 * over in one step that succeeds only if the live projector has not moved since (otherwise it catches
 * up again and retries). The platform keeps serving the live collections until each switch.
 *
 * Every projection named is folded in the same pass of the log, as `audit verify` folds them: rebuilding
 * all of them one after another read the log once per projection (39 passes on the platform's catalog).
 * Those whose live projector moved during the switch are caught up together and tried again. A failed
 * switch fails that projection alone; a failed fold fails every projection still waiting. The outcomes
 * come back in the order of `entries`.
 */
export async function rebuildProjections(options: {
  readonly events: EventStore;
  readonly keys: KeyStore;
  readonly documents: DocumentStore;
  readonly checkpoints: CheckpointStore;
  readonly entries: readonly CatalogEntry[];
  readonly switchOver: SwitchOver;
  readonly maxAttempts?: number;
  readonly progress?: Progress;
  /** Told as each projection finishes, before the others do. */
  readonly onOutcome?: (outcome: RebuildOutcome) => void;
}): Promise<RebuildOutcome[]> {
  const outcomes: RebuildOutcome[] = [];
  const settle = (outcome: RebuildOutcome) => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  let pending = options.entries.map(stagingLane);
  for (const lane of pending) {
    await options.documents.dropCollection(lane.staging.collection);
    await options.checkpoints.reset(lane.checkpoint);
  }
  let position = 0;
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; attempt <= maxAttempts && pending.length > 0; attempt += 1) {
    const live = new Map<StagingLane, number | undefined>();
    for (const lane of pending) live.set(lane, await options.checkpoints.get(lane.entry.checkpoint));
    const head = (await options.events.headPosition()) ?? 0;
    const target = Math.max(head, ...[...live.values()].map((checkpoint) => checkpoint ?? 0));
    if (target > position) {
      try {
        const folded = await foldLog({
          events: options.events,
          keys: options.keys,
          projections: pending.map((lane) => lane.staging),
          into: options.documents,
          after: position,
          untilPosition: target,
          checkpointOf: stagingCheckpoint,
          progress: options.progress,
        });
        for (const lane of pending) lane.events += folded.eventsOf.get(lane.staging.name) ?? 0;
      } catch (error) {
        for (const lane of pending) settle({ entry: lane.entry, error: error as Error });
        pending = [];
        break;
      }
      position = target;
    }
    const movedOn: StagingLane[] = [];
    for (const lane of pending) {
      try {
        const swapped = await options.switchOver(lane.entry, {
          staging: lane.staging.collection,
          live: lane.entry.collection,
          checkpoint: lane.entry.checkpoint,
          expected: live.get(lane),
          position,
          stagingCheckpoint: lane.checkpoint,
        });
        if (swapped)
          settle({ entry: lane.entry, result: { collection: lane.entry.collection, position, events: lane.events, attempts: attempt } });
        else movedOn.push(lane);
      } catch (error) {
        settle({ entry: lane.entry, error: error as Error });
      }
    }
    pending = movedOn;
  }
  for (const lane of pending) {
    settle({
      entry: lane.entry,
      error: new Error(
        `${lane.entry.collection}: the live projector kept moving; no switch-over after ${maxAttempts} attempts (try again)`,
      ),
    });
  }
  return options.entries.map((entry) => outcomes.find((outcome) => outcome.entry === entry) as RebuildOutcome);
}
