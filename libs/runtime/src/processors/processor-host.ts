import {
  DocumentProjector,
  SubscriptionRunner,
  type CheckpointStore,
  type DocumentProjection,
  type DocumentStore,
  type EventProcessor,
  type EventStore,
  type ProcessorStatus,
} from '@c360/kernel';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CHECKPOINT_STORE, DOCUMENT_STORE, EVENT_STORE } from '../infrastructure/tokens';

/**
 * Runs every registered projector, process manager and relay on a durable `$all` subscription.
 * Context modules register their processors in `onModuleInit`; the host starts them once the app has
 * bootstrapped and stops them on shutdown. Health reads their status from here.
 */
@Injectable()
export class ProcessorHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Processors');
  private readonly runners = new Map<string, SubscriptionRunner>();
  private started = false;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  register(processor: EventProcessor): SubscriptionRunner {
    if (this.runners.has(processor.name)) throw new Error(`Two processors are named "${processor.name}"`);
    const runner = new SubscriptionRunner(processor, this.eventStore, this.checkpoints, {
      log: (message) => this.logger.log(message),
    });
    this.runners.set(processor.name, runner);
    if (this.started) runner.start();
    return runner;
  }

  /** Registers a document projection behind the generic projector. */
  registerProjection<TDoc extends object>(projection: DocumentProjection<TDoc>): SubscriptionRunner {
    return this.register(new DocumentProjector(projection, this.documents));
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

  onApplicationBootstrap(): void {
    this.started = true;
    for (const runner of this.runners.values()) runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }
}
