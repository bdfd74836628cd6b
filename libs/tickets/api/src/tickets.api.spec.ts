import { randomUUID } from 'node:crypto';
import { isEncryptedPersonalData } from '@c360/kernel';
import { authHeaders, type TestPlatform } from '@c360/runtime/testing';
import { ticketStream } from '@c360/tickets-domain';
import { ANN, BO, T0, badFields, openTicket, settle, ticketBody, ticketsPlatform } from './testing/tickets-test-kit';

describe('tickets API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await ticketsPlatform();
  });
  afterEach(() => platform.close());

  it('opens a ticket under the default policy of its priority, with deadlines in business time', async () => {
    const opened = await platform.http.post('/tickets').set(authHeaders('agent', 'agent-ann')).send(ticketBody()).expect(201);
    expect(opened.body).toMatchObject({
      version: 2,
      duplicate: false,
      ticket: {
        status: 'new',
        priority: 'normal',
        category: 'billing',
        policy: { policyId: 'normal', version: 1, calendarId: 'mon-fri' },
        // Monday 09:00 Oslo + 240 business minutes; resolution 1440 minutes = three working days.
        deadlines: [
          { target: 'first-response', cycle: T0, dueAt: '2026-03-02T12:00:00.000Z', warnAt: '2026-03-02T11:30:00.000Z' },
          { target: 'resolution', cycle: T0, dueAt: '2026-03-05T08:00:00.000Z', warnAt: '2026-03-05T07:30:00.000Z' },
        ],
      },
    });
  });

  it('refuses bad input with a 400 naming each field', async () => {
    const bad = await platform.http
      .post('/tickets')
      .send(ticketBody({ customerId: 'ann', channel: 'fax', subject: '', priority: 'asap', category: 'Billing!' }))
      .expect(400);
    expect(badFields(bad.body)).toEqual(['category', 'channel', 'customerId', 'priority', 'subject']);
    const id = await openTicket(platform);
    expect(badFields((await platform.http.post(`/tickets/${id}/status`).send({ status: 'resolved' }).expect(400)).body)).toEqual([
      'status',
    ]);
    expect(badFields((await platform.http.post(`/tickets/${id}/replies`).send({ body: 'x', author: 'bot' }).expect(400)).body)).toEqual([
      'author',
    ]);
    expect(badFields((await platform.http.get('/customers/not-a-uuid/tickets').expect(400)).body)).toEqual(['customerId']);
    expect(badFields((await platform.http.get(`/customers/${ANN}/tickets`).query({ after: 'nope' }).expect(400)).body)).toEqual(['after']);
    await platform.http.get(`/tickets/${randomUUID()}`).expect(404);
    await platform.http.post(`/tickets/${randomUUID()}/notes`).send({ body: 'x' }).expect(404);
  });

  it('a repeated Idempotency-Key returns the first ticket; a stale If-Match is a 409', async () => {
    const key = randomUUID();
    const first = await platform.http.post('/tickets').set('Idempotency-Key', key).send(ticketBody()).expect(201);
    const again = await platform.http.post('/tickets').set('Idempotency-Key', key).send(ticketBody()).expect(201);
    expect(again.body).toMatchObject({ ticketId: first.body.ticketId, duplicate: true, version: first.body.version });
    await platform.http.post(`/tickets/${first.body.ticketId}/notes`).set('If-Match', '0').send({ body: 'late' }).expect(409);
    await platform.http
      .post(`/tickets/${first.body.ticketId}/notes`)
      .set('If-Match', String(first.body.version))
      .send({ body: 'on time' })
      .expect(201);
  });

  it('works a ticket: assign, reply, pending, customer answer, resolve, close, reopen — with its metrics', async () => {
    const id = await openTicket(platform);
    const assigned = await platform.http.post(`/tickets/${id}/assignment`).send({ agentId: 'agent-bo', teamId: 'billing' }).expect(200);
    expect(assigned.body.ticket).toMatchObject({ status: 'open', agentId: 'agent-bo', teamId: 'billing' });
    platform.clock.advance(45 * 60_000);
    const reply = await platform.http
      .post(`/tickets/${id}/replies`)
      .set(authHeaders('agent', 'agent-bo'))
      .send({ body: 'We are on it' })
      .expect(201);
    expect(reply.body.ticket.deadlines.map((d: { target: string }) => d.target)).toEqual(['resolution']);
    platform.clock.advance(60_000);
    await platform.http
      .post(`/tickets/${id}/notes`)
      .set(authHeaders('agent', 'agent-bo'))
      .send({ body: 'Double charge confirmed in billing' })
      .expect(201);
    const pending = await platform.http.post(`/tickets/${id}/status`).send({ status: 'pending-customer' }).expect(200);
    expect(pending.body.ticket).toMatchObject({ status: 'pending-customer', deadlines: [] });
    platform.clock.advance(24 * 60 * 60_000);
    const answer = await platform.http
      .post(`/tickets/${id}/replies`)

      .send({ body: 'Thanks, here is my card', author: 'customer' })
      .expect(201);
    expect(answer.body.ticket.status).toBe('open');
    expect(answer.body.ticket.deadlines.map((d: { target: string }) => d.target)).toEqual(['resolution', 'next-update']);
    const resolved = await platform.http.post(`/tickets/${id}/resolve`).send({ resolution: 'Refunded the second charge' }).expect(200);
    expect(resolved.body.ticket).toMatchObject({ status: 'resolved', deadlines: [] });
    await platform.http.post(`/tickets/${id}/close`).expect(200);
    await platform.http.post(`/tickets/${id}/replies`).send({ body: 'x' }).expect(409);
    const reopened = await platform.http.post(`/tickets/${id}/reopen`).send({ reason: 'Charged again' }).expect(200);
    expect(reopened.body.ticket).toMatchObject({ status: 'open', reopenCount: 1 });
    await settle(platform);

    const view = await platform.http.get(`/tickets/${id}`).expect(200);
    expect(view.body).toMatchObject({
      subject: 'Invoice is wrong',
      status: 'open',
      metrics: { firstResponseMinutes: 45, firstResponseBusinessMinutes: 45, reopenCount: 1, resolutionMinutes: 24 * 60 + 46 },
    });
    const messages = await platform.http.get(`/tickets/${id}/messages`).expect(200);
    expect(messages.body.items.map((m: { kind: string; author: string; body: string }) => [m.kind, m.author, m.body])).toEqual([
      ['reply', 'agent', 'We are on it'],
      ['note', 'agent', 'Double charge confirmed in billing'],
      ['reply', 'customer', 'Thanks, here is my card'],
    ]);
    const sla = await platform.http.get(`/tickets/${id}/sla`).expect(200);
    expect(sla.body.sla.clocks.find((c: { target: string }) => c.target === 'first-response')).toMatchObject({
      state: 'met',
      elapsedMinutes: 45,
      breached: false,
    });
  });

  it('seals subjects, descriptions, replies, notes and reasons in the log with the customer’s key', async () => {
    const id = await openTicket(platform);
    await platform.http.post(`/tickets/${id}/replies`).send({ body: 'A reply' }).expect(201);
    await platform.http.post(`/tickets/${id}/notes`).send({ body: 'A note' }).expect(201);
    await platform.http.post(`/tickets/${id}/resolve`).send({ resolution: 'Fixed' }).expect(200);
    await platform.http.post(`/tickets/${id}/reopen`).send({ reason: 'Not fixed' }).expect(200);
    const stored = await platform.stores.eventStore.readStream(ticketStream(id));
    const sealed = (type: string, field: string) =>
      stored.filter((e) => e.type === type).map((e) => isEncryptedPersonalData((e.data as Record<string, unknown>)[field]));
    expect(sealed('tickets.ticket-opened', 'subject')).toEqual([true]);
    expect(sealed('tickets.ticket-opened', 'description')).toEqual([true]);
    expect(sealed('tickets.reply-added', 'body')).toEqual([true]);
    expect(sealed('tickets.note-added', 'body')).toEqual([true]);
    expect(sealed('tickets.ticket-resolved', 'resolution')).toEqual([true]);
    expect(sealed('tickets.ticket-reopened', 'reason')).toEqual([true]);
    expect(JSON.stringify(stored)).not.toMatch(/Invoice is wrong|A reply|A note|Not fixed/);
  });

  it('merges a duplicate into another ticket of the same customer, keeping both histories', async () => {
    const survivor = await openTicket(platform);
    const duplicate = await openTicket(platform, { subject: 'Charged twice (again)' });
    const other = await openTicket(platform, { customerId: BO });
    expect((await platform.http.post(`/tickets/${duplicate}/merge`).send({ intoTicketId: other }).expect(409)).body.error).toBe(
      'tickets.merge-other-customer',
    );
    expect((await platform.http.post(`/tickets/${duplicate}/merge`).send({ intoTicketId: duplicate }).expect(422)).body.error).toBe(
      'tickets.merge-into-itself',
    );
    const merged = await platform.http.post(`/tickets/${duplicate}/merge`).send({ intoTicketId: survivor }).expect(200);
    expect(merged.body).toMatchObject({ intoTicketId: survivor, ticket: { status: 'merged', mergedInto: survivor, deadlines: [] } });
    await platform.http.post(`/tickets/${duplicate}/merge`).send({ intoTicketId: survivor }).expect(200);
    await settle(platform);
    expect((await platform.http.get(`/tickets/${survivor}`).expect(200)).body.absorbed).toEqual([duplicate]);
    const mine = await platform.http.get(`/customers/${ANN}/tickets`).expect(200);
    expect(mine.body.items.map((t: { ticketId: string; status: string }) => [t.ticketId, t.status]).sort()).toEqual(
      [
        [survivor, 'new'],
        [duplicate, 'merged'],
      ].sort(),
    );
  });

  it('opens one follow-up ticket per detractor survey answer (what surveys will call)', async () => {
    const body = { customerId: ANN, surveyResponseId: 'nps-2026-03-r1', score: 2, comment: 'Nobody answered my emails' };
    const first = await platform.http.post('/tickets/follow-ups').set(authHeaders('system')).send(body).expect(201);
    expect(first.body.ticket).toMatchObject({ channel: 'survey', priority: 'high', category: 'survey-follow-up', status: 'new' });
    const again = await platform.http.post('/tickets/follow-ups').set(authHeaders('system')).send(body).expect(201);
    expect(again.body).toMatchObject({ ticketId: first.body.ticketId, duplicate: true });
    await settle(platform);
    expect((await platform.http.get(`/tickets/${first.body.ticketId}`).expect(200)).body).toMatchObject({
      description: 'Nobody answered my emails',
      followUp: { surveyResponseId: 'nps-2026-03-r1', score: 2 },
    });
    expect(
      badFields(
        (
          await platform.http
            .post('/tickets/follow-ups')
            .set(authHeaders('system'))
            .send({ ...body, score: 11 })
            .expect(400)
        ).body,
      ),
    ).toEqual(['score']);
  });
});
