import type { EventEnvelope } from '../envelope/event-envelope';
import { isTransient } from '../errors/store-errors';
import type { CheckpointStore } from '../ports/checkpoint-store.port';
import type { AllSubscription, EventStore } from '../ports/event-store.port';
import { backoffDelay, sleep } from './backoff';
import { EventProcessingError, type EventProcessor } from './event-processor';

export type ProcessorState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

export interface ProcessorStatus {
  readonly name: string;
  readonly state: ProcessorState;
  /** Last position fully handled and checkpointed. */
  readonly checkpoint: number | undefined;
  /** Positions between the checkpoint and the head of the log (0 when caught up). */
  readonly lag: number | undefined;
  readonly lastError?: string;
  /** The event that stopped a failed processor, when known: what `skip` would skip. */
  readonly failedAt?: { readonly position: number; readonly type: string; readonly eventId: string };
  readonly retries: number;
}

export interface SubscriptionRunnerOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  /** Logs progress and faults; defaults to silence (tests). */
  readonly log?: (message: string) => void;
}

/**
 * Runs one processor over `$all`: resumes from its checkpoint, hands it batches, stores the
 * checkpoint after each batch, retries transient faults with backoff, and stops on anything else
 * with the error visible in `status()` — nothing is skipped silently. `skip()` is the operator's
 * way past a poisoned event.
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

  constructor(
    readonly processor: EventProcessor,
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly options: SubscriptionRunnerOptions = {},
  ) {}

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.state = 'catching-up';
    this.lastError = undefined;
    this.failedAt = undefined;
    this.loop = this.run().finally(() => {
      this.loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.subscription?.close();
    await this.loop;
    if (this.state !== 'failed') this.state = 'stopped';
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
    const head = await this.store.headPosition().catch(() => undefined);
    const lag = head === undefined ? 0 : Math.max(0, head - (this.checkpoint ?? 0));
    return {
      name: this.processor.name,
      state: this.state,
      checkpoint: this.checkpoint,
      lag,
      lastError: this.lastError,
      failedAt: this.failedAt,
      retries: this.retries,
    };
  }

  /** Resolves once the processor has handled everything up to `position` (tests, rebuild tooling). */
  async waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.checkpoint ?? -1) < position) {
      if (this.state === 'failed') throw new Error(`${this.processor.name} failed: ${this.lastError}`);
      if (Date.now() > deadline) {
        throw new Error(`${this.processor.name} did not reach position ${position} in ${timeoutMs} ms (at ${this.checkpoint})`);
      }
      await sleep(5);
    }
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        this.checkpoint = await this.checkpoints.get(this.processor.name);
        this.subscription = this.store.subscribeToAll({
          after: this.checkpoint,
          filter: this.processor.filter,
          maxCount: this.options.batchSize ?? 500,
          pollIntervalMs: this.options.pollIntervalMs,
        });
        for await (const slice of this.subscription) {
          if (signal.aborted) break;
          if (slice.lastPosition === undefined) continue;
          await this.handleWithRetry(slice.events, slice.lastPosition, signal);
          attempt = 0;
          this.state = slice.isEnd ? 'live' : 'catching-up';
        }
        return;
      } catch (error) {
        await this.subscription?.close().catch(() => undefined);
        if (signal.aborted) return;
        if (!isTransient(error)) return this.fail(error);
        this.noteRetry(error);
        await sleep(backoffDelay(attempt++), signal);
      }
    }
  }

  private async handleWithRetry(events: readonly EventEnvelope[], lastPosition: number, signal: AbortSignal) {
    const batch = this.skipped.size ? events.filter((event) => !this.skipped.has(event.position)) : events;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.processor.handle(batch, lastPosition);
        if (!this.processor.storesOwnCheckpoint) await this.checkpoints.set(this.processor.name, lastPosition);
        this.checkpoint = lastPosition;
        return;
      } catch (error) {
        if (!isTransient(error) || signal.aborted) throw error;
        this.noteRetry(error);
        await sleep(backoffDelay(attempt), signal);
      }
    }
  }

  private noteRetry(error: unknown) {
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
  }

  private log(message: string) {
    this.options.log?.(`[${this.processor.name}] ${message}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
