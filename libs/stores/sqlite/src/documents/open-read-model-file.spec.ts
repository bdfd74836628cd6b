import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelFile } from './open-read-model-file';

describe('openReadModelFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-rm-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const garbage = (file: string) => writeFileSync(file, Buffer.alloc(8192, 0x5a));

  it('moves a file that is not a database aside, says so loudly, and opens a fresh one to rebuild', async () => {
    const file = join(dir, 'read-models.db');
    garbage(file);
    const logged: string[] = [];
    const store = openReadModelFile(
      { file },
      'rebuild',
      (message) => logged.push(message),
      () => new Date('2026-03-01T10:00:00Z'),
    );
    await store.write([{ kind: 'replace', collection: 'things', id: 'a', doc: { n: 1 }, position: 1 }]);
    expect((await store.get('things', 'a'))?._position).toBe(1);
    await store.close();
    expect(logged.join()).toMatch(/READ MODELS UNREADABLE .*moved .*read-models\.db aside .*rebuilding every read model/);
    expect(readdirSync(dir)).toContain('read-models.db.corrupt-2026-03-01T10-00-00-000Z');
  });

  it('refuses to start on an unreadable file when configured to', () => {
    const file = join(dir, 'read-models.db');
    garbage(file);
    expect(() => openReadModelFile({ file }, 'refuse', () => undefined)).toThrow(/not a database/);
    expect(existsSync(file)).toBe(true);
  });
});
