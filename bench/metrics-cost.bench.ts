import { CommandHandler, systemClock, uuidv7, type CommandObserver } from '@c360/kernel';
import { toyAccount } from '@c360/kernel/testing';
import { CommandTelemetry, PlatformMetrics, Tracing } from '@c360/runtime';
import { SqliteEventStore } from '@c360/store-sqlite';
import { join } from 'node:path';
import { figure, tempDataDir, timed } from './bench-util';

const actor = { id: 'bench', role: 'agent' as const };

/**
 * What Prometheus metrics cost a command (ADR 0015): the same toy deposits through two CommandHandlers
 * over one store — one without an observer, one with the runtime's CommandTelemetry (counters and a
 * histogram per command; tracing off, as by default) — alternately, best of 4, durability normal so
 * that the CPU cost is not hidden behind fsyncs.
 */
export async function runMetricsCostBench(): Promise<void> {
  const dir = tempDataDir('metrics-cost');
  const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability: 'normal' });
  const metrics = new PlatformMetrics();
  const observer: CommandObserver = new CommandTelemetry(metrics, Tracing.off());
  const handlers = { without: new CommandHandler(store, systemClock), with: new CommandHandler(store, systemClock, { observer }) };
  const accounts = 1_000;
  const lanes = { without: 'a', with: 'b' } as const;
  for (const [variant, handler] of Object.entries(handlers) as Array<[keyof typeof handlers, CommandHandler]>) {
    for (let a = 0; a < accounts; a++) {
      await handler.handle(
        toyAccount,
        `toy-account-${lanes[variant]}${a}`,
        { type: 'open', owner: `o-${a}` },
        { commandId: uuidv7(), actor },
      );
    }
  }
  const run = async (variant: keyof typeof handlers, inFlight: number, total: number) => {
    let issued = 0;
    const worker = async () => {
      while (issued < total) {
        const n = issued++;
        await handlers[variant].handle(
          toyAccount,
          `toy-account-${lanes[variant]}${n % accounts}`,
          { type: 'deposit', amount: 1 },
          { commandId: uuidv7(), actor },
        );
      }
    };
    const { seconds } = await timed(() => Promise.all(Array.from({ length: inFlight }, worker)));
    return total / seconds;
  };

  console.log('\nMetrics cost: CommandHandler without and with the Prometheus observer (SQLite, durability normal, tracing off)');
  for (const inFlight of [1, 256]) {
    const rounds = { without: [] as number[], with: [] as number[] };
    // A-B-B-A: neither variant always runs on the fuller WAL or the warmer cache.
    for (let round = 0; round < 4; round++) {
      const order: Array<keyof typeof handlers> = round % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const variant of order) rounds[variant].push(await run(variant, inFlight, 20_000));
    }
    const best = { without: Math.max(...rounds.without), with: Math.max(...rounds.with) };
    figure(`without metrics, ${inFlight} in flight (best of 4)`, best.without, 'commands/s', 'durability normal');
    figure(`with metrics, ${inFlight} in flight (best of 4)`, best.with, 'commands/s', 'durability normal');
    figure(`metrics cost, ${inFlight} in flight`, 100 * (1 - best.with / best.without), '% slower', 'noisy: see the per-command figure');
  }

  // The observer alone, without the store's noise: one observation a call, a million calls.
  const calls = 1_000_000;
  const observation = { aggregate: 'toy-account', command: 'deposit', outcome: 'ok' as const, durationMs: 0.2, retries: 0, events: 1 };
  const { seconds } = await timed(async () => {
    for (let n = 0; n < calls; n++) observer.onCommand(observation);
  });
  figure('observer cost per command (counters + histogram)', (seconds / calls) * 1e6, 'µs');
  await store.close();
  dir.remove();
}
