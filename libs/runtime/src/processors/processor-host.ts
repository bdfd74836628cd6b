import { SubscriptionRunner, type CheckpointStore, type EventProcessor, type EventStore, type ProcessorStatus } from '@c360/kernel';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config';
import { CHECKPOINT_STORE, EVENT_STORE, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { PROCESSOR_OBSERVER } from '../observability/observability.tokens';
import type { ProcessorObserver } from '../observability/processors/processor-observer';
import { reconcileCheckpoints, type RegisteredCheckpoint } from './checkpoint-guard';

export interface ProcessorRegistration {
  /** The context the processor belongs to (its checkpoint follows that context's naming rule). */
  readonly context?: string;
  /** Names its checkpoint was stored under before; the position carries over once. */
  readonly formerCheckpoints?: readonly string[];
}

/**
 * Runs every registered projector, process manager and relay on a durable `$all` subscription.
 * Context modules register their processors in `onModuleInit`; once the app has bootstrapped the host
 * reconciles stored checkpoints with the registered names (carrying renamed ones over, refusing to
 * start on an orphan), then starts them, and stops them on shutdown. Health reads their status here.
 */
@Injectable()
export class ProcessorHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Processors');
  private readonly runners = new Map<string, SubscriptionRunner>();
  private readonly registrations: RegisteredCheckpoint[] = [];
  private started = false;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    // Batch logs, metrics and spans (libs/runtime/src/observability); absent, processors run unobserved.
    @Optional() @Inject(PROCESSOR_OBSERVER) private readonly observer?: ProcessorObserver,
  ) {}

  register(processor: EventProcessor, registration: ProcessorRegistration = {}): SubscriptionRunner {
    if (this.runners.has(processor.name)) throw new Error(`Two processors are named "${processor.name}"`);
    this.registrations.push({ name: processor.name, context: registration.context, formerNames: registration.formerCheckpoints });
    const runner = new SubscriptionRunner(this.observer?.observe(processor) ?? processor, this.eventStore, this.checkpoints, {
      log: (message) => this.logger.log(message),
    });
    this.runners.set(processor.name, runner);
    if (this.started) runner.start();
    return runner;
  }

  runner(name: string): SubscriptionRunner | undefined {
    return this.runners.get(name);
  }

  async statuses(): Promise<ProcessorStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  /**
   * Waits until every processor has handled the whole log, including events that reactions appended
   * while catching up (a purchase → points → a referral bonus): repeats until the head stands still.
   */
  async waitUntilCaughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let head = await this.eventStore.headPosition();
    for (;;) {
      if (head === undefined) return;
      const target = head;
      await Promise.all([...this.runners.values()].map((runner) => runner.waitFor(target, Math.max(1, deadline - Date.now()))));
      head = await this.eventStore.headPosition();
      if (head === target) return;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await reconcileCheckpoints(this.checkpoints, this.registrations, {
      ignoreOrphans: this.config.orphanedCheckpoints === 'ignore',
      log: (message) => this.logger.log(message),
    });
    this.started = true;
    for (const runner of this.runners.values()) runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }
}
