/** A member's position: its last checkpointed position (undefined before it has one). */
type PositionOf = () => number | undefined;

/**
 * Keeps processors that read the same log close together while they catch up, so that a store which
 * shares its reads (the SQLite event store's window of decoded events, ADR 0021) reads and decodes each
 * event once for all of them.
 *
 * Left alone, runners taking turns drift apart: a projection with a sparse filter (loyalty balances)
 * covers two positions of the log for every one the timeline covers, runs out of the shared window, and
 * from then on every projection reads and parses the log by itself — 2.5 decodes per event in the
 * projections benchmark, a third of the catch-up's CPU. A member more than `maxSpread` positions ahead of
 * the slowest member within reach waits until that one moves. Nobody waits for long:
 * - a member far behind (beyond `reach`: a projection rebuilt from zero beside live ones) is not waited
 *   for — it reads with SQL on its own, as before;
 * - a member that stops moving (a retry's backoff, a long chunk) releases the others after `patienceMs`;
 * - members leave while they are not working (retrying, failed, stopped, standing by), and a live
 *   member at the head of the log never waits (the runner only asks while catching up).
 */
export class ReadConvoy {
  private readonly members = new Map<object, PositionOf>();
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly options: {
      /** Positions a member may lead the slowest one by (default 4,000: half the SQLite read window). */
      readonly maxSpread?: number;
      /** Members farther behind than this are not waited for (default 4 × maxSpread). */
      readonly reach?: number;
      /** How long a member waits for a slower one that does not move (default 100 ms). */
      readonly patienceMs?: number;
    } = {},
  ) {}

  join(member: object, position: PositionOf): void {
    this.members.set(member, position);
  }

  leave(member: object): void {
    if (this.members.delete(member)) this.moved();
  }

  /** A member's position changed: whoever waits for it looks again. */
  moved(): void {
    for (const wake of [...this.waiting]) wake();
  }

  /** Resolves once `member` is within `maxSpread` of the slowest member within reach (or patience ran out). */
  async keepPace(member: object, signal?: AbortSignal): Promise<void> {
    const patienceMs = this.options.patienceMs ?? 100;
    const deadline = performance.now() + patienceMs;
    while (this.lead(member) > (this.options.maxSpread ?? 4_000) && !signal?.aborted) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      await this.nextMove(left, signal);
    }
  }

  /** How far `member` is ahead of the slowest member within reach (0 when it leads nobody). */
  private lead(member: object): number {
    const mine = this.members.get(member)?.();
    if (mine === undefined) return 0;
    const maxSpread = this.options.maxSpread ?? 4_000;
    const reach = this.options.reach ?? 4 * maxSpread;
    let lead = 0;
    for (const [other, positionOf] of this.members) {
      if (other === member) continue;
      const behind = mine - (positionOf() ?? 0);
      if (behind <= reach && behind > lead) lead = behind;
    }
    return lead;
  }

  private nextMove(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiting.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
