import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface LoggedEvent {
  readonly position: number;
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { commandId?: string; causationId?: string; correlationId?: string; actor?: { id: string; role: string } };
}

/**
 * The event log of a platform's data dir, read straight from `events.db` over a read-only connection
 * (SQLite WAL lets it read beside the running process; it never writes). The log is the source of
 * truth each case checks the platform's answers against.
 */
export class EventLog {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  }

  /** The global position of the last event (0 for an empty log). */
  head(): number {
    return (this.db.prepare('SELECT coalesce(max(position), 0) AS head FROM events').get() as { head: number }).head;
  }

  /** Events after `position` (all of them by default), optionally of some types only. */
  events(options: { after?: number; types?: readonly string[] } = {}): LoggedEvent[] {
    const types = options.types ?? [];
    const filter = types.length ? `AND type IN (${types.map(() => '?').join(',')})` : '';
    return this.select(`position > ? ${filter}`, options.after ?? 0, ...types);
  }

  /** Events a command appended: those whose metadata names its id (its Idempotency-Key). */
  byCommand(commandId: string): LoggedEvent[] {
    return this.select(`json_extract(metadata, '$.commandId') = ?`, commandId);
  }

  private select(where: string, ...parameters: unknown[]): LoggedEvent[] {
    const rows = this.db
      .prepare(`SELECT position, event_id, stream_id, revision, type, data, metadata FROM events WHERE ${where} ORDER BY position`)
      .all(...parameters) as Array<Record<string, string | number>>;
    return rows.map((row) => ({
      position: Number(row.position),
      id: String(row.event_id),
      streamId: String(row.stream_id),
      revision: Number(row.revision),
      type: String(row.type),
      data: JSON.parse(String(row.data)),
      metadata: JSON.parse(String(row.metadata)),
    }));
  }

  close(): void {
    this.db.close();
  }
}

/** Groups by a key: `countBy(events, (e) => e.type)`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = key(item);
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
