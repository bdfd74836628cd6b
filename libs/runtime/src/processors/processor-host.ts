import {
  CheckpointFollower,
  ReadConvoy,
  SubscriptionRunner,
  hasEventLogStats,
  hasProcessorLeases,
  type CheckpointStore,
  type EventProcessor,
  type EventStore,
  type ProcessorStatus,
} from '@c360/kernel';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config';
import { CHECKPOINT_STORE, EVENT_STORE, PLATFORM_CONFIG, RAW_EVENT_STORE } from '../infrastructure/tokens';
import { PROCESSOR_OBSERVER } from '../observability/observability.tokens';
import type { ProcessorObserver } from '../observability/processors/processor-observer';
import { reconcileCheckpoints, type RegisteredCheckpoint } from './checkpoint-guard';
import { componentOf, type ProcessorComponent } from './processor-components';

export interface ProcessorRegistration {
  /** The context the processor belongs to (its checkpoint follows that context's naming rule). */
  readonly context?: string;
  /** Names its checkpoint was stored under before; the position carries over once. */
  readonly formerCheckpoints?: readonly string[];
  /**
   * Where its checkpoint lives when not with the read models (the relay's, ADR 0012). A checkpoint still
   * stored with the read models under the same name is moved here once, at start-up.
   */
  readonly checkpoints?: CheckpointStore;
}

export interface HostedProcessorStatus extends ProcessorStatus, ProcessorComponent {}

/** How long a lookup that missed waits for its projection to reach the head (`catchUpToHead`). */
const LOOKUP_CATCH_UP_MS = 2_000;

/** What the thread that runs the processors says they are doing, or why it cannot say (ADR 0029). */
export type ThreadStatuses = { readonly statuses: readonly HostedProcessorStatus[] } | { readonly unavailable: string };

interface Hosted extends ProcessorComponent {
  readonly runner: SubscriptionRunner;
  /** Where its checkpoint lives: its own store, or the read models'. */
  readonly checkpoints: CheckpointStore;
  readonly ownCheckpoints?: CheckpointStore;
  readonly formerNames: readonly string[];
}

/**
 * Runs every registered projector, process manager and relay on a durable `$all` subscription.
 * Context modules register their processors in `onModuleInit`; once the app has bootstrapped the host
 * reconciles stored checkpoints with the registered names (carrying renamed ones over, refusing to
 * start on an orphan), then starts them, and stops them on shutdown. Health, the admin API and
 * read-your-writes read and steer them here.
 */
