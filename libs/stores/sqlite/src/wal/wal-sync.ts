import { closeSync, fdatasync, openSync } from 'node:fs';
import type { SqliteOptions } from '../sqlite-connection';

/** A committed group of writes (appends, a new key) waiting for its WAL frames to reach the disk. */
export interface CommittedGroup {
  /** Global position of the group's first new event (undefined when it wrote none, or is not an event store's). */
  readonly firstPosition: number | undefined;
  /** Answers the group's callers: its commit is durable. */
  readonly durable: () => void;
  /** The fsync failed: the commit is in the WAL but may not survive a power loss. */
  readonly failed: (error: Error) => void;
}

/**
 * Durability `full` with the fsync off the main thread. SQLite's `synchronous=FULL` in WAL mode is
 * `NORMAL` plus one sync of the WAL after each commit (sqlite.org/pragma.html#pragma_synchronous);
 * better-sqlite3 makes that sync on the event loop's thread, which then does nothing else for the
 * milliseconds an fsync takes. Here the store commits with `NORMAL` and this class syncs the WAL file on
 * libuv's thread pool before anyone is answered, while the next group is decided and committed:
 * classic group commit, one fsync in flight at a time, covering every group committed before it began.
 */
export class WalSync {
  private fd: number | undefined;
  private waiting: CommittedGroup[] = [];
  private inFlight: CommittedGroup[] | undefined;
  private readonly idle: Array<() => void> = [];

  constructor(
    private readonly walFile: string,
    /** `fs.fdatasync`; replaceable so that specs can hold a sync in flight. */
    private readonly sync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void = fdatasync,
  ) {}

  afterCommit(group: CommittedGroup): void {
    this.waiting.push(group);
    this.start();
  }

  /** Resolves once everything committed so far is on disk (one fsync in flight covers every caller before it). */
  synced(): Promise<void> {
    return new Promise((durable, failed) => this.afterCommit({ firstPosition: undefined, durable, failed }));
  }

  /** The first position this process committed that is not durable yet: in-process readers stop before it. */
  notDurableFrom(): number | undefined {
    let first: number | undefined;
    for (const group of [...(this.inFlight ?? []), ...this.waiting]) {
      if (group.firstPosition !== undefined && (first === undefined || group.firstPosition < first)) first = group.firstPosition;
    }
    return first;
  }

  /** Resolves when every committed group has been synced (or failed). */
  async drain(): Promise<void> {
    while (this.inFlight || this.waiting.length) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private start(): void {
    if (this.inFlight || this.waiting.length === 0) return;
    const covered = this.waiting;
    this.waiting = [];
    this.inFlight = covered;
    let fd: number;
    try {
      // Opened after the first commit (SQLite creates the WAL then); it keeps its inode while the
      // database is open: checkpoints restart or truncate it in place.
      fd = this.fd ??= openSync(this.walFile, 'r+');
    } catch (error) {
      this.finish(covered, error as Error);
      return;
    }
    this.sync(fd, (error) => this.finish(covered, error ?? undefined));
  }

  private finish(covered: readonly CommittedGroup[], error: Error | undefined): void {
    this.inFlight = undefined;
    for (const group of covered) {
      if (error) group.failed(error);
      else group.durable();
    }
    this.start();
    if (!this.inFlight && this.waiting.length === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}

/**
 * How a store that wants durability `full` opens its file: with `synchronous=NORMAL` and a WalSync that
 * syncs the WAL off the event loop (together, synchronous=FULL). `normal`, `:memory:` and read-only
 * files need no sync: they are opened as asked, without one.
 */
export function syncedOffTheEventLoop(options: SqliteOptions): { readonly walSync: WalSync | undefined; readonly open: SqliteOptions } {
  const syncHere = options.durability !== 'normal' && options.file !== ':memory:' && !options.readOnly;
  if (!syncHere) return { walSync: undefined, open: options };
  return { walSync: new WalSync(`${options.file}-wal`), open: { ...options, durability: 'normal' } };
}
