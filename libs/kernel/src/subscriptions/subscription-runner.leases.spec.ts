import { randomUUID } from 'node:crypto';
import type { EventEnvelope, NewEvent } from '../envelope/event-envelope';
import { TransientStoreError } from '../errors/store-errors';
import type { ProcessorLeaseStore } from '../ports/processor-lease.port';
import { InMemoryCheckpointStore } from '../testing/in-memory-checkpoint-store';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import type { EventProcessor } from './event-processor';
import { SubscriptionRunner } from './subscription-runner';

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 't.happened',
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: {},
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' } },
});

/** Two instances of one processor write what they handle into one shared list. */
class Instance implements EventProcessor {
  readonly name = 'spec:processor:shared';
  hang: Promise<void> | undefined;
  constructor(
    readonly id: string,
    private readonly handled: Array<{ by: string; position: number }>,
  ) {}
  async handle(events: readonly EventEnvelope[]) {
    if (this.hang) await this.hang;
    for (const e of events) this.handled.push({ by: this.id, position: e.position });
  }
}

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('SubscriptionRunner sharing work through a lease', () => {
  const TTL = 150;
  let store: InMemoryEventStore;
  let checkpoints: InMemoryCheckpointStore;
  let handled: Array<{ by: string; position: number }>;
  const runners: SubscriptionRunner[] = [];
  const instance = (id: string, leases: ProcessorLeaseStore = checkpoints, ttlMs = TTL) => {
    const processor = new Instance(id, handled);
    const runner = new SubscriptionRunner(processor, store, checkpoints, {
      batchSize: 5,
      lease: { store: leases, holder: id, ttlMs },
    });
    runners.push(runner);
    runner.start();
    return { processor, runner };
  };
  const append = async (count: number) => {
    for (let n = 0; n < count; n++) await store.appendToStream(`s-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' });
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    checkpoints = new InMemoryCheckpointStore();
    handled = [];
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  it('lets exactly one of two instances work, each event handled once, the other standing by', async () => {
    await append(40);
    // A lease long enough that a loaded machine (the whole suite on two cores) cannot starve the holder's
    // renewal: a handover here would be right, but this case is about standing by, not taking over.
    const a = instance('instance-a', checkpoints, 5_000);
    const b = instance('instance-b', checkpoints, 5_000);
    await until(async () => (await checkpoints.get('spec:processor:shared')) === 40);
    const states = [(await a.runner.status()).state, (await b.runner.status()).state].sort();
    expect(states).toEqual(['live', 'standby']);
    expect(handled.map((entry) => entry.position)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    expect(new Set(handled.map((entry) => entry.by)).size).toBe(1);
  });

  it('hands over within the lease time when the holder hangs, and refuses the old holder its late checkpoint', async () => {
    await append(10);
    const failing = new InMemoryCheckpointStore();
    let unreachable = false;
    const aLeases: ProcessorLeaseStore = {
      acquireLease: (...args) =>
        unreachable ? Promise.reject(new TransientStoreError('store unreachable')) : checkpoints.acquireLease(...args),
      releaseLease: (lease) => checkpoints.releaseLease(lease),
      listLeases: () => failing.listLeases(),
    };
    const a = instance('instance-a', aLeases);
    await until(async () => (await checkpoints.get('spec:processor:shared')) === 10);
    let wake: () => void = () => undefined;
    a.processor.hang = new Promise<void>((resolve) => (wake = resolve)); // a GC pause, a frozen VM
    unreachable = true;
    await append(5); // instance-a takes these and hangs on them

    const started = Date.now();
    instance('instance-b');
    await until(async () => (await checkpoints.get('spec:processor:shared')) === 15);
    expect(Date.now() - started).toBeLessThan(TTL * 4);
    expect((await checkpoints.listLeases())[0]).toMatchObject({ holder: 'instance-b', token: 2 });

    a.processor.hang = undefined;
    wake(); // instance-a wakes up and tries to checkpoint what it did with its old token
    await until(async () => (await a.runner.status()).state === 'standby');
    expect(await checkpoints.get('spec:processor:shared')).toBe(15);
    expect(handled.filter((entry) => entry.by === 'instance-b').map((entry) => entry.position)).toEqual([11, 12, 13, 14, 15]);
  });

  it('hands over at once on a clean stop (the lease is released)', async () => {
    await append(5);
    const a = instance('instance-a');
    await until(async () => (await checkpoints.get('spec:processor:shared')) === 5);
    const b = instance('instance-b');
    await until(async () => (await b.runner.status()).state === 'standby');
    await a.runner.stop();
    await append(5);
    await until(async () => (await checkpoints.get('spec:processor:shared')) === 10, TTL);
    expect((await b.runner.status()).lease).toMatchObject({ holder: 'instance-b', token: 2 });
    expect(handled.filter((entry) => entry.by === 'instance-b').map((entry) => entry.position)).toEqual([6, 7, 8, 9, 10]);
  });

  it('renews one renewal at a time however slow the store, and keeps the lease meanwhile', async () => {
    await append(5);
    let inFlight = 0;
    let most = 0;
    let renewals = 0;
    // Every renewal answers after TTL/2, longer than the TTL/3 between renewals.
    const slow: ProcessorLeaseStore = {
      acquireLease: async (...args) => {
        renewals++;
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, TTL / 2));
        inFlight--;
        return checkpoints.acquireLease(...args);
      },
      releaseLease: (lease) => checkpoints.releaseLease(lease),
      listLeases: () => checkpoints.listLeases(),
    };
    const a = instance('instance-a', slow);
    await until(async () => (await checkpoints.get('spec:processor:shared')) === 5);
    await new Promise((resolve) => setTimeout(resolve, TTL * 4));
    expect(renewals).toBeGreaterThan(3);
    expect(most).toBe(1);
    expect((await a.runner.status()).lease).toMatchObject({ holder: 'instance-a', token: 1 });
    await a.runner.stop();
    const after = renewals;
    await new Promise((resolve) => setTimeout(resolve, TTL));
    expect(renewals).toBe(after); // stopped: no renewal scheduled any more
  });
});
