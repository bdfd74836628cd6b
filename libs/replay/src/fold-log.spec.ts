import { InMemoryKeyStore, projectionCheckpointName, projectionCollection, uuidv7, type DocumentProjection } from '@c360/kernel';
import { createStores, loadConfig, type Stores } from '@c360/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldLog } from './fold-log';
import type { CatalogEntry } from './projection-catalog';

/** Spends a millisecond of CPU on each event: a fold of 60 events holds the thread for 60 ms or more. */
const slow: DocumentProjection<{ count: number }> = {
  name: 'slow',
  version: 1,
  handles: ['slow.happened'],
  documentIds: () => ['one'],
  evolve: (doc) => {
    const until = performance.now() + 1;
    while (performance.now() < until);
    return { count: (doc?.count ?? 0) + 1 };
  },
};
const entry: CatalogEntry = {
  context: 'test',
  projection: slow,
  name: slow.name,
  version: slow.version,
  collection: projectionCollection(slow),
  checkpoint: projectionCheckpointName('test', slow),
};
const metadata = { correlationId: 'c', causationId: 'c', actor: { id: 'ops', role: 'system' as const } };

describe('foldLog', () => {
  let dir: string;
  let stores: Stores;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fold-'));
    stores = await createStores(loadConfig({ C360_DATA_DIR: dir }));
    for (let n = 0; n < 60; n++) {
      await stores.eventStore.appendToStream(
        'slow-1',
        [{ id: uuidv7(), type: 'slow.happened', schemaVersion: 1, occurredAt: '2026-12-04T10:00:00.000Z', data: {}, metadata }],
        { expectedRevision: 'any' },
      );
    }
  });
  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the event loop back while it folds, so the work beside it (live processors, requests) goes on', async () => {
    let foldedWhenOthersRan: number | undefined;
    let folded = 0;
    setImmediate(() => (foldedWhenOthersRan = folded));
    const result = await foldLog({
      events: stores.eventStore,
      keys: new InMemoryKeyStore(),
      projections: [entry],
      into: stores.documents,
      batchSize: 10,
      progress: (done) => (folded = done),
    });
    expect(result.events).toBe(60);
    expect(foldedWhenOthersRan).toBeDefined();
    expect(foldedWhenOthersRan).toBeLessThan(60);
    expect(await stores.documents.get(entry.collection, 'one')).toEqual(expect.objectContaining({ count: 60 }));
  });
});
