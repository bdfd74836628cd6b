import { isEncryptedPersonalData } from '@c360/kernel';
import type { TestPlatform } from '@c360/runtime/testing';
import { respondentStream } from '@c360/surveys-domain';
import { randomUUID } from 'node:crypto';
import { ANN, BO, DAY, T0, badFields, grantConsent, publish, settle, surveysPlatform, tokenFor } from './testing/surveys-test-kit';

describe('surveys API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await surveysPlatform();
  });
  afterEach(() => platform.close());

  const send = (customerId: string, templateId = 'nps-default', purpose = 'marketing') =>
    platform.http.post('/surveys/invitations').send({ customerId, templateId, channel: 'email', purpose });
  const respondentEvents = async (customerId: string) => platform.stores.eventStore.readStream(respondentStream(customerId));

  it('ships NPS and CSAT templates; a revision is the next version, bad templates are 400s naming the field', async () => {
    const list = await platform.http.get('/surveys/templates').expect(200);
    expect(list.body.items.map((t: { templateId: string; kind: string }) => [t.templateId, t.kind])).toEqual([
      ['csat-default', 'csat'],
      ['nps-default', 'nps'],
    ]);
    const nps = list.body.items.find((t: { templateId: string }) => t.templateId === 'nps-default');
    await platform.http
      .put('/surveys/templates/nps-default')
      .send({ ...nps, recontactDays: 60 })
      .expect(403);
    const revised = await platform
      .as('supervisor')
      .put('/surveys/templates/nps-default')
      .send({ name: nps.name, questions: nps.questions, messages: nps.messages, defaultLanguage: 'en', recontactDays: 60 })
      .expect(200);
    expect(revised.body).toMatchObject({ templateId: 'nps-default', templateVersion: 2 });
    const bad = await platform
      .as('supervisor')
      .post('/surveys/templates')
      .send({
        templateId: 'Bad Id',
        kind: 'poll',
        name: '',
        questions: [{ questionId: 'q', type: 'slider', prompt: {}, required: 'yes' }],
        messages: { en: 'hi' },
        defaultLanguage: 'english',
      })
      .expect(400);
    expect(badFields(bad.body)).toEqual(expect.arrayContaining(['defaultLanguage', 'kind', 'messages', 'name', 'templateId']));
    const rule = await platform
      .as('supervisor')
      .post('/surveys/templates')
      .send({
        templateId: 'shop',
        kind: 'custom',
        name: 'Shop',
        questions: [{ questionId: 'delivery', type: 'scale', prompt: { en: 'Delivery?' }, required: true }],
        messages: { en: { subject: 's', body: 'go {link}' } },
        defaultLanguage: 'en',
      })
      .expect(422);
    expect(rule.body).toMatchObject({ error: 'surveys.invalid-scale', details: { field: 'questions.min' } });
  });

  it('sends through the outbox in the customer’s language, checking consent and survey fatigue at send time', async () => {
    const sent = await send(ANN).expect(201);
    expect(sent.body).toMatchObject({ customerId: ANN, duplicate: false });
    await settle(platform);
    const outbox = await platform.as('supervisor').get('/surveys/outbox').query({ customerId: ANN }).expect(200);
    expect(outbox.body.items).toHaveLength(1);
    const message = outbox.body.items[0];
    expect(message).toMatchObject({
      invitationId: sent.body.invitationId,
      channel: 'email',
      language: 'nb',
      kind: 'nps',
      subject: 'Vil du anbefale oss?',
    });
    expect(message.body).toContain(message.link);
    expect(message.link).toMatch(/^http:\/\/localhost:3000\/surveys\/respond\?token=[\w-]+\.[\w-]+\.[\w-]+$/);
    // Fatigue: asked again within 30 days is refused, with when it is allowed.
    platform.clock.advance(29 * DAY);
    const tooSoon = await send(ANN, 'csat-default', 'service').expect(409);
    expect(tooSoon.body).toMatchObject({
      error: 'surveys.recontact-too-soon',
      details: { nextAllowedAt: new Date(Date.parse(T0) + 30 * DAY).toISOString() },
    });
    platform.clock.advance(DAY);
    await send(ANN, 'csat-default', 'service').expect(201);
    // BO never consented: refused, nothing written.
    expect((await send(BO).expect(409)).body.error).toBe('surveys.no-consent');
    expect(await respondentEvents(BO)).toEqual([]);
    // A revoked consent is refused from the moment of revocation.
    await publish(platform, `contacts-customer-${ANN}`, 'contacts.consent-revoked', {
      customerId: ANN,
      channel: 'sms',
      purpose: 'service',
      source: 'web',
      revokedAt: platform.clock.now().toISOString(),
    });
    await settle(platform);
    expect(
      (
        await platform.http
          .post('/surveys/invitations')
          .send({ customerId: ANN, templateId: 'nps-default', channel: 'sms', purpose: 'service' })
          .expect(409)
      ).body.error,
    ).toBe('surveys.no-consent');
    // Unknown customers and templates are 404s; bad input 400s.
    await send(randomUUID()).expect(404);
    expect((await send(ANN, 'no-such-template').expect(404)).body.error).toBe('surveys.template-not-found');
    expect(
      badFields(
        (
          await platform.http
            .post('/surveys/invitations')
            .send({ customerId: 'x', templateId: 'nps-default', channel: 'fax', purpose: 'fun' })
            .expect(400)
        ).body,
      ),
    ).toEqual(['channel', 'customerId', 'purpose']);
  });

  it('a consent granted a moment ago counts: sending waits for surveys’ read model to catch up before refusing', async () => {
    // The respondents projection is held back while the consent is granted and the invitation asked for.
    const runner = platform.processors.runner('surveys:projection:surveys-respondents_v1')!;
    await runner.stop();
    await grantConsent(platform, BO, 'sms', 'service');
    const sending = platform.http
      .post('/surveys/invitations')
      .send({ customerId: BO, templateId: 'csat-default', channel: 'sms', purpose: 'service' })
      .then((response) => response);
    setTimeout(() => runner.start(), 300);
    const sent = await sending;
    expect(sent.status).toBe(201);
    expect(sent.body.customerId).toBe(BO);
  });

  it('answers through the signed link: one answer, classified, the comment sealed; wrong or expired links reveal nothing', async () => {
    const sent = await send(ANN).expect(201);
    await settle(platform);
    const token = await tokenFor(platform, ANN);
    const survey = await platform.anonymous.get('/surveys/respond').query({ token: token }).expect(200);
    expect(survey.body).toMatchObject({
      kind: 'nps',
      language: 'nb',
      answered: false,
      questions: [
        { questionId: 'score', type: 'scale', min: 0, max: 10 },
        { questionId: 'comment', type: 'text', required: false },
      ],
    });
    expect(JSON.stringify(survey.body)).not.toContain(ANN);
    expect((await platform.anonymous.post('/surveys/respond').send({ token, score: 11 }).expect(400)).body.fields[0].field).toBe('score');
    const answered = await platform.anonymous.post('/surveys/respond').send({ token, score: 9, comment: 'Quick and kind' }).expect(201);
    expect(answered.body).toEqual({ recorded: true, duplicate: false, kind: 'nps', category: 'promoter' });
    // One answer per invitation: a second one is refused (the same form resubmitted too), nothing written.
    expect(
      (await platform.anonymous.post('/surveys/respond').send({ token, score: 9, comment: 'Quick and kind' }).expect(409)).body.error,
    ).toBe('surveys.already-answered');
    expect((await platform.anonymous.post('/surveys/respond').send({ token, score: 2 }).expect(409)).body.error).toBe(
      'surveys.already-answered',
    );
    // The comment is sealed in the log, opened for staff on the customer's profile.
    const recorded = (await respondentEvents(ANN)).find((event) => event.type === 'surveys.answer-recorded')!;
    expect(isEncryptedPersonalData((recorded.data as { comment: unknown }).comment)).toBe(true);
    await settle(platform);
    const profile = await platform.http.get(`/customers/${ANN}/surveys`).expect(200);
    expect(profile.body.items[0]).toMatchObject({
      invitationId: sent.body.invitationId,
      status: 'answered',
      score: 9,
      category: 'promoter',
      comment: 'Quick and kind',
      followUp: null,
    });
    // A wrong or altered token, and an expired one, are the same 404 with nothing about anyone.
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const wrong of [altered, `${header}.${Buffer.from('{"inv":"x","sub":"y"}').toString('base64url')}.${signature}`]) {
      const refused = await platform.anonymous.get('/surveys/respond').query({ token: wrong }).expect(404);
      expect(refused.body.error).toBe('surveys.invitation-not-found');
      expect(JSON.stringify(refused.body)).not.toContain(ANN);
    }
    expect((await platform.anonymous.get('/surveys/respond').query({ token: 'not-a-token' }).expect(400)).body.fields[0].field).toBe(
      'token',
    );
    platform.clock.advance(31 * DAY);
    await send(ANN, 'csat-default', 'service').expect(201);
    await settle(platform);
    const late = await tokenFor(platform, ANN);
    platform.clock.advance(15 * DAY);
    const expired = await platform.anonymous.post('/surveys/respond').send({ token: late, score: 5 }).expect(404);
    expect(expired.body).toMatchObject({ error: 'surveys.invitation-not-found' });
  });

  it('a resolved ticket an agent replied to sends one CSAT survey; a low CSAT alerts supervisors for the ticket’s team', async () => {
    const ticketId = randomUUID();
    const at = () => platform.clock.now().toISOString();
    const ticketEvent = (type: string, data: Record<string, unknown>) =>
      publish(platform, `tickets-ticket-${ticketId}`, type, { ticketId, customerId: ANN, ...data });
    await ticketEvent('tickets.ticket-opened', { channel: 'email', priority: 'normal', category: 'billing', openedAt: at() });
    await ticketEvent('tickets.reply-added', { author: 'agent', agentId: 'agent-bo', teamId: 'billing', repliedAt: at() });
    const resolved = {
      channel: 'email',
      priority: 'normal',
      category: null,
      agentId: 'agent-bo',
      teamId: 'billing',
      resolvedAt: at(),
      reopenCount: 0,
      resolutionBusinessMinutes: 10,
    };
    await ticketEvent('tickets.ticket-resolved', resolved);
    // Reopened and resolved again: still one survey for the ticket.
    await ticketEvent('tickets.ticket-resolved', { ...resolved, reopenCount: 1 });
    // A ticket closed without an agent reply is not surveyed.
    await publish(platform, `tickets-ticket-${randomUUID()}`, 'tickets.ticket-resolved', {
      ...resolved,
      ticketId: randomUUID(),
      customerId: ANN,
    });
    await settle(platform);
    const invitations = await platform.http.get(`/customers/${ANN}/surveys`).expect(200);
    expect(invitations.body.items).toHaveLength(1);
    expect(invitations.body.items[0]).toMatchObject({
      kind: 'csat',
      ticketId,
      agentId: 'agent-bo',
      teamId: 'billing',
      status: 'sent',
      language: 'nb',
    });
    const token = await tokenFor(platform, ANN);
    expect(
      (await platform.anonymous.post('/surveys/respond').send({ token, score: 2, comment: 'Took a week' }).expect(201)).body.category,
    ).toBe('dissatisfied');
    await settle(platform);
    const alerts = await platform.as('supervisor').get('/surveys/alerts').expect(200);
    expect(alerts.body.items).toEqual([
      expect.objectContaining({
        customerId: ANN,
        kind: 'csat',
        score: 2,
        teamId: 'billing',
        comment: 'Took a week',
        followUpStatus: 'requested',
      }),
    ]);
    await platform.http.get('/surveys/alerts').expect(403);
    const csat = await platform.as('supervisor').get('/surveys/reports/csat').expect(200);
    expect(csat.body).toEqual({
      overall: { answers: 1, average: 2 },
      agents: [{ agentId: 'agent-bo', answers: 1, average: 2, low: 1 }],
      teams: [{ teamId: 'billing', answers: 1, average: 2, low: 1 }],
    });
  });

  it('tracks the follow-up ticket’s outcome on the answer: opened, time to first contact, resolved', async () => {
    const sent = await send(ANN).expect(201);
    await settle(platform);
    await platform.anonymous
      .post('/surveys/respond')
      .send({ token: await tokenFor(platform, ANN), score: 3, comment: 'Nobody called back' })
      .expect(201);
    await settle(platform);
    const invitationId = sent.body.invitationId as string;
    // What tickets' follow-up ticket writes (its workflow reacts to surveys.follow-up-requested in the platform spec).
    const followUpId = randomUUID();
    const ticketEvent = (type: string, data: Record<string, unknown>) =>
      publish(platform, `tickets-ticket-${followUpId}`, type, { ticketId: followUpId, customerId: ANN, ...data });
    await ticketEvent('tickets.ticket-opened', {
      channel: 'survey',
      priority: 'high',
      openedAt: platform.clock.now().toISOString(),
      followUp: { surveyResponseId: invitationId, score: 3 },
    });
    platform.clock.advance(45 * 60_000);
    await ticketEvent('tickets.reply-added', {
      author: 'agent',
      agentId: 'agent-bo',
      teamId: null,
      repliedAt: platform.clock.now().toISOString(),
    });
    platform.clock.advance(DAY);
    await ticketEvent('tickets.ticket-resolved', {
      channel: 'survey',
      priority: 'high',
      agentId: 'agent-bo',
      teamId: null,
      resolvedAt: platform.clock.now().toISOString(),
      reopenCount: 0,
    });
    await settle(platform);
    const answer = await platform.http.get(`/surveys/invitations/${invitationId}`).expect(200);
    expect(answer.body.followUp).toEqual({
      status: 'resolved',
      requestedAt: T0,
      ticketId: followUpId,
      contactedAt: new Date(Date.parse(T0) + 45 * 60_000).toISOString(),
      minutesToFirstContact: 45,
      resolvedAt: new Date(Date.parse(T0) + 45 * 60_000 + DAY).toISOString(),
      minutesToResolution: 45 + 1440,
    });
    // The follow-up ticket itself is not surveyed, and the alert is closed.
    expect((await platform.http.get(`/customers/${ANN}/surveys`).expect(200)).body.items).toHaveLength(1);
    expect((await platform.as('supervisor').get('/surveys/alerts').expect(200)).body.items).toEqual([]);
  });

  it('campaigns: each customer asked once, skipped ones counted; response rates; NPS per period with trend and per tier', async () => {
    await grantConsent(platform, BO, 'email', 'marketing');
    await publish(platform, `loyalty-account-${ANN}`, 'loyalty.tier-changed', {
      from: 'bronze',
      to: 'gold',
      reason: 'upgrade',
      rollingPoints: 5000,
      changedAt: T0,
    });
    await settle(platform);
    const stranger = randomUUID();
    const created = await platform
      .as('supervisor')
      .post('/surveys/campaigns')
      .send({ name: 'Spring NPS', templateId: 'nps-default', channel: 'email', purpose: 'marketing', customerIds: [ANN, BO, stranger] })
      .expect(201);
    const campaignId = created.body.campaignId as string;
    const launched = await platform.as('supervisor').post(`/surveys/campaigns/${campaignId}/launch`).expect(200);
    expect(launched.body).toMatchObject({ status: 'launched', customers: 3, invited: 2, answered: 0, responseRate: 0 });
    expect((await platform.as('supervisor').post(`/surveys/campaigns/${campaignId}/launch`).expect(200)).body).toMatchObject({
      duplicate: true,
      invited: 2,
    });
    await settle(platform);
    await platform.anonymous
      .post('/surveys/respond')
      .send({ token: await tokenFor(platform, ANN), score: 10 })
      .expect(201);
    await settle(platform);
    const rates = await platform.as('auditor').get('/surveys/reports/response-rates').expect(200);
    expect(rates.body).toEqual({ campaigns: [{ campaignId, invited: 2, answered: 1, responseRate: 0.5 }] });
    // Next month BO answers as a detractor: NPS falls from 100 to 0, a trend of −100.
    platform.clock.set('2026-04-10T08:00:00.000Z');
    await platform.anonymous
      .post('/surveys/respond')
      .send({ token: await tokenFor(platform, BO), score: 4 })
      .expect(404); // expired after 14 days
    platform.clock.set('2026-03-10T08:00:00.000Z');
    await platform.anonymous
      .post('/surveys/respond')
      .send({ token: await tokenFor(platform, BO), score: 4 })
      .expect(201);
    await settle(platform);
    const nps = await platform.as('supervisor').get('/surveys/reports/nps').query({ period: 'month' }).expect(200);
    expect(nps.body.overall).toMatchObject({ answers: 2, promoters: 1, detractors: 1, nps: 0 });
    expect(nps.body.periods).toEqual([{ period: '2026-03', answers: 2, promoters: 1, passives: 0, detractors: 1, nps: 0, trend: null }]);
    expect(nps.body.tiers).toEqual([
      { tier: 'gold', answers: 1, promoters: 1, passives: 0, detractors: 0, nps: 100 },
      { tier: 'none', answers: 1, promoters: 0, passives: 0, detractors: 1, nps: -100 },
    ]);
    const weekly = await platform.as('supervisor').get('/surveys/reports/nps').query({ period: 'week' }).expect(200);
    expect(weekly.body.periods.map((p: { period: string; nps: number; trend: number | null }) => [p.period, p.nps, p.trend])).toEqual([
      ['2026-03-02', 100, null],
      ['2026-03-09', -100, -200],
    ]);
    expect(
      badFields((await platform.as('supervisor').get('/surveys/reports/nps').query({ period: 'day', from: 'soon' }).expect(400)).body),
    ).toEqual(['from', 'period']);
  });

  it('on its own, without the customer 360 in the process, segments are a 503 that names the variable; nothing is written', async () => {
    const head = await platform.stores.eventStore.headPosition();
    const segmentId = randomUUID();
    const created = await platform
      .as('supervisor')
      .post('/surveys/campaigns')
      .send({ name: 'VIP NPS', templateId: 'nps-default', channel: 'email', purpose: 'marketing', segmentId })
      .expect(503);
    expect(created.body).toMatchObject({
      error: 'surveys.segments-unavailable',
      message: expect.stringContaining('C360_SERVICE_URL_CUSTOMER360'),
    });
    const report = await platform.as('supervisor').get('/surveys/reports/nps').query({ segmentId }).expect(503);
    expect(report.body.error).toBe('surveys.segments-unavailable');
    expect(await platform.stores.eventStore.headPosition()).toBe(head);
  });

  it('periodic NPS asks every consenting customer once, and not again within recontactDays', async () => {
    const first = await platform.as('system').post('/surveys/scheduler/nps/run').expect(200);
    expect(first.body).toMatchObject({ considered: 1, sent: 1, tooSoon: 0, failed: 0 });
    expect((await platform.as('system').post('/surveys/scheduler/nps/run').expect(200)).body).toMatchObject({ sent: 0 });
    platform.clock.set('2026-04-02T08:00:00.000Z');
    expect((await platform.as('system').post('/surveys/scheduler/nps/run').expect(200)).body).toMatchObject({ sent: 1 });
    platform.clock.set('2026-05-01T08:00:00.000Z');
    expect((await platform.as('system').post('/surveys/scheduler/nps/run').expect(200)).body).toMatchObject({ sent: 0, tooSoon: 1 });
  });
});
