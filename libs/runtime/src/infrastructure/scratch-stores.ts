import type { CheckpointStore, DocumentStore } from '@c360/kernel';
import { openScratchStore } from '@c360/store-sqlite';

/** A scratch read-model store (in memory or a temporary file) that a fold writes into and then drops. */
export interface ScratchStore {
  readonly documents: DocumentStore;
  readonly checkpoints: CheckpointStore;
  close(): Promise<void>;
}

/** Opens a scratch store for one fold (a customer's past view): `SCRATCH_STORES`. */
export type ScratchStores = () => ScratchStore;

/** Embedded and in memory whatever stores the platform runs on: a fold of one customer is small, and stays on this process. */
export const inMemoryScratchStores: ScratchStores = () => openScratchStore('memory');
