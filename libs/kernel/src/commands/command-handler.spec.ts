import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error';
import { ConcurrencyError, TransientStoreError, UnknownEventTypeError } from '../errors/store-errors';
import { deriveEventId } from '../ids/id-generator';
import { FakeClock } from '../testing/fake-clock';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { toyAccount } from '../testing/toy-account';
import type { CommandContext } from './command-context';
import { CommandHandler } from './command-handler';

const actor = { id: 'agent-1', role: 'agent' } as const;
const ctx = (overrides: Partial<CommandContext> = {}): CommandContext => ({ commandId: randomUUID(), actor, ...overrides });

/**
 * Another writer slips a deposit of its own into the stream before each of the next `limit` deposit
 * appends; the returned count says how many it slipped in.
 */
function intrudeBeforeDeposits(store: InMemoryEventStore, limit = Number.POSITIVE_INFINITY): { readonly count: number } {
  const original = store.appendToStream.bind(store);
  const intrusions = { count: 0 };
  store.appendToStream = async (streamId, events, options) => {
    if (events[0]?.type === 'toy.deposited' && intrusions.count < limit) {
      intrusions.count++;
      const intruder = { ...events[0], id: randomUUID(), metadata: { ...events[0].metadata, commandId: randomUUID() } };
      await original(streamId, [intruder], { expectedRevision: 'any' });
    }
    return original(streamId, events, options);
  };
  return intrusions;
}

