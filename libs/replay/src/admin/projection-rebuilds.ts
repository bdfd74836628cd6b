import {
  hasCollectionSwitchOver,
  type CheckpointStore,
  type CollectionSwitchOver,
  type DocumentStore,
  type EventStore,
  type KeyStore,
} from '@c360/kernel';
import type { PlatformConfig, ProcessorHost } from '@c360/runtime';
import { selectProjections, type CatalogEntry } from '../projection-catalog';
import { rebuildProjections, type RebuildOutcome, type RebuildResult } from '../rebuild-projection';
import type { Contexts } from '../replay-stores';

export interface RebuildJob {
  readonly collection: string;
  readonly state: 'running' | 'switched-over' | 'failed';
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Position folded so far, out of the head when the fold started. */
  readonly progress: { readonly done: number; readonly total: number | undefined };
  readonly result?: RebuildResult;
  readonly error?: string;
}

/** A rebuild this process refuses to start, and why (the admin API answers 409 with it). */
export class RebuildRefused extends Error {
  override readonly name = 'RebuildRefused';
}

/**
 * `POST /admin/projections/:name/rebuild`: the rebuild of `c360 projections rebuild`, run inside the
 * process that runs the live projector, which is what makes the switch-over safe on any store. A store
 * that switches atomically (the embedded one) switches with the projector running; one that cannot
 * (MongoDB: a rename, then the checkpoint) has the live projector stopped for the switch and started
 * again from the new checkpoint right after — a pause of one switch, not of the rebuild.
 * Refused where another instance could run the projector meanwhile (processor leases) or where this
 * process does not run it (C360_ROLE=api).
 */
export class ProjectionRebuilds {
  private readonly jobs = new Map<string, RebuildJob>();

  constructor(
    private readonly contexts: () => Contexts,
    private readonly host: ProcessorHost,
    private readonly stores: { events: EventStore; keys: KeyStore; documents: DocumentStore; checkpoints: CheckpointStore },
    private readonly config: Pick<PlatformConfig, 'role' | 'processorLeases'>,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts rebuilding the named projections (`all`, a name or a collection) in the background, in one pass of the log. */
  start(which: string): RebuildJob[] {
    const entries = selectProjections(this.contexts(), which);
    const documents = this.stores.documents;
    if (!hasCollectionSwitchOver(documents)) throw new RebuildRefused('this read-model store cannot switch a rebuilt collection in');
    if (this.config.role === 'api') throw new RebuildRefused('C360_ROLE=api: this process runs no projector; ask the one that does');
    if (!documents.switchOverIsAtomic && this.config.processorLeases) {
      throw new RebuildRefused(
        'with processor leases on, another instance would take the projector over while it is stopped for the switch; stop the other processor instances first, or rebuild on the embedded store',
      );
    }
    const elsewhere = documents.switchOverIsAtomic ? [] : entries.filter((entry) => !this.host.runner(entry.checkpoint));
    if (elsewhere.length > 0) {
      // A two-step switch is safe only with the live projector paused, and it can be paused only here.
      throw new RebuildRefused(`this process does not run ${elsewhere.map((entry) => entry.checkpoint).join(', ')}: ask the one that does`);
    }
    const busy = entries.filter((entry) => this.jobs.get(entry.collection)?.state === 'running');
    if (busy.length > 0) throw new RebuildRefused(`already rebuilding ${busy.map((entry) => entry.collection).join(', ')}`);
    const queued = entries.map((entry) => this.track(entry.collection, { state: 'running', progress: { done: 0, total: undefined } }));
    void this.runAll(entries, documents);
    return queued;
  }

  list(): RebuildJob[] {
    return [...this.jobs.values()];
  }

  private async runAll(entries: readonly CatalogEntry[], documents: DocumentStore & CollectionSwitchOver): Promise<void> {
    const finished = new Set<string>();
    const settle = ({ entry, result, error }: RebuildOutcome) => {
      finished.add(entry.collection);
      const finishedAt = new Date().toISOString();
      if (result) {
        this.track(entry.collection, { state: 'switched-over', result, finishedAt });
        this.log(`${entry.collection}: rebuilt from ${result.events} events and switched over at position ${result.position}`);
      } else {
        this.track(entry.collection, { state: 'failed', error: error.message, finishedAt });
        this.log(`${entry.collection}: rebuild failed: ${error.message}`);
      }
    };
    try {
      await rebuildProjections({
        ...this.stores,
        entries,
        switchOver: (entry, request) => this.switchOver(entry, documents, request),
        // One fold for all of them: every job still waiting shows its progress.
        progress: (done, total) => {
          for (const entry of entries) if (!finished.has(entry.collection)) this.track(entry.collection, { progress: { done, total } });
        },
        onOutcome: settle,
      });
    } catch (error) {
      // Before the fold (dropping a staging collection, reading a checkpoint): no job may stay "running".
      for (const entry of entries) if (!finished.has(entry.collection)) settle({ entry, error: error as Error });
    }
  }

  private async switchOver(
    entry: CatalogEntry,
    documents: CollectionSwitchOver,
    request: Parameters<CollectionSwitchOver['swapCollection']>[0],
  ): Promise<boolean> {
    const runner = this.host.runner(entry.checkpoint);
    if (documents.switchOverIsAtomic || !runner) return documents.swapCollection(request); // no runner: refused in start()
    await runner.stop(); // its last batch is committed: the checkpoint compare below sees it
    try {
      return await documents.swapCollection(request);
    } finally {
      runner.start(); // from the checkpoint the switch wrote (or its own, when the switch was refused)
    }
  }

  private track(collection: string, change: Partial<RebuildJob>): RebuildJob {
    const before = this.jobs.get(collection);
    const fresh = !before || (change.state === 'running' && before.state !== 'running');
    const job: RebuildJob = {
      ...(fresh
        ? { collection, state: 'running' as const, startedAt: new Date().toISOString(), progress: { done: 0, total: undefined } }
        : before),
      ...change,
    };
    this.jobs.set(collection, job);
    return job;
  }
}
