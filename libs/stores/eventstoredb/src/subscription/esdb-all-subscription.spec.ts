import { CorruptEventError, type AllSlice, type AllSubscription, type SubscribeToAllOptions } from '@c360/kernel';
import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import type { EsdbPosition, EsdbSubscriptionItem } from '../client/esdb-client';
import { EventStoreDbEventStore } from '../eventstoredb-event-store';
import { FakeEsdbClient, FakeSubscription, at, recorded } from '../testing/fake-esdb-client';

const ours = (position: number, type = 'sales.deal-won'): EsdbSubscriptionItem => ({
  kind: 'event',
  event: recorded({ streamId: 'sales-deal-1', revision: Math.floor(position / 100), position, type }),
});
const other = (position: number): EsdbSubscriptionItem => ({
  kind: 'event',
  event: recorded({ streamId: 'tickets-ticket-1', revision: Math.floor(position / 10), position, type: 'sales.deal-won' }),
});
const checkpoint = (position: EsdbPosition): EsdbSubscriptionItem => ({ kind: 'checkpoint', position });
const caughtUp: EsdbSubscriptionItem = { kind: 'caughtUp' };
const eventOf = (item: EsdbSubscriptionItem) => (item as Extract<EsdbSubscriptionItem, { kind: 'event' }>).event;
const positions = (slice: AllSlice) => slice.events.map((event) => event.position);
/** The answer to "is the event my checkpoint names still there?" — it is. */
const stillThere = (position: number) => ({ returns: [eventOf(other(position))] });

