import type { EventEnvelope } from '../envelope/event-envelope';
import { isTransient } from '../errors/store-errors';
import type { CheckpointStore } from '../ports/checkpoint-store.port';
import { FencedOffError, type ProcessorLease, type ProcessorLeaseStore } from '../ports/processor-lease.port';
import { backlogByReading, type EventLogStats } from '../ports/event-log-stats.port';
import type { AllSubscription, EventStore } from '../ports/event-store.port';
import { backoffDelay, sleep } from './backoff';
import { CheckpointFollower } from './checkpoint-follower';
import { EventProcessingError, type EventProcessor } from './event-processor';
import { LeaseRenewal } from './lease-renewal';
import type { ReadConvoy } from './read-convoy';
import { ChunkSizer, yieldToEventLoop } from './time-budget';

/** `standby`: another instance holds this processor's lease; this one takes over if that lease expires. */
export type ProcessorState = 'idle' | 'standby' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

export interface ProcessorStatus {
  readonly name: string;
  readonly state: ProcessorState;
  /** Last position fully handled and checkpointed. */
  readonly checkpoint: number | undefined;
  /**
   * Unprocessed events of the processor's own filter (0 when caught up). Events it does not read do not
   * count: a reaction's own appends move the head but are not its work.
   */
  readonly lag: number | undefined;
  /** True when `lag` stopped counting at the limit (the backlog is larger). */
  readonly lagCapped?: boolean;
  /** Age in seconds of the oldest unprocessed event of its filter (0 when caught up). */
  readonly lagSeconds: number | undefined;
  /** Positions between the checkpoint and the head of the log, matching or not (the old measure). */
  readonly positionsBehind: number | undefined;
  readonly lastError?: string;
  /** The event that stopped a failed processor, when known: what `skip` would skip. */
  readonly failedAt?: { readonly position: number; readonly type: string; readonly eventId: string };
  readonly retries: number;
  /** With work sharing: the lease this instance holds (absent in standby or without leases). */
  readonly lease?: Pick<ProcessorLease, 'holder' | 'token' | 'expiresAt'>;
}

export interface SubscriptionRunnerOptions {
  /** Events read from the log at once (default 500). */
  readonly batchSize?: number;
  /**
   * Milliseconds a processor may hold the event loop with one chunk of events (default 25): chunks are
   * sized to fit it, and the runner yields to the event loop after each (ADR 0012).
   */
  readonly timeBudgetMs?: number;
  readonly pollIntervalMs?: number;
  /**
   * Once live, how long to let new events gather after a slice before reading again (default 0). Under
   * load every group commit wakes every processor; a few milliseconds turn many one-event transactions
   * into one (ADR 0012), at that cost in freshness.
   */
  readonly lingerMs?: number;
  /** A cheap backlog count from the adapter; defaults to reading the backlog through `readAll`. */
  readonly stats?: EventLogStats;
  /** Counting stops here: `lag` reads "at least this many" beyond it (default 100,000). */
  readonly lagCountLimit?: number;
  /** Logs progress and faults; defaults to silence (tests). */
  readonly log?: (message: string) => void;
  readonly now?: () => number;
  /**
   * Work sharing (issue 19): run only while holding this processor's lease, renewed every third of
   * `ttlMs`; stand by otherwise. Checkpoints carry the lease token, so a holder that lost the lease
   * cannot move them. Without it the runner works alone, as in the single-process default.
   */
  readonly lease?: { readonly store: ProcessorLeaseStore; readonly holder: string; readonly ttlMs: number };
  /**
   * Processors that read the log together (a host's projectors): while catching up, this one waits for
   * the others rather than run ahead of the store's shared read window (see ReadConvoy).
   */
  readonly convoy?: ReadConvoy;
}

/**
 * Runs one processor over `$all`: resumes from its checkpoint, hands it chunks of events sized to a
 * time budget, stores the checkpoint after each chunk, yields the event loop between chunks, retries
 * transient faults with backoff (for as long as they last), and stops on anything else with the error
 * visible in `status()` — nothing is skipped silently. `skip()` and `restart()` are the operator's.
 */
