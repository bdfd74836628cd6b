import type { NewEvent } from '@c360/kernel';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseChainAnchor, type ChainAnchor } from './event-chain';
import { ROWS_PER_INSERT } from './multi-row-insert';
import { SqliteEventStore } from './sqlite-event-store';

/** Tamper evidence: whoever edits the SQLite file directly is named by `verifyChain`. */
function event(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    data,
    metadata: { correlationId: 'c-1', causationId: 'c-1', actor: { id: 'agent-1', role: 'agent' } },
  };
}

describe('the hash chain of the embedded event store', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'c360-chain-'));
    file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, durability: 'normal' });
    await store.appendToStream('a-1', [event('t.created', { n: 1 }), event('t.changed', { n: 2 })], { expectedRevision: 'no_stream' });
    await store.appendToStream('b-1', [event('t.created', { n: 3 })], { expectedRevision: 'no_stream' });
    await store.appendToStream('a-1', [event('t.changed', { n: 4 }), event('t.changed', { n: 5 })], { expectedRevision: 1 });
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verify = () => {
    const store = new SqliteEventStore({ file, readOnly: true });
    try {
      return store.verifyChain();
    } finally {
      void store.close();
    }
  };
  const tamper = (sql: string) => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  };

  it('holds over an untouched log', () => {
    expect(verify()).toEqual({ events: 5, head: 5, breaks: [] });
  });

  it('names an altered event', () => {
    tamper(`UPDATE events SET data = '{"n":30}' WHERE position = 3`);
    const { breaks } = verify();
    expect(breaks).toEqual([expect.objectContaining({ position: 3, kind: 'altered', streamId: 'b-1' })]);
  });

  it('names where events were removed', () => {
    tamper('DELETE FROM events WHERE position = 2');
    expect(verify().breaks).toEqual([expect.objectContaining({ position: 3, kind: 'removed', streamId: 'b-1' })]);
    expect(verify().breaks[0].message).toContain('positions 2..2 were removed');
  });

  it('names a reordered event', () => {
    // Swap two events of stream a-1 (positions 4 and 5), hashes and all.
    tamper(`UPDATE events SET position = -4 WHERE position = 4;
            UPDATE events SET position = 4 WHERE position = 5;
            UPDATE events SET position = 5 WHERE position = -4;`);
    expect(verify().breaks[0]).toEqual(expect.objectContaining({ position: 4, kind: 'reordered', streamId: 'a-1' }));
  });

  it('an altered metadata (actor, correlation) breaks it too', () => {
    tamper(
      `UPDATE events SET metadata = '{"correlationId":"forged","causationId":"c-1","actor":{"id":"agent-1","role":"agent"}}' WHERE position = 1`,
    );
    expect(verify().breaks.map((b) => b.position)).toEqual([1]);
  });

  it('holds over text that is not ASCII (the store hashes what it wrote, verification what SQLite reads back)', async () => {
    const store = new SqliteEventStore({ file, durability: 'normal' });
    await store.appendToStream('contacts-customer-é', [event('t.created', { name: 'Zoë 🦊', note: '\u00e9\u0301 — ✓' })], {
      expectedRevision: 'no_stream',
    });
    await store.close();
    expect(verify()).toEqual({ events: 6, head: 6, breaks: [] });
    tamper(`UPDATE events SET data = replace(data, '🦊', '🐺') WHERE position = 6`);
    expect(verify().breaks).toEqual([expect.objectContaining({ position: 6, kind: 'altered', streamId: 'contacts-customer-é' })]);
  });

  it('a stored hash overwritten with something else than bytes is reported, with the event after it, never a crash', () => {
    tamper(`UPDATE events SET hash = 'not a hash' WHERE position = 2`);
    expect(verify().breaks.map((b) => [b.position, b.kind])).toEqual([
      [2, 'altered'],
      [3, 'altered'],
    ]);
  });

  it('an append larger than one INSERT chains its events one after another, positions and revisions dense', async () => {
    const store = new SqliteEventStore({ file, durability: 'normal' });
    const many = Array.from({ length: 2 * ROWS_PER_INSERT + 3 }, (_, n) => event('t.changed', { n }));
    const result = await store.appendToStream('a-1', many, { expectedRevision: 3 });
    expect(result).toEqual({ nextExpectedRevision: 3 + many.length, position: 5 + many.length, duplicate: false });
    const stored = await store.readStream('a-1', { fromRevision: 4 });
    expect(stored.map((e) => [e.id, e.revision, e.position])).toEqual(many.map((e, i) => [e.id, 4 + i, 6 + i]));
    await store.close();
    expect(verify()).toEqual({ events: 5 + many.length, head: 5 + many.length, breaks: [] });
    tamper(`UPDATE events SET type = 't.forged' WHERE position = ${6 + ROWS_PER_INSERT}`);
    expect(verify().breaks.map((b) => b.position)).toEqual([6 + ROWS_PER_INSERT]);
  });

  it('the erasure tombstone is appended like any event: the chain still holds (the key deletion is elsewhere)', async () => {
    const store = new SqliteEventStore({ file, durability: 'normal' });
    await store.appendToStream('contacts-customer-1', [event('contacts.customer-erased', { customerId: 'customer-1' })], {
      expectedRevision: 'any',
    });
    await store.close();
    expect(verify()).toEqual({ events: 6, head: 6, breaks: [] });
  });

  it('a log written before the chain is hashed once when opened', async () => {
    tamper(`UPDATE events SET hash = NULL`);
    const store = new SqliteEventStore({ file, durability: 'normal' });
    await store.appendToStream('b-1', [event('t.changed', { n: 6 })], { expectedRevision: 0 });
    await store.close();
    expect(verify()).toEqual({ events: 6, head: 6, breaks: [] });
  });

  describe('anchors kept elsewhere', () => {
    const head = () => {
      const store = new SqliteEventStore({ file, readOnly: true });
      try {
        return store.chainHead()!;
      } finally {
        void store.close();
      }
    };
    const verifyWith = (anchors: ChainAnchor[]) => {
      const store = new SqliteEventStore({ file, readOnly: true });
      try {
        return store.verifyChain({ anchors });
      } finally {
        void store.close();
      }
    };

    it('hold over an untouched log, and name events cut off the end, which the chain alone cannot see', () => {
      const anchor = head();
      expect(anchor).toEqual({ position: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(verifyWith([anchor]).breaks).toEqual([]);
      tamper('DELETE FROM events WHERE position >= 4');
      expect(verify().breaks).toEqual([]);
      expect(verifyWith([anchor]).breaks).toEqual([
        expect.objectContaining({ position: 5, kind: 'truncated', eventId: null, message: expect.stringContaining('head 3') }),
      ]);
    });

    it('name a log rewritten and hashed again (the hashes dropped, so that opening re-chains it)', async () => {
      const anchor = head();
      tamper(`UPDATE events SET data = '{"n":30}' WHERE position = 3; UPDATE events SET hash = NULL`);
      await new SqliteEventStore({ file, durability: 'normal' }).close();
      expect(verify().breaks).toEqual([]);
      expect(verifyWith([anchor]).breaks).toEqual([expect.objectContaining({ position: 5, kind: 'rewritten', streamId: 'a-1' })]);
    });

    it('are parsed as <position>:<64 hex digits>, anything else refused with the expected form', () => {
      expect(parseChainAnchor(`12:${'AB'.repeat(32)}`)).toEqual({ position: 12, hash: 'ab'.repeat(32) });
      for (const bad of ['12', `0:${'a'.repeat(64)}`, `x:${'a'.repeat(64)}`, `3:${'a'.repeat(63)}`, `3:${'g'.repeat(64)}`]) {
        expect(() => parseChainAnchor(bad)).toThrow(/must be <position>:<64 hex digits>/);
      }
    });
  });

  it('read-only: appends are refused and nothing is written', async () => {
    const store = new SqliteEventStore({ file, readOnly: true });
    await expect(store.appendToStream('c-1', [event('t.created', {})], { expectedRevision: 'no_stream' })).rejects.toThrow(/read-only/);
    expect((await store.readAll()).events).toHaveLength(5);
    await store.close();
  });
});