describe('EventStoreDbEventStore.subscribeToAll (scripted client)', () => {
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  let subscription: AllSubscription | undefined;
  const open = (options: SubscribeToAllOptions) => {
    subscription = store.subscribeToAll({ pollIntervalMs: 60_000, ...options });
    return { subscription, slices: subscription[Symbol.asyncIterator]() };
  };
  const nextSlice = async (slices: AsyncIterator<AllSlice>) => {
    const result = await slices.next();
    if (result.done) throw new Error('the subscription ended');
    return result.value;
  };

  beforeEach(() => {
    client = new FakeEsdbClient();
    // Checkpoint slices unthrottled here; the interval has its own spec (esdb-all-subscription.faults.spec.ts).
    store = new EventStoreDbEventStore(client, { resubscribeBackoff: { baseMs: 1, maxMs: 2 }, tailWindow: 10, checkpointIntervalMs: 0 });
  });
  afterEach(async () => {
    await subscription?.close();
    subscription = undefined;
    expect(client.unused()).toEqual({ appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 });
  });

  it('subscribes after the checkpoint with a server-side filter, and batches what arrives together', async () => {
    client.scriptSubscriptions(new FakeSubscription([ours(100), ours(200), ours(300)]));
    client.script('readAll', stillThere(50));
    const { slices } = open({ after: 50, filter: { eventTypes: ['sales.deal-won'] }, maxCount: 2 });
    expect(await nextSlice(slices)).toMatchObject({ lastPosition: 200, isEnd: false });
    const second = await nextSlice(slices);
    expect(positions(second)).toEqual([300]);
    expect(client.callsTo('subscribeToAll')[0].request).toEqual({
      fromPosition: at(50),
      filter: { filterOn: 'eventType', regex: '^(?:sales\\.deal-won)$' },
    });
    expect(client.callsTo('readAll')[0].request).toEqual({ direction: 'forwards', fromPosition: at(50), maxCount: 1 });
  });

  it('applies the whole filter on its side, and still moves past what it skipped', async () => {
    client.scriptSubscriptions(new FakeSubscription([other(100), ours(200), other(300)]));
    const { slices } = open({ filter: { eventTypes: ['sales.deal-won'], streamPrefixes: ['sales-'] } });
    const slice = await nextSlice(slices);
    expect(positions(slice)).toEqual([200]);
    expect(slice.lastPosition).toBe(300);
    expect(slice.events[0]).toMatchObject({ streamId: 'sales-deal-1', type: 'sales.deal-won', revision: 2 });
  });

  it('takes server checkpoints that name an event, and ignores page boundaries', async () => {
    const live = new FakeSubscription([ours(100), checkpoint({ commit: 5_123n, prepare: 0n }), checkpoint(at(900))]);
    client.scriptSubscriptions(live);
    // 900 is past every event seen so far: the head of the log is read once to vouch for it.
    client.script('readAll', { returns: [eventOf(other(1_000))] });
    const { slices } = open({ filter: { eventTypes: ['sales.deal-won'] } });
    const slice = await nextSlice(slices);
    expect(positions(slice)).toEqual([100]);
    expect(slice.lastPosition).toBe(900);

    live.push(checkpoint({ commit: 0n, prepare: 0n }), checkpoint(at(800)), checkpoint(at(1_000)));
    expect(await nextSlice(slices)).toEqual({ events: [], lastPosition: 1_000, isEnd: false });
  });

  it('says when it has caught up, following the log to its head when nothing of ours is left in it', async () => {
    const live = new FakeSubscription([ours(100), caughtUp]);
    client.scriptSubscriptions(live);
    client.script(
      'readAll',
      { returns: [eventOf(other(400))] },
      { returns: [eventOf(other(400)), eventOf(other(300)), eventOf(ours(100))] },
    );
    const { slices } = open({ filter: { streamPrefixes: ['sales-'] } });
    const caught = await nextSlice(slices);
    expect(positions(caught)).toEqual([100]);
    expect(caught).toMatchObject({ lastPosition: 400, isEnd: true });
    expect(client.callsTo('readAll').map((call) => call.request)).toEqual([
      { direction: 'backwards', fromPosition: 'end', maxCount: 1 },
      { direction: 'backwards', fromPosition: 'end', maxCount: 10 },
    ]);

    live.push(ours(500));
    expect(await nextSlice(slices)).toMatchObject({ lastPosition: 500, isEnd: true });
  });

  it('does not move past an event of ours that is still on its way', async () => {
    const live = new FakeSubscription([ours(100), caughtUp]);
    client.scriptSubscriptions(live);
    client.script('readAll', { returns: [eventOf(ours(400))] }, { returns: [eventOf(ours(400)), eventOf(other(300)), eventOf(ours(100))] });
    const { slices } = open({ filter: { streamPrefixes: ['sales-'] } });
    expect(await nextSlice(slices)).toMatchObject({ lastPosition: 100, isEnd: true });
    live.push(ours(400));
    const next = await nextSlice(slices);
    expect(positions(next)).toEqual([400]);
  });

  it('announces that it is live even when there is nothing at all', async () => {
    client.scriptSubscriptions(new FakeSubscription([caughtUp]));
    client.script('readAll', { returns: [] });
    const { slices } = open({});
    expect(await nextSlice(slices)).toEqual({ events: [], lastPosition: undefined, isEnd: true });
  });

  it('when quiet, checks how far the log has moved and follows it if nothing of ours is there', async () => {
    client.scriptSubscriptions(new FakeSubscription([]));
    client.script('readAll', stillThere(200), { returns: [eventOf(other(300))] }, { returns: [eventOf(other(300)), eventOf(ours(200))] });
    const { subscription: quiet, slices } = open({ after: 200, filter: { streamPrefixes: ['sales-'] }, pollIntervalMs: 1 });
    expect(await nextSlice(slices)).toEqual({ events: [], lastPosition: 300, isEnd: true });
    await quiet.close();
    expect(await slices.next()).toEqual({ done: true, value: undefined });
  });

  it('resubscribes after a dropped subscription from the last position it yielded: nothing lost, nothing repeated', async () => {
    const dropped = new FakeSubscription([ours(100), ours(200), ours(300), checkpoint(at(350))], { drop: new UnavailableError() });
    const resumed = new FakeSubscription([ours(400), ours(500)]);
    client.scriptSubscriptions(dropped, resumed);
    client.script('readAll', { returns: [eventOf(other(350))] }, stillThere(350));
    const { slices } = open({ maxCount: 2 });
    const received: number[] = [];
    while (received.length < 5) received.push(...positions(await nextSlice(slices)));
    expect(received).toEqual([100, 200, 300, 400, 500]);
    expect(client.callsTo('subscribeToAll').map((call) => call.request.fromPosition)).toEqual(['start', at(350)]);
    expect(dropped.unsubscribed).toBe(true);
  });

  it('resubscribes when the server ends the subscription, and skips what it had already delivered', async () => {
    const ended = new FakeSubscription([ours(100)], { end: true });
    // A server that starts one event early: the event at the resume position comes again.
    const resumed = new FakeSubscription([ours(100), ours(200)]);
    client.scriptSubscriptions(ended, resumed);
    client.script('readAll', stillThere(100));
    const { slices } = open({});
    expect(positions(await nextSlice(slices))).toEqual([100]);
    expect(positions(await nextSlice(slices))).toEqual([200]);
    expect(client.callsTo('subscribeToAll')[1].request.fromPosition).toEqual(at(100));
  });

  it('resumes from the event before the next one when the event its checkpoint names was scavenged', async () => {
    client.scriptSubscriptions(new FakeSubscription([ours(400)]), new FakeSubscription([ours(600)]));
    client.script(
      'readAll',
      { returns: [eventOf(ours(400))] }, // the first event at or after 250 is at 400: 250 is gone
      { returns: [eventOf(other(200))] }, // the event before 400
    );
    const { slices } = open({ after: 250 });
    expect(positions(await nextSlice(slices))).toEqual([400]);
    expect(client.callsTo('readAll')[1].request).toEqual({ direction: 'backwards', fromPosition: at(400), maxCount: 1 });
    expect(client.callsTo('subscribeToAll')[0].request.fromPosition).toEqual(at(200));
    await subscription?.close();

    // Nothing before the next event: from the start.
    client.script('readAll', { returns: [eventOf(ours(600))] }, { returns: [] });
    const again = open({ after: 250 });
    expect(positions(await nextSlice(again.slices))).toEqual([600]);
    expect(client.callsTo('subscribeToAll')[1].request.fromPosition).toBe('start');
  });

  it('retries finding its starting point when the server is unreachable', async () => {
    client.scriptSubscriptions(new FakeSubscription([ours(300)]));
    client.script('readAll', { throws: new UnavailableError() }, stillThere(200));
    const { slices } = open({ after: 200 });
    expect(positions(await nextSlice(slices))).toEqual([300]);
  });

  it('ends its iteration with the error when the fault is not transient', async () => {
    client.scriptSubscriptions(new FakeSubscription([ours(100)], { drop: new AccessDeniedError() }));
    const { slices } = open({});
    expect(positions(await nextSlice(slices))).toEqual([100]);
    await expect(slices.next()).rejects.toBeInstanceOf(AccessDeniedError);
    expect(client.callsTo('subscribeToAll')).toHaveLength(1);
  });

  it('stops with CorruptEventError at an event it cannot decode', async () => {
    const corrupt: EsdbSubscriptionItem = {
      kind: 'event',
      event: recorded({ streamId: 'sales-deal-1', revision: 0, position: 100, metadata: 'not an object' }),
    };
    client.scriptSubscriptions(new FakeSubscription([corrupt]));
    const { slices } = open({});
    await expect(slices.next()).rejects.toBeInstanceOf(CorruptEventError);
  });

  it('ends its iteration when closed while waiting, and lets go of the server subscription', async () => {
    const waiting = new FakeSubscription([]);
    client.scriptSubscriptions(waiting);
    const { subscription: closing, slices } = open({});
    const pending = slices.next();
    await new Promise((resolve) => setImmediate(resolve));
    await closing.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(waiting.unsubscribed).toBe(true);
  });

  it('is ended by closing the store', async () => {
    client.scriptSubscriptions(new FakeSubscription([]));
    const { slices } = open({});
    const pending = slices.next();
    await new Promise((resolve) => setImmediate(resolve));
    await store.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
