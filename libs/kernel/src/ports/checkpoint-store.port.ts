/**
 * Where each subscription processor (projector, process manager, relay) remembers the last global
 * position it has fully handled. Moving a checkpoint backwards is allowed (rebuilds) but explicit.
 */
export interface CheckpointStore {
  /** Undefined when the processor never stored one: start from the beginning of the log. */
  get(name: string): Promise<number | undefined>;
  set(name: string, position: number): Promise<void>;
  /** Forgets a checkpoint so the processor starts again from the beginning. */
  reset(name: string): Promise<void>;
  list(): Promise<Array<{ name: string; position: number }>>;
}
