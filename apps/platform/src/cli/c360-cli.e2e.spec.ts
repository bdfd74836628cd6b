import { TEST_AUTH_SECRET, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformContexts, platformModules } from '../platform-contexts';
import { runCli } from './program';

/**
 * `c360` end to end: a platform writes a short history into a temporary data directory and keeps
 * running; each command runs against the same files, as an operator would run it beside the platform.
 */

describe('c360', () => {
  let dataDir: string;
  let platform: TestPlatform;
  let ann: string;
  let bob: string;
  let correlation: string;

  const env = () => ({ C360_DATA_DIR: dataDir, SQLITE_DURABILITY: 'normal', TOPICS: 'off', C360_AUTH_SECRET: TEST_AUTH_SECRET });

  /** Runs one command line; answers its exit code and what it wrote. */
  async function c360(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      const code = await runCli(argv, { contexts: platformContexts, modules: () => platformModules(), env: env() });
      return { code, stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }
  const lines = (text: string) => text.split('\n').filter(Boolean);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'c360-cli-'));
    platform = await createTestPlatform({ imports: platformModules(), dataDir });
    platform.clock.set('2026-03-01T10:00:00.000Z');
    const http = platform.as('supervisor');
    const register = async (first: string, email: string) =>
      (
        await http
          .post('/customers')
          .send({ name: { first }, emails: [email] })
          .expect(201)
      ).body.customerId as string;
    ann = await register('Ann', 'ann@example.com');
    bob = await register('Bob', 'bob@example.com');
    platform.clock.set('2026-03-05T10:00:00.000Z');
    await http
      .post('/purchases')
      .send({
        orderId: 'web-1',
        channel: 'web',
        customerId: ann,
        lines: [{ sku: 'sku-1', category: 'shoes', quantity: 1, unitPrice: 120_000 }],
        total: 120_000,
        currency: 'NOK',
        purchasedAt: '2026-03-05T10:00:00.000Z',
      })
      .expect(201);
    await platform.processors.waitUntilCaughtUp();
    const first = JSON.parse(lines((await c360('--json', 'audit', 'export', '--customer', ann)).stdout).pop() as string);
    correlation = first.correlationId;
  }, 60_000);
  afterAll(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('bad arguments: usage help and exit 2', () => {
    it.each([
      [['bogus']],
      [['audit', 'as-of', '--customer', 'x']],
      [['audit', 'as-of', '--customer', 'x', '--at', 'yesterday']],
      [['audit', 'export', '--customer', 'x', '--format', 'xml']],
      [['audit', 'export', '--customer', 'x', '--from', '5 March']],
      [['events', 'tail', '--last', '0']],
      [['audit', 'verify', '--projection', 'no-such-projection']],
    ])('%j', async (argv) => {
      const { code, stderr } = await c360(...argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/error:/);
    });

    it('names the option that is wrong and shows the usage', async () => {
      const { stderr } = await c360('audit', 'export', '--customer', 'x', '--format', 'xml');
      expect(stderr).toContain('--format must be jsonl or csv');
      expect(stderr).toContain('Usage: c360 audit export');
    });

    it('a data directory without a log is a failure that says so (exit 1)', async () => {
      const { code, stderr } = await c360('--data-dir', join(dataDir, 'nothing-here'), 'projections', 'status');
      expect(code).toBe(1);
      expect(stderr).toContain('No event log at');
    });
  });

  it('projections list names every projection of every context', async () => {
    const { code, stdout } = await c360('--json', 'projections', 'list');
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          context: 'customer360',
          name: 'c360-customers',
          version: 1,
          checkpoint: 'customer360:projection:c360-customers_v1',
        }),
      ]),
    );
  });

  it('projections status: checkpoints at the head, no lag, while the platform runs', async () => {
    const { code, stdout } = await c360('--json', 'projections', 'status');
    expect(code).toBe(0);
    const status = JSON.parse(stdout);
    expect(status.head).toBeGreaterThan(0);
    const timeline = status.projections.find((row: { name: string }) => row.name === 'c360-timeline');
    expect(timeline).toEqual(expect.objectContaining({ checkpoint: status.head, lag: 0, behind: 0 }));
  });

  it('audit export: the history with actor, correlation and causation, personal data opened (jsonl and csv)', async () => {
    const jsonl = lines((await c360('audit', 'export', '--customer', ann)).stdout).map((line) => JSON.parse(line));
    expect(jsonl.map((record) => record.type)).toEqual(expect.arrayContaining(['contacts.customer-registered', 'sales.purchase-recorded']));
    const registered = jsonl.find((record) => record.type === 'contacts.customer-registered');
    expect(registered).toEqual(
      expect.objectContaining({ actorRole: 'supervisor', correlationId: expect.any(String), causationId: expect.any(String) }),
    );
    expect(JSON.stringify(registered.data)).toContain('Ann');
    expect(jsonl.every((record) => JSON.stringify(record).includes(ann))).toBe(true);

    const csv = lines((await c360('audit', 'export', '--customer', ann, '--format', 'csv', '--from', '2026-03-04T00:00:00Z')).stdout);
    expect(csv[0]).toBe(
      'position,occurredAt,streamId,revision,type,schemaVersion,eventId,actorId,actorRole,correlationId,causationId,data',
    );
    expect(csv.slice(1).every((line) => !line.includes('contacts.customer-registered'))).toBe(true);
    expect(csv.some((line) => line.includes('sales.purchase-recorded'))).toBe(true);
  });

  it('audit trace: everything one request caused, across contexts', async () => {
    const { code, stdout } = await c360('--json', 'audit', 'trace', '--correlation', correlation);
    expect(code).toBe(0);
    const traced = lines(stdout).map((line) => JSON.parse(line));
    expect(traced.length).toBeGreaterThanOrEqual(1);
    expect(traced.every((record) => record.correlationId === correlation)).toBe(true);
  });

  it('audit as-of: the 360 view as it was before the purchase, and after it', async () => {
    const before = await c360('--json', 'audit', 'as-of', '--customer', ann, '--at', '2026-03-02T00:00:00Z');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toEqual(expect.objectContaining({ customerId: ann, purchases: 0 }));
    const after = JSON.parse((await c360('--json', 'audit', 'as-of', '--customer', ann, '--at', '2026-03-06T00:00:00Z')).stdout);
    expect(after).toEqual(expect.objectContaining({ customerId: ann, purchases: 1 }));
    const live = (await platform.http.get(`/customers/${ann}/360`).expect(200)).body;
    expect(after.lifetimeValue).toEqual(live.lifetimeValue);
  });

  it('events stream and tail', async () => {
    const stream = lines((await c360('--json', 'events', 'stream', `contacts-customer-${ann}`)).stdout).map((line) => JSON.parse(line));
    expect(stream[0]).toEqual(expect.objectContaining({ type: 'contacts.customer-registered', revision: 0 }));
    const tail = lines((await c360('--json', 'events', 'tail', '--last', '2')).stdout);
    expect(tail).toHaveLength(2);
  });

  it('audit verify-log: the chain holds (exit 0)', async () => {
    const { code, stdout } = await c360('--json', 'audit', 'verify-log');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(expect.objectContaining({ ok: true, breaks: [] }));
  });

  it('audit verify: no drift, then a tampered document is printed and the exit is 1', async () => {
    const clean = await c360('--json', 'audit', 'verify');
    expect(JSON.parse(clean.stdout)).toEqual(expect.objectContaining({ ok: true, differences: 0 }));
    expect(clean.code).toBe(0);

    const db = new Database(join(dataDir, 'read-models.db'));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const table = tables.find((name) => name.includes('c360-customers_v1')) as string;
    const row = db.prepare(`SELECT * FROM "${table}" LIMIT 1`).get() as Record<string, unknown>;
    const column = Object.keys(row).find((name) => /doc|data|json/.test(name)) as string;
    const doc = JSON.parse(String(row[column]));
    db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = (SELECT rowid FROM "${table}" LIMIT 1)`).run(
      JSON.stringify({ ...doc, purchases: 99 }),
    );
    db.close();

    const drift = await c360('audit', 'verify', '--projection', 'c360-customers');
    expect(drift.code).toBe(1);
    expect(drift.stdout).toMatch(/c360-customers_v1 .*fields differ: .*purchases/);
    expect(drift.stdout).toContain('DRIFT: 1 documents differ');
  });

  it('projections rebuild repairs the drift beside the live collection, and the platform carries on after the switch-over', async () => {
    const rebuilt = await c360('--json', 'projections', 'rebuild', 'c360-customers');
    expect(rebuilt.code).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toEqual([expect.objectContaining({ collection: 'c360-customers_v1', attempts: 1 })]);
    const verified = await c360('--json', 'audit', 'verify');
    expect(JSON.parse(verified.stdout)).toEqual(expect.objectContaining({ ok: true, differences: 0 }));

    expect((await c360('--json', 'projections', 'rebuild', 'all')).code).toBe(0);
    // The live projectors keep writing into the swapped-in collections.
    await platform
      .as('supervisor')
      .post('/purchases')
      .send({
        orderId: 'web-2',
        channel: 'web',
        customerId: ann,
        lines: [{ sku: 'sku-2', category: 'shoes', quantity: 1, unitPrice: 30_000 }],
        total: 30_000,
        currency: 'NOK',
        purchasedAt: '2026-03-05T09:00:00.000Z',
      })
      .expect(201);
    await platform.processors.waitUntilCaughtUp();
    expect((await platform.http.get(`/customers/${ann}/360`).expect(200)).body.purchases).toBe(2);
    expect(JSON.parse((await c360('--json', 'audit', 'verify')).stdout)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('privacy export, then erase: the tombstone is the one write, the chain still holds, export keeps data sealed', async () => {
    const exported = await c360('privacy', 'export', '--customer', bob);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('bob@example.com');

    const erased = await c360('--json', 'privacy', 'erase', '--customer', bob, '--actor', 'dpo-1');
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toEqual(expect.objectContaining({ customerId: bob }));

    const history = lines((await c360('audit', 'export', '--customer', bob)).stdout).map((line) => JSON.parse(line));
    expect(history.map((record) => record.type)).toContain('contacts.customer-erased');
    expect(JSON.stringify(history)).not.toContain('bob@example.com');
    expect(history.find((record) => record.type === 'contacts.customer-erased')).toEqual(expect.objectContaining({ actorId: 'dpo-1' }));

    const chain = await c360('--json', 'audit', 'verify-log');
    expect(JSON.parse(chain.stdout)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('audit anchor prints the head; verify-log --anchor checks it and refuses a malformed one with usage', async () => {
    const anchored = await c360('--json', 'audit', 'anchor');
    expect(anchored.code).toBe(0);
    const { anchor, position } = JSON.parse(anchored.stdout) as { anchor: string; position: number };
    expect(anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(position).toBe(await platform.stores.eventStore.headPosition());
    const checked = await c360('--json', 'audit', 'verify-log', '--anchor', anchor);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toEqual(expect.objectContaining({ ok: true, breaks: [] }));
    const forged = await c360('audit', 'verify-log', '--anchor', `${position}:${'0'.repeat(64)}`);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/rewritten: the hash at position \d+/);
    const bad = await c360('audit', 'verify-log', '--anchor', 'yesterday');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--anchor: anchor "yesterday" must be <position>:<64 hex digits>/);
  });

  it('audit verify-log names a tampered event and exits 1', async () => {
    const db = new Database(join(dataDir, 'events.db'));
    db.prepare("UPDATE events SET occurred_at = '2020-01-01T00:00:00.000Z' WHERE position = 2").run();
    db.close();
    const { code, stdout } = await c360('audit', 'verify-log');
    expect(code).toBe(1);
    expect(stdout).toMatch(/altered: event .* at position 2 /);
  });

  it('reading commands leave the log as it was', async () => {
    const head = await platform.stores.eventStore.headPosition();
    for (const argv of [
      ['projections', 'status'],
      ['audit', 'verify'],
      ['audit', 'export', '--customer', ann],
      ['events', 'tail'],
    ])
      await c360(...argv);
    expect(await platform.stores.eventStore.headPosition()).toBe(head);
  });
});
