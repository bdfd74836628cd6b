import { createTestPlatform } from '@c360/runtime/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RelayModule } from './relay.module';
import { purchaseContracts } from './testing/purchase-contract';

const RELAY = 'relay:processor:integration-events';
/** The first wave's name for the same checkpoint, in the read-model store. */
const FIRST_WAVE = 'relay:integration-events';

describe('the relay checkpoint', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'c360-relay-cp-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lives apart from the read models, moved there once from where it used to be, so a rebuild never re-publishes', async () => {
    const env = { C360_DATA_DIR: dataDir, TOPICS: 'files' };
    // Before issue 11 the relay's checkpoint sat in the read-model store.
    const before = await createTestPlatform({ imports: [], env });
    await before.stores.checkpoints.set(FIRST_WAVE, 42);
    await before.app.close();

    const first = await createTestPlatform({ imports: [RelayModule.forContracts(purchaseContracts.contracts)], env });
    expect(await first.stores.relayCheckpoints.get(RELAY)).toBe(42);
    expect(await first.stores.checkpoints.get(RELAY)).toBeUndefined();
    expect(await first.stores.checkpoints.get(FIRST_WAVE)).toBeUndefined();
    await first.app.close();

    // Rebuilding read models: their file is deleted. The relay keeps its place.
    rmSync(join(dataDir, 'read-models.db'), { force: true });
    rmSync(join(dataDir, 'read-models.db-wal'), { force: true });
    const second = await createTestPlatform({ imports: [RelayModule.forContracts(purchaseContracts.contracts)], env });
    expect(await second.stores.relayCheckpoints.get(RELAY)).toBe(42);
    await second.app.close();
  });
});
