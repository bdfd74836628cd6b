import { authHeaders, type TestPlatform } from '@c360/runtime/testing';
import { ANN, BO, MINUTE, openTicket, settle, ticketsPlatform } from './testing/tickets-test-kit';

describe('tickets queues and dashboards API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await ticketsPlatform();
  });
  afterEach(() => platform.close());

  it("an agent's queue lists their open tickets by next deadline, paused ones last, page by page", async () => {
    const normal = await openTicket(platform);
    const urgent = await openTicket(platform, { priority: 'urgent' });
    const paused = await openTicket(platform, { priority: 'high' });
    const other = await openTicket(platform, { customerId: BO });
    for (const id of [normal, urgent, paused])
      await platform.http.post(`/tickets/${id}/assignment`).send({ agentId: 'agent-bo', teamId: 'billing' }).expect(200);
    await platform.http.post(`/tickets/${other}/assignment`).send({ agentId: 'agent-cy', teamId: 'billing' }).expect(200);
    await platform.http.post(`/tickets/${paused}/status`).send({ status: 'pending-customer' }).expect(200);
    await settle(platform);

    const first = await platform.http.get('/tickets/queues/agents/agent-bo').query({ limit: 2 }).expect(200);
    expect(first.body.items.map((t: { ticketId: string }) => t.ticketId)).toEqual([urgent, normal]);
    expect(first.body.items[0]).toMatchObject({ subject: 'Invoice is wrong', nextDeadlineAt: '2026-03-02T08:30:00.000Z' });
    const second = await platform.http.get('/tickets/queues/agents/agent-bo').query({ limit: 2, after: first.body.nextCursor }).expect(200);
    expect(second.body).toMatchObject({ items: [{ ticketId: paused, nextDeadlineAt: null }], nextCursor: null });
    const team = await platform.http.get('/tickets/queues/teams/billing').expect(200);
    expect(team.body.items).toHaveLength(4);
  });

  it('a team dashboard shows backlog by priority, breaches and the median first response; agents their own metrics', async () => {
    const a = await openTicket(platform);
    const b = await openTicket(platform);
    const c = await openTicket(platform, { priority: 'urgent' });
    for (const id of [a, b, c])
      await platform.http.post(`/tickets/${id}/assignment`).send({ agentId: 'agent-bo', teamId: 'billing' }).expect(200);
    platform.clock.advance(20 * MINUTE);
    await platform.http.post(`/tickets/${a}/replies`).set(authHeaders('agent', 'agent-bo')).send({ body: 'On it' }).expect(201);
    platform.clock.advance(20 * MINUTE);
    await platform.http.post(`/tickets/${b}/replies`).set(authHeaders('agent', 'agent-bo')).send({ body: 'On it' }).expect(201);
    // The urgent one (30 minutes to first response) is answered after 60: its breach is recorded with the reply.
    platform.clock.advance(20 * MINUTE);
    await platform.http.post(`/tickets/${c}/replies`).set(authHeaders('agent', 'agent-bo')).send({ body: 'Sorry' }).expect(201);
    await platform.http.post(`/tickets/${a}/resolve`).send({}).expect(200);
    await settle(platform);

    const dashboard = await platform.http.get('/tickets/teams/billing/dashboard').expect(200);
    expect(dashboard.body).toMatchObject({
      kind: 'team',
      id: 'billing',
      backlog: { low: 0, normal: 1, high: 0, urgent: 1 },
      backlogTotal: 2,
      resolved: 1,
      breaches: { 'first-response': 1 },
      breachTotal: 1,
      firstResponses: 3,
      medianFirstResponseMinutes: 40,
    });
    expect((await platform.http.get('/tickets/agents/agent-bo/metrics').expect(200)).body).toMatchObject({
      kind: 'agent',
      backlogTotal: 2,
      resolved: 1,
      breachTotal: 1,
    });
    expect((await platform.http.get('/tickets/teams/nobody/dashboard').expect(200)).body).toMatchObject({
      backlogTotal: 0,
      medianFirstResponseMinutes: null,
    });
    expect((await platform.http.get('/tickets/teams').expect(200)).body.items.map((t: { id: string }) => t.id)).toEqual([
      'billing',
      'unassigned',
    ]);
    expect((await platform.http.get(`/tickets/${c}`).expect(200)).body.metrics).toMatchObject({
      breaches: 1,
      breached: [{ target: 'first-response', breachedAt: '2026-03-02T08:30:00.000Z' }],
    });
  });

  it("a customer's tickets, newest first, with cursor pagination", async () => {
    const older = await openTicket(platform);
    platform.clock.advance(MINUTE);
    const newer = await openTicket(platform);
    await openTicket(platform, { customerId: BO });
    await settle(platform);
    const page = await platform.http.get(`/customers/${ANN}/tickets`).query({ limit: 1 }).expect(200);
    expect(page.body.items.map((t: { ticketId: string }) => t.ticketId)).toEqual([newer]);
    const next = await platform.http.get(`/customers/${ANN}/tickets`).query({ limit: 1, after: page.body.nextCursor }).expect(200);
    expect(next.body).toMatchObject({ items: [{ ticketId: older }], nextCursor: null });
  });
});
