import { createTestPlatform, settleProcessors, type TestPlatform } from '@c360/runtime/testing';
import { platformModules } from './platform-contexts';

/**
 * Surveys over the real contexts: a resolved ticket sends a CSAT invitation to the outbox, the customer
 * answers through the link, a low CSAT and an NPS detractor each open a high-priority follow-up ticket
 * carrying the score and the comment, the follow-up's outcome lands on the answer, loyalty awards the
 * survey bonus once per answer, and the customer 360 shows the answers — until erasure shreds the comments.
 */
describe('surveys across the platform', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await createTestPlatform({ imports: platformModules() });
    platform.clock.set('2026-03-02T08:00:00.000Z');
  });
  afterEach(() => platform.close());

  const settle = () => settleProcessors(platform);
  const supervisor = () => platform.as('supervisor', 'sup-sue');
  type Message = { invitationId: string; kind: string; link: string; language: string; subject: string };
  const messageTo = async (customerId: string, invitationId?: string): Promise<Message> => {
    const outbox = await supervisor().get('/surveys/outbox').query({ customerId }).expect(200);
    const items = outbox.body.items as Message[];
    return invitationId ? items.find((item) => item.invitationId === invitationId)! : items[0];
  };
  const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

  it('ticket resolved → CSAT in the outbox → answer → NPS detractor → follow-up tickets with the score; one answer per invitation', async () => {
    const registered = await platform.http
      .post('/customers')
      .send({ name: { first: 'Ann' }, emails: ['ann@example.com'], preferredLanguage: 'nb' })
      .expect(201);
    const ann = registered.body.customerId as string;
    for (const purpose of ['service', 'marketing']) {
      await platform.http.post(`/customers/${ann}/consents/grants`).send({ channel: 'email', purpose, source: 'web' }).expect(201);
    }
    const opened = await platform.http
      .post('/tickets')
      .send({
        customerId: ann,
        channel: 'email',
        subject: 'Charged twice',
        description: 'March invoice',
        priority: 'normal',
        category: 'billing',
      })
      .expect(201);
    const ticketId = opened.body.ticketId as string;
    await platform.http.post(`/tickets/${ticketId}/assignment`).send({ agentId: 'agent-bo', teamId: 'billing' }).expect(200);
    await platform.as('agent', 'agent-bo').post(`/tickets/${ticketId}/replies`).send({ body: 'Refunded the second charge' }).expect(201);
    await platform.as('agent', 'agent-bo').post(`/tickets/${ticketId}/resolve`).send({}).expect(200);
    await settle();

    // The CSAT invitation, in Ann's language, with its link.
    const csat = await messageTo(ann);
    expect(csat).toMatchObject({ kind: 'csat', language: 'nb', subject: 'Hvordan gikk det?' });
    const csatAnswer = await platform.anonymous
      .post('/surveys/respond')
      .send({ token: tokenOf(csat.link), score: 2, comment: 'Took three calls' })
      .expect(201);
    expect(csatAnswer.body.category).toBe('dissatisfied');
    await settle();
    const csatView = await platform.http.get(`/surveys/invitations/${csat.invitationId}`).expect(200);
    expect(csatView.body).toMatchObject({ ticketId, agentId: 'agent-bo', teamId: 'billing', score: 2, followUp: { status: 'opened' } });
    const csatFollowUp = await platform.http.get(`/tickets/${csatView.body.followUp.ticketId}`).expect(200);
    expect(csatFollowUp.body).toMatchObject({
      channel: 'survey',
      priority: 'high',
      teamId: 'billing',
      category: 'survey-follow-up',
      subject: 'Survey follow-up: the customer answered CSAT 2',
      description: 'Took three calls',
      followUp: { surveyResponseId: csat.invitationId, score: 2 },
    });

    // Survey fatigue: no NPS within 30 days of the CSAT… unless the NPS survey overrides it.
    const nps = { customerId: ann, templateId: 'nps-default', channel: 'email', purpose: 'marketing' };
    expect((await platform.http.post('/surveys/invitations').send(nps).expect(409)).body.error).toBe('surveys.recontact-too-soon');
    const template = (await platform.http.get('/surveys/templates/nps-default').expect(200)).body;
    await supervisor()
      .put('/surveys/templates/nps-default')
      .send({ name: template.name, questions: template.questions, messages: template.messages, defaultLanguage: 'en', recontactDays: 0 })
      .expect(200);
    // The next day (loyalty caps the survey bonus at one a day).
    platform.clock.advance(86_400_000);
    const sent = await platform.http.post('/surveys/invitations').send(nps).expect(201);
    await settle();
    const npsMessage = await messageTo(ann, sent.body.invitationId);
    expect(npsMessage).toMatchObject({ kind: 'nps', language: 'nb' });
    const token = tokenOf(npsMessage.link);
    await platform.anonymous.post('/surveys/respond').send({ token, score: 3, comment: 'Nobody called me back' }).expect(201);
    // A second answer to the same invitation is refused.
    expect((await platform.anonymous.post('/surveys/respond').send({ token, score: 10 }).expect(409)).body.error).toBe(
      'surveys.already-answered',
    );
    await settle();

    const alerts = await supervisor().get('/surveys/alerts').expect(200);
    expect(alerts.body.items.map((item: { kind: string; score: number }) => [item.kind, item.score]).sort()).toEqual([
      ['csat', 2],
      ['nps', 3],
    ]);
    const npsView = await platform.http.get(`/surveys/invitations/${sent.body.invitationId}`).expect(200);
    const followUpId = npsView.body.followUp.ticketId as string;
    const followUp = await platform.http.get(`/tickets/${followUpId}`).expect(200);
    expect(followUp.body).toMatchObject({
      priority: 'high',
      subject: 'Survey follow-up: the customer answered NPS 3',
      description: 'Nobody called me back',
      followUp: { surveyResponseId: sent.body.invitationId, score: 3 },
    });

    // The follow-up's outcome on the answer: first contact, then resolution.
    platform.clock.advance(30 * 60_000);
    await platform.as('agent', 'agent-bo').post(`/tickets/${followUpId}/replies`).send({ body: 'Calling you now' }).expect(201);
    platform.clock.advance(60 * 60_000);
    await platform.as('agent', 'agent-bo').post(`/tickets/${followUpId}/resolve`).send({}).expect(200);
    await settle();
    const outcome = await platform.http.get(`/surveys/invitations/${sent.body.invitationId}`).expect(200);
    expect(outcome.body.followUp).toMatchObject({ status: 'resolved', minutesToFirstContact: 30, minutesToResolution: 90 });
    // The follow-up ticket itself was resolved with an agent reply, but is not surveyed.
    expect((await platform.http.get(`/customers/${ann}/surveys`).expect(200)).body.items).toHaveLength(2);

    // Loyalty: one survey bonus per answer.
    const earned = (await platform.stores.eventStore.readStream(`loyalty-account-${ann}`)).filter(
      (event) => event.type === 'loyalty.points-earned' && (event.data as { source: { rule?: string } }).source.rule === 'survey-answered',
    );
    expect(earned.map((event) => (event.data as { source: { reference: string } }).source.reference).sort()).toEqual(
      [csat.invitationId, sent.body.invitationId].sort(),
    );

    // The customer 360: answers on the timeline (comment opened) and the latest NPS and CSAT.
    const timeline = await platform.http.get(`/customers/${ann}/timeline`).query({ kind: 'survey' }).expect(200);
    const answered = timeline.body.items.find((item: { summary: string }) => item.summary === 'NPS answered 3 (detractor)');
    expect(answered).toMatchObject({ links: { surveyId: sent.body.invitationId }, detail: 'Nobody called me back' });
    const doc = await platform.http.get(`/customers/${ann}/360`).expect(200);
    expect(doc.body.feedback).toMatchObject({
      tracked: true,
      lastNps: { score: 3, category: 'detractor', invitationId: sent.body.invitationId },
      lastCsat: { score: 2, category: 'dissatisfied', invitationId: csat.invitationId },
    });

    expect(doc.body.churnRisk.reasons).toContain('detractor-nps-3');
    // Segments read the latest NPS category: a segment of detractors holds Ann.
    const segment = await supervisor()
      .post('/segments')
      .send({ name: 'Detractors', rules: [{ field: 'npsCategory', in: ['detractor'] }] })
      .expect(201);
    const members = await supervisor().get(`/segments/${segment.body.segmentId}/members`).expect(200);
    expect(members.body).toMatchObject({ items: [{ customerId: ann }], total: 1 });

    // Reports: the month of the NPS answer (one detractor), and the CSAT of the ticket agent-bo resolved.
    const month = (answered.at as string).slice(0, 7);
    const trend = await supervisor().get('/reports/nps-trend').query({ from: month, to: month }).expect(200);
    expect(trend.body).toMatchObject({
      period: { from: month, to: month },
      position: expect.any(Number),
      figures: {
        tracked: true,
        months: [{ month, responses: 1, detractors: 1, nps: -100, change: null }],
        period: { responses: 1, nps: -100 },
      },
    });
    const team = await supervisor().get('/reports/team-performance').expect(200);
    expect(team.body.figures.support).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agentId: 'agent-bo', teamId: 'billing', csatAnswers: 1, csatAverage: 2, csatSatisfiedRate: 0 }),
      ]),
    );

    // Access export carries the answers with their comments; erasure makes every comment unreadable.
    const exported = await platform.http.get(`/customers/${ann}/export`).expect(200);
    expect(JSON.stringify(exported.body.sections.surveys)).toContain('Nobody called me back');
    await platform.http.post(`/customers/${ann}/erasure`).expect(200);
    await settle();
    const after = await platform.http.get(`/surveys/invitations/${sent.body.invitationId}`).expect(200);
    expect(after.body).toMatchObject({ score: 3, category: 'detractor' });
    expect(JSON.stringify(after.body)).not.toContain('Nobody called me back');
    const raw = JSON.stringify((await platform.stores.eventStore.readStream(`surveys-respondent-${ann}`)).map((event) => event.data));
    expect(raw).not.toContain('Nobody called me back');
  });

  it('follows merges: the survivor is asked, fatigue counts the absorbed record, the profile combines and an undo separates', async () => {
    const register = async (first: string) => {
      const customerId = (
        await platform.http
          .post('/customers')
          .send({ name: { first }, emails: [`${first.toLowerCase()}@example.com`] })
          .expect(201)
      ).body.customerId as string;
      await platform.http
        .post(`/customers/${customerId}/consents/grants`)
        .send({ channel: 'email', purpose: 'marketing', source: 'web' })
        .expect(201);
      return customerId;
    };
    const ann = await register('Ann');
    const annie = await register('Annie');
    const nps = (customerId: string) => ({ customerId, templateId: 'nps-default', channel: 'email', purpose: 'marketing' });
    await settle();
    const first = await platform.http.post('/surveys/invitations').send(nps(annie)).expect(201);
    await settle();

    platform.clock.set('2026-03-05T08:00:00.000Z');
    const merge = await platform.http.post(`/customers/${ann}/merges`).send({ absorbedId: annie }).expect(201);
    await settle();
    // Annie was asked three days ago: Ann, who answers for her now, is not asked again within 30 days.
    const tooSoon = await platform.http.post('/surveys/invitations').send(nps(ann)).expect(409);
    expect(tooSoon.body).toMatchObject({ error: 'surveys.recontact-too-soon', details: { lastInvitedAt: '2026-03-02T08:00:00.000Z' } });
    // Asking the absorbed record asks the survivor.
    platform.clock.set('2026-04-10T08:00:00.000Z');
    const viaAbsorbed = await platform.http.post('/surveys/invitations').send(nps(annie)).expect(201);
    expect(viaAbsorbed.body.customerId).toBe(ann);
    await settle();
    const combined = await platform.http.get(`/customers/${ann}/surveys`).expect(200);
    expect(combined.body.items.map((item: { invitationId: string; customerId: string }) => [item.invitationId, item.customerId])).toEqual([
      [viaAbsorbed.body.invitationId, ann],
      [first.body.invitationId, annie],
    ]);

    await platform.http.post(`/customers/${ann}/merges/${merge.body.mergeId}/undo`).expect(200);
    await settle();
    const separated = await platform.http.get(`/customers/${ann}/surveys`).expect(200);
    expect(separated.body.items.map((item: { invitationId: string }) => item.invitationId)).toEqual([viaAbsorbed.body.invitationId]);
    const annieAlone = await platform.http.get(`/customers/${annie}/surveys`).expect(200);
    expect(annieAlone.body.items.map((item: { invitationId: string }) => item.invitationId)).toEqual([first.body.invitationId]);
  });
});
