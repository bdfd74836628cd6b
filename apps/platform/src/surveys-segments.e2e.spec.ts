import { createTestPlatform, settleProcessors, type TestPlatform } from '@c360/runtime/testing';
import { randomUUID } from 'node:crypto';
import { platformModules } from './platform-contexts';

/**
 * Survey campaigns to a customer 360 segment and NPS per segment, over the real contexts: the members
 * are the segment's at launch (recorded then, so a launch repeated asks the same people), consent and
 * fatigue still apply per customer, and the NPS report counts only the answers of the segment's members.
 */
describe('surveys: campaigns to a segment, NPS per segment', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    platform.clock.set('2026-03-02T08:00:00.000Z');
  });
  afterEach(() => platform.close());

  const supervisor = () => platform.as('supervisor', 'sup-sue');
  const settle = () => settleProcessors(platform);
  const register = async (first: string, consent: boolean): Promise<string> => {
    const customerId = (
      await platform.http
        .post('/customers')
        .send({ name: { first }, emails: [`${first.toLowerCase()}@example.com`] })
        .expect(201)
    ).body.customerId as string;
    if (consent) {
      await platform.http
        .post(`/customers/${customerId}/consents/grants`)
        .send({ channel: 'email', purpose: 'marketing', source: 'web' })
        .expect(201);
    }
    return customerId;
  };
  const buy = (customerId: string, orderId: string) =>
    platform.http
      .post('/purchases')
      .send({
        orderId,
        channel: 'web',
        customerId,
        lines: [{ sku: 'sku-1', category: 'shoes', quantity: 1, unitPrice: 50_000 }],
        total: 50_000,
        currency: 'NOK',
        purchasedAt: platform.clock.now().toISOString(),
      })
      .expect(201);
  const answer = async (customerId: string, score: number) => {
    const outbox = await supervisor().get('/surveys/outbox').query({ customerId }).expect(200);
    const token = new URL(outbox.body.items[0].link as string).searchParams.get('token')!;
    await platform.anonymous.post('/surveys/respond').send({ token, score }).expect(201);
  };
  const campaign = (audience: Record<string, unknown>) =>
    supervisor()
      .post('/surveys/campaigns')
      .send({ name: 'Buyers NPS', templateId: 'nps-default', channel: 'email', purpose: 'marketing', ...audience });

  it('sends to the members the segment has at launch, once; reports NPS of its members only', async () => {
    const ann = await register('Ann', true);
    const bob = await register('Bob', true);
    const cid = await register('Cid', false);
    const dan = await register('Dan', true);
    await buy(ann, 'order-ann');
    await buy(bob, 'order-bob');
    await settle();
    const segmentId = (
      await supervisor()
        .post('/segments')
        .send({ name: 'Buyers', rules: [{ field: 'purchases', gte: 1 }] })
        .expect(201)
    ).body.segmentId as string;

    const created = await campaign({ segmentId }).expect(201);
    const campaignId = created.body.campaignId as string;
    const draft = await supervisor().get(`/surveys/campaigns/${campaignId}`).expect(200);
    // Nobody knows who will be in it until it is launched.
    expect(draft.body).toMatchObject({ status: 'draft', segmentId, customers: null, invited: 0 });

    // Cid buys after the campaign was made: the launch asks the segment as it is then.
    await buy(cid, 'order-cid');
    await settle();
    const launched = await supervisor().post(`/surveys/campaigns/${campaignId}/launch`).expect(200);
    expect(launched.body).toMatchObject({ status: 'launched', segmentId, customers: 3, invited: 2, answered: 0 });
    const events = await platform.stores.eventStore.readStream(`surveys-campaign-${campaignId}`);
    const resolved = events.find((event) => event.type === 'surveys.campaign-audience-resolved');
    expect(resolved?.data).toMatchObject({ segmentId, customerIds: [ann, bob, cid].sort(), segmentPosition: expect.any(Number) });
    expect(events.find((event) => event.type === 'surveys.campaign-launched')?.data).toMatchObject({
      sent: 2,
      skipped: { noConsent: 1, recontactTooSoon: 0, unknownCustomer: 0 },
    });

    // Dan joins the segment afterwards; launching again answers the first launch and asks nobody new.
    await buy(dan, 'order-dan');
    await settle();
    expect((await supervisor().post(`/surveys/campaigns/${campaignId}/launch`).expect(200)).body).toMatchObject({
      duplicate: true,
      customers: 3,
      invited: 2,
    });
    await settle();
    expect((await supervisor().get('/surveys/outbox').query({ customerId: dan }).expect(200)).body.items).toEqual([]);

    // Ann promotes, Bob detracts; Dan (asked on his own) detracts too, but is no member of the segment below.
    await answer(ann, 10);
    await answer(bob, 3);
    await platform.http
      .post('/surveys/invitations')
      .send({ customerId: dan, templateId: 'nps-default', channel: 'email', purpose: 'marketing' })
      .expect(201);
    await settle();
    await answer(dan, 0);
    await settle();
    const narrow = await supervisor()
      .put(`/segments/${segmentId}`)
      .send({
        rules: [
          { field: 'purchases', gte: 1 },
          { field: 'consent', channel: 'email', purpose: 'marketing' },
        ],
      })
      .expect(200);
    expect(narrow.body.changed).toBe(true);
    const all = await supervisor().get('/surveys/reports/nps').expect(200);
    expect(all.body.overall).toMatchObject({ answers: 3, promoters: 1, detractors: 2 });
    // Members now: Ann, Bob and Dan all bought and consent… so drop Dan's consent to leave him out.
    await platform.http
      .post(`/customers/${dan}/consents/revocations`)
      .send({ channel: 'email', purpose: 'marketing', source: 'web' })
      .expect(201);
    await settle();
    const bySegment = await supervisor().get('/surveys/reports/nps').query({ segmentId }).expect(200);
    expect(bySegment.body.segment).toMatchObject({ segmentId, members: 2, position: expect.any(Number) });
    expect(bySegment.body.overall).toEqual({ answers: 2, promoters: 1, passives: 0, detractors: 1, nps: 0 });
    expect(bySegment.body.periods).toEqual([expect.objectContaining({ period: '2026-03', answers: 2, nps: 0 })]);
  });

  it('refuses an unknown or retired segment, both audiences or neither, naming the field; nothing is written', async () => {
    const ann = await register('Ann', true);
    const unknown = await campaign({ segmentId: randomUUID() }).expect(404);
    expect(unknown.body).toMatchObject({ error: 'surveys.segment-not-found', details: { field: 'segmentId' } });
    const both = await campaign({ segmentId: randomUUID(), customerIds: [ann] }).expect(400);
    expect(both.body.fields).toEqual([expect.objectContaining({ field: 'segmentId' })]);
    const neither = await campaign({}).expect(400);
    expect(neither.body.fields).toEqual([expect.objectContaining({ field: 'customerIds' })]);
    const report = await supervisor().get('/surveys/reports/nps').query({ segmentId: randomUUID() }).expect(404);
    expect(report.body.error).toBe('surveys.segment-not-found');
    expect((await supervisor().get('/surveys/reports/nps').query({ segmentId: 'vip' }).expect(400)).body.fields).toEqual([
      expect.objectContaining({ field: 'segmentId' }),
    ]);

    const segmentId = (
      await supervisor()
        .post('/segments')
        .send({ name: 'Everyone with consent', rules: [{ field: 'consent', channel: 'email', purpose: 'marketing' }] })
        .expect(201)
    ).body.segmentId as string;
    const campaignId = (await campaign({ segmentId }).expect(201)).body.campaignId as string;
    await supervisor().delete(`/segments/${segmentId}`).expect(200);
    const head = await platform.stores.eventStore.headPosition();
    expect((await supervisor().post(`/surveys/campaigns/${campaignId}/launch`).expect(404)).body.error).toBe('surveys.segment-not-found');
    expect(await platform.stores.eventStore.headPosition()).toBe(head);
    expect((await supervisor().get(`/surveys/campaigns/${campaignId}`).expect(200)).body).toMatchObject({
      status: 'draft',
      customers: null,
    });
  });
});