describe('CommandHandler', () => {
  let store: InMemoryEventStore;
  let clock: FakeClock;
  let handler: CommandHandler;

  beforeEach(() => {
    store = new InMemoryEventStore();
    clock = new FakeClock('2026-05-01T12:00:00.000Z');
    handler = new CommandHandler(store, clock);
  });

  it('decides from the stream, appends with the revision read, and returns the new state', async () => {
    await handler.handle(toyAccount, 'toy-account-1', { type: 'open', owner: 'ann' }, ctx());
    const result = await handler.handle(toyAccount, 'toy-account-1', { type: 'deposit', amount: 50 }, ctx());
    expect(result.revision).toBe(1);
    expect(result.state).toEqual({ status: 'open', owner: 'ann', balance: 50 });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: 'toy.deposited',
      schemaVersion: 1,
      revision: 1,
      occurredAt: '2026-05-01T12:00:00.000Z',
    });
  });

  it('fills the envelope metadata from the command context', async () => {
    const context = ctx({ correlationId: 'corr-1', causationId: 'cause-1' });
    await handler.handle(toyAccount, 'toy-account-m', { type: 'open', owner: 'ann' }, context);
    const [stored] = await store.readStream('toy-account-m');
    expect(stored.id).toBe(deriveEventId(context.commandId, 0));
    expect(stored.metadata).toEqual({ correlationId: 'corr-1', causationId: 'cause-1', commandId: context.commandId, actor });
  });

  it('propagates a broken rule as a DomainError and writes nothing', async () => {
    await handler.handle(toyAccount, 'toy-account-2', { type: 'open', owner: 'bo' }, ctx());
    await expect(handler.handle(toyAccount, 'toy-account-2', { type: 'withdraw', amount: 5 }, ctx())).rejects.toBeInstanceOf(DomainError);
    expect(await store.readStream('toy-account-2')).toHaveLength(1);
  });

  it('returns the first result when a command id is repeated, without deciding again', async () => {
    await handler.handle(toyAccount, 'toy-account-3', { type: 'open', owner: 'cy' }, ctx());
    await handler.handle(toyAccount, 'toy-account-3', { type: 'deposit', amount: 10 }, ctx());
    const withdraw = ctx();
    const first = await handler.handle(toyAccount, 'toy-account-3', { type: 'withdraw', amount: 10 }, withdraw);
    // The balance is now 0: deciding again would fail; a repeat must instead answer as the first time.
    const again = await handler.handle(toyAccount, 'toy-account-3', { type: 'withdraw', amount: 10 }, withdraw);
    expect(again.duplicate).toBe(true);
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(await store.readStream('toy-account-3')).toHaveLength(3);
  });

  it('recognises a repeated command after a restart (no cache)', async () => {
    const open = ctx();
    await handler.handle(toyAccount, 'toy-account-4', { type: 'open', owner: 'di' }, open);
    const restarted = new CommandHandler(store, clock);
    const again = await restarted.handle(toyAccount, 'toy-account-4', { type: 'open', owner: 'di' }, open);
    expect(again.duplicate).toBe(true);
  });

  it('serialises concurrent commands on one stream so that none is lost and no rule is broken', async () => {
    await handler.handle(toyAccount, 'toy-account-5', { type: 'open', owner: 'ed' }, ctx());
    await handler.handle(toyAccount, 'toy-account-5', { type: 'deposit', amount: 100 }, ctx());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () => handler.handle(toyAccount, 'toy-account-5', { type: 'withdraw', amount: 7 }, ctx())),
    );
    const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
    expect(accepted).toBe(14); // 14 × 7 = 98 ≤ 100 < 105
    const final = await new CommandHandler(store, clock).load(toyAccount, 'toy-account-5');
    expect(final.state).toEqual({ status: 'open', owner: 'ed', balance: 2 });
  });

  it('retries when another process wrote in between (stale cache), and decides on fresh state', async () => {
    const other = new CommandHandler(store, clock);
    await handler.handle(toyAccount, 'toy-account-6', { type: 'open', owner: 'fa' }, ctx());
    await handler.handle(toyAccount, 'toy-account-6', { type: 'deposit', amount: 10 }, ctx());
    await other.handle(toyAccount, 'toy-account-6', { type: 'withdraw', amount: 10 }, ctx()); // handler's cache is now stale
    await expect(handler.handle(toyAccount, 'toy-account-6', { type: 'withdraw', amount: 10 }, ctx())).rejects.toMatchObject({
      code: 'toy.insufficient-funds',
    });
    const result = await handler.handle(toyAccount, 'toy-account-6', { type: 'deposit', amount: 3 }, ctx());
    expect(result.revision).toBe(3);
  });

  // Distributed mode: a context's service and the processor instances write the same streams, each
  // with its own cache. An answer that appends nothing has no expected revision to guard it.
  it('decides again on the current stream when a cached state breaks a rule that the stream no longer breaks', async () => {
    const other = new CommandHandler(store, clock);
    await handler.handle(toyAccount, 'toy-account-s1', { type: 'open', owner: 'sa' }, ctx()); // cached: balance 0
    await other.handle(toyAccount, 'toy-account-s1', { type: 'deposit', amount: 10 }, ctx());
    const result = await handler.handle(toyAccount, 'toy-account-s1', { type: 'withdraw', amount: 4 }, ctx());
    expect(result).toMatchObject({ revision: 2, state: { balance: 6 } });
    expect((await store.readStream('toy-account-s1')).map((event) => event.type)).toEqual(['toy.opened', 'toy.deposited', 'toy.withdrawn']);
  });

  it('still refuses a broken rule after reading the stream when the cache was current', async () => {
    await handler.handle(toyAccount, 'toy-account-s2', { type: 'open', owner: 'sb' }, ctx());
    const reads = jest.spyOn(store, 'readStream');
    await expect(handler.handle(toyAccount, 'toy-account-s2', { type: 'withdraw', amount: 1 }, ctx())).rejects.toMatchObject({
      code: 'toy.insufficient-funds',
    });
    expect(reads).toHaveBeenCalledTimes(1); // one look for newer events, none there
    reads.mockRestore();
  });

  it('answers a no-op decision with the current state, not a stale cached one', async () => {
    const other = new CommandHandler(store, clock);
    await handler.handle(toyAccount, 'toy-account-s3', { type: 'open', owner: 'sc' }, ctx());
    await other.handle(toyAccount, 'toy-account-s3', { type: 'deposit', amount: 7 }, ctx());
    const again = await handler.handle(toyAccount, 'toy-account-s3', { type: 'open', owner: 'sc' }, ctx());
    expect(again).toMatchObject({ events: [], revision: 1, state: { balance: 7 } });
  });

  it("accepts a client's expected version that another process's write made current", async () => {
    const other = new CommandHandler(store, clock);
    await handler.handle(toyAccount, 'toy-account-s4', { type: 'open', owner: 'sd' }, ctx());
    const seen = await other.handle(toyAccount, 'toy-account-s4', { type: 'deposit', amount: 1 }, ctx());
    const result = await handler.handle(
      toyAccount,
      'toy-account-s4',
      { type: 'deposit', amount: 1 },
      ctx({ expectedRevision: seen.revision }),
    );
    expect(result.revision).toBe(2);
  });

  it('loads the current state when another process wrote after the cached one', async () => {
    const other = new CommandHandler(store, clock);
    await handler.handle(toyAccount, 'toy-account-s5', { type: 'open', owner: 'se' }, ctx());
    await other.handle(toyAccount, 'toy-account-s5', { type: 'deposit', amount: 5 }, ctx());
    expect(await handler.load(toyAccount, 'toy-account-s5')).toMatchObject({ revision: 1, state: { balance: 5 } });
  });

  it('serves reference data from its cache within maxAgeMs, then sees what another process wrote', async () => {
    const other = new CommandHandler(store, clock);
    await handler.handle(toyAccount, 'toy-account-s6', { type: 'open', owner: 'ref' }, ctx());
    expect(await handler.load(toyAccount, 'toy-account-s6', { maxAgeMs: 60 })).toMatchObject({ revision: 0 });
    const reads = jest.spyOn(store, 'readStream');
    await other.handle(toyAccount, 'toy-account-s6', { type: 'deposit', amount: 5 }, ctx());
    reads.mockClear();
    expect(await handler.load(toyAccount, 'toy-account-s6', { maxAgeMs: 60 })).toMatchObject({ revision: 0 }); // within the age: no read
    expect(reads).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await handler.load(toyAccount, 'toy-account-s6', { maxAgeMs: 60 })).toMatchObject({ revision: 1, state: { balance: 5 } });
    expect(await handler.load(toyAccount, 'toy-account-s6')).toMatchObject({ revision: 1 }); // without maxAgeMs: always checked
    reads.mockRestore();
  });

  it('shows a change made through the same handler at once, whatever maxAgeMs', async () => {
    await handler.handle(toyAccount, 'toy-account-s7', { type: 'open', owner: 'ref' }, ctx());
    await handler.load(toyAccount, 'toy-account-s7', { maxAgeMs: 60_000 });
    await handler.handle(toyAccount, 'toy-account-s7', { type: 'deposit', amount: 3 }, ctx());
    expect(await handler.load(toyAccount, 'toy-account-s7', { maxAgeMs: 60_000 })).toMatchObject({ revision: 1, state: { balance: 3 } });
  });

  it("refuses a client's stale expected version with the current one", async () => {
    await handler.handle(toyAccount, 'toy-account-7', { type: 'open', owner: 'gu' }, ctx());
    await handler.handle(toyAccount, 'toy-account-7', { type: 'deposit', amount: 1 }, ctx());
    const attempt = handler.handle(toyAccount, 'toy-account-7', { type: 'deposit', amount: 1 }, ctx({ expectedRevision: 0 }));
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(attempt).rejects.toMatchObject({ currentRevision: 1 });
  });

  it('gives up with a ConcurrencyError after the bounded number of retries', async () => {
    const contended = new CommandHandler(store, clock, { maxRetries: 2, cacheSize: 0 });
    await contended.handle(toyAccount, 'toy-account-8', { type: 'open', owner: 'ha' }, ctx());
    const sneaky = intrudeBeforeDeposits(store, 10);
    await expect(contended.handle(toyAccount, 'toy-account-8', { type: 'deposit', amount: 1 }, ctx())).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(sneaky.count).toBe(3);
  });

  it('outlasts a burst of another writer winning round after round (the reactions of a hot account)', async () => {
    const patient = new CommandHandler(store, clock, { cacheSize: 0 });
    await patient.handle(toyAccount, 'toy-account-8b', { type: 'open', owner: 'hb' }, ctx());
    const sneaky = intrudeBeforeDeposits(store, 12);
    const result = await patient.handle(toyAccount, 'toy-account-8b', { type: 'deposit', amount: 1 }, ctx());
    expect(sneaky.count).toBe(12);
    expect(result.revision).toBe(13);
    expect(result.state).toMatchObject({ balance: 13 });
  });

  it('gives up once its retry budget is spent, whatever the count left', async () => {
    const hurried = new CommandHandler(store, clock, { maxRetries: 1_000, retryBudgetMs: 30, cacheSize: 0 });
    await hurried.handle(toyAccount, 'toy-account-8c', { type: 'open', owner: 'hc' }, ctx());
    const sneaky = intrudeBeforeDeposits(store);
    const attempt = hurried.handle(toyAccount, 'toy-account-8c', { type: 'deposit', amount: 1 }, ctx());
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(attempt).rejects.toThrow(/gave up after \d+ attempts in \d+ ms/);
    expect(sneaky.count).toBeLessThan(1_000);
  });

  it('recovers when an append was stored but its acknowledgement was lost', async () => {
    await handler.handle(toyAccount, 'toy-account-9', { type: 'open', owner: 'io' }, ctx());
    const deposit = ctx();
    const original = store.appendToStream.bind(store);
    let lose = true;
    store.appendToStream = async (streamId, events, options) => {
      const result = await original(streamId, events, options);
      if (lose) {
        lose = false;
        throw new TransientStoreError('connection reset after write');
      }
      return result;
    };
    await expect(handler.handle(toyAccount, 'toy-account-9', { type: 'deposit', amount: 5 }, deposit)).rejects.toBeInstanceOf(
      TransientStoreError,
    );
    // The caller retries with the same idempotency key: one deposit in the log, the first result returned.
    const retried = await handler.handle(toyAccount, 'toy-account-9', { type: 'deposit', amount: 5 }, deposit);
    expect(retried.duplicate).toBe(true);
    expect(retried.state).toEqual({ status: 'open', owner: 'io', balance: 5 });
    expect(await store.readStream('toy-account-9')).toHaveLength(2);
  });

  it('stops with a clear error on an event type the aggregate does not know', async () => {
    await store.appendToStream(
      'toy-account-10',
      [
        {
          id: randomUUID(),
          type: 'toy.mystery',
          schemaVersion: 1,
          occurredAt: clock.now().toISOString(),
          data: {},
          metadata: { correlationId: 'c', causationId: 'c', actor },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await expect(handler.handle(toyAccount, 'toy-account-10', { type: 'deposit', amount: 1 }, ctx())).rejects.toBeInstanceOf(
      UnknownEventTypeError,
    );
  });

  it('folds long streams page by page', async () => {
    const paged = new CommandHandler(store, clock, { readPageSize: 3, cacheSize: 0 });
    await paged.handle(toyAccount, 'toy-account-11', { type: 'open', owner: 'jo' }, ctx());
    for (let i = 0; i < 10; i++) await paged.handle(toyAccount, 'toy-account-11', { type: 'deposit', amount: 1 }, ctx());
    expect((await paged.load(toyAccount, 'toy-account-11')).state).toEqual({ status: 'open', owner: 'jo', balance: 10 });
  });
});