export class SubscriptionRunner {
  private state: ProcessorState = 'idle';
  private checkpoint: number | undefined;
  private lastError: string | undefined;
  private failedAt: ProcessorStatus['failedAt'];
  private retries = 0;
  private readonly skipped = new Set<number>();
  private abort = new AbortController();
  private subscription: AllSubscription | undefined;
  private loop: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly sizer: ChunkSizer;
  private readonly stats: EventLogStats;
  private lease: ProcessorLease | undefined;
  private readonly renewal = new LeaseRenewal();
  /** Stops following the checkpoint (set while `watch` follows another host's work). */
  private unfollow: (() => void) | undefined;

  constructor(
    readonly processor: EventProcessor,
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly options: SubscriptionRunnerOptions = {},
  ) {
    this.sizer = new ChunkSizer(options.timeBudgetMs ?? 25, options.batchSize ?? 500);
    this.stats = options.stats ?? backlogByReading(store);
  }

  get name(): string {
    return this.processor.name;
  }

  /** The last checkpointed position known to this runner (no I/O). */
  get position(): number | undefined {
    return this.checkpoint;
  }

  get currentState(): ProcessorState {
    return this.state;
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.state = 'catching-up';
    this.lastError = undefined;
    this.failedAt = undefined;
    this.loop = this.run().finally(() => {
      this.options.convoy?.leave(this);
      this.loop = undefined;
      this.notify();
    });
  }

  /**
   * Follows the processor without working on it: another host runs it (`C360_ROLE=api`, or this
   * process's processor thread). Status, lag and `waitFor` (read-your-writes) then reflect the progress
   * of whichever instance does the work, as `follower` reads it: share one follower among the runners
   * of a host (ProcessorHost does), so that one read serves them all.
   */
  watch(follower: CheckpointFollower = new CheckpointFollower(this.checkpoints)): void {
    if (this.loop || this.unfollow) return;
    this.state = 'standby';
    this.unfollow = follower.follow(this.processor.name, (stored) => {
      if (stored === this.checkpoint) return;
      this.checkpoint = stored;
      this.notify();
    });
  }

  async stop(): Promise<void> {
    this.unfollow?.();
    this.unfollow = undefined;
    this.abort.abort();
    await this.subscription?.close();
    await this.loop;
    await this.releaseLease();
    if (this.state !== 'failed') this.state = 'stopped';
    this.notify();
  }

  /** Stops and starts again from the stored checkpoint: retries a failed event, clears a stuck state. */
  async restart(): Promise<void> {
    this.log('operator restarts the processor');
    await this.stop();
    this.start();
  }

  /** Skips the event that stopped a failed processor, and starts it again. */
  async skip(position: number | undefined = this.failedAt?.position): Promise<void> {
    if (position === undefined) throw new Error(`${this.processor.name} has no failed event to skip`);
    this.log(`operator skips position ${position}`);
    this.skipped.add(position);
    await this.stop();
    this.start();
  }

