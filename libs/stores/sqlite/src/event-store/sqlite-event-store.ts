import {
  IdempotencyConflictError,
  NO_STREAM_REVISION,
  TransientStoreError,
  WrongExpectedRevisionError,
  assertExpectedRevision,
  revisionMatches,
  pollingSubscription,
  waitForWakeUp,
  type AllSlice,
  type AllSubscription,
  type AppendResult,
  type Backlog,
  type EventLogStats,
  type EventEnvelope,
  type EventFilter,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@c360/kernel';
import type { Statement, Transaction } from 'better-sqlite3';
import { isTransientSqliteError, migrate, openSqlite, type SqliteDatabase, type SqliteOptions } from '../sqlite-connection';
import { GENESIS, chainMessage, linkDigest } from './chain-link';
import { backfillChain, chainHead, verifyChain, type ChainAnchor, type ChainReport } from './event-chain';
import { EVENT_STORE_SCHEMA } from './event-store-schema';
import { EVENT_COLUMNS, toEnvelope, type EventRow } from './event-row';
import { FilteredReads, filterParams } from './event-filter-sql';
import { COLUMNS_PER_ROW, MultiRowInsert, ROWS_PER_INSERT } from './multi-row-insert';
import { SharedReadWindow } from './shared-read-window';
import { StatementsByLimit } from '../statements-by-limit';
import { repeatedAppend } from './repeated-append';
import { streamsAtPositionsRows } from './streams-at-positions-sql';
import { encodeNewEvents, type EncodedEvent } from './validate-new-events';
import { syncedOffTheEventLoop, type WalSync } from '../wal/wal-sync';
import { startBackgroundCheckpointer, type BackgroundCheckpointer } from '../wal/background-checkpointer';

type Outcome = { readonly result: AppendResult; readonly error?: undefined } | { readonly result?: undefined; readonly error: unknown };

/** Appends per group below which a turn's appends are never split (see `flush`). */
const MIN_GROUP = 32;

/** Thrown inside the group's transaction to undo it and write it again with a savepoint per append. */
class NeedsSavepoints extends Error {}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly EncodedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Group commit: appends that arrive in the same turn of the event loop are written in one
 * transaction (one failed append does not fail its neighbours) and share one fsync; every caller is
 * answered only after that commit is durable. With durability `full` the fsync runs off the main
 * thread (`WalSync`) while the next group is prepared, and this process's readers (`readAll`,
 * subscriptions, `headPosition`) see a group only once it is durable.
 */
export class SqliteEventStore implements EventStore, EventLogStats {
  private readonly db: SqliteDatabase;
  private queue: PendingAppend[] = [];
  /** The processors read the same stretch of `$all`: it is read and decoded once for all of them. */
  private readonly window = new SharedReadWindow(
    (after, head, limit) => this.filteredReads.statement(undefined, limit).all(after, head) as EventRow[],
  );
  private flushScheduled = false;
  private readonly waiters = new Set<() => void>();
  private closed = false;
  private readonly readOnly: boolean;
  /** Durability full on a file: the WAL is synced here, after each group's commit (see WalSync). */
  private readonly walSync: WalSync | undefined;
  /** Copies the WAL into the file off this thread, so no commit stalls for the copy (ADR 0028). */
  private readonly checkpointer: BackgroundCheckpointer | undefined;
  /** Position of the first event the group being written inserted. */
  private groupFirstPosition: number | undefined;

  private readonly insert: MultiRowInsert;
  private readonly filteredReads: FilteredReads;
  private readonly stmt: {
    revision: Statement;
    byEventId: Statement;
    forwards: StatementsByLimit;
    backwards: StatementsByLimit;
    head: Statement;
    last: Statement;
  };
  /** The group's transaction, made once (better-sqlite3 builds four wrappers per `transaction()` call). */
  /** IMMEDIATE: it reads the stream's revision and then writes, and another connection may write the file too. */
  private readonly writeGroup: Transaction<(batch: readonly PendingAppend[], savepoints: boolean) => Outcome[]>;
  private readonly appendInSavepoint: (append: PendingAppend) => AppendResult;

