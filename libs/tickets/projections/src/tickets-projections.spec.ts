import { BusinessCalendar, CALENDAR_PRESETS, type SlaPolicyVersion, type SlaSettings, type TicketCommand } from '@c360/tickets-domain';
import { slaDueProjection } from './sla-due.projection';
import { TicketLog, foldProjection } from './testing/ticket-log';
import { NO_DEADLINE, ticketViewProjection } from './ticket-view.projection';
import { histogramMedian, workloadProjection } from './workload.projection';

const T0 = '2026-03-02T08:00:00.000Z'; // Monday 09:00 Oslo
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const calendar = new BusinessCalendar({ ...CALENDAR_PRESETS[0], holidays: [] });
const normal: SlaPolicyVersion = {
  policyId: 'normal',
  name: 'Normal',
  priority: 'normal',
  category: null,
  calendarId: 'mon-fri',
  firstResponseMinutes: 60,
  nextUpdateMinutes: null,
  resolutionMinutes: 480,
  warnBeforeMinutes: 15,
  version: 1,
};
const SLA: SlaSettings = {
  bookVersion: 1,
  policies: [
    normal,
    { ...normal, policyId: 'urgent', priority: 'urgent', firstResponseMinutes: 15, resolutionMinutes: 120, warnBeforeMinutes: 5 },
  ],
  calendars: new Map([['mon-fri', calendar]]),
};
const T = (n: number) => `0190a5c4-0000-7000-8000-00000000000${n}`;
const C = '0190a5c4-0000-7000-8000-00000000c001';
type Body = TicketCommand extends infer C ? (C extends unknown ? Omit<C, 'now' | 'actorId' | 'sla'> : never) : never;
const cmd = (body: Body, minutes: number, actorId = 'agent-ann') => ({ ...body, now: at(minutes), actorId, sla: SLA }) as TicketCommand;
const openTicket = (log: TicketLog, n: number, priority: 'normal' | 'urgent', minutes = 0) =>
  log.run(
    T(n),
    cmd(
      { type: 'open-ticket', ticketId: T(n), customerId: C, channel: 'chat', subject: 's', description: 'd', priority, category: null },
      minutes,
    ),
  );

describe('tickets projections', () => {
  it('the ticket view carries the next deadline for queues, and the metrics of the ticket', () => {
    const log = new TicketLog();
    openTicket(log, 1, 'normal');
    openTicket(log, 2, 'urgent');
    log.run(T(1), cmd({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'support' }, 1));
    log.run(T(2), cmd({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'support' }, 1));
    log.run(T(2), cmd({ type: 'add-reply', replyId: 'r', author: 'agent', body: 'hi' }, 30)); // urgent first response late: breach
    log.run(T(1), cmd({ type: 'change-status', status: 'pending-customer' }, 40));
    const views = foldProjection(ticketViewProjection, log.events);
    expect(views.get(T(2))).toMatchObject({
      status: 'open',
      active: true,
      agentId: 'agent-bo',
      nextDeadlineAt: '2026-03-02T10:00:00.000Z',
      metrics: {
        firstResponseMinutes: 30,
        firstResponseBusinessMinutes: 30,
        breaches: 1,
        breached: [{ target: 'first-response', breachedAt: at(15) }],
      },
    });
    expect(views.get(T(1))).toMatchObject({ status: 'pending-customer', active: true, nextDeadlineAt: NO_DEADLINE });
    log.run(T(2), cmd({ type: 'resolve-ticket' }, 60));
    log.run(T(2), cmd({ type: 'reopen-ticket', reason: 'again' }, 70));
    expect(foldProjection(ticketViewProjection, log.events).get(T(2))).toMatchObject({
      status: 'open',
      metrics: { reopenCount: 1, resolutionMinutes: 60 },
    });
  });

  it('team and agent workloads move a ticket between backlogs on reassignment and keep the median first response', () => {
    const log = new TicketLog();
    openTicket(log, 1, 'normal');
    openTicket(log, 2, 'urgent');
    openTicket(log, 3, 'normal');
    log.run(T(1), cmd({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'support' }, 1));
    log.run(T(2), cmd({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'support' }, 1));
    log.run(T(3), cmd({ type: 'assign-ticket', agentId: 'agent-cy', teamId: 'billing' }, 1));
    log.run(T(1), cmd({ type: 'assign-ticket', agentId: 'agent-cy', teamId: 'billing' }, 2));
    log.run(T(1), cmd({ type: 'add-reply', replyId: 'r1', author: 'agent', body: 'x' }, 10, 'agent-cy'));
    log.run(T(3), cmd({ type: 'add-reply', replyId: 'r3', author: 'agent', body: 'x' }, 40, 'agent-cy'));
    log.run(T(2), cmd({ type: 'record-sla-breach', target: 'first-response', cycle: T0, dueAt: at(15) }, 20, 'tickets-sla-scheduler'));
    log.run(T(2), cmd({ type: 'change-priority', priority: 'normal' }, 41));
    log.run(T(3), cmd({ type: 'resolve-ticket' }, 50, 'agent-cy'));
    const workload = foldProjection(workloadProjection, log.events);
    expect(workload.get('team:unassigned')).toMatchObject({ backlogTotal: 0 });
    expect(workload.get('team:support')).toMatchObject({
      backlog: { normal: 1, urgent: 0 },
      backlogTotal: 1,
      breachTotal: 1,
      breaches: { 'first-response': 1 },
    });
    expect(workload.get('team:billing')).toMatchObject({
      backlog: { normal: 1 },
      backlogTotal: 1,
      resolved: 1,
      firstResponses: 2,
      medianFirstResponseMinutes: 25,
    });
    expect(workload.get('agent:agent-cy')).toMatchObject({ backlogTotal: 1, resolved: 1, firstResponses: 2 });
    expect(workload.get('agent:agent-bo')).toMatchObject({ backlogTotal: 1 });
    expect(histogramMedian({ '5': 1, '9': 1, '40': 1 })).toBe(9);
    expect(histogramMedian({})).toBeNull();
  });

  it('the SLA due index holds the next warning or breach per ticket and forgets what was recorded', () => {
    const log = new TicketLog();
    openTicket(log, 1, 'normal');
    let due = foldProjection(slaDueProjection, log.events).get(T(1));
    expect(due).toMatchObject({ active: true, bookVersion: 1, nextDueAt: at(45) });
    expect(due?.items.map((item) => `${item.kind}:${item.target}`)).toEqual([
      'warning:first-response',
      'breach:first-response',
      'warning:resolution',
      'breach:resolution',
    ]);
    log.run(T(1), cmd({ type: 'record-sla-warning', target: 'first-response', cycle: T0, dueAt: at(60) }, 46));
    expect(foldProjection(slaDueProjection, log.events).get(T(1))?.nextDueAt).toBe(at(60));
    log.run(T(1), cmd({ type: 'record-sla-breach', target: 'first-response', cycle: T0, dueAt: at(60) }, 61));
    due = foldProjection(slaDueProjection, log.events).get(T(1));
    expect(due?.items.map((item) => `${item.kind}:${item.target}`)).toEqual(['warning:resolution', 'breach:resolution']);
    log.run(T(1), cmd({ type: 'resolve-ticket' }, 70));
    expect(foldProjection(slaDueProjection, log.events).get(T(1))).toMatchObject({ active: false, items: [] });
  });
});
