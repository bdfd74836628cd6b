import type { CheckpointStore, DocumentStore, EventStore, KeyStore } from '@c360/kernel';
import type { ContextDefinition } from '@c360/runtime';

/** What the replay and audit use cases work on: the platform's ports, whichever adapters stand behind them. */
export interface ReplayStores {
  /** The log as every reader sees it (upcast to current schemas). */
  readonly events: EventStore;
  readonly documents: DocumentStore;
  readonly checkpoints: CheckpointStore;
  readonly keys: KeyStore;
}

/** A scratch read-model store (in memory or a temporary file) that a fold writes into. */
export type { ScratchStore } from '@c360/runtime';

/** Progress of long work: done so far out of total (total may be unknown). */
export type Progress = (done: number, total: number | undefined) => void;

/** The contexts whose definitions the tools walk (the platform's list). */
export type Contexts = readonly ContextDefinition[];
