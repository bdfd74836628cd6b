import {
  hasCollectionSwitchOver,
  projectionCheckpointName,
  projectionCollection,
  uuidv7,
  type DocumentProjection,
  type EventStore,
} from '@c360/kernel';
import { createStores, loadConfig, type Stores } from '@c360/runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogEntry } from './projection-catalog';
import { rebuildProjections, type SwitchOver } from './rebuild-projection';

/** Counts each key's events. */
const tally: DocumentProjection<{ count: number }> = {
  name: 'tally',
  version: 1,
  handles: ['tally.counted'],
  documentIds: (event) => [(event.data as { key: string }).key],
  evolve: (doc) => ({ count: (doc?.count ?? 0) + 1 }),
};
/** The type of each key's last event: it reads one type more than `tally`. */
const last: DocumentProjection<{ type: string }> = {
  name: 'last',
  version: 1,
  handles: ['tally.counted', 'tally.noted'],
  documentIds: (event) => [(event.data as { key: string }).key],
  evolve: (_doc, event) => ({ type: event.type }),
};
const entryOf = (projection: DocumentProjection<object>): CatalogEntry => ({
  context: 'test',
  projection,
  name: projection.name,
  version: projection.version,
  collection: projectionCollection(projection),
  checkpoint: projectionCheckpointName('test', projection),
});
const entries = [entryOf(tally), entryOf(last)];
const metadata = { correlationId: 'c', causationId: 'c', actor: { id: 'ops', role: 'system' as const } };

describe('rebuildProjections', () => {
  let dir: string;
  let stores: Stores;
  let reads: number;
  let events: EventStore;

  const append = (key: string, type: string) =>
    stores.eventStore.appendToStream(
      `tally-${key}`,
      [{ id: uuidv7(), type, schemaVersion: 1, occurredAt: '2026-12-04T10:00:00.000Z', data: { key }, metadata }],
      { expectedRevision: 'any' },
    );
  const swap: SwitchOver = (_entry, request) => {
    if (!hasCollectionSwitchOver(stores.documents)) throw new Error('the embedded read models switch over');
    return stores.documents.swapCollection(request);
  };
  const rebuild = (switchOver: SwitchOver = swap, only = entries) =>
    rebuildProjections({
      events,
      keys: stores.keyStore,
      documents: stores.documents,
      checkpoints: stores.checkpoints,
      entries: only,
      switchOver,
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-'));
    stores = await createStores(loadConfig({ C360_DATA_DIR: dir }));
    reads = 0;
    // Counts the reads of the log, to see how many passes a rebuild makes.
    events = new Proxy(stores.eventStore, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (property !== 'readAll' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (...args: unknown[]) => {
          reads += 1;
          return value.apply(target, args);
        };
      },
    });
    for (let n = 0; n < 30; n++) await append(`k${n % 3}`, n % 5 === 0 ? 'tally.noted' : 'tally.counted');
  });
  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds every projection named in one pass of the log and switches each in', async () => {
    const outcomes = await rebuild();
    expect(outcomes.map(({ entry, result }) => [entry.name, result])).toEqual([
      ['tally', { collection: 'tally_v1', position: 30, events: 24, attempts: 1 }],
      ['last', { collection: 'last_v1', position: 30, events: 30, attempts: 1 }],
    ]);
    expect(await stores.documents.get('tally_v1', 'k0')).toEqual(expect.objectContaining({ count: 8 }));
    expect(await stores.documents.get('last_v1', 'k0')).toEqual(expect.objectContaining({ type: 'tally.counted' }));
    expect(await stores.checkpoints.get(entries[1].checkpoint)).toBe(30);
    const bothReads = reads;
    reads = 0;
    await rebuild(swap, [entries[1]]);
    expect(bothReads).toBe(reads); // two projections cost the reads of one
  });

  it('catches up again only the projection whose live projector moved during the switch', async () => {
    let moved = false;
    const outcomes = await rebuild(async (entry, request) => {
      if (entry.name === 'last' && !moved) {
        moved = true;
        const { position } = await append('k9', 'tally.noted');
        await stores.checkpoints.set(entry.checkpoint, position); // what the live projector does meanwhile
      }
      return swap(entry, request);
    });
    expect(outcomes.map(({ result }) => result && [result.position, result.attempts])).toEqual([
      [30, 1],
      [31, 2],
    ]);
    expect(await stores.documents.get('last_v1', 'k9')).toEqual(expect.objectContaining({ type: 'tally.noted' }));
    expect(await stores.checkpoints.get(entries[0].checkpoint)).toBe(30);
  });

  it('fails only the projection whose switch failed, and every one when the fold fails', async () => {
    const oneFailed = await rebuild((entry, request) => {
      if (entry.name === 'tally') throw new Error('disk on fire');
      return swap(entry, request);
    });
    expect(oneFailed.map(({ error, result }) => error?.message ?? result?.collection)).toEqual(['disk on fire', 'last_v1']);

    events = {
      ...stores.eventStore,
      readAll: () => Promise.reject(new Error('log unreadable')),
      headPosition: () => stores.eventStore.headPosition(),
    };
    const allFailed = await rebuild();
    expect(allFailed.map(({ error }) => error?.message)).toEqual(['log unreadable', 'log unreadable']);
    expect(await stores.documents.get('last_v1', 'k0')).toEqual(expect.objectContaining({ type: 'tally.counted' })); // the live one stays
  });
});
