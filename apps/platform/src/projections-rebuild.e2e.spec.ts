import {
  DocumentProjector,
  PersonalDataProtector,
  SubscriptionRunner,
  projectionCollection,
  revealingProcessor,
  type AnyDocumentProjection,
  type DocumentStore,
  type EventProcessor,
  type EventStore,
} from '@c360/kernel';
import { EVENT_STORE, type ContextDefinition } from '@c360/runtime';
import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { SqliteCheckpointStore, SqliteDocumentStore } from '@c360/store-sqlite';
import { platformContexts, platformModules } from './platform-contexts';
import { crossContextJourney } from './testing/cross-context-journey';
import { collectionContents as contents } from './testing/collection-contents';

/**
 * "Drop any read model and rebuild it from the log": for every projection of every context the
 * platform runs, folding the whole log into an empty store gives documents identical to the live
 * ones (store metadata aside), after a journey through every context (see crossContextJourney).
 */

async function rebuild(platform: TestPlatform, context: ContextDefinition, projection: AnyDocumentProjection): Promise<DocumentStore> {
  const fresh = new SqliteDocumentStore({ file: ':memory:' });
  const projector = new DocumentProjector(projection, fresh, `rebuild:${projectionCollection(projection)}`);
  const processor: EventProcessor = projection.readsPersonalData
    ? revealingProcessor(projector, new PersonalDataProtector(platform.stores.keyStore, context.personalData ?? {}))
    : projector;
  const events = platform.app.get<EventStore>(EVENT_STORE);
  const runner = new SubscriptionRunner(processor, events, new SqliteCheckpointStore(fresh.db), { batchSize: 7 });
  runner.start();
  await runner.waitFor((await events.headPosition()) ?? 0);
  await runner.stop();
  return fresh;
}

describe('every projection rebuilds from the log to the live documents', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    platform.clock.set('2026-03-01T10:00:00.000Z');
    await crossContextJourney(platform);
  }, 60_000);
  afterAll(() => platform.close());

  const cases = platformContexts.flatMap((context) => (context.projections ?? []).map((projection) => ({ context, projection })));

  it('covers every projection of every context', () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.map(({ context }) => context.name)).toEqual(expect.arrayContaining(['contacts', 'sales', 'loyalty', 'customer360']));
  });

  it.each(cases.map((c) => [`${c.context.name} ${projectionCollection(c.projection)}`, c] as const))(
    '%s',
    async (_name, { context, projection }) => {
      const collection = projectionCollection(projection);
      const fresh = await rebuild(platform, context, projection);
      try {
        expect(await contents(fresh, collection)).toEqual(await contents(platform.stores.documents, collection));
      } finally {
        await fresh.close();
      }
    },
  );

  it('the journey left documents in the customer 360 read models', async () => {
    for (const collection of ['c360-timeline_v2', 'c360-customers_v1', 'c360-deals_v1', 'c360-tickets_v1', 'c360-segments_v1']) {
      expect((await contents(platform.stores.documents, collection)).length).toBeGreaterThanOrEqual(1);
    }
  });
});
