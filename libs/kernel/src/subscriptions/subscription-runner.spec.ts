import { randomUUID } from 'node:crypto';
import type { EventEnvelope, NewEvent } from '../envelope/event-envelope';
import { TransientStoreError } from '../errors/store-errors';
import { InMemoryCheckpointStore } from '../testing/in-memory-checkpoint-store';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { CheckpointFollower } from './checkpoint-follower';
import { EventProcessingError, type EventProcessor } from './event-processor';
import { ReadConvoy } from './read-convoy';
import { SubscriptionRunner } from './subscription-runner';

const event = (type: string, data: unknown = {}): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' } },
});

class Recorder implements EventProcessor {
  readonly seen: EventEnvelope[] = [];
  failures: Array<(event: EventEnvelope) => Error | undefined> = [];
  caughtUp?: () => Promise<void>;
  constructor(
    readonly name: string,
    readonly filter?: EventProcessor['filter'],
  ) {}
  async handle(events: readonly EventEnvelope[]) {
    for (const e of events) {
      for (const failure of this.failures) {
        const error = failure(e);
        if (error) throw error instanceof TransientStoreError ? error : new EventProcessingError(e, this.name, error);
      }
    }
    this.seen.push(...events);
  }
}

describe('SubscriptionRunner', () => {
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpointStore;
  const runners: SubscriptionRunner[] = [];
  const run = (processor: EventProcessor) => {
    const runner = new SubscriptionRunner(processor, store, checkpoints, { batchSize: 2 });
    runners.push(runner);
    runner.start();
    return runner;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpointStore();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  it('tells the processor each time it reaches the head, and retries it like a batch when that fails transiently', async () => {
    await store.appendToStream('s-1', [event('a'), event('b'), event('c')], { expectedRevision: 'no_stream' });
    const processor = new Recorder('finisher');
    let calls = 0;
    let failed = false;
    processor.caughtUp = async () => {
      calls++;
      if (!failed) {
        failed = true;
        throw new TransientStoreError('database or disk is full');
      }
    };
    const runner = run(processor);
    await runner.waitFor(3, 5_000);
    await until(() => calls >= 2);
    expect(processor.seen.map((e) => e.type)).toEqual(['a', 'b', 'c']); // nothing handled twice
    expect((await runner.status()).retries).toBe(1);
  });

  it('watching a processor another process runs, reads its checkpoint one read at a time however slow the store', async () => {
    let inFlight = 0;
    let most = 0;
    let reads = 0;
    const slow = new InMemoryCheckpointStore();
    const list = slow.list.bind(slow);
    slow.list = async () => {
      reads++;
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 60));
      inFlight--;
      return list();
    };
    const runner = new SubscriptionRunner(new Recorder('watched'), store, slow);
    runners.push(runner);
    runner.watch(new CheckpointFollower(slow, 5)); // an interval far shorter than a read
    const followed = runner.waitFor(7, 2_000);
    await slow.set('watched', 7); // the instance doing the work moved on
    await followed;
    expect((await runner.status()).state).toBe('standby');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runner.stop();
    const after = reads;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(most).toBe(1);
    expect(reads).toBe(after); // stopped: no read scheduled any more
  });

  it('hands the processor every matching event in order, then stays live', async () => {
    await store.appendToStream('s-1', [event('a.one'), event('b.skip'), event('a.two')], { expectedRevision: 'no_stream' });
    const recorder = new Recorder('rec', { eventTypes: ['a.one', 'a.two', 'a.three'] });
    const runner = run(recorder);
    await runner.waitFor(3);
    await store.appendToStream('s-1', [event('a.three')], { expectedRevision: 2 });
    await runner.waitFor(4);
    expect(recorder.seen.map((e) => e.type)).toEqual(['a.one', 'a.two', 'a.three']);
    expect((await runner.status()).state).toBe('live');
    expect(await checkpoints.get('rec')).toBe(4);
  });

  it('resumes from its checkpoint after a restart', async () => {
    await store.appendToStream('s-2', [event('x'), event('x')], { expectedRevision: 'no_stream' });
    const first = new Recorder('resume');
    const runner = run(first);
    await runner.waitFor(2);
    await runner.stop();
    await store.appendToStream('s-2', [event('x')], { expectedRevision: 1 });
    const second = new Recorder('resume');
    await run(second).waitFor(3);
    expect(second.seen.map((e) => e.position)).toEqual([3]);
  });

  it('retries a transient fault with backoff and loses nothing', async () => {
    await store.appendToStream('s-3', [event('x'), event('x'), event('x')], { expectedRevision: 'no_stream' });
    const recorder = new Recorder('flaky');
    let faults = 2;
    recorder.failures.push(() => (faults-- > 0 ? new TransientStoreError('read model unreachable') : undefined));
    const runner = run(recorder);
    await runner.waitFor(3);
    expect(recorder.seen.map((e) => e.position)).toEqual([1, 2, 3]);
    expect((await runner.status()).retries).toBe(2);
  });

  it('stops on an event it cannot handle, says which, and skips it only when an operator asks', async () => {
    await store.appendToStream('s-4', [event('ok'), event('poison'), event('ok')], { expectedRevision: 'no_stream' });
    const recorder = new Recorder('strict');
    recorder.failures.push((e) => (e.type === 'poison' ? new Error('cannot read this') : undefined));
    const runner = run(recorder);
    await expect(runner.waitFor(3, 2_000)).rejects.toThrow(/strict failed/);
    const status = await runner.status();
    expect(status.state).toBe('failed');
    expect(status.failedAt).toMatchObject({ position: 2, type: 'poison' });
    expect(status.lastError).toMatch(/cannot read this/);
    expect(recorder.seen.map((e) => e.position)).toEqual([]); // the batch [ok, poison] was not applied in part

    await runner.skip();
    await runner.waitFor(3);
    expect(recorder.seen.map((e) => e.position)).toEqual([1, 3]);
  });

  it('counts lag in events of its own filter and in seconds, not in positions of others', async () => {
    const recorder = new Recorder('filtered', { eventTypes: ['mine'] });
    recorder.failures.push(() => new Error('always broken'));
    await store.appendToStream('s-6', [event('mine'), event('other'), event('other'), event('other')], { expectedRevision: 'no_stream' });
    const now = Date.parse('2026-01-01T00:01:30.000Z');
    const runner = new SubscriptionRunner(recorder, store, checkpoints, { batchSize: 2, now: () => now });
    runners.push(runner);
    runner.start();
    await expect(runner.waitFor(4, 1_000)).rejects.toThrow();
    const status = await runner.status();
    expect(status).toMatchObject({ lag: 1, lagSeconds: 90, positionsBehind: 4 });
  });

  it('lets other work run on the event loop while it catches up', async () => {
    for (let i = 0; i < 20; i++) {
      await store.appendToStream(
        `s-7-${i}`,
        Array.from({ length: 50 }, () => event('x')),
        { expectedRevision: 'no_stream' },
      );
    }
    const recorder = new Recorder('polite');
    const runner = new SubscriptionRunner(recorder, store, checkpoints, { batchSize: 100 });
    runners.push(runner);
    const seenByTimer: number[] = [];
    const sample = () => {
      seenByTimer.push(recorder.seen.length);
      if (recorder.seen.length < 1_000) setImmediate(sample);
    };
    runner.start();
    setImmediate(sample);
    await runner.waitFor(1_000);
    // Macrotasks (where HTTP requests are served) ran between batches, not only before or after.
    expect(seenByTimer.some((seen) => seen > 0 && seen < 1_000)).toBe(true);
  });

  it('shrinks chunks that outlast the time budget, but hands a whole-slice processor (a reaction) every slice at once', async () => {
    await store.appendToStream(
      's-8',
      Array.from({ length: 40 }, () => event('x')),
      { expectedRevision: 'no_stream' },
    );
    // Each call awaits I/O for longer than the budget, as a reaction awaiting its commands' commit does.
    const slow = (name: string, chunking?: EventProcessor['chunking']) => {
      const sizes: number[] = [];
      const processor: EventProcessor = {
        name,
        chunking,
        async handle(events) {
          sizes.push(events.length);
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      };
      return { processor, sizes };
    };
    const budgeted = slow('budgeted');
    const reaction = slow('reaction', 'whole-slice');
    for (const { processor } of [budgeted, reaction]) {
      const runner = new SubscriptionRunner(processor, store, checkpoints, { batchSize: 20, timeBudgetMs: 1 });
      runners.push(runner);
      runner.start();
      await runner.waitFor(40);
    }
    expect(Math.max(...budgeted.sizes.slice(-3))).toBe(1);
    expect(reaction.sizes).toEqual([20, 20]);
  });

  it('in a convoy, catches up beside slower readers without running far ahead, and never waits for a stopped one', async () => {
    for (let i = 0; i < 200; i++)
      await store.appendToStream(`s-${i}`, [event(i % 4 === 0 ? 'Rare' : 'Common')], { expectedRevision: 'no_stream' });
    const convoy = new ReadConvoy({ maxSpread: 10, reach: 1_000, patienceMs: 10_000 });
    let widest = 0;
    const dense = new Recorder('dense');
    const sparse = new (class extends Recorder {
      override async handle(events: readonly EventEnvelope[]) {
        await super.handle(events);
        widest = Math.max(widest, events[events.length - 1].position - (denseRunner.position ?? 0));
      }
    })('sparse', { eventTypes: ['Rare'] });
    const failing = new Recorder('failing');
    failing.failures.push((e) => (e.position > 50 ? new Error('cannot handle') : undefined));
    const runnerOf = (processor: Recorder) => {
      const runner = new SubscriptionRunner(processor, store, checkpoints, { batchSize: 4, convoy });
      runners.push(runner);
      return runner;
    };
    const [denseRunner, sparseRunner, failingRunner] = [runnerOf(dense), runnerOf(sparse), runnerOf(failing)];
    [denseRunner, sparseRunner, failingRunner].forEach((runner) => runner.start());
    const head = (await store.headPosition()) ?? 0;
    await denseRunner.waitFor(head, 5_000);
    await sparseRunner.waitFor(197, 5_000);
    expect(dense.seen).toHaveLength(200);
    expect(sparse.seen).toHaveLength(50);
    expect((await failingRunner.status()).state).toBe('failed');
    // The sparse reader covers four positions a slice: the convoy kept it near the dense one.
    expect(widest).toBeLessThanOrEqual(10 + 16);
  });

  it('restarts on request from its checkpoint, clearing a failure', async () => {
    await store.appendToStream('s-8', [event('ok'), event('flaky')], { expectedRevision: 'no_stream' });
    const recorder = new Recorder('restartable');
    let broken = true;
    recorder.failures.push((e) => (broken && e.type === 'flaky' ? new Error('dependency not deployed yet') : undefined));
    const runner = run(recorder);
    await expect(runner.waitFor(2, 2_000)).rejects.toThrow(/failed/);
    broken = false;
    await runner.restart();
    await runner.waitFor(2);
    expect(recorder.seen.map((e) => e.type)).toEqual(['ok', 'flaky']);
  });

  it('reports its lag behind the head of the log', async () => {
    const recorder = new Recorder('lagging');
    recorder.failures.push(() => new Error('always broken'));
    await store.appendToStream('s-5', [event('x'), event('x'), event('x')], { expectedRevision: 'no_stream' });
    const runner = run(recorder);
    await expect(runner.waitFor(3, 1_000)).rejects.toThrow();
    expect((await runner.status()).lag).toBe(3);
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
