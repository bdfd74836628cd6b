import { CommandHandler, systemClock, uuidv7, type CommandContext } from '@c360/kernel';
import { toyAccount } from '@c360/kernel/testing';
import { CommandBus, ContextCommand, HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { SqliteEventStore } from '@c360/store-sqlite';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { figure, tempDataDir, timed } from './bench-util';
import { runMetricsCostBench } from './metrics-cost.bench';

/**
 * What dispatching a use case through @nestjs/cqrs's CommandBus costs on top of the kernel's
 * CommandHandler: the same toy deposit command, run directly and through the bus, alternately, in the
 * same process and store (durability normal, so the CPU cost is not hidden behind fsyncs).
 */
class Deposit extends ContextCommand<number> {
  constructor(
    readonly accountId: string,
    readonly amount: number,
    context?: CommandContext,
  ) {
    super(context);
  }
}

@HandlesCommand(Deposit)
class DepositHandler implements ICommandHandler<Deposit, number> {
  constructor(private readonly commands: CommandHandler) {}
  async execute(command: Deposit): Promise<number> {
    const result = await this.commands.handle(
      toyAccount,
      `toy-account-${command.accountId}`,
      { type: 'deposit', amount: command.amount },
      contextOf(command),
    );
    return result.revision;
  }
}

class Noop extends ContextCommand<void> {}

@HandlesCommand(Noop)
class NoopHandler implements ICommandHandler<Noop, void> {
  async execute(_command: Noop): Promise<void> {
    return undefined;
  }
}

const actor = { id: 'bench', role: 'agent' as const };

async function run(inFlight: number, total: number, send: (n: number) => Promise<unknown>): Promise<number> {
  let issued = 0;
  const worker = async () => {
    while (issued < total) await send(issued++);
  };
  const { seconds } = await timed(() => Promise.all(Array.from({ length: inFlight }, worker)));
  return total / seconds;
}

export async function runCommandsBench(): Promise<boolean> {
  const dir = tempDataDir('commands-bus');
  const store = new SqliteEventStore({ file: join(dir.dir, 'events.db'), durability: 'normal' });
  const handler = new CommandHandler(store, systemClock);

  @Module({ imports: [CqrsModule.forRoot()], providers: [{ provide: CommandHandler, useValue: handler }, DepositHandler, NoopHandler] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  await app.init();
  const bus = app.get(CommandBus);

  const accounts = 1_000;
  for (let a = 0; a < accounts; a++)
    await handler.handle(toyAccount, `toy-account-${a}`, { type: 'open', owner: `o-${a}` }, { commandId: uuidv7(), actor });

  const direct = (n: number) =>
    handler.handle(toyAccount, `toy-account-${n % accounts}`, { type: 'deposit', amount: 1 }, { commandId: uuidv7(), actor });
  const viaBus = (n: number) => bus.execute(new Deposit(String(n % accounts), 1, { commandId: uuidv7(), actor }));

  console.log('\nCommand dispatch: kernel CommandHandler directly vs through the CQRS CommandBus (SQLite, durability normal)');
  let perOneInFlight = 0;
  for (const inFlight of [1, 256]) {
    const rounds = { direct: [] as number[], bus: [] as number[] };
    for (let round = 0; round < 3; round++) {
      rounds.direct.push(await run(inFlight, 20_000, direct));
      rounds.bus.push(await run(inFlight, 20_000, viaBus));
    }
    const best = (values: number[]) => Math.max(...values);
    figure(`direct, ${inFlight} in flight (best of 3)`, best(rounds.direct), 'commands/s', 'durability normal');
    figure(`through the CommandBus, ${inFlight} in flight (best of 3)`, best(rounds.bus), 'commands/s', 'durability normal');
    figure(
      `dispatch cost, ${inFlight} in flight`,
      100 * (1 - best(rounds.bus) / best(rounds.direct)),
      '% slower',
      'noisy: see the no-op figure',
    );
    if (inFlight === 1) perOneInFlight = best(rounds.direct);
  }

  // The bus's own cost, without the store's noise: a handler that does nothing, called a million times.
  const noop = new NoopHandler();
  const calls = 1_000_000;
  const plain = await timed(async () => {
    for (let n = 0; n < calls; n++) await noop.execute(new Noop());
  });
  const dispatched = await timed(async () => {
    for (let n = 0; n < calls; n++) await bus.execute(new Noop());
  });
  const perCommandUs = ((dispatched.seconds - plain.seconds) / calls) * 1e6;
  figure('CommandBus overhead per command (no-op handler)', perCommandUs, 'µs');
  figure('  as a share of one command at 1 in flight', (100 * perCommandUs * perOneInFlight) / 1e6, '%');
  await app.close();
  await store.close();
  dir.remove();
  await runMetricsCostBench();
  return true;
}