@Injectable()
export class ProcessorHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Processors');
  private readonly hosted = new Map<string, Hosted>();
  private readonly registrations: RegisteredCheckpoint[] = [];
  private started = false;
  private worker: (() => Promise<ThreadStatuses>) | undefined;
  /** The projectors read the log together while they catch up, so the store decodes each event once (ADR 0021). */
  private readonly readers = new ReadConvoy();
  /** With role `api`: one checkpoint read per store and interval follows every processor kept there. */
  private readonly followers = new Map<CheckpointStore, CheckpointFollower>();

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(RAW_EVENT_STORE) private readonly rawEventStore: EventStore,
    // Batch logs, metrics and spans (libs/runtime/src/observability); absent, processors run unobserved.
    @Optional() @Inject(PROCESSOR_OBSERVER) private readonly observer?: ProcessorObserver,
  ) {}

  register(processor: EventProcessor, registration: ProcessorRegistration = {}): SubscriptionRunner {
    if (this.hosted.has(processor.name)) throw new Error(`Two processors are named "${processor.name}"`);
    if (!registration.checkpoints) {
      this.registrations.push({ name: processor.name, context: registration.context, formerNames: registration.formerCheckpoints });
    }
    const checkpoints = registration.checkpoints ?? this.checkpoints;
    const component = componentOf(processor.name, registration.context);
    const runner = new SubscriptionRunner(this.observer?.observe(processor) ?? processor, this.eventStore, checkpoints, {
      log: (message) => this.logger.log(message),
      timeBudgetMs: this.config.processorTimeBudgetMs,
      lingerMs: this.config.processorLingerMs,
      stats: hasEventLogStats(this.rawEventStore) ? this.rawEventStore : undefined,
      lease: this.leaseFor(processor.name, checkpoints),
      convoy: component.servesReads ? this.readers : undefined,
    });
    this.hosted.set(processor.name, {
      runner,
      checkpoints,
      ownCheckpoints: registration.checkpoints,
      formerNames: registration.formerCheckpoints ?? [],
      ...component,
    });
    if (this.started) this.run(runner, checkpoints);
    return runner;
  }

  /** Works on the processor, or (C360_ROLE=api) follows the instance that does. */
  private run(runner: SubscriptionRunner, checkpoints: CheckpointStore): void {
    if (this.config.role !== 'api') return runner.start();
    let follower = this.followers.get(checkpoints);
    if (!follower) this.followers.set(checkpoints, (follower = new CheckpointFollower(checkpoints)));
    runner.watch(follower);
  }

  /** With C360_PROCESSOR_LEASES=on, the lease lives in the store that keeps the processor's checkpoint. */
  private leaseFor(name: string, checkpoints: CheckpointStore) {
    const leases = this.config.processorLeases;
    if (!leases) return undefined;
    if (!hasProcessorLeases(checkpoints)) throw new Error(`C360_PROCESSOR_LEASES=on, but the checkpoint store of ${name} keeps no leases`);
    return { store: checkpoints, holder: leases.holder, ttlMs: leases.ttlMs };
  }

  runner(name: string): SubscriptionRunner | undefined {
    return this.hosted.get(name)?.runner;
  }

  names(): string[] {
    return [...this.hosted.keys()];
  }

  async statuses(): Promise<HostedProcessorStatus[]> {
    const answer = await this.worker?.();
    // The thread's answer is complete: the followed runners' own lag queries are not run as well.
    const working = answer && 'statuses' in answer ? new Map(answer.statuses.map((status) => [status.name, status])) : undefined;
    return Promise.all(
      [...this.hosted.values()].map(async ({ runner, component, servesReads }) => {
        const fromThread = working?.get(runner.name);
        if (fromThread) return fromThread;
        const followed = { ...(await runner.status()), component, servesReads };
        // Nobody works on them meanwhile: each is shown retrying, which degrades its component (not failed).
        return answer && 'unavailable' in answer ? { ...followed, state: 'retrying' as const, lastError: answer.unavailable } : followed;
      }),
    );
  }

  /**
   * The processors this host follows run on this process's processor thread (ADR 0029): their states
   * (failed, retrying, the event a stopped one failed on) come from there, not from their checkpoints.
   */
  followStatuses(worker: () => Promise<ThreadStatuses>): void {
    this.worker = worker;
  }

  /**
   * Resolves once every processor that serves reads (the projections) has handled the log up to
   * `position`: what a query asking to read its own writes waits for. Rejects after `timeoutMs`.
   */
  async waitForReads(position: number, timeoutMs: number): Promise<void> {
    const readers = [...this.hosted.values()].filter((hosted) => hosted.servesReads && (hosted.runner.position ?? -1) < position);
    await Promise.all(readers.map((hosted) => hosted.runner.waitFor(position, timeoutMs)));
  }

  /**
   * Waits, at most `timeoutMs`, until the named processor has handled the log up to where its head is
   * now: a lookup that missed a document written a moment ago asks once more after this. Resolves
   * quietly on timeout, on an empty log and for a name no processor here has.
   */
  async catchUpToHead(name: string, timeoutMs = LOOKUP_CATCH_UP_MS): Promise<void> {
    const runner = this.runner(name);
    const head = runner ? await this.eventStore.headPosition() : undefined;
    if (runner && head !== undefined) await runner.waitFor(head, timeoutMs).catch(() => undefined);
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
      await Promise.all([...this.hosted.values()].map(({ runner }) => runner.waitFor(target, Math.max(1, deadline - Date.now()))));
      head = await this.eventStore.headPosition();
      if (head === target) return;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.moveOwnCheckpoints();
    await reconcileCheckpoints(this.checkpoints, this.registrations, {
      ignoreOrphans: this.config.orphanedCheckpoints === 'ignore',
      log: (message) => this.logger.log(message),
    });
    this.started = true;
    if (this.config.role === 'api')
      this.logger.log("processors run elsewhere (another process, or this process's processor thread); following their checkpoints");
    for (const { runner, checkpoints } of this.hosted.values()) this.run(runner, checkpoints);
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    await Promise.all([...this.hosted.values()].map(({ runner }) => runner.stop()));
  }

  /**
   * A checkpoint that moved to a store of its own (the relay's) is carried over once, never reset —
   * under its current name or a former one (the first wave's `relay:integration-events`).
   */
  private async moveOwnCheckpoints(): Promise<void> {
    for (const [name, { ownCheckpoints, formerNames }] of this.hosted) {
      if (!ownCheckpoints || ownCheckpoints === this.checkpoints) continue;
      if ((await ownCheckpoints.get(name)) !== undefined) continue;
      for (const stored of [name, ...formerNames]) {
        const old = await this.checkpoints.get(stored);
        if (old === undefined) continue;
        await ownCheckpoints.set(name, old);
        await this.checkpoints.reset(stored);
        this.logger.log(`checkpoint ${stored} moved out of the read-model store to ${name} at position ${old}`);
        break;
      }
    }
  }
}
