import type { AllSlice, AllSubscription, SubscribeToAllOptions } from '@c360/kernel';
import type { EsdbSubscriptionItem } from '../client/esdb-client';
import { EventStoreDbEventStore } from '../eventstoredb-event-store';
import { SENTINEL_CHECKPOINT, streamReset, unknownStatus } from '../testing/esdb-faults';
import { FakeEsdbClient, FakeSubscription, at, recorded } from '../testing/fake-esdb-client';

/** Subscription faults a real EventStoreDB produces routinely (issue 22). */
const ours = (position: number): EsdbSubscriptionItem => ({
  kind: 'event',
  event: recorded({ streamId: 'sales-deal-1', revision: Math.floor(position / 100), position, type: 'sales.deal-won' }),
});
const other = (position: number) => recorded({ streamId: 'tickets-ticket-1', revision: 0, position, type: 'tickets.opened' });
const checkpoint = (position: number): EsdbSubscriptionItem => ({ kind: 'checkpoint', position: at(position) });
const caughtUp: EsdbSubscriptionItem = { kind: 'caughtUp' };
const positions = (slice: AllSlice) => slice.events.map((event) => event.position);
/** Lets the subscription take what was pushed (its batching looks once more on the next turn). */
const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('EventStoreDbEventStore.subscribeToAll under routine server faults (scripted client)', () => {
  let client: FakeEsdbClient;
  let clock: number;
  let subscription: AllSubscription | undefined;
  const open = (options: SubscribeToAllOptions, checkpointIntervalMs = 0) => {
    const store = new EventStoreDbEventStore(client, {
      resubscribeBackoff: { baseMs: 1, maxMs: 2 },
      tailWindow: 10,
      checkpointIntervalMs,
      now: () => clock,
    });
    subscription = store.subscribeToAll({ pollIntervalMs: 60_000, ...options });
    return subscription[Symbol.asyncIterator]();
  };
  const nextSlice = async (slices: AsyncIterator<AllSlice>) => {
    const result = await slices.next();
    if (result.done) throw new Error('the subscription ended');
    return result.value;
  };

  beforeEach(() => {
    client = new FakeEsdbClient();
    clock = 0;
  });
  afterEach(async () => {
    await subscription?.close();
    subscription = undefined;
    expect(client.unused()).toEqual({ appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 });
  });

  it.each([
    ['a stream reset (gRPC 13, "Stream removed")', streamReset],
    ['gRPC UNKNOWN (2)', unknownStatus],
  ])('resubscribes after %s instead of stopping for good', async (_name, fault) => {
    client.scriptSubscriptions(new FakeSubscription([ours(100)], { drop: fault() }), new FakeSubscription([ours(200)]));
    client.script('readAll', { returns: [other(100)] }); // the event the resume position names is there
    const slices = open({});
    expect(positions(await nextSlice(slices))).toEqual([100]);
    expect(positions(await nextSlice(slices))).toEqual([200]);
    expect(client.callsTo('subscribeToAll').map((call) => call.request.fromPosition)).toEqual(['start', at(100)]);
  });

  it('ignores the (2^64 − 1, 2^64 − 1) checkpoint of a filtered subscription from the start that has matched nothing', async () => {
    client.scriptSubscriptions(new FakeSubscription([SENTINEL_CHECKPOINT, caughtUp]));
    // A small log: the tail proof reads it whole and moves to its head.
    client.script('readAll', { returns: [other(300)] }, { returns: [other(300), other(200)] });
    const slices = open({ filter: { eventTypes: ['sales.deal-won'] } });
    expect(await nextSlice(slices)).toEqual({ events: [], lastPosition: 300, isEnd: true });
  });

  it('ignores a checkpoint past the head of the log, after reading the head once', async () => {
    const live = new FakeSubscription([ours(100), checkpoint(9_000)]);
    client.scriptSubscriptions(live);
    client.script('readAll', { returns: [other(400)] });
    const slices = open({ filter: { eventTypes: ['sales.deal-won'] } });
    expect(await nextSlice(slices)).toEqual(expect.objectContaining({ lastPosition: 100 }));
    live.push(ours(500));
    expect(await nextSlice(slices)).toEqual(expect.objectContaining({ lastPosition: 500 }));
  });

  it('hands out a checkpoint-only slice at most once per checkpointIntervalMs', async () => {
    const live = new FakeSubscription([ours(100)]);
    client.scriptSubscriptions(live);
    client.script('readAll', { returns: [other(5_000)] }); // the head, read once to vouch for the checkpoints
    const slices = open({ filter: { eventTypes: ['sales.deal-won'] } }, 1_000);
    expect(positions(await nextSlice(slices))).toEqual([100]);

    // A live filtered subscription: one checkpoint per 32 events examined, many within a second.
    const next = slices.next();
    for (let n = 2; n <= 9; n++) {
      clock = n * 100;
      live.push(checkpoint(n * 100));
      await settle();
    }
    clock = 1_100;
    live.push(checkpoint(1_000));
    expect(await next).toEqual({ done: false, value: { events: [], lastPosition: 1_000, isEnd: false } });
    expect(client.callsTo('readAll')).toHaveLength(1);
  });
});
