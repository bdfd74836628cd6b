import { FencedOffError } from '@c360/kernel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store';
import { openSqlite } from '../sqlite-connection';
import { SqliteDocumentStore } from './sqlite-document-store';

describe('SqliteDocumentStore fencing (two instances of one projection)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'c360-fence-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits nothing from a holder whose lease was taken over: neither documents nor checkpoint', async () => {
    const file = join(dir, 'read-models.db');
    const documents = new SqliteDocumentStore({ file });
    const leases = new SqliteCheckpointStore(openSqlite({ file }));
    const checkpoint = 'spec:projection:things_v1';
    const old = await leases.acquireLease(checkpoint, 'instance-a', 1);
    await documents.write([{ kind: 'replace', collection: 'things_v1', id: 'a', doc: { n: 1 }, position: 1 }], {
      name: checkpoint,
      position: 1,
      fence: old?.token,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const taken = await leases.acquireLease(checkpoint, 'instance-b', 60_000);

    const stale = documents.write([{ kind: 'replace', collection: 'things_v1', id: 'b', doc: { n: 2 }, position: 2 }], {
      name: checkpoint,
      position: 2,
      fence: old?.token,
    });
    await expect(stale).rejects.toBeInstanceOf(FencedOffError);
    expect(await documents.get('things_v1', 'b')).toBeNull();
    expect(await leases.get(checkpoint)).toBe(1);

    await documents.write([{ kind: 'replace', collection: 'things_v1', id: 'b', doc: { n: 2 }, position: 2 }], {
      name: checkpoint,
      position: 2,
      fence: taken?.token,
    });
    expect(await documents.get('things_v1', 'b')).toMatchObject({ n: 2 });
    expect(await leases.get(checkpoint)).toBe(2);
    await documents.close();
  });
});
