import { FakeClock } from '@c360/kernel/testing';
import { authHeaders, type TestPlatform } from '@c360/runtime/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERVISOR, T0, openTicket, settle, ticketsPlatform } from './testing/tickets-test-kit';

/** The SLA scheduler driven by the FakeClock: warnings and breaches exactly once per target, across restarts. */
describe('SLA scheduler', () => {
  let dataDir: string;
  let platform: TestPlatform;
  const start = async (at: string) => {
    platform = await ticketsPlatform({ clock: new FakeClock(at), env: { C360_DATA_DIR: dataDir } });
    return platform;
  };
  const run = async () => (await platform.http.post('/tickets/sla/scheduler/run').set(SUPERVISOR).expect(200)).body;
  const breachEvents = async (ticketId: string) =>
    (await platform.stores.eventStore.readStream(`tickets-ticket-${ticketId}`)).filter((event) => event.type === 'tickets.sla-breached');

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'c360-tickets-'));
    await start(T0);
  });
  afterEach(async () => {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('warns before the deadline and records the breach when it passes, once each, even across a restart', async () => {
    const id = await openTicket(platform); // normal: first response due 12:00Z, warning at 11:30Z
    await settle(platform);
    expect(await run()).toMatchObject({ warnings: 0, breaches: 0 });

    platform.clock.set('2026-03-02T11:31:00.000Z');
    expect(await run()).toMatchObject({ warnings: 1, breaches: 0 });
    expect(await run()).toMatchObject({ warnings: 0, breaches: 0 }); // the read model may lag: same ids, nothing new
    await settle(platform);

    platform.clock.set('2026-03-02T12:00:00.000Z');
    expect(await run()).toMatchObject({ warnings: 0, breaches: 1 });
    expect(await run()).toMatchObject({ breaches: 0 });

    // A restart on the same data: the due index and the derived command ids make a new pass repeat nothing.
    await platform.close();
    await start('2026-03-02T12:05:00.000Z');
    await settle(platform);
    expect(await run()).toMatchObject({ warnings: 0, breaches: 0, failed: 0 });
    expect(await breachEvents(id)).toHaveLength(1);
    expect((await platform.http.get(`/tickets/${id}`).expect(200)).body.metrics).toMatchObject({ warnings: 1, breaches: 1 });
  });

  it('a pending ticket has nothing due; after the customer answers, the moved deadline is the one watched', async () => {
    const id = await openTicket(platform);
    platform.clock.set('2026-03-02T09:00:00.000Z'); // 60 of 240 first-response minutes counted
    await platform.http.post(`/tickets/${id}/status`).send({ status: 'pending-customer' }).expect(200);
    await settle(platform);
    platform.clock.set('2026-03-03T13:00:00.000Z'); // past the original deadline, but paused
    expect(await run()).toMatchObject({ warnings: 0, breaches: 0 });
    await platform.http.post(`/tickets/${id}/replies`).send({ body: 'Here you go', author: 'customer' }).expect(201);
    await settle(platform);
    // Tuesday 14:00 local + 180 minutes: 120 today, 60 on Wednesday → Wednesday 09:00 local.
    expect((await platform.http.get(`/tickets/${id}`).expect(200)).body.deadlines[0]).toMatchObject({
      target: 'first-response',
      dueAt: '2026-03-04T08:00:00.000Z',
    });
    platform.clock.set('2026-03-04T08:00:00.000Z');
    expect(await run()).toMatchObject({ breaches: 1 });
  });

  it('a policy change re-derives open tickets on the next pass, once per book version', async () => {
    const id = await openTicket(platform);
    await settle(platform);
    const changed = await platform.http
      .put('/tickets/sla/policies/normal')
      .set(SUPERVISOR)
      .send({
        name: 'Normal',
        priority: 'normal',
        calendarId: 'mon-fri',
        firstResponseMinutes: 60,
        nextUpdateMinutes: 480,
        resolutionMinutes: 1440,
        warnBeforeMinutes: 30,
      })
      .expect(200);
    expect(changed.body.policies.find((p: { policyId: string }) => p.policyId === 'normal')).toMatchObject({
      version: 2,
      firstResponseMinutes: 60,
    });
    expect(await run()).toMatchObject({ refreshed: 1 });
    await settle(platform);
    expect(await run()).toMatchObject({ refreshed: 0 });
    expect((await platform.http.get(`/tickets/${id}`).expect(200)).body.deadlines[0]).toMatchObject({
      target: 'first-response',
      dueAt: '2026-03-02T09:00:00.000Z',
    });
    expect(
      (await platform.http.put('/tickets/sla/policies/normal').set(SUPERVISOR).send({ name: 'x' }).expect(400)).body.fields.map(
        (f: { field: string }) => f.field,
      ),
    ).toContain('priority');
    await platform.http
      .put('/tickets/sla/policies/normal')
      .set(authHeaders('agent'))
      .send({
        name: 'Normal',
        priority: 'normal',
        calendarId: 'mon-fri',
        firstResponseMinutes: 60,
        resolutionMinutes: 1440,
        warnBeforeMinutes: 30,
      })
      .expect(403);
    await platform.http.post('/tickets/sla/scheduler/run').expect(403);
    expect(
      (await platform.http.get('/tickets/sla/calendars').expect(200)).body.items.map((c: { calendarId: string }) => c.calendarId),
    ).toEqual(['mon-fri', 'ir-week', 'th-week', 'always']);
  });
});
