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
import { authHeaders, createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { SqliteCheckpointStore, SqliteDocumentStore } from '@c360/store-sqlite';
import { platformContexts, platformModules } from './platform-contexts';

/**
 * "Drop any read model and rebuild it from the log": for every projection of every context the
 * platform runs, folding the whole log into an empty store gives documents identical to the live
 * ones (store metadata aside). The journey touches every context: registrations, consent, referral,
 * purchases and a refund, deals through their life, points earned, adjusted and redeemed, a merge
 * and its undo, an erasure, a segment defined and changed.
 */
const supervisor = authHeaders('supervisor', 'sup-1');

async function journey(platform: TestPlatform): Promise<void> {
  // A supervisor: the journey also defines a segment and adjusts points (the role table).
  const http = platform.as('supervisor');
  const register = async (first: string, email: string) =>
    (
      await http
        .post('/customers')
        .send({ name: { first }, emails: [email] })
        .expect(201)
    ).body.customerId as string;
  const buy = async (customerId: string, orderId: string, total: number) =>
    (
      await http
        .post('/purchases')
        .send({
          orderId,
          channel: 'web',
          customerId,
          lines: [{ sku: 'sku-1', category: 'shoes', quantity: 1, unitPrice: total }],
          total,
          currency: 'NOK',
          purchasedAt: platform.clock.now().toISOString(),
        })
        .expect(201)
    ).body.purchaseId as string;
  const openDeal = async (customerId: string, amount: number) =>
    (
      await http
        .post('/deals')
        .send({
          customerId,
          title: 'Fleet renewal',
          amount,
          currency: 'NOK',
          ownerId: 'agent-ann',
          expectedCloseDate: '2026-04-30',
          source: 'web',
        })
        .expect(201)
    ).body.dealId as string;

  const ann = await register('Ann', 'ann@example.com');
  const bob = await register('Bob', 'bob@example.com');
  const annie = await register('Annie', 'annie@example.com');
  const carl = await register('Carl', 'carl@example.com');
  await http.post(`/customers/${ann}/consents/grants`).send({ channel: 'email', purpose: 'marketing', source: 'web' }).expect(201);
  await http.put(`/customers/${bob}/referrer`).send({ referrerId: ann }).expect(200);
  const purchase = await buy(bob, 'web-1', 250_000);
  await buy(ann, 'web-2', 120_000);
  await buy(annie, 'web-3', 80_000);
  await buy(carl, 'web-4', 60_000);
  await platform.processors.waitUntilCaughtUp();
  platform.clock.set('2026-03-20T10:00:00.000Z');
  await http.post(`/purchases/${purchase}/refunds`).send({ kind: 'refund', reason: 'too small', amount: 50_000 }).expect(201);
  const won = await openDeal(ann, 300_000);
  await http.post(`/deals/${won}/move`).send({ stageId: 'qualified' }).expect(200);
  await http.post(`/deals/${won}/activities`).send({ kind: 'call', subject: 'Discovery call' }).expect(201);
  await http.post(`/deals/${won}/win`).send({ reason: 'price' }).expect(200);
  const lost = await openDeal(bob, 90_000);
  await http.post(`/deals/${lost}/lose`).send({ reason: 'budget' }).expect(200);
  await http.post(`/deals/${lost}/reopen`).send({}).expect(200);
  await openDeal(carl, 40_000);
  await platform.processors.waitUntilCaughtUp();
  await http.post(`/loyalty/accounts/${ann}/adjustments`).set(supervisor).send({ points: 500, reason: 'goodwill' }).expect(201);
  await http.post(`/loyalty/accounts/${ann}/redemptions`).send({ points: 100 }).expect(201);
  platform.clock.set('2026-04-10T10:00:00.000Z');
  const merge = await http.post(`/customers/${ann}/merges`).send({ absorbedId: annie }).expect(201);
  await platform.processors.waitUntilCaughtUp();
  await http.post(`/customers/${ann}/merges/${merge.body.mergeId}/undo`).expect(200);
  await http.post(`/customers/${carl}/erasure`).expect(200);
  const segment = await http
    .post('/segments')
    .send({ name: 'Buyers', rules: [{ field: 'purchases', gte: 1 }] })
    .expect(201);
  await http
    .put(`/segments/${segment.body.segmentId}`)
    .send({ name: 'Repeat buyers', rules: [{ field: 'purchases', gte: 2 }] })
    .expect(200);
  await platform.processors.waitUntilCaughtUp();
}

/** Every document of a collection, in id order, without the store's `_position`. */
async function contents(documents: DocumentStore, collection: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let after: string | undefined;
  do {
    const page = await documents.find<Record<string, unknown>>(collection, {}, { limit: 1_000, after });
    all.push(...page.items.map(({ _position: _ignored, ...doc }) => doc));
    after = page.nextCursor;
  } while (after);
  return all;
}

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
    await journey(platform);
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
    for (const collection of ['c360-timeline_v1', 'c360-customers_v1', 'c360-deals_v1', 'c360-segments_v1']) {
      expect((await contents(platform.stores.documents, collection)).length).toBeGreaterThanOrEqual(1);
    }
  });
});
