import { randomUUID } from 'node:crypto';
import type { TestPlatform } from '@c360/runtime/testing';
import { DEFAULT_PIPELINE_ID, pipelineStream } from '@c360/sales-domain';
import { DAY, T0, badFields, openDeal, salesPlatform, settle } from './testing/sales-test-kit';

type Stage = { stageId: string; count: number; totals: { currency: string; amount: number; weightedForecast: number }[] };
const stageOf = (body: { stages: Stage[] }, stageId: string) => body.stages.find((stage) => stage.stageId === stageId);

describe('pipelines API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await salesPlatform();
  });
  afterEach(() => platform.close());

  it('has a default pipeline: lead → qualified → proposal → negotiation → won / lost, each with a probability', async () => {
    const response = await platform.http.get('/pipelines/default').expect(200);
    expect(response.body).toMatchObject({ pipelineId: DEFAULT_PIPELINE_ID, name: 'Sales pipeline', version: 0 });
    expect(response.body.stages.map((s: { stageId: string; probability: number }) => `${s.stageId}:${s.probability}`)).toEqual([
      'lead:10',
      'qualified:25',
      'proposal:50',
      'negotiation:75',
      'won:100',
      'lost:0',
    ]);
    await platform.http.get(`/pipelines/${DEFAULT_PIPELINE_ID}`).expect(200);
    // Asking again (another process, a restart) defines nothing new.
    expect(await platform.stores.eventStore.readStream(pipelineStream(DEFAULT_PIPELINE_ID))).toHaveLength(1);
  });

  it('defines a pipeline with its own stages and configures them', async () => {
    const defined = await platform.http
      .post('/pipelines')
      .send({
        name: 'Partners',
        stages: [
          { stageId: 'intro', name: 'Intro', probability: 20, kind: 'open' },
          { stageId: 'signed', name: 'Signed', probability: 100, kind: 'won' },
          { stageId: 'dropped', name: 'Dropped', probability: 0, kind: 'lost' },
        ],
      })
      .expect(201);
    const id = defined.body.pipelineId as string;
    await platform.http.post(`/pipelines/${id}/stages`).send({ stageId: 'pilot', name: 'Pilot', probability: 60 }).expect(201);
    await platform.http
      .post(`/pipelines/${id}/stages`)
      .send({ stageId: 'triage', name: 'Triage', probability: 5, afterStageId: null })
      .expect(201);
    await platform.http.patch(`/pipelines/${id}/stages/pilot`).send({ probability: 65 }).expect(200);
    await platform.http
      .put(`/pipelines/${id}/stage-order`)
      .send({ stageIds: ['intro', 'triage', 'pilot'] })
      .expect(200);
    await platform.http.post(`/pipelines/${id}/stages/triage/retirement`).expect(200);
    const renamed = await platform.http.put(`/pipelines/${id}/name`).send({ name: 'Partner deals' }).expect(200);
    expect(renamed.body).toMatchObject({ version: 6, pipeline: { name: 'Partner deals' } });
    expect(renamed.body.pipeline.stages.map((s: { stageId: string; retired: boolean }) => `${s.stageId}${s.retired ? '-' : ''}`)).toEqual([
      'intro',
      'triage-',
      'pilot',
      'signed',
      'dropped',
    ]);

    await settle(platform);
    const list = await platform.http.get('/pipelines').expect(200);
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['Partner deals', 'Sales pipeline']);
  });

  it('refuses a malformed pipeline naming the fields, and a broken rule with its code', async () => {
    const head = await platform.stores.eventStore.headPosition();
    const bad = await platform.http
      .post('/pipelines')
      .send({ name: '', stages: [{ stageId: 'A B', name: 'x', probability: 120, kind: 'maybe' }] })
      .expect(400);
    expect(badFields(bad.body)).toEqual(['name', 'stages', 'stages.0.kind', 'stages.0.probability', 'stages.0.stageId']);
    const noLost = await platform.http
      .post('/pipelines')
      .send({
        name: 'X',
        stages: [
          { stageId: 'a', name: 'A', probability: 10, kind: 'open' },
          { stageId: 'b', name: 'B', probability: 20, kind: 'open' },
          { stageId: 'w', name: 'W', probability: 100, kind: 'won' },
        ],
      })
      .expect(422);
    expect(noLost.body.error).toBe('sales.terminal-stages-required');
    expect(await platform.stores.eventStore.headPosition()).toBe(head);
  });

  it('answers 404 for an unknown pipeline or stage, and 409 for a stale If-Match', async () => {
    await platform.http.get(`/pipelines/${randomUUID()}`).expect(404);
    await platform.http.get(`/pipelines/${randomUUID()}/board`).expect(404);
    await platform.http.patch('/pipelines/default/stages/nope').send({ name: 'x' }).expect(404);
    await platform.http.put('/pipelines/default/name').set('If-Match', '0').send({ name: 'Main' }).expect(200);
    expect(
      (await platform.http.put('/pipelines/default/name').set('If-Match', '0').send({ name: 'Other' }).expect(409)).body,
    ).toMatchObject({ currentVersion: 1 });
  });

  it('shows the board: deals per stage with count, total and weighted forecast, per currency', async () => {
    await openDeal(platform, { amount: 100_000 });
    await openDeal(platform, { amount: 40_000, stageId: 'proposal' });
    await openDeal(platform, { amount: 10_000, stageId: 'proposal', currency: 'SEK' });
    await settle(platform);
    const board = await platform.http.get('/pipelines/default/board').expect(200);
    expect(stageOf(board.body, 'lead')).toMatchObject({
      count: 1,
      totals: [{ currency: 'EUR', count: 1, amount: 100_000, weightedForecast: 10_000 }],
    });
    expect(stageOf(board.body, 'proposal')).toMatchObject({
      count: 2,
      totals: [
        { currency: 'EUR', amount: 40_000, weightedForecast: 20_000 },
        { currency: 'SEK', amount: 10_000, weightedForecast: 5_000 },
      ],
    });
    expect(board.body.openTotals).toEqual([
      { currency: 'EUR', count: 2, amount: 140_000, weightedForecast: 30_000 },
      { currency: 'SEK', count: 1, amount: 10_000, weightedForecast: 5_000 },
    ]);
  });

  it('rebuilds the board as of any instant from the event log', async () => {
    const a = await openDeal(platform, { amount: 100_000 });
    const b = await openDeal(platform, { amount: 50_000 });
    platform.clock.advance(DAY); // T0 + 1 day
    await platform.http.post(`/deals/${a}/move`).send({ stageId: 'negotiation' }).expect(200);
    platform.clock.advance(DAY); // T0 + 2 days
    await platform.http.post(`/deals/${a}/win`).send({ reason: 'Signed' }).expect(200);
    await platform.http.post(`/deals/${b}/lose`).send({ reason: 'Budget' }).expect(200);
    await settle(platform);

    const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
    const dayOne = await platform.http
      .get('/pipelines/default/board')
      .query({ asOf: at(DAY + 1) })
      .expect(200);
    expect(dayOne.body.asOf).toBe(at(DAY + 1));
    expect(stageOf(dayOne.body, 'negotiation')).toMatchObject({ count: 1, totals: [{ amount: 100_000, weightedForecast: 75_000 }] });
    expect(stageOf(dayOne.body, 'lead')).toMatchObject({ count: 1, totals: [{ amount: 50_000 }] });
    expect(stageOf(dayOne.body, 'won')).toMatchObject({ count: 0 });

    const opening = await platform.http.get('/pipelines/default/board').query({ asOf: T0 }).expect(200);
    expect(stageOf(opening.body, 'lead')).toMatchObject({ count: 2 });

    // Folding the whole log gives what the live read model shows.
    const now = await platform.http.get('/pipelines/default/board').expect(200);
    const asOfNow = await platform.http.get('/pipelines/default/board').query({ asOf: platform.clock.now().toISOString() }).expect(200);
    expect(asOfNow.body.stages).toEqual(now.body.stages);
    expect(stageOf(now.body, 'won')).toMatchObject({ count: 1, totals: [{ amount: 100_000, weightedForecast: 100_000 }] });

    await platform.http.get('/pipelines/default/board').query({ asOf: '2020-01-01T00:00:00Z' }).expect(404);
    expect(badFields((await platform.http.get('/pipelines/default/board').query({ asOf: 'yesterday' }).expect(400)).body)).toEqual([
      'asOf',
    ]);
  });
});