  constructor(options: SqliteOptions) {
    this.readOnly = options.readOnly === true;
    // synchronous=NORMAL + WalSync's fsync of the WAL before answering = synchronous=FULL, off the main thread.
    const { walSync, open } = syncedOffTheEventLoop(options);
    this.walSync = walSync;
    this.db = openSqlite(open);
    if (!options.readOnly) {
      migrate(this.db, 'event-store', EVENT_STORE_SCHEMA);
      backfillChain(this.db); // a log written before the hash chain: hashed once, in order
    }
    this.checkpointer = startBackgroundCheckpointer(this.db, options);
    this.stmt = {
      revision: this.db.prepare('SELECT max(revision) FROM events WHERE stream_id = ?').pluck(),
      last: this.db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').raw(),
      byEventId: this.db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
      forwards: new StatementsByLimit(
        this.db,
        (limit) => `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ${limit}`,
      ),
      backwards: new StatementsByLimit(
        this.db,
        (limit) => `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC ${limit}`,
      ),
      head: this.db.prepare('SELECT max(position) FROM events').pluck(),
    };
    this.insert = new MultiRowInsert(this.db);
    this.filteredReads = new FilteredReads(this.db);
    // A nested better-sqlite3 transaction is a SAVEPOINT inside the group's transaction.
    this.appendInSavepoint = this.db.transaction((append: PendingAppend) => this.appendOne(append, true));
    this.writeGroup = this.db.transaction((batch: readonly PendingAppend[], savepoints: boolean) =>
      batch.map((append): Outcome => {
        try {
          return { result: savepoints ? this.appendInSavepoint(append) : this.appendOne(append, false) };
        } catch (error) {
          if (isTransientSqliteError(error) || error instanceof NeedsSavepoints) throw error; // the whole group is undone
          return { error };
        }
      }),
    );
  }

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    if (this.readOnly) return Promise.reject(new Error('The event store was opened read-only'));
    let encoded: EncodedEvent[];
    try {
      encoded = encodeNewEvents(streamId, events);
      assertExpectedRevision(options?.expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events: encoded, expected: options.expectedRevision, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<EventEnvelope[]> {
    const limit = options.maxCount ?? -1;
    const rows = this.read(() =>
      options.direction === 'backwards'
        ? this.stmt.backwards.get(limit).all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER)
        : this.stmt.forwards.get(limit).all(streamId, options.fromRevision ?? 0),
    ) as EventRow[];
    return rows.map(toEnvelope);
  }

  /** StreamsAtPositions: a customer's streams for its as-of view, one query per 500 positions. */
  async readStreamsAt(positions: readonly number[], untilPosition: number): Promise<EventEnvelope[]> {
    return this.read(() => streamsAtPositionsRows(this.db, positions, untilPosition)).map(toEnvelope);
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.read(() => this.currentRevision(streamId));
  }

  async readAll(options: ReadAllOptions = {}): Promise<AllSlice> {
    return this.readAllNow(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return pollingSubscription({
      after: options.after,
      read: (after) => this.readAllNow({ ...options, after }),
      // Woken early by an append in this process; the poll catches other processes' appends.
      waitForAppend: (signal) => waitForWakeUp(this.waiters, options.pollIntervalMs ?? 250, signal),
      isOpen: () => !this.closed,
    });
  }

  async headPosition(): Promise<number | undefined> {
    return this.read(() => this.durableHead() ?? undefined);
  }

  /** A processor's backlog by counting rows (no decoding), for honest lag in health (issue 11). */
  async backlog(after: number | undefined, filter: EventFilter | undefined, limit: number): Promise<Backlog> {
    return this.read(() => this.filteredReads.backlog(after ?? 0, filter, limit));
  }

  /** Recomputes the hash chain over the whole log (`c360 audit verify-log`); see event-chain.ts. */
  verifyChain(options?: Parameters<typeof verifyChain>[1]): ChainReport {
    return this.read(() => verifyChain(this.db, options));
  }

  /** The chain's head: what `c360 audit anchor` prints for an auditor to keep elsewhere. */
  chainHead(): ChainAnchor | undefined {
    return this.read(() => chainHead(this.db));
  }

  async ping(): Promise<void> {
    this.read(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.queue.length) this.flush();
    this.closed = true;
    await this.walSync?.drain();
    this.walSync?.close();
    for (const wake of [...this.waiters]) wake();
    await this.checkpointer?.close();
    this.db.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    const queued = this.queue;
    this.queue = [];
    if (!this.walSync || queued.length <= MIN_GROUP) return this.commitGroup(queued);
    // With the fsync off the main thread, a turn's appends are committed in two groups: the first
    // group's callers decide their next commands while the second group's fsync runs (one group would
    // leave the thread idle during every fsync). With N in flight, c CPU per command and an fsync of X,
    // two groups give about N/2X commands/s against N/(X + Nc) for one: better while X < Nc (about 8 ms
    // for 256 commands of 30 µs). Four groups would need X < Nc/3, and fsyncs here take 2–12 ms.
    const size = Math.max(MIN_GROUP, Math.ceil(queued.length / 2));
    for (let from = 0; from < queued.length; from += size) this.commitGroup(queued.slice(from, from + size));
  }

  private commitGroup(batch: readonly PendingAppend[]): void {
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      // Without savepoints first (two statements fewer per append). An append that fails after writing
      // some of its events cannot be undone alone then: the group is rolled back and written again with
      // a savepoint per append, so one failed append never fails (or half-writes) its neighbours.
      outcomes = this.writeGroupOnce(batch);
    } catch (error) {
      const failure = isTransientSqliteError(error)
        ? new TransientStoreError(`Event store write failed, nothing was written: ${(error as Error).message}`, { cause: error })
        : error;
      for (const append of batch) append.reject(failure);
      return;
    }
    // Refusals are answered now; written (or duplicate) appends once the commit is durable.
    batch.forEach((append, index) => {
      const outcome = outcomes[index];
      if (!outcome.result) append.reject(outcome.error);
    });
    const durable = () => {
      batch.forEach((append, index) => {
        const result = outcomes[index].result;
        if (result) append.resolve(result);
      });
      for (const wake of [...this.waiters]) wake();
    };
    if (!this.walSync) return durable();
    this.walSync.afterCommit({
      firstPosition: this.groupFirstPosition,
      durable,
      failed: (error) => {
        const failure = new TransientStoreError(
          `Event store commit could not be synced to disk (it may or may not survive a power loss; retrying the command is safe): ${error.message}`,
          { cause: error },
        );
        batch.forEach((append, index) => {
          if (outcomes[index].result) append.reject(failure);
        });
      },
    });
  }

  /** The last position readers in this process may see: before the first one not yet durable. */
  private durableHead(): number | null {
    const head = this.stmt.head.get() as number | null;
    const notDurable = this.walSync?.notDurableFrom();
    if (notDurable === undefined || head === null) return head;
    const visible = Math.min(head, notDurable - 1);
    return visible >= 1 ? visible : null; // positions start at 1: nothing durable yet is an empty log
  }

  private writeGroupOnce(batch: readonly PendingAppend[]): Outcome[] {
    this.groupFirstPosition = undefined;
    try {
      return this.writeGroup.immediate(batch, false);
    } catch (error) {
      if (!(error instanceof NeedsSavepoints)) throw error;
      this.groupFirstPosition = undefined;
      return this.writeGroup.immediate(batch, true);
    }
  }

  /** Writes one append; outside a savepoint it refuses to leave a failed append half-written. */
  private appendOne({ streamId, events, expected }: PendingAppend, inSavepoint: boolean): AppendResult {
    const current = this.currentRevision(streamId);
    if (!revisionMatches(expected, current)) {
      const duplicate = repeatedAppend(this.stmt.byEventId, streamId, events);
      if (duplicate) return duplicate;
      throw new WrongExpectedRevisionError(streamId, String(expected), current);
    }
    let revision = current;
    // Read from the file, not remembered: a rolled-back savepoint leaves no stale hash behind.
    const last = this.stmt.last.get() as [number, Buffer | null] | undefined;
    let position = last?.[0] ?? 0;
    let previous: Uint8Array | string = last?.[1] ?? GENESIS;
    const firstPosition = position + 1;
    let written = 0;
    try {
      while (written < events.length) {
        const rows = Math.min(ROWS_PER_INSERT, events.length - written);
        const params: unknown[] = new Array(rows * COLUMNS_PER_ROW);
        // The chunk's hashes in one buffer, each bound as a 32-byte view of it (SQLite copies the bytes).
        const hashes = Buffer.allocUnsafe(32 * rows);
        let p = 0;
        for (let i = written; i < written + rows; i++) {
          const { id, type, schemaVersion, occurredAt, data, metadata } = events[i];
          revision += 1;
          position += 1;
          previous = linkDigest(previous, chainMessage(position, id, streamId, revision, type, schemaVersion, occurredAt, data, metadata));
          const at = 32 * (i - written);
          hashes.write(previous, at, 'latin1');
          params[p++] = position;
          params[p++] = id;
          params[p++] = streamId;
          params[p++] = revision;
          params[p++] = type;
          params[p++] = schemaVersion;
          params[p++] = occurredAt;
          params[p++] = data;
          params[p++] = metadata;
          params[p++] = hashes.subarray(at, at + 32);
        }
        this.insert.statement(rows).run(params);
        written += rows;
        this.groupFirstPosition ??= firstPosition;
      }
    } catch (error) {
      // A failed statement undoes only its own rows: earlier chunks of this append would stay written.
      if (!inSavepoint && written > 0) throw new NeedsSavepoints();
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      const duplicate = repeatedAppend(this.stmt.byEventId, streamId, events);
      if (duplicate) return duplicate;
      throw new IdempotencyConflictError(streamId, events[0].id);
    }
    return { nextExpectedRevision: revision, position, duplicate: false };
  }

  private currentRevision(streamId: string): number {
    return (this.stmt.revision.get(streamId) as number | null) ?? NO_STREAM_REVISION;
  }

  private readAllNow(options: ReadAllOptions): AllSlice {
    const after = options.after ?? 0;
    const limit = options.maxCount ?? 1_000;
    return this.read(() => {
      // Only what is durable is visible (ADR 0019): the shared window never reads past it either.
      const head = this.durableHead() ?? 0;
      const shared = this.window.read(options.after, head, limit, options.filter);
      if (shared) return shared;
      const rows = this.filteredReads.statement(options.filter, limit).all(after, head, ...filterParams(options.filter)) as EventRow[];
      const events = rows.map(toEnvelope);
      const full = rows.length === limit;
      const lastPosition = full ? rows[rows.length - 1].position : head > after ? head : options.after;
      return { events, lastPosition, isEnd: !full || lastPosition === head };
    });
  }

  /** Runs a read, turning SQLite's "busy" and I/O faults into retryable errors. */
  private read<T>(work: () => T): T {
    if (this.closed) throw new Error('The event store is closed');
    try {
      return work();
    } catch (error) {
      if (isTransientSqliteError(error)) {
        throw new TransientStoreError(`Event store read failed: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    }
  }
}
