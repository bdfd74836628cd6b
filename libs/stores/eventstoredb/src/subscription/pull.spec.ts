import { Puller } from './pull';

function controlled<T>() {
  const waiting: Array<(result: IteratorResult<T>) => void> = [];
  const failures: Array<(error: unknown) => void> = [];
  const iterator: AsyncIterator<T> = {
    next: () =>
      new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting.push(resolve);
        failures.push(reject);
      }),
  };
  return {
    iterator,
    deliver: (value: T) => waiting.shift()?.({ value, done: false }),
    fail: (error: unknown) => failures.shift()?.(error),
    calls: () => waiting.length,
  };
}

describe('pulling from a subscription with timeouts', () => {
  it('keeps an item that arrives after a timeout for the next pull', async () => {
    const source = controlled<string>();
    const pull = new Puller(source.iterator);
    const signal = new AbortController().signal;
    expect(await pull.next(signal, 1)).toEqual({ kind: 'timeout' });
    source.deliver('late');
    expect(await pull.next(signal, 1)).toEqual({ kind: 'item', value: 'late' });
  });

  it('answers "not ready" without losing the item still on its way', async () => {
    const source = controlled<string>();
    const pull = new Puller(source.iterator);
    expect(await pull.nextIfReady()).toEqual({ kind: 'not-ready' });
    source.deliver('a');
    expect(await pull.nextIfReady()).toEqual({ kind: 'item', value: 'a' });
  });

  it('keeps a failure seen by "if ready" for the next waiting pull', async () => {
    const source = controlled<string>();
    const pull = new Puller(source.iterator);
    expect(await pull.nextIfReady()).toEqual({ kind: 'not-ready' });
    source.fail(new Error('dropped'));
    expect(await pull.nextIfReady()).toEqual({ kind: 'not-ready' });
    await expect(pull.next(new AbortController().signal)).rejects.toThrow('dropped');
  });

  it('stops waiting when aborted', async () => {
    const source = controlled<string>();
    const pull = new Puller(source.iterator);
    const stop = new AbortController();
    const waiting = pull.next(stop.signal);
    stop.abort();
    expect(await waiting).toEqual({ kind: 'aborted' });
  });
});
