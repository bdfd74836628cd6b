/**
 * Work sharing between instances of the same processor (issue 19). Several processes may run the same
 * projection, reaction or relay; exactly one of them works on it at a time, the holder of its lease.
 * Every takeover raises the lease's fencing token, and the checkpoint store refuses a checkpoint (and
 * the read-model writes committed with it) from a holder whose token is older: a holder that paused
 * past its lease, then woke up, cannot move a checkpoint its successor owns.
 */
export interface ProcessorLease {
  /** The processor's checkpoint name: one lease per checkpoint. */
  readonly name: string;
  /** The instance holding it (`C360_INSTANCE_ID`, or host, pid and a random suffix). */
  readonly holder: string;
  /** Raised by one on every change of holder; never reused. */
  readonly token: number;
  /** Epoch milliseconds; after this another instance may take the lease. */
  readonly expiresAt: number;
}

export interface ProcessorLeaseStore {
  /**
   * Takes the lease for `holder` when it is free or expired (a takeover: the token goes up), or renews
   * it when `holder` already has it (the token stays). Undefined while another holder's lease is live.
   */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<ProcessorLease | undefined>;
  /** Gives the lease up at once (a clean shutdown), when `lease` is still the current one. */
  releaseLease(lease: ProcessorLease): Promise<void>;
  /** Every lease, live or expired, by name (health and the admin API show who works on what). */
  listLeases(): Promise<ProcessorLease[]>;
}

/** A checkpoint write from a holder whose lease was taken over: it must stop working on the processor. */
export class FencedOffError extends Error {
  override readonly name = 'FencedOffError';
  constructor(
    readonly processor: string,
    readonly fence: number,
    readonly current: number,
  ) {
    super(`${processor}: checkpoint refused, lease token ${fence} was superseded by token ${current} (another instance took over)`);
  }
}

export function hasProcessorLeases(store: object): store is ProcessorLeaseStore {
  return typeof (store as Partial<ProcessorLeaseStore>).acquireLease === 'function';
}

/** Checks a lease request's arguments the same way in every adapter. */
export function assertLeaseRequest(name: string, holder: string, ttlMs: number): void {
  if (typeof name !== 'string' || !name) throw new TypeError('Lease name must be a non-empty string');
  if (typeof holder !== 'string' || !holder) throw new TypeError('Lease holder must be a non-empty string');
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) throw new TypeError(`Lease ttlMs must be a positive integer (got ${ttlMs})`);
}

/** The fencing rule every adapter applies, in the same transaction as the checkpoint write. */
export function assertFence(name: string, fence: number | undefined, currentToken: number | undefined): void {
  if (fence === undefined || currentToken === undefined || currentToken <= fence) return;
  throw new FencedOffError(name, fence, currentToken);
}
