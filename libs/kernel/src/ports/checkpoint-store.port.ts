/**
 * Where each subscription processor (projector, process manager, relay) remembers the last global
 * position it has fully handled. Moving a checkpoint backwards is allowed (rebuilds) but explicit.
 */
export interface CheckpointStore {
  /** Undefined when the processor never stored one: start from the beginning of the log. */
  get(name: string): Promise<number | undefined>;
  /**
   * With `fence` (the lease token of the instance writing, ProcessorLeaseStore), the write is refused
   * with FencedOffError when another instance has taken the processor's lease over since.
   */
  set(name: string, position: number, fence?: number): Promise<void>;
  /** Forgets a checkpoint so the processor starts again from the beginning. */
  reset(name: string): Promise<void>;
  list(): Promise<Array<{ name: string; position: number }>>;
}
