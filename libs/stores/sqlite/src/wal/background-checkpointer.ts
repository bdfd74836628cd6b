import { Worker } from 'node:worker_threads';
import type { SqliteDatabase, SqliteOptions } from '../sqlite-connection';

/** What a pass of the worker reports: SQLite's own `wal_checkpoint` answer. */
interface PassResult {
  readonly kind: 'done';
  /** Frames in the WAL when the pass ran. */
  readonly log: number;
  /** Frames of them now copied into the database file. */
  readonly checkpointed: number;
  /** 1 when another connection held the checkpoint lock (the pass copied nothing). */
  readonly busy: number;
}

type WorkerMessage =
  PassResult | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'failed'; readonly message: string };

export interface BackgroundCheckpointStats {
  /** Passes the worker ran. */
  readonly passes: number;
  /** Tails finished on the connection's own thread, so that the WAL could restart. */
  readonly tails: number;
  /** False once the worker could not open the file or died: the connection's own auto-checkpoint remains. */
  readonly running: boolean;
  readonly lastError?: string;
}

export interface BackgroundCheckpointOptions {
  /** The database file (not `:memory:`), already in WAL mode. */
  readonly file: string;
  /** `synchronous` of the worker's connection: a checkpoint syncs the WAL before it copies and the file after. */
  readonly synchronous: 'FULL' | 'NORMAL';
  /** How often a pass is asked for (default 50 ms). */
  readonly intervalMs?: number;
  /**
   * WAL length, in frames, past which the thread's own connection finishes the tail (default 8,000, about
   * 32 MiB). Each tail blocks that thread for 1.5–7.6 ms (the copy of what the pass missed, and a sync of
   * the file), and a tail came after nearly every pass at 2,000 frames: 300 ms of 100,000 durable commands.
   */
  readonly tailFrames?: number;
}

/**
 * Copies the WAL back into the database file on a worker thread, with its own connection, so that the
 * thread that writes does not. The copy ran inside the commit that crossed `wal_autocheckpoint`, on the
 * event loop: about 90 ms every 40 MiB of WAL, which every waiting caller paid (one append's p99 was
 * 103–114 ms, 30 ms with this; ADR 0028). The second core was idle.
 *
 * The writer stays in charge of the WAL's length. A passive checkpoint never blocks a writer, but under
 * steady writes it always trails the last commits, and SQLite restarts the WAL only when a writer begins
 * after everything was copied: left to the worker, the WAL grew without bound (200–290 MiB in 10 s of
 * random writes). So the worker runs one pass at a time, when asked; when a pass leaves a long WAL, the
 * writer's connection copies the short tail itself, between two of its own transactions, and its next
 * write restarts the WAL. The connection keeps its own `wal_autocheckpoint`: if the worker dies, the
 * store behaves exactly as it did before it existed.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private readonly tailFrames: number;
  private inFlight = false;
  private readonly idleWaiters: Array<() => void> = [];
  private running = true;
  private passes = 0;
  private tails = 0;
  private lastError: string | undefined;

  constructor(
    private readonly db: SqliteDatabase,
    options: BackgroundCheckpointOptions,
  ) {
    this.tailFrames = options.tailFrames ?? 8_000;
    // Plain JavaScript evaluated in the worker: it needs no TypeScript loader, under jest, ts-node or the build.
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file: options.file, synchronous: options.synchronous },
    });
    this.worker.unref(); // a store never closed must not keep the process alive
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error) => this.stopped(error.message));
    this.worker.on('exit', () => this.stopped(this.lastError ?? 'the checkpoint worker exited'));
    this.timer = setInterval(() => this.ask(), options.intervalMs ?? 50);
    this.timer.unref();
  }

  stats(): BackgroundCheckpointStats {
    return { passes: this.passes, tails: this.tails, running: this.running, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  /**
   * Runs `work` on the store's connection while no pass is in flight. A truncating
   * checkpoint (erasure's WAL purge) fails while another connection checkpoints, so it waits for the pass.
   */
  async whileIdle<T>(work: () => T): Promise<T> {
    // Woken in the microtask after a pass's answer: no timer, so no new pass, runs before `work`.
    while (this.inFlight) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    return work();
  }

  /** Stops the worker and closes its connection (before the store closes its own, which then checkpoints last). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    if (!this.running) return;
    this.running = false; // its exit is expected now
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    const late = setTimeout(() => void this.worker.terminate(), 2_000);
    await exited;
    clearTimeout(late);
  }

  private ask(): void {
    if (this.inFlight || !this.running || !this.db.open) return;
    this.inFlight = true;
    this.worker.postMessage('checkpoint');
  }

  private onMessage(message: WorkerMessage): void {
    if (message.kind === 'failed') return this.stopped(message.message);
    this.inFlight = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    if (message.kind === 'error') {
      this.lastError = message.message; // busy, full disk, I/O: the next pass tries again
      return;
    }
    this.passes++;
    // Between two of this thread's transactions the worker is idle: what is left is what was committed
    // during its pass, and once it is copied the next write starts the WAL from its beginning.
    if (message.log >= this.tailFrames && !message.busy && this.db.open && !this.db.inTransaction) {
      try {
        this.db.pragma('wal_checkpoint(PASSIVE)');
        this.tails++;
      } catch (error) {
        this.lastError = (error as Error).message;
      }
    }
  }

  private stopped(reason: string): void {
    if (!this.running) return;
    this.running = false;
    this.inFlight = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.lastError = reason;
    clearInterval(this.timer);
  }
}

/** The checkpointer for a store that opened its own file for writing; none in memory, read-only or when turned off. */
export function startBackgroundCheckpointer(db: SqliteDatabase, options: SqliteOptions): BackgroundCheckpointer | undefined {
  if (options.file === ':memory:' || options.readOnly || options.backgroundCheckpoint === false) return undefined;
  return new BackgroundCheckpointer(db, { file: options.file, synchronous: options.durability === 'normal' ? 'NORMAL' : 'FULL' });
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = ' + workerData.synchronous);
} catch (error) {
  parentPort.postMessage({ kind: 'failed', message: String(error && error.message) });
  parentPort.close();
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    if (db && db.open) db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'done', log: result.log, checkpointed: result.checkpointed, busy: result.busy });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message) });
  }
});
`;
