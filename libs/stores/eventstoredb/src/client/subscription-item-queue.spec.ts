import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { PassThrough } from 'node:stream';
import type { EsdbSubscriptionItem } from './esdb-client';
import { SubscriptionItemQueue, type SubscriptionSource } from './subscription-item-queue';

const resolved = (position: number): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: 's-1',
      id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      revision: BigInt(position),
      type: 't',
      data: {},
      metadata: {},
      isJson: true,
      created: new Date(0),
      position: { commit: BigInt(position), prepare: BigInt(position) },
    },
  }) as AllStreamResolvedEvent;

const describeItem = (item: EsdbSubscriptionItem) =>
  item.kind === 'event'
    ? `event ${item.event.position?.commit}`
    : item.kind === 'checkpoint'
      ? `checkpoint ${item.position.commit}`
      : 'caughtUp';

async function take(iterator: AsyncIterator<EsdbSubscriptionItem>, count: number): Promise<string[]> {
  const items: string[] = [];
  while (items.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    items.push(describeItem(next.value));
  }
  return items;
}

describe("ordering what the client's subscription reports", () => {
  it('holds a checkpoint back until the events sent before it have been taken', async () => {
    const source = new PassThrough({ objectMode: true });
    const queue = new SubscriptionItemQueue();
    queue.attach(source as unknown as SubscriptionSource);
    source.pause();
    source.write(resolved(100));
    source.write(resolved(200));
    // The client calls back on the checkpoint at once, while both events still sit in the buffer.
    queue.marker({ kind: 'checkpoint', position: { commit: 250n, prepare: 250n } });
    source.emit('caughtUp');
    source.resume();
    expect(await take(queue.iterate(), 4)).toEqual(['event 100', 'event 200', 'checkpoint 250', 'caughtUp']);
  });

  it('passes markers straight on when nothing is buffered, then ends with the stream', async () => {
    const source = new PassThrough({ objectMode: true });
    const queue = new SubscriptionItemQueue();
    queue.attach(source as unknown as SubscriptionSource);
    const iterator = queue.iterate();
    source.write(resolved(100));
    await new Promise((resolve) => setImmediate(resolve));
    queue.marker({ kind: 'caughtUp' });
    source.end();
    source.destroy();
    expect(await take(iterator, 5)).toEqual(['event 100', 'caughtUp']);
  });

  it('delivers what it holds, then throws the error that dropped the subscription', async () => {
    const source = new PassThrough({ objectMode: true });
    const queue = new SubscriptionItemQueue();
    queue.attach(source as unknown as SubscriptionSource);
    const iterator = queue.iterate();
    source.write(resolved(100));
    await new Promise((resolve) => setImmediate(resolve));
    source.destroy(new Error('14 UNAVAILABLE'));
    expect(describeItem((await iterator.next()).value as EsdbSubscriptionItem)).toBe('event 100');
    await expect(iterator.next()).rejects.toThrow('14 UNAVAILABLE');
  });
});
