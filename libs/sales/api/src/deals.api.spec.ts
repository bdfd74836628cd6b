import { randomUUID } from 'node:crypto';
import { authHeaders, type TestPlatform } from '@c360/runtime/testing';
import { DEFAULT_PIPELINE_ID, dealStream } from '@c360/sales-domain';
import { ANN, DAY, T0, badFields, dealBody, openDeal, salesPlatform, settle } from './testing/sales-test-kit';

describe('deals API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await salesPlatform();
  });
  afterEach(() => platform.close());

  it('opens a deal in the default pipeline’s first stage and answers its version', async () => {
    const response = await platform.http.post('/deals').set(authHeaders('agent', 'agent-ann')).send(dealBody()).expect(201);
    expect(response.body).toMatchObject({
      version: 0,
      duplicate: false,
      deal: {
        status: 'open',
        customerId: ANN,
        pipelineId: DEFAULT_PIPELINE_ID,
        stageId: 'lead',
        probability: 10,
        amount: 120_000,
        currency: 'EUR',
        openedAt: T0,
      },
    });
    const [opened] = await platform.stores.eventStore.readStream(dealStream(response.body.dealId));
    expect(opened).toMatchObject({ type: 'sales.deal-opened', metadata: { actor: { id: 'agent-ann', role: 'agent' } } });
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const head = await platform.stores.eventStore.headPosition();
    const response = await platform.http
      .post('/deals')
      .send(
        dealBody({
          customerId: 'nope',
          amount: 12.5,
          currency: 'euro',
          expectedCloseDate: '2026-02-30',
          ownerId: 'has space',
          extra: true,
        }),
      )
      .expect(400);
    expect(badFields(response.body)).toEqual(['amount', 'currency', 'customerId', 'expectedCloseDate', 'extra', 'ownerId']);
    expect(await platform.stores.eventStore.headPosition()).toBe(head);
  });

  it('answers a broken rule with its code: 422 for a stage or pipeline that does not exist', async () => {
    const response = await platform.http
      .post('/deals')
      .send(dealBody({ stageId: 'demo' }))
      .expect(422);
    expect(response.body).toMatchObject({ error: 'sales.unknown-stage', details: { field: 'stageId' } });
    const pipeline = await platform.http
      .post('/deals')
      .send(dealBody({ pipelineId: randomUUID() }))
      .expect(422);
    expect(pipeline.body).toMatchObject({ error: 'sales.unknown-pipeline', details: { field: 'pipelineId' } });
  });

  it('opens one deal for a request repeated with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const first = await platform.http.post('/deals').set('Idempotency-Key', key).send(dealBody()).expect(201);
    const again = await platform.http.post('/deals').set('Idempotency-Key', key).send(dealBody()).expect(201);
    expect(again.body).toMatchObject({ dealId: first.body.dealId, duplicate: true, version: 0 });
    await settle(platform);
    const list = await platform.http.get('/deals').query({ customerId: ANN }).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('moves a deal forward and back, wins it, and keeps the stage history with time in each stage', async () => {
    const dealId = await openDeal(platform);
    platform.clock.advance(2 * DAY);
    await platform.http.post(`/deals/${dealId}/move`).send({ stageId: 'proposal' }).expect(200);
    platform.clock.advance(DAY);
    const back = await platform.http.post(`/deals/${dealId}/move`).send({ stageId: 'qualified' }).expect(200);
    expect(back.body).toMatchObject({ version: 2, deal: { stageId: 'qualified', probability: 25 } });
    platform.clock.advance(4 * DAY);
    const won = await platform.http.post(`/deals/${dealId}/win`).send({ reason: 'Best offer' }).expect(200);
    expect(won.body.deal).toMatchObject({ status: 'won', stageId: 'won', closeReason: 'Best offer', cycleTimeMs: 7 * DAY });

    await settle(platform);
    const deal = await platform.http.get(`/deals/${dealId}`).expect(200);
    expect(deal.body).toMatchObject({ status: 'won', version: 3 });
    expect(
      deal.body.stageHistory.map((visit: { stageId: string; durationMs: number | null }) => [visit.stageId, visit.durationMs]),
    ).toEqual([
      ['lead', 2 * DAY],
      ['proposal', DAY],
      ['qualified', 4 * DAY],
      ['won', null],
    ]);
  });

  it('loses with a reason, refuses changes to the closed deal, and reopens it', async () => {
    const dealId = await openDeal(platform);
    await platform.http.post(`/deals/${dealId}/lose`).send({}).expect(400);
    await platform.http.post(`/deals/${dealId}/lose`).send({ reason: 'No budget' }).expect(200);
    const refused = await platform.http.put(`/deals/${dealId}/amount`).send({ amount: 1, currency: 'EUR' }).expect(409);
    expect(refused.body.error).toBe('sales.deal-closed');
    const reopened = await platform.http
      .post(`/deals/${dealId}/reopen`)
      .send({ stageId: 'negotiation', reason: 'Budget found' })
      .expect(200);
    expect(reopened.body.deal).toMatchObject({ status: 'open', stageId: 'negotiation', probability: 75 });
  });

  it('changes amount, owner, probability and expected close date', async () => {
    const dealId = await openDeal(platform);
    await platform.http.put(`/deals/${dealId}/amount`).send({ amount: 90_000, currency: 'SEK' }).expect(200);
    await platform.http.put(`/deals/${dealId}/owner`).send({ ownerId: 'agent-bo' }).expect(200);
    await platform.http.put(`/deals/${dealId}/probability`).send({ probability: 101 }).expect(400);
    await platform.http.put(`/deals/${dealId}/probability`).send({ probability: 40 }).expect(200);
    const last = await platform.http.put(`/deals/${dealId}/expected-close-date`).send({ expectedCloseDate: '2026-06-30' }).expect(200);
    expect(last.body).toMatchObject({
      version: 4,
      deal: { amount: 90_000, currency: 'SEK', ownerId: 'agent-bo', probability: 40, expectedCloseDate: '2026-06-30' },
    });
  });

  it('answers 409 with the current version when If-Match is stale, and writes nothing', async () => {
    const dealId = await openDeal(platform);
    await platform.http.post(`/deals/${dealId}/move`).set('If-Match', '0').send({ stageId: 'qualified' }).expect(200);
    const conflict = await platform.http.post(`/deals/${dealId}/move`).set('If-Match', '0').send({ stageId: 'proposal' }).expect(409);
    expect(conflict.body).toMatchObject({ error: 'concurrency_conflict', currentVersion: 1 });
    expect(await platform.stores.eventStore.readStream(dealStream(dealId))).toHaveLength(2);
  });

  it('answers 404 for a deal that does not exist, on commands and reads', async () => {
    const unknown = randomUUID();
    expect((await platform.http.post(`/deals/${unknown}/move`).send({ stageId: 'proposal' }).expect(404)).body.error).toBe(
      'sales.deal-not-found',
    );
    await platform.http.put(`/deals/${unknown}/owner`).send({ ownerId: 'agent-bo' }).expect(404);
    await platform.http.get(`/deals/${unknown}`).expect(404);
    await platform.http.get('/deals/not-a-uuid').expect(400);
  });

  it('lists deals by pipeline, stage, status and owner, a page at a time', async () => {
    for (let i = 0; i < 3; i++) {
      await openDeal(platform, { title: `Deal ${i}` });
      platform.clock.advance(1_000);
    }
    await openDeal(platform, { ownerId: 'agent-bo', stageId: 'proposal' });
    await settle(platform);
    const first = await platform.http
      .get('/deals')
      .query({ pipelineId: 'default', stageId: 'lead', ownerId: 'agent-ann', limit: 2 })
      .expect(200);
    expect(first.body.items.map((d: { title: string }) => d.title)).toEqual(['Deal 2', 'Deal 1']);
    const second = await platform.http
      .get('/deals')
      .query({ pipelineId: 'default', stageId: 'lead', ownerId: 'agent-ann', limit: 2, after: first.body.nextCursor })
      .expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ title: 'Deal 0' })], nextCursor: null });
    expect((await platform.http.get('/deals').query({ status: 'open', ownerId: 'agent-bo' }).expect(200)).body.items).toHaveLength(1);
    expect(badFields((await platform.http.get('/deals').query({ after: 'garbage', status: 'maybe' }).expect(400)).body)).toEqual([
      'after',
      'status',
    ]);
  });

  it('logs activities against the deal and its customer, keeping their text sealed in the store', async () => {
    const dealId = await openDeal(platform);
    await platform.http
      .post(`/deals/${dealId}/activities`)
      .set(authHeaders('agent', 'agent-bo'))
      .send({ kind: 'call', subject: 'Discovery call', notes: 'Needs 40 vans' })
      .expect(201);
    platform.clock.advance(60_000);
    await platform.http
      .post(`/deals/${dealId}/activities`)
      .send({ kind: 'meeting', subject: 'Demo on site', activityAt: platform.clock.now().toISOString() })
      .expect(201);
    await platform.http.post(`/deals/${dealId}/activities`).send({ kind: 'fax', subject: 'x' }).expect(400);
    await settle(platform);

    const forDeal = await platform.http.get(`/deals/${dealId}/activities`).expect(200);
    expect(forDeal.body.items.map((a: { kind: string; subject: string }) => [a.kind, a.subject])).toEqual([
      ['meeting', 'Demo on site'],
      ['call', 'Discovery call'],
    ]);
    expect(forDeal.body.items[1]).toMatchObject({ notes: 'Needs 40 vans', loggedBy: 'agent-bo', customerId: ANN });
    const forCustomer = await platform.http.get(`/customers/${ANN}/deal-activities`).expect(200);
    expect(forCustomer.body.items).toHaveLength(2);
    expect((await platform.http.get(`/deals/${dealId}`).expect(200)).body).toMatchObject({ activityCount: 2 });

    const raw = (await platform.stores.eventStore.readStream(dealStream(dealId))).find((e) => e.type === 'sales.deal-activity-logged');
    expect(JSON.stringify(raw?.data)).not.toContain('Needs 40 vans');
    expect(raw?.data).toMatchObject({ subject: { $pii: 'v1' }, notes: { $pii: 'v1' }, kind: 'call' });
  });

  it('reports per-owner performance: won, lost, win rate and average cycle time', async () => {
    const a = await openDeal(platform);
    const b = await openDeal(platform);
    const c = await openDeal(platform);
    platform.clock.advance(2 * DAY);
    await platform.http.post(`/deals/${a}/win`).send({ reason: 'Signed' }).expect(200);
    platform.clock.advance(2 * DAY);
    await platform.http.post(`/deals/${b}/win`).send({ reason: 'Signed' }).expect(200);
    await platform.http.post(`/deals/${c}/lose`).send({ reason: 'Competitor' }).expect(200);
    await settle(platform);
    const ann = await platform.http.get('/owner-performance/agent-ann').expect(200);
    expect(ann.body).toMatchObject({
      ownerId: 'agent-ann',
      openDeals: 0,
      won: 2,
      lost: 1,
      winRate: 0.6667,
      averageCycleTimeMs: 3 * DAY,
      wonAmounts: { EUR: 240_000 },
    });
    const list = await platform.http.get('/owner-performance').expect(200);
    expect(list.body.items.map((o: { ownerId: string }) => o.ownerId)).toContain('agent-ann');
    expect((await platform.http.get('/owner-performance/nobody').expect(200)).body).toMatchObject({ won: 0, averageCycleTimeMs: null });
  });
});
