import { UpcasterRegistry, withUpcasting, type EventStore } from '@c360/kernel';
import type { ReplayStores } from '@c360/replay';
import { applyHeapGrowth, createStores, loadConfig, type PlatformConfig, type Stores } from '@c360/runtime';
import { SqliteEventStore } from '@c360/store-sqlite';
import { existsSync } from 'node:fs';
import type { Contexts } from '@c360/replay';

/** The stores the tools read, from the same configuration the apps use. */
export interface CliStores extends ReplayStores {
  /** The adapter itself (no upcasting): what counts lag and verifies the chain. */
  readonly raw: EventStore;
  readonly config: PlatformConfig;
  close(): Promise<void>;
}

/**
 * Opens the configured stores. The embedded event store is opened read-only (the platform may be
 * running, and nothing here but `privacy erase` may write to the log); other adapters as the apps do.
 */
export async function openCliStores(contexts: Contexts, env: NodeJS.ProcessEnv = process.env): Promise<CliStores> {
  const config = loadConfig(env);
  applyHeapGrowth(config.heapGrowthPercent); // rebuilds and verifications fold the whole log, as a catch-up does
  if (config.eventStore.kind === 'sqlite' && !existsSync(config.eventStore.file)) {
    throw new Error(`No event log at ${config.eventStore.file}: set C360_DATA_DIR (or --data-dir) to the platform's data directory`);
  }
  const stores: Stores = await createStores(config, { readOnlyEventStore: true });
  const registry = new UpcasterRegistry(contexts.flatMap((context) => context.upcasters ?? []));
  return {
    raw: stores.eventStore,
    events: withUpcasting(stores.eventStore, registry),
    documents: stores.documents,
    checkpoints: stores.checkpoints,
    keys: stores.keyStore,
    config,
    close: () => stores.close(),
  };
}

/** The chain lives in the embedded store only. */
export function embeddedEventStore(stores: CliStores): SqliteEventStore | undefined {
  return stores.raw instanceof SqliteEventStore ? stores.raw : undefined;
}
