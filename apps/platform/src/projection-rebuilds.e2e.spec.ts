import { projectionCheckpointName, type DocumentStore, type EventStore } from '@c360/kernel';
import { CUSTOMER_DEALS } from '@c360/customer360-projections';
import { ProjectionRebuilds, RebuildRefused } from '@c360/replay';
import { EVENT_STORE } from '@c360/runtime';
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformContexts, platformModules } from './platform-contexts';
import { crossContextJourney, type JourneyCustomers } from './testing/cross-context-journey';
import { collectionContents as contents } from './testing/collection-contents';

/**
 * `POST /admin/projections/:name/rebuild` inside the running platform: the projection is built beside
 * the live collection and switched in, the documents are the same, and the live projector carries on.
 */
describe('rebuilding a projection inside the running platform', () => {
  let platform: TestPlatform;
  let customers: JourneyCustomers;
  const admin = authHeaders('admin', 'ops-1');

  beforeAll(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    platform.clock.set('2026-03-01T10:00:00.000Z');
    customers = await crossContextJourney(platform);
  }, 60_000);
  afterAll(() => platform.close());

  async function finished(collection: string) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { body } = await platform.anonymous.get('/admin/projections/rebuilds').set(admin).expect(200);
      const job = body.rebuilds.find((candidate: { collection: string }) => candidate.collection === collection);
      if (job && job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${collection} did not finish rebuilding`);
  }

  it('switches the rebuilt collection in with the same documents, and the projector goes on from there', async () => {
    const collection = 'c360-customers_v1';
    const before = await contents(platform.stores.documents, collection);
    const started = await platform.anonymous.post('/admin/projections/c360-customers/rebuild').set(admin).expect(202);
    expect(started.body.rebuilds).toEqual([expect.objectContaining({ collection, state: 'running' })]);
    const job = await finished(collection);
    expect(job).toEqual(expect.objectContaining({ state: 'switched-over', result: expect.objectContaining({ collection }) }));
    expect(await contents(platform.stores.documents, collection)).toEqual(before);

    await platform
      .as('agent')
      .post('/purchases')
      .send({
        orderId: 'after-rebuild',
        channel: 'web',
        customerId: customers.bob,
        lines: [{ sku: 'sku-1', category: 'shoes', quantity: 1, unitPrice: 10_000 }],
        total: 10_000,
        currency: 'NOK',
        purchasedAt: platform.clock.now().toISOString(),
      })
      .expect(201);
    await platform.processors.waitUntilCaughtUp();
    const bob = (await platform.stores.documents.get<{ sales: { purchases: number } }>(collection, customers.bob)) as {
      sales: { purchases: number };
    };
    const bobBefore = before.find((doc) => doc._id === customers.bob) as { sales: { purchases: number } };
    expect(bob.sales.purchases).toBe(bobBefore.sales.purchases + 1);
  });

  it('names the known projections for an unknown one, and is for admins only', async () => {
    const unknown = await platform.anonymous.post('/admin/projections/no-such/rebuild').set(admin).expect(404);
    expect(unknown.body.message).toContain('c360-customers');
    await platform.anonymous.post('/admin/projections/c360-customers/rebuild').set(authHeaders('supervisor', 'sup-1')).expect(403);
    await platform.anonymous.get('/admin/projections/rebuilds').set(authHeaders('auditor', 'aud-1')).expect(403);
  });

  describe('on a store that cannot switch over atomically (MongoDB)', () => {
    /** The embedded store, claiming a two-step switch-over as the MongoDB adapter does; `onSwap` sees each switch. */
    const twoStep = (documents: DocumentStore, onSwap: () => void): DocumentStore =>
      new Proxy(documents, {
        get(target, property) {
          if (property === 'switchOverIsAtomic') return false;
          const value = Reflect.get(target, property, target);
          if (property === 'swapCollection' && typeof value === 'function') {
            return (...args: unknown[]) => {
              onSwap();
              return value.apply(target, args);
            };
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const rebuilds = (config: ConstructorParameters<typeof ProjectionRebuilds>[3], onSwap: () => void = () => undefined) =>
      new ProjectionRebuilds(
        () => platformContexts,
        platform.processors,
        {
          events: platform.app.get<EventStore>(EVENT_STORE),
          keys: platform.stores.keyStore,
          documents: twoStep(platform.stores.documents, onSwap),
          checkpoints: platform.stores.checkpoints,
        },
        config,
        () => undefined,
      );

    it('stops the live projector for the switch only, and starts it again from the new checkpoint', async () => {
      const runner = platform.processors.runner(projectionCheckpointName('customer360', CUSTOMER_DEALS));
      if (!runner) throw new Error('no live c360-deals projector');
      const statesAtSwitch: string[] = [];
      const before = await contents(platform.stores.documents, 'c360-deals_v1');
      const service = rebuilds({ role: 'all', processorLeases: undefined }, () => statesAtSwitch.push(runner.currentState));
      service.start('c360-deals');
      for (let attempt = 0; attempt < 200 && service.list()[0]?.state === 'running'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(service.list()[0]).toEqual(expect.objectContaining({ state: 'switched-over' }));
      expect(statesAtSwitch).toEqual(['stopped']);
      expect(runner.currentState).not.toBe('stopped');
      expect(await contents(platform.stores.documents, 'c360-deals_v1')).toEqual(before);
    });

    it('is refused where another instance could take the projector over, or where this process runs none', () => {
      expect(() => rebuilds({ role: 'all', processorLeases: { holder: 'a', ttlMs: 5_000 } }).start('c360-deals')).toThrow(RebuildRefused);
      expect(() => rebuilds({ role: 'api', processorLeases: undefined }).start('c360-deals')).toThrow(/C360_ROLE=api/);
      const elsewhere = new ProjectionRebuilds(
        () => platformContexts,
        { runner: () => undefined } as unknown as typeof platform.processors,
        {
          events: platform.app.get<EventStore>(EVENT_STORE),
          keys: platform.stores.keyStore,
          documents: twoStep(platform.stores.documents, () => undefined),
          checkpoints: platform.stores.checkpoints,
        },
        { role: 'all', processorLeases: undefined },
        () => undefined,
      );
      expect(() => elsewhere.start('c360-deals')).toThrow(/does not run customer360:projection:c360-deals_v1/);
    });
  });
});
