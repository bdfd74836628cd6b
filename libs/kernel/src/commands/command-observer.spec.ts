import { randomUUID } from 'node:crypto';
import { FakeClock } from '../testing/fake-clock';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { toyAccount } from '../testing/toy-account';
import type { CommandContext } from './command-context';
import { CommandHandler } from './command-handler';
import type { CommandObservation, CommandObserver } from './command-observer';

const actor = { id: 'agent-1', role: 'agent' } as const;
const ctx = (overrides: Partial<CommandContext> = {}): CommandContext => ({ commandId: randomUUID(), actor, ...overrides });

describe('CommandHandler observer', () => {
  let store: InMemoryEventStore;
  let seen: CommandObservation[];
  let handler: CommandHandler;
  const observer: CommandObserver = { onCommand: (observation) => seen.push(observation) };

  beforeEach(() => {
    store = new InMemoryEventStore();
    seen = [];
    handler = new CommandHandler(store, new FakeClock(), { observer });
  });

  it('reports each outcome with the aggregate, the command type and the events appended', async () => {
    const repeated = ctx();
    await handler.handle(toyAccount, 'toy-account-1', { type: 'open', owner: 'ann' }, repeated);
    await handler.handle(toyAccount, 'toy-account-1', { type: 'open', owner: 'ann' }, repeated);
    await expect(handler.handle(toyAccount, 'toy-account-1', { type: 'withdraw', amount: 5 }, ctx())).rejects.toThrow();
    await expect(
      handler.handle(toyAccount, 'toy-account-1', { type: 'deposit', amount: 5 }, ctx({ expectedRevision: 7 })),
    ).rejects.toThrow();
    expect(seen.map(({ aggregate, command, outcome, events }) => ({ aggregate, command, outcome, events }))).toEqual([
      { aggregate: 'toy-account', command: 'open', outcome: 'ok', events: 1 },
      { aggregate: 'toy-account', command: 'open', outcome: 'duplicate', events: 0 },
      { aggregate: 'toy-account', command: 'withdraw', outcome: 'rule_violation', events: 0 },
      { aggregate: 'toy-account', command: 'deposit', outcome: 'conflict', events: 0 },
    ]);
    expect(seen.every((observation) => observation.durationMs >= 0)).toBe(true);
  });

  it('counts version-conflict retries and reports the command as retried', async () => {
    const other = new CommandHandler(store, new FakeClock());
    await handler.handle(toyAccount, 'toy-account-2', { type: 'open', owner: 'bo' }, ctx());
    await other.handle(toyAccount, 'toy-account-2', { type: 'deposit', amount: 1 }, ctx()); // handler's cache is now stale
    await handler.handle(toyAccount, 'toy-account-2', { type: 'deposit', amount: 2 }, ctx());
    expect(seen.at(-1)).toMatchObject({ outcome: 'retried', retries: 1, events: 1 });
  });

  it('runs the command inside `around` and never fails a command because the observer throws', async () => {
    const spans: string[] = [];
    const throwing = new CommandHandler(store, new FakeClock(), {
      observer: {
        onCommand: () => {
          throw new Error('metrics are down');
        },
        around: async (info, work) => {
          spans.push(`${info.aggregate}.${info.command} ${info.context.correlationId}`);
          return work();
        },
      },
    });
    const result = await throwing.handle(toyAccount, 'toy-account-3', { type: 'open', owner: 'cy' }, ctx({ correlationId: 'corr-3' }));
    expect(result.revision).toBe(0);
    expect(spans).toEqual(['toy-account.open corr-3']);
  });
});
