import { CommandHandler, DomainError, systemClock, uuidv7, type AggregateType, type Decider } from '@c360/kernel';
import { InMemoryEventStore } from '@c360/kernel/testing';
import { SqliteEventStore, type Durability } from '@c360/store-sqlite';
import {
  CommandHandler as EmmettCommandHandler,
  getInMemoryEventStore,
  type EventStore as EmmettEventStore,
} from '@event-driven-io/emmett';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { join } from 'node:path';
import { figure, tempDataDir, verdict } from './bench-util';
import { flag } from './http/bench-args';

/**
 * Ours against the peer (Emmett 0.38.5), side by side in one process: the same pure decider (a points
 * account: earn 10, redeem 5 — refused when the balance is short) over 1,000 streams, driven through
 * each side's own command handler (read → decide → append with the revision read).
 *  - ours: the kernel CommandHandler over the SQLite event store, durability full and normal;
 *  - Emmett's in-memory store (not durable) and Emmett-sqlite on a file (it opens and closes the
 *    database per operation, so it runs one command at a time).
 * The machine is shared, so each pair is measured in alternating rounds (best of each) and the ratios
 * are what to compare; CPU µs per command (process CPU time / commands) is the steadier figure.
 */

type PointsCommand = { readonly type: 'earn'; readonly points: number } | { readonly type: 'redeem'; readonly points: number };
type PointsEvent =
  | { readonly type: 'points.earned'; readonly data: { readonly points: number } }
  | { readonly type: 'points.redeemed'; readonly data: { readonly points: number } };
interface PointsState {
  readonly balance: number;
}

const pointsDecider: Decider<PointsCommand, PointsEvent, PointsState> = {
  initialState: { balance: 0 },
  decide(command, state) {
    if (command.type === 'earn') return [{ type: 'points.earned', data: { points: command.points } }];
    if (command.points > state.balance) throw new DomainError('points.insufficient', `Balance ${state.balance} < ${command.points}`);
    return [{ type: 'points.redeemed', data: { points: command.points } }];
  },
  evolve(state, event) {
    return event.type === 'points.earned' ? { balance: state.balance + event.data.points } : { balance: state.balance - event.data.points };
  },
};

const pointsAccount: AggregateType<PointsCommand, PointsEvent, PointsState> = {
  name: 'points-account',
  decider: pointsDecider,
  eventSchemas: { 'points.earned': 1, 'points.redeemed': 1 },
};

const STREAMS = 1_000;
const actor = { id: 'bench', role: 'agent' as const };

/** Command n: stream n mod 1,000; earn on even passes over the streams, redeem on odd ones (never short). */
function commandAt(n: number): { stream: number; command: PointsCommand } {
  const pass = Math.floor(n / STREAMS);
  return { stream: n % STREAMS, command: pass % 2 === 0 ? { type: 'earn', points: 10 } : { type: 'redeem', points: 5 } };
}

/** Sends commands `from`..`from+count` with `inFlight` of them outstanding; commands/s and CPU µs each. */
async function drive(send: (n: number) => Promise<unknown>, from: number, count: number, inFlight: number) {
  let next = from;
  const end = from + count;
  const worker = async () => {
    while (next < end) await send(next++);
  };
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { perSecond: count / seconds, cpuUs: (used.user + used.system) / count };
}

interface Contender {
  readonly label: string;
  send(n: number): Promise<unknown>;
  close(): Promise<void>;
}

function ours(durability: Durability | 'memory', dir: string): Contender {
  // `memory` (profiling only): the kernel's in-memory test store, to separate the handler's cost from SQLite's.
  const store =
    durability === 'memory'
      ? new InMemoryEventStore()
      : new SqliteEventStore({ file: join(dir, `ours-${durability}-${uuidv7()}.db`), durability });
  const handler = new CommandHandler(store, systemClock);
  return {
    label: `ours, CommandHandler + SQLite, durability ${durability}`,
    send: (n) => {
      const { stream, command } = commandAt(n);
      return handler.handle(pointsAccount, `points-${stream}`, command, { commandId: uuidv7(), actor });
    },
    close: async () => {
      if (store instanceof SqliteEventStore) await store.close();
    },
  };
}

function emmett(label: string, store: EmmettEventStore, close: () => Promise<void> = async () => undefined): Contender {
  const handle = EmmettCommandHandler<PointsState, PointsEvent>({
    evolve: (state, event) => pointsDecider.evolve(state, event),
    initialState: () => pointsDecider.initialState,
  });
  return {
    label,
    send: (n) => {
      const { stream, command } = commandAt(n);
      return handle(store, `points-${stream}`, (state) => [...pointsDecider.decide(command, state)]);
    },
    close,
  };
}

interface Measured {
  perSecond: number;
  cpuUs: number;
}

