import { InMemoryCheckpointStore } from '../testing/in-memory-checkpoint-store';
import { CheckpointFollower } from './checkpoint-follower';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CheckpointFollower', () => {
  let checkpoints: InMemoryCheckpointStore;
  let lists: number;
  let fail: boolean;
  beforeEach(() => {
    checkpoints = new InMemoryCheckpointStore();
    lists = 0;
    fail = false;
    const list = checkpoints.list.bind(checkpoints);
    checkpoints.list = async () => {
      lists++;
      if (fail) throw new Error('store unreachable');
      return list();
    };
  });

  it('follows many processors with one read of the store per interval', async () => {
    await checkpoints.set('a', 3);
    await checkpoints.set('b', 5);
    const follower = new CheckpointFollower(checkpoints, 20);
    const seen = new Map<string, number | undefined>();
    const stops = ['a', 'b', 'c'].map((name) => follower.follow(name, (position) => seen.set(name, position)));
    await pause(5);
    expect(lists).toBe(1); // the first read is shared by everything registered in the same turn
    expect(Object.fromEntries(seen)).toEqual({ a: 3, b: 5, c: undefined });
    await checkpoints.set('c', 9);
    await pause(70);
    expect(seen.get('c')).toBe(9);
    expect(lists).toBeGreaterThanOrEqual(3);
    expect(lists).toBeLessThanOrEqual(5); // one per interval, not one per processor
    for (const stop of stops) stop();
    const after = lists;
    await pause(60);
    expect(lists).toBe(after); // nobody follows: no more reads
  });

  it('keeps what each follower last saw while the store cannot be read, and carries on after', async () => {
    await checkpoints.set('a', 3);
    const follower = new CheckpointFollower(checkpoints, 10);
    const seen: Array<number | undefined> = [];
    const stop = follower.follow('a', (position) => seen.push(position));
    await pause(5);
    fail = true;
    await checkpoints.set('a', 4);
    await pause(40);
    expect(seen.every((position) => position === 3)).toBe(true);
    fail = false;
    await pause(30);
    expect(seen.at(-1)).toBe(4);
    stop();
  });

  it('tells a processor whose checkpoint was reset that it has none', async () => {
    await checkpoints.set('a', 8);
    const follower = new CheckpointFollower(checkpoints, 10);
    const seen: Array<number | undefined> = [];
    const stop = follower.follow('a', (position) => seen.push(position));
    await pause(5);
    await checkpoints.reset('a');
    await pause(30);
    expect(seen[0]).toBe(8);
    expect(seen.at(-1)).toBeUndefined();
    stop();
  });
});
