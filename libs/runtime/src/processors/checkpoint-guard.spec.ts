import { InMemoryCheckpointStore } from '@c360/kernel/testing';
import { OrphanedCheckpointError, reconcileCheckpoints } from './checkpoint-guard';

describe('checkpoint reconciliation before processors start', () => {
  let store: InMemoryCheckpointStore;
  beforeEach(() => {
    store = new InMemoryCheckpointStore();
  });

  it('carries a position stored under a former name over to the current one, once', async () => {
    await store.set('projection:sales-deals_v1', 420);
    const registered = [{ name: 'sales:projection:sales-deals_v1', context: 'sales', formerNames: ['projection:sales-deals_v1'] }];
    await reconcileCheckpoints(store, registered);
    expect(await store.get('sales:projection:sales-deals_v1')).toBe(420);
    expect(await store.get('projection:sales-deals_v1')).toBeUndefined();
    await store.set('sales:projection:sales-deals_v1', 500);
    await reconcileCheckpoints(store, registered);
    expect(await store.get('sales:projection:sales-deals_v1')).toBe(500);
  });

  it('keeps the current checkpoint when both names exist (a later run must not move it back)', async () => {
    await store.set('loyalty-sales-reactions', 10);
    await store.set('loyalty:workflow:loyalty-sales-reactions', 90);
    await reconcileCheckpoints(store, [
      { name: 'loyalty:workflow:loyalty-sales-reactions', context: 'loyalty', formerNames: ['loyalty-sales-reactions'] },
    ]);
    expect(await store.get('loyalty:workflow:loyalty-sales-reactions')).toBe(90);
  });

  it('refuses to start when a checkpoint of a context it runs belongs to no processor (a rename)', async () => {
    await store.set('sales:workflow:deal-won-purchases', 77);
    const run = reconcileCheckpoints(store, [{ name: 'sales:workflow:sales-deal-won-purchases', context: 'sales' }]);
    await expect(run).rejects.toBeInstanceOf(OrphanedCheckpointError);
    await expect(run).rejects.toThrow(/sales:workflow:deal-won-purchases \(at position 77\).*formerCheckpoints/);
  });

  it('lets an operator start anyway once they are sure', async () => {
    await store.set('sales:workflow:deal-won-purchases', 77);
    await expect(
      reconcileCheckpoints(store, [{ name: 'sales:workflow:sales-deal-won-purchases', context: 'sales' }], { ignoreOrphans: true }),
    ).resolves.toBeUndefined();
  });

  it("does not call a superseded projection version, or another context's checkpoint, an orphan", async () => {
    await store.set('sales:projection:sales-deals_v1', 5);
    await store.set('loyalty:workflow:loyalty-sales-reactions', 6);
    await store.set('relay:integration-events', 7);
    await expect(reconcileCheckpoints(store, [{ name: 'sales:projection:sales-deals_v2', context: 'sales' }])).resolves.toBeUndefined();
  });
});
