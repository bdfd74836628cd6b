import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex.acquire', () => {
  it('gives a key to one holder at a time, in arrival order, and other keys at once', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    const first = await mutex.acquire('a');
    const second = mutex.acquire('a').then((release) => (order.push('second'), release));
    const other = await mutex.acquire('b');
    order.push('other');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['other']);
    first();
    const releaseSecond = await second;
    expect(order).toEqual(['other', 'second']);
    releaseSecond();
    other();
  });

  it('queues run() behind a held turn, and forgets a key once every turn is released', async () => {
    const mutex = new KeyedMutex();
    const release = await mutex.acquire('a');
    let ran = false;
    const work = mutex.run('a', async () => {
      ran = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toBe(false);
    release();
    release(); // a second call changes nothing
    await work;
    expect(ran).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect((mutex as unknown as { tails: Map<string, unknown> }).tails.size).toBe(0);
  });
});