  async status(): Promise<ProcessorStatus> {
    // Standing by, this instance reads nothing itself: its lag is the holder's, from the stored checkpoint.
    if (this.state === 'standby') this.checkpoint = await this.checkpoints.get(this.processor.name).catch(() => this.checkpoint);
    const head = await this.store.headPosition().catch(() => undefined);
    const positionsBehind = head === undefined ? 0 : Math.max(0, head - (this.checkpoint ?? 0));
    const backlog = positionsBehind === 0 ? { events: 0, capped: false } : await this.backlog();
    const oldest = backlog?.oldestOccurredAt ? Date.parse(backlog.oldestOccurredAt) : undefined;
    const now = this.options.now?.() ?? Date.now();
    return {
      name: this.processor.name,
      state: this.state,
      checkpoint: this.checkpoint,
      lag: backlog?.events,
      ...(backlog?.capped ? { lagCapped: true } : {}),
      lagSeconds: backlog === undefined ? undefined : oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000),
      positionsBehind,
      lastError: this.lastError,
      failedAt: this.failedAt,
      retries: this.retries,
      ...(this.lease ? { lease: { holder: this.lease.holder, token: this.lease.token, expiresAt: this.lease.expiresAt } } : {}),
    };
  }

  /** Resolves once the processor has handled everything up to `position` (read-your-writes, tests, rebuilds). */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if ((this.checkpoint ?? -1) >= position) return done(resolve);
        if (this.state === 'failed') return done(() => reject(new Error(`${this.processor.name} failed: ${this.lastError}`)));
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(new Error(`${this.processor.name} did not reach position ${position} in ${timeoutMs} ms (at ${this.checkpoint})`)),
          ),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  private async backlog() {
    try {
      return await this.stats.backlog(this.checkpoint, this.processor.filter, this.options.lagCountLimit ?? 100_000);
    } catch {
      return undefined; // the store is down: health says so separately
    }
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    let attempt = 0;
    // Start on a later turn: a host starting many runners (and the HTTP server) is not held up.
    await yieldToEventLoop();
    while (!signal.aborted) {
      try {
        if (this.options.lease && !this.lease && !(await this.takeLease(signal))) return;
        this.checkpoint = await this.checkpoints.get(this.processor.name);
        this.options.convoy?.join(this, () => this.checkpoint);
        this.subscription = this.store.subscribeToAll({
          after: this.checkpoint,
          filter: this.processor.filter,
          maxCount: this.options.batchSize ?? 500,
          pollIntervalMs: this.options.pollIntervalMs,
        });
        for await (const slice of this.subscription) {
          if (signal.aborted) break;
          if (slice.lastPosition === undefined) continue;
          await this.handleSlice(slice.events, slice.lastPosition, slice.isEnd, signal);
          attempt = 0;
          if (!slice.isEnd) await this.options.convoy?.keepPace(this, signal);
          if (slice.isEnd && slice.events.length && this.options.lingerMs) await sleep(this.options.lingerMs, signal);
        }
        if (this.options.lease && !this.lease && !signal.aborted) continue; // lost the lease: stand by again
        return;
      } catch (error) {
        this.options.convoy?.leave(this);
        await this.subscription?.close().catch(() => undefined);
        if (signal.aborted) return;
        if (error instanceof FencedOffError || error instanceof LeaseLostError) {
          this.loseLease(`fenced off: ${error.message}`);
          continue;
        }
        if (!isTransient(error)) return this.fail(error);
        this.noteRetry(error);
        await sleep(backoffDelay(attempt++), signal);
      }
    }
  }

  /** Hands a slice over in chunks that fit the time budget, checkpointing and yielding after each. */
  private async handleSlice(events: readonly EventEnvelope[], lastPosition: number, isEnd: boolean, signal: AbortSignal) {
    let from = 0;
    do {
      const wholeSlice = this.processor.chunking === 'whole-slice';
      const size = wholeSlice ? events.length : this.sizer.current;
      const chunk = events.slice(from, from + size);
      from += chunk.length;
      const last = from >= events.length;
      const started = performance.now();
      await this.handleWithRetry(chunk, last ? lastPosition : chunk[chunk.length - 1].position, signal);
      if (!wholeSlice) this.sizer.record(chunk.length, performance.now() - started);
      if (last && isEnd) await this.processor.caughtUp?.();
      this.state = last && isEnd ? 'live' : 'catching-up';
      this.notify();
      await yieldToEventLoop();
    } while (from < events.length && !signal.aborted);
  }

  private async handleWithRetry(events: readonly EventEnvelope[], lastPosition: number, signal: AbortSignal) {
    const batch = this.skipped.size ? events.filter((event) => !this.skipped.has(event.position)) : events;
    for (let attempt = 0; ; attempt++) {
      try {
        const fence = this.lease?.token;
        if (this.options.lease && fence === undefined) throw new LeaseLostError(this.processor.name);
        await this.processor.handle(batch, lastPosition, fence);
        if (!this.processor.storesOwnCheckpoint) await this.checkpoints.set(this.processor.name, lastPosition, fence);
        this.checkpoint = lastPosition;
        if (this.state === 'retrying') {
          this.log('recovered');
          this.options.convoy?.join(this, () => this.checkpoint);
        }
        return;
      } catch (error) {
        if (!isTransient(error) || signal.aborted) throw error;
        this.noteRetry(error);
        await sleep(backoffDelay(attempt), signal);
      }
    }
  }

  /** Waits in standby until this instance holds the lease (false when stopped first). */
  private async takeLease(signal: AbortSignal): Promise<boolean> {
    const { store, holder, ttlMs } = this.options.lease as NonNullable<SubscriptionRunnerOptions['lease']>;
    let announced = false;
    while (!signal.aborted) {
      const lease = await store.acquireLease(this.processor.name, holder, ttlMs).catch((error: unknown) => {
        if (!isTransient(error)) throw error;
        return undefined;
      });
      if (lease) {
        this.lease = lease;
        this.log(`holds the lease (token ${lease.token})`);
        this.renewal.start(Math.max(1, Math.floor(ttlMs / 3)), () => this.renewLease());
        this.state = 'catching-up';
        this.notify();
        return true;
      }
      if (!announced) this.log('stands by: another instance holds the lease');
      announced = true;
      this.state = 'standby';
      this.notify();
      await sleep(Math.max(1, Math.floor(ttlMs / 3)), signal);
    }
    return false;
  }

  private async renewLease(): Promise<void> {
    const current = this.lease;
    const options = this.options.lease;
    if (!current || !options) return;
    try {
      const renewed = await options.store.acquireLease(current.name, current.holder, options.ttlMs);
      if (this.lease !== current) return;
      if (renewed?.token === current.token) this.lease = renewed;
      else this.loseLease('another instance took the lease over');
    } catch (error) {
      // A store that cannot be reached cannot renew: past the expiry another instance may take over,
      // and the fence then refuses this one's writes. Until then it keeps working.
      if (current.expiresAt <= (this.options.now?.() ?? Date.now())) this.loseLease(`lease expired: ${describe(error)}`);
    }
  }

  /** Stops working on the processor (the subscription ends; `run` goes back to standby). */
  private loseLease(reason: string) {
    if (!this.lease) return;
    this.options.convoy?.leave(this);
    this.log(`lost the lease: ${reason}`);
    this.lease = undefined;
    this.renewal.stop();
    this.state = 'standby';
    void this.subscription?.close();
    this.notify();
  }

  private async releaseLease(): Promise<void> {
    const lease = this.lease;
    this.renewal.stop();
    this.lease = undefined;
    if (lease) await this.options.lease?.store.releaseLease(lease).catch(() => undefined);
  }

  private noteRetry(error: unknown) {
    this.options.convoy?.leave(this); // nobody waits for a processor in backoff
    this.retries++;
    this.state = 'retrying';
    this.lastError = describe(error);
    this.log(`transient fault, retrying: ${this.lastError}`);
  }

  private fail(error: unknown) {
    this.state = 'failed';
    this.lastError = describe(error);
    if (error instanceof EventProcessingError) {
      this.failedAt = { position: error.event.position, type: error.event.type, eventId: error.event.id };
    }
    this.log(`STOPPED: ${this.lastError}`);
    this.notify();
  }

  private notify() {
    this.options.convoy?.moved();
    for (const listener of [...this.listeners]) listener();
  }

  private log(message: string) {
    this.options.log?.(`[${this.processor.name}] ${message}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The lease was lost (not renewed in time, or taken over) before a batch was handed over: nothing was written. */
class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(processor: string) {
    super(`${processor}: this instance no longer holds the lease; the batch was not handled`);
  }
}
