import { ReadConvoy } from './read-convoy';

/** A member whose position the test moves by hand. */
function member(convoy: ReadConvoy, start: number | undefined) {
  const self = { position: start };
  convoy.join(self, () => self.position);
  return {
    self,
    moveTo(position: number) {
      self.position = position;
      convoy.moved();
    },
  };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('ReadConvoy', () => {
  it('lets a member within maxSpread of the others go on at once', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 10_000 });
    const leader = member(convoy, 150);
    member(convoy, 60);
    expect(await settled(convoy.keepPace(leader.self))).toBe(true);
  });

  it('holds a member that leads a slower one by more than maxSpread until that one catches up', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 10_000 });
    const leader = member(convoy, 500);
    const slow = member(convoy, 100);
    const paced = convoy.keepPace(leader.self);
    expect(await settled(paced)).toBe(false);
    slow.moveTo(300); // still 200 behind
    expect(await settled(paced)).toBe(false);
    slow.moveTo(420);
    expect(await settled(paced)).toBe(true);
  });

  it('does not wait for a member beyond reach (a projection rebuilt from zero beside live ones)', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, reach: 1_000, patienceMs: 10_000 });
    const live = member(convoy, 50_000);
    member(convoy, 0);
    expect(await settled(convoy.keepPace(live.self))).toBe(true);
  });

  it('counts a member without a checkpoint as at position 0', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 10_000 });
    const leader = member(convoy, 300);
    member(convoy, undefined);
    expect(await settled(convoy.keepPace(leader.self))).toBe(false);
    convoy.leave(leader.self);
  });

  it('releases a waiting member when the slower one leaves (retrying, stopped, standing by)', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 10_000 });
    const leader = member(convoy, 500);
    const slow = member(convoy, 100);
    const paced = convoy.keepPace(leader.self);
    expect(await settled(paced)).toBe(false);
    convoy.leave(slow.self);
    expect(await settled(paced)).toBe(true);
  });

  it('gives up waiting after patienceMs when the slower member does not move', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 30 });
    const leader = member(convoy, 500);
    member(convoy, 100);
    const started = performance.now();
    await convoy.keepPace(leader.self);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('stops waiting when the signal aborts', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 10_000 });
    const leader = member(convoy, 500);
    member(convoy, 100);
    const abort = new AbortController();
    const paced = convoy.keepPace(leader.self, abort.signal);
    expect(await settled(paced)).toBe(false);
    abort.abort();
    expect(await settled(paced)).toBe(true);
  });

  it('never holds a member that has not joined or has left', async () => {
    const convoy = new ReadConvoy({ maxSpread: 100, patienceMs: 10_000 });
    member(convoy, 0);
    expect(await settled(convoy.keepPace({}))).toBe(true);
  });
});
