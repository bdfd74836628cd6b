/**
 * Renews a processor's lease `intervalMs` after the previous renewal answered, one at a time. On a
 * fixed interval a store slower than the interval (FerretDB on a loaded machine) piled renewals up,
 * each one more write in the store's queue, which slowed every holder's renewal past its TTL: leases
 * changed hands constantly. The same lesson as the watcher's checkpoint reads.
 */
export class LeaseRenewal {
  private timer: NodeJS.Timeout | undefined;
  /** Which chain of renewals is current: a chain started for an earlier lease stops at its next step. */
  private chain = 0;

  /** Starts a new chain (stopping any earlier one): `renew` every `intervalMs` after it settled. */
  start(intervalMs: number, renew: () => Promise<void>): void {
    const chain = ++this.chain;
    const next = () => {
      this.timer = setTimeout(() => {
        void renew().finally(() => {
          if (chain === this.chain) next();
        });
      }, intervalMs);
      this.timer.unref();
    };
    next();
  }

  stop(): void {
    this.chain++;
    clearTimeout(this.timer);
  }
}
