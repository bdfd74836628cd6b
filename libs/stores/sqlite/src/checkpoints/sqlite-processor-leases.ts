import { assertFence, assertLeaseRequest, type ProcessorLease } from '@c360/kernel';
import type { SqliteDatabase } from '../sqlite-connection';

interface LeaseRow {
  readonly name: string;
  readonly holder: string;
  readonly token: number;
  readonly expires_at: number;
}

/**
 * The `processor_leases` table's statements, shared by the checkpoint store (which hands leases out)
 * and the read-model store (which fences the checkpoint it commits with a batch). Taking a lease is an
 * IMMEDIATE transaction: two processes sharing the file cannot both see it free.
 */
export class SqliteProcessorLeases {
  private readonly select;
  private readonly upsert;
  private readonly expire;
  private readonly all;
  private readonly tokenOf;
  private readonly take: (name: string, holder: string, ttlMs: number, now: number) => ProcessorLease | undefined;

  constructor(db: SqliteDatabase) {
    this.select = db.prepare('SELECT name, holder, token, expires_at FROM processor_leases WHERE name = ?');
    this.upsert = db.prepare(
      `INSERT INTO processor_leases (name, holder, token, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at`,
    );
    this.expire = db.prepare('UPDATE processor_leases SET expires_at = 0 WHERE name = ? AND holder = ? AND token = ?');
    this.all = db.prepare('SELECT name, holder, token, expires_at FROM processor_leases ORDER BY name');
    this.tokenOf = db.prepare('SELECT token FROM processor_leases WHERE name = ?').pluck();
    const take = db.transaction((name: string, holder: string, ttlMs: number, now: number) => {
      const current = this.select.get(name) as LeaseRow | undefined;
      if (current && current.holder !== holder && current.expires_at > now) return undefined;
      const token = current?.holder === holder ? current.token : (current?.token ?? 0) + 1;
      this.upsert.run(name, holder, token, now + ttlMs);
      return { name, holder, token, expiresAt: now + ttlMs };
    });
    this.take = (...args) => take.immediate(...args);
  }

  acquire(name: string, holder: string, ttlMs: number, now: number): ProcessorLease | undefined {
    assertLeaseRequest(name, holder, ttlMs);
    return this.take(name, holder, ttlMs, now);
  }

  release(lease: ProcessorLease): void {
    this.expire.run(lease.name, lease.holder, lease.token);
  }

  list(): ProcessorLease[] {
    return (this.all.all() as LeaseRow[]).map((row) => ({
      name: row.name,
      holder: row.holder,
      token: row.token,
      expiresAt: row.expires_at,
    }));
  }

  /** Throws FencedOffError when `fence` is older than the lease's token; call inside the write's transaction. */
  assertFence(name: string, fence: number | undefined): void {
    if (fence === undefined) return;
    assertFence(name, fence, (this.tokenOf.get(name) as number | undefined) ?? undefined);
  }
}