/** Alternating rounds on fresh contenders; the best throughput (and lowest CPU per command) of each. */
async function pairwise(make: Array<() => Contender>, inFlight: number, count: number, rounds: number): Promise<Measured[]> {
  const best: Measured[] = make.map(() => ({ perSecond: 0, cpuUs: Number.POSITIVE_INFINITY }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, factory] of make.entries()) {
      const contender = factory();
      await drive((n) => contender.send(n), 0, 2 * STREAMS, Math.min(inFlight, 64)); // warm: every stream earned and redeemed once
      const measured = await drive((n) => contender.send(n), 2 * STREAMS, count, inFlight);
      await contender.close();
      best[index].perSecond = Math.max(best[index].perSecond, measured.perSecond);
      best[index].cpuUs = Math.min(best[index].cpuUs, measured.cpuUs);
    }
  }
  return best;
}

function show(label: string, inFlight: number, measured: Measured): void {
  figure(`${label}, ${inFlight} in flight`, measured.perSecond, 'commands/s', `${measured.cpuUs.toFixed(1)} µs CPU each`);
}

export async function runPeerBench(): Promise<boolean> {
  const data = tempDataDir('peer');
  const count = Number(process.env.BENCH_COMMANDS ?? 20_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  console.log(
    `\npeer — earn 10 / redeem 5 over ${STREAMS.toLocaleString('en-US')} streams, ${count.toLocaleString('en-US')} commands a run`,
  );
  const profile = flag('profile');
  if (profile !== undefined) {
    // Only ours, `--profile=<durability>,<in flight>` (default normal,1): run under `node --cpu-prof` (docs/benchmarks.md).
    const [durability = 'normal', inFlight = '1'] = profile.split(',');
    const [alone] = await pairwise([() => ours(durability as Durability, data.dir)], Number(inFlight), count, rounds);
    show(`ours, durability ${durability} (profiling run)`, Number(inFlight), alone);
    data.remove();
    return true;
  }
  const inMemory = () => emmett('Emmett 0.38.5 in-memory (not durable)', getInMemoryEventStore());
  const full = () => ours('full', data.dir);
  const normal = () => ours('normal', data.dir);

  // One in flight: what a command costs in CPU (normal) and with one fsync each (full).
  const [mem1, normal1] = await pairwise([inMemory, normal], 1, count, rounds);
  const [full1] = await pairwise([full], 1, Math.min(count, 5_000), 1);
  // Emmett-sqlite closes its connection after every operation and now and then answers SQLITE_BUSY
  // ("cannot commit transaction - SQL statements in progress") even one command at a time: counted, not fatal.
  let emmettSqliteFailures = 0;
  const sqliteFile = () => {
    const store = getSQLiteEventStore({ fileName: join(data.dir, `emmett-${uuidv7()}.db`) });
    const contender = emmett('Emmett-sqlite 0.38.5, file', store);
    return { ...contender, send: (n: number) => contender.send(n).catch(() => emmettSqliteFailures++) };
  };
  const [emmettSqlite1] = await pairwise([sqliteFile], 1, Number(process.env.BENCH_EMMETT_SQLITE_COMMANDS ?? 1_000), 1);
  // 256 in flight: group commit and the per-stream queue against Emmett's in-memory store.
  const [mem256, full256, normal256] = await pairwise([inMemory, full, normal], 256, count, rounds);

  show('ours, durability full', 1, full1);
  show('ours, durability full', 256, full256);
  show('ours, durability normal', 1, normal1);
  show('ours, durability normal', 256, normal256);
  show('Emmett 0.38.5 in-memory (not durable)', 1, mem1);
  show('Emmett 0.38.5 in-memory (not durable)', 256, mem256);
  show('Emmett-sqlite 0.38.5, file (durability: its defaults)', 1, emmettSqlite1);
  figure('  of which failed with SQLITE_BUSY', emmettSqliteFailures, 'commands');
  console.log('  ratios (ours / Emmett, same run):');
  figure('  full, 256 in flight / Emmett in-memory, 256', full256.perSecond / mem256.perSecond, '×');
  figure('  normal, 1 in flight / Emmett in-memory, 1', normal1.perSecond / mem1.perSecond, '×');
  figure('  normal, 256 in flight / Emmett in-memory, 256', normal256.perSecond / mem256.perSecond, '×');
  figure('  CPU per command, Emmett in-memory / ours normal (1 in flight)', mem1.cpuUs / normal1.cpuUs, '×');
  figure('  full, 1 in flight / Emmett-sqlite file, 1', full1.perSecond / emmettSqlite1.perSecond, '×');
  data.remove();

  console.log('  targets (issue 21):');
  return [
    verdict('durable commands (full, 256 in flight) vs Emmett in-memory (percent)', (100 * full256.perSecond) / mem256.perSecond, 100, '%'),
    verdict('per-command, durability normal, 1 in flight', normal1.perSecond, 25_000, 'commands/s'),
  ].every(Boolean);
}
