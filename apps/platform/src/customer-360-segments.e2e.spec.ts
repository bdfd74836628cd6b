import { createTestPlatform, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from './platform-contexts';

/** Segments over the 360 documents and the reports, through the platform's contexts. */
describe('customer 360: segments and reports', () => {
  let platform: TestPlatform;
  let ann: string;
  let bob: string;
  let cid: string;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    platform.clock.set('2026-03-01T10:00:00.000Z');
    const register = async (first: string, email: string) =>
      (
        await platform
          .as('supervisor')
          .post('/customers')
          .send({ name: { first }, emails: [email] })
          .expect(201)
      ).body.customerId as string;
    const buy = (customerId: string, orderId: string, total: number) =>
      platform
        .as('supervisor')
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
        .expect(201);
    ann = await register('Ann', 'ann@example.com');
    bob = await register('Bob', 'bob@example.com');
    cid = await register('Cid', 'cid@example.com');
    await platform
      .as('supervisor')
      .post(`/customers/${ann}/consents/grants`)
      .send({ channel: 'email', purpose: 'marketing', source: 'web' })
      .expect(201);
    await buy(ann, 'web-1', 900_000);
    await buy(bob, 'web-2', 100_000);
    platform.clock.set('2026-04-02T10:00:00.000Z');
    await buy(ann, 'web-3', 500_000);
    await platform
      .as('supervisor')
      .post('/deals')
      .send({
        customerId: cid,
        title: 'Fleet',
        amount: 50_000,
        currency: 'NOK',
        ownerId: 'agent-ann',
        expectedCloseDate: '2026-04-30',
        source: 'web',
      })
      .expect(201)
      .then((deal) => platform.as('supervisor').post(`/deals/${deal.body.dealId}/win`).send({ reason: 'price' }).expect(200));
    await platform.processors.waitUntilCaughtUp();
  });
  afterEach(() => platform.close());

  it('defines a segment as a versioned command, counts and pages its members, changes and retires it', async () => {
    const created = await platform
      .as('supervisor')
      .post('/segments')
      .send({
        name: 'Big spenders with e-mail consent',
        rules: [
          { field: 'lifetimeValue', currency: 'NOK', gte: 1_000_000 },
          { field: 'consent', channel: 'email', purpose: 'marketing' },
        ],
      })
      .expect(201);
    expect(created.body).toMatchObject({ version: 0, changed: true, segment: { status: 'active' } });
    const segmentId = created.body.segmentId as string;

    const one = await platform.as('supervisor').get(`/segments/${segmentId}`).expect(200);
    expect(one.body).toMatchObject({ segmentId, version: 0, members: 1 });
    const members = await platform.as('supervisor').get(`/segments/${segmentId}/members`).expect(200);
    expect(members.body).toMatchObject({ items: [{ customerId: ann }], total: 1, nextCursor: null, position: expect.any(Number) });

    await platform
      .as('supervisor')
      .put(`/segments/${segmentId}`)
      .send({ rules: [{ field: 'purchases', gte: 1 }] })
      .expect(200);
    // The won deal became a purchase too (sales' won-deal workflow): three buyers now.
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await platform
        .as('supervisor')
        .get(`/segments/${segmentId}/members`)
        .query({ limit: 1, ...(after ? { after } : {}) })
        .expect(200);
      expect(page.body.total).toBe(3);
      seen.push(...page.body.items.map((item: { customerId: string }) => item.customerId));
      after = page.body.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual([ann, bob, cid].sort());
    await platform.processors.waitUntilCaughtUp();
    const listed = await platform.as('supervisor').get('/segments').expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ segmentId, version: 1, members: 3 })]);

    await platform.as('supervisor').delete(`/segments/${segmentId}`).expect(200);
    await platform.as('supervisor').get(`/segments/${segmentId}`).expect(404);
  });

  it('refuses bad rules with a 400 naming the field', async () => {
    const shape = await platform
      .as('supervisor')
      .post('/segments')
      .send({ name: 'x', rules: [{ field: 'shoeSize', gte: 1 }] })
      .expect(400);
    expect(shape.body.fields[0].field).toBe('rules');
    expect(shape.body.message).toContain('rules.0');
    const meaning = await platform
      .as('supervisor')
      .post('/segments')
      .send({ name: 'x', rules: [{ field: 'purchases', gte: 5, lte: 1 }] })
      .expect(422);
    expect(meaning.body.details).toEqual({ field: 'rules.0' });
    await platform.as('supervisor').get('/segments/not-a-uuid').expect(400);
  });

  it('reports the most valuable customers, retention, reward effectiveness, team performance and NPS trend with period and position', async () => {
    const valuable = await platform.as('supervisor').get('/reports/most-valuable-customers').expect(200);
    expect(valuable.body).toMatchObject({
      report: 'most-valuable',
      position: expect.any(Number),
      figures: {
        currency: 'NOK',
        customers: 3,
        topCustomers: 1,
        topRevenue: 1_400_000,
        totalRevenue: 1_550_000,
        top: [{ customerId: ann }],
      },
    });
    expect(valuable.body.figures.topShare).toBeCloseTo(1_400_000 / 1_550_000, 3);

    const retention = await platform.as('supervisor').get('/reports/retention').query({ from: '2026-04', to: '2026-04' }).expect(200);
    expect(retention.body).toMatchObject({
      period: { from: '2026-04', to: '2026-04' },
      figures: { buyers: 3, repeatBuyers: 1, repeatPurchaseRate: 0.3333, previousPeriodBuyers: 2, retained: 1, retentionRate: 0.5 },
    });
    await platform.as('supervisor').get('/reports/retention').query({ from: '2026-05', to: '2026-04' }).expect(400);

    const rewards = await platform.as('supervisor').get('/reports/reward-effectiveness').expect(200);
    expect(rewards.body.figures).toMatchObject({ redeemers: 0 });

    const team = await platform.as('supervisor').get('/reports/team-performance').expect(200);
    expect(team.body.figures.owners).toEqual([
      expect.objectContaining({ ownerId: 'agent-ann', won: 1, lost: 0, winRate: 1, wonAmounts: { NOK: 50_000 } }),
    ]);
    expect(team.body.figures).toMatchObject({ support: [], sla: { tracked: true, resolved: 0 }, csat: { tracked: true, answers: 0 } });
    const nps = await platform.as('supervisor').get('/reports/nps-trend').expect(200);
    // No survey was answered: twelve months without answers, and no direction.
    expect(nps.body).toMatchObject({
      report: 'nps-trend',
      figures: { tracked: true, period: { responses: 0, nps: null }, direction: null },
    });
    expect(nps.body.figures.months).toHaveLength(12);
  });
});
