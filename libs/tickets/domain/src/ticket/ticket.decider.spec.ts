import { foldEvents } from '@c360/kernel';
import { deciderSpec } from '@c360/kernel/testing';
import { CUSTOMER, OTHER_CUSTOMER, OTHER_TICKET, SLA, T0, TICKET, at } from '../testing/ticket-fixtures';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decider';
import type { TicketEvent } from './ticket.events';

const spec = deciderSpec(ticketDecider);
type Open = Extract<TicketCommand, { type: 'open-ticket' }>;
type Without<T> = T extends unknown ? Omit<T, 'now' | 'actorId' | 'sla'> : never;

const open = (overrides: Partial<Open> = {}): Open => ({
  type: 'open-ticket',
  ticketId: TICKET,
  customerId: CUSTOMER,
  channel: 'email',
  subject: 'Invoice is wrong',
  description: 'I was charged twice',
  priority: 'normal',
  category: 'billing',
  now: T0,
  actorId: 'agent-ann',
  sla: SLA,
  ...overrides,
});
const command = (body: Without<TicketCommand>, minutes: number, actorId = 'agent-ann'): TicketCommand =>
  ({ ...body, now: at(minutes), actorId, sla: SLA }) as TicketCommand;

/** The log after a series of commands, run through the decider itself. */
function history(...commands: TicketCommand[]): TicketEvent[] {
  const events: TicketEvent[] = [];
  for (const next of commands) events.push(...ticketDecider.decide(next, foldEvents(ticketDecider, events)));
  return events;
}
const types = (events: readonly TicketEvent[]) => events.map((event) => event.type);
const opened = () => history(open());

describe('tickets: opening and the SLA it starts', () => {
  it('opens a ticket, applies the policy of its priority and records the deadlines', () => {
    spec
      .given([])
      .when(open())
      .then([
        {
          type: 'tickets.ticket-opened',
          data: {
            ticketId: TICKET,
            customerId: CUSTOMER,
            channel: 'email',
            subject: 'Invoice is wrong',
            description: 'I was charged twice',
            priority: 'normal',
            category: 'billing',
            openedAt: T0,
            openedBy: 'agent-ann',
          },
        },
        {
          type: 'tickets.sla-policy-applied',
          data: {
            ticketId: TICKET,
            customerId: CUSTOMER,
            policyId: 'normal',
            policyVersion: 1,
            calendarId: 'mon-fri',
            bookVersion: 3,
            appliedAt: T0,
          },
        },
        {
          type: 'tickets.sla-deadlines-changed',
          data: {
            ticketId: TICKET,
            customerId: CUSTOMER,
            derivedAt: T0,
            deadlines: [
              { target: 'first-response', cycle: T0, dueAt: '2026-03-02T09:00:00.000Z', warnAt: '2026-03-02T08:45:00.000Z' },
              { target: 'resolution', cycle: T0, dueAt: '2026-03-03T08:00:00.000Z', warnAt: '2026-03-03T07:45:00.000Z' },
            ],
          },
        },
      ]);
  });

  it('chooses the policy of priority and category before the one of priority alone; none when nothing matches', () => {
    spec
      .given([])
      .when(open({ priority: 'urgent' }))
      .thenEvents((events) => expect(events[1].data).toMatchObject({ policyId: 'billing-urgent' }));
    spec
      .given([])
      .when(open({ priority: 'urgent', category: 'shipping' }))
      .thenEvents((events) => expect(events[1].data).toMatchObject({ policyId: 'urgent' }));
    spec
      .given([])
      .when(open({ priority: 'low' }))
      .thenEvents((events) => {
        expect(types(events)).toEqual(['tickets.ticket-opened', 'tickets.sla-policy-applied']);
        expect(events[1].data).toMatchObject({ policyId: null });
      });
  });

  it('refuses bad input, naming the field, and a second opening', () => {
    expect(
      spec
        .given([])
        .when(open({ subject: '  ' }))
        .thenThrows('tickets.invalid-text', 'invalid').details.field,
    ).toBe('subject');
    expect(
      spec
        .given([])
        .when(open({ category: 'Billing & stuff' }))
        .thenThrows('tickets.invalid-category').details.field,
    ).toBe('category');
    spec
      .given([])
      .when(open({ priority: 'asap' as never }))
      .thenThrows('tickets.invalid-priority');
    spec
      .given([])
      .when(open({ channel: 'fax' as never }))
      .thenThrows('tickets.invalid-channel');
    spec.given(opened()).when(open()).thenThrows('tickets.ticket-exists', 'conflict');
    spec
      .given([])
      .when(command({ type: 'add-note', noteId: 'n1', body: 'x' }, 1))
      .thenThrows('tickets.ticket-not-found', 'not-found');
  });
});

describe('tickets: assignment, replies and notes', () => {
  it('assigning a new ticket opens it; the same assignment again changes nothing; reassigning records the previous holder', () => {
    spec
      .given(opened())
      .when(command({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'billing' }, 5))
      .thenEvents((events) => {
        expect(types(events)).toEqual(['tickets.ticket-assigned', 'tickets.status-changed']);
        expect(events[1].data).toMatchObject({ status: 'open', previousStatus: 'new' });
      });
    const assigned = history(open(), command({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'billing' }, 5));
    spec
      .given(assigned)
      .when(command({ type: 'assign-ticket', agentId: 'agent-bo', teamId: 'billing' }, 6))
      .thenNothing();
    spec
      .given(assigned)
      .when(command({ type: 'assign-ticket', agentId: 'agent-cy', teamId: 'billing' }, 6))
      .thenEvents((events) =>
        expect(events).toEqual([
          expect.objectContaining({
            data: expect.objectContaining({ agentId: 'agent-cy', previousAgentId: 'agent-bo', teamId: 'billing' }),
          }),
        ]),
      );
    spec
      .given(opened())
      .when(command({ type: 'assign-ticket', agentId: null, teamId: null }, 6))
      .thenThrows('tickets.assignee-required');
  });

  it("the first agent reply meets first response and records its time; the deadline leaves the ticket's list", () => {
    spec
      .given(opened())
      .when(command({ type: 'add-reply', replyId: 'r1', author: 'agent', body: 'Looking into it' }, 40))
      .thenEvents((events) => {
        expect(types(events)).toEqual(['tickets.reply-added', 'tickets.status-changed', 'tickets.sla-deadlines-changed']);
        expect(events[0].data).toMatchObject({
          firstResponse: { minutes: 40, businessMinutes: 40 },
          authorId: 'agent-ann',
          body: 'Looking into it',
        });
        expect(events[2]).toMatchObject({ data: { deadlines: [{ target: 'resolution' }] } });
      });
  });

  it('a first response after the deadline records the breach at once, exactly once', () => {
    const late = history(open(), command({ type: 'add-reply', replyId: 'r1', author: 'agent', body: 'Sorry for the wait' }, 90));
    expect(late.filter((event) => event.type === 'tickets.sla-breached').map((event) => event.data)).toEqual([
      expect.objectContaining({ target: 'first-response', cycle: T0, breachedAt: '2026-03-02T09:00:00.000Z', recordedAt: at(90) }),
    ]);
    spec
      .given(
        history(open(), command({ type: 'record-sla-breach', target: 'first-response', cycle: T0, dueAt: '2026-03-02T09:00:00.000Z' }, 61)),
      )
      .when(command({ type: 'add-reply', replyId: 'r1', author: 'agent', body: 'Sorry' }, 90))
      .thenEvents((events) => expect(types(events)).not.toContain('tickets.sla-breached'));
  });

  it('a customer answering a pending ticket hands it back; answering a resolved one reopens it', () => {
    const pending = history(open(), command({ type: 'change-status', status: 'pending-customer' }, 10));
    expect(spec.given(pending).state()).toMatchObject({ status: 'pending-customer', deadlines: [] });
    spec
      .given(pending)
      .when(command({ type: 'add-reply', replyId: 'r2', author: 'customer', body: 'Here is the invoice' }, 60, 'customer-portal'))
      .thenEvents((events) =>
        expect(types(events)).toEqual(['tickets.reply-added', 'tickets.status-changed', 'tickets.sla-deadlines-changed']),
      );
    const resolved = history(open(), command({ type: 'resolve-ticket' }, 30));
    spec
      .given(resolved)
      .when(command({ type: 'add-reply', replyId: 'r3', author: 'customer', body: 'Still broken' }, 60))
      .thenEvents((events) => {
        expect(types(events).slice(0, 2)).toEqual(['tickets.reply-added', 'tickets.ticket-reopened']);
        expect(events[1].data).toMatchObject({ reopenCount: 1, previousStatus: 'resolved' });
      });
  });

  it('notes are internal and change no clock; a closed ticket takes no replies', () => {
    spec
      .given(opened())
      .when(command({ type: 'add-note', noteId: 'n1', body: 'Customer is a VIP' }, 3))
      .then([
        {
          type: 'tickets.note-added',
          data: { ticketId: TICKET, customerId: CUSTOMER, noteId: 'n1', authorId: 'agent-ann', body: 'Customer is a VIP', notedAt: at(3) },
        },
      ]);
    spec
      .given(history(open(), command({ type: 'resolve-ticket' }, 30), command({ type: 'close-ticket' }, 40)))
      .when(command({ type: 'add-reply', replyId: 'r1', author: 'agent', body: 'x' }, 50))
      .thenThrows('tickets.ticket-closed', 'conflict');
  });
});

describe('tickets: states', () => {
  it('pending states pause the clock: the deadline moves by the paused working time', () => {
    const events = history(
      open(),
      command({ type: 'change-status', status: 'pending-close' }, 30),
      command({ type: 'change-status', status: 'open' }, 24 * 60 + 30), // Tuesday 09:30 local
    );
    const state = foldEvents(ticketDecider, events);
    // 30 of 480 minutes counted on Monday, 450 left from Tuesday 09:30 local → Tuesday 16:00 + 60 on Wednesday.
    expect(state.status !== 'none' && state.deadlines.find((d) => d.target === 'resolution')?.dueAt).toBe('2026-03-04T08:00:00.000Z');
  });

  it('resolve → close; reopen from resolved or closed counts the reopens; wrong moves are refused', () => {
    const resolved = history(open(), command({ type: 'resolve-ticket', resolution: 'Refunded the double charge' }, 120));
    expect(resolved.find((event) => event.type === 'tickets.ticket-resolved')?.data).toMatchObject({
      resolution: 'Refunded the double charge',
      resolutionMinutes: 120,
      resolutionBusinessMinutes: 120,
      reopenCount: 0,
      priority: 'normal',
    });
    spec
      .given(resolved)
      .when(command({ type: 'close-ticket' }, 130))
      .thenEvents((events) => expect(types(events)).toEqual(['tickets.ticket-closed']));
    spec
      .given(opened())
      .when(command({ type: 'close-ticket' }, 130))
      .thenThrows('tickets.ticket-not-resolved', 'conflict');
    spec
      .given(opened())
      .when(command({ type: 'reopen-ticket', reason: 'x' }, 130))
      .thenThrows('tickets.ticket-not-resolved');
    spec
      .given(resolved)
      .when(command({ type: 'resolve-ticket' }, 130))
      .thenThrows('tickets.ticket-not-active');
    spec
      .given(resolved)
      .when(command({ type: 'change-status', status: 'open' }, 130))
      .thenThrows('tickets.ticket-not-active');
    const closed = history(open(), command({ type: 'resolve-ticket' }, 120), command({ type: 'close-ticket' }, 130));
    spec
      .given(closed)
      .when(command({ type: 'reopen-ticket', reason: 'It broke again' }, 200))
      .thenEvents((events) => {
        expect(events[0]).toMatchObject({
          type: 'tickets.ticket-reopened',
          data: { reopenCount: 1, previousStatus: 'closed', reason: 'It broke again' },
        });
        expect(types(events)).toContain('tickets.sla-deadlines-changed');
      });
  });
});

describe('tickets: priority changes and policies', () => {
  it('raising the priority re-derives the deadlines from the history: exact, even if already passed', () => {
    spec
      .given(history(open({ category: null })))
      .when(command({ type: 'change-priority', priority: 'urgent' }, 180))
      .thenEvents((events) => {
        expect(types(events)).toEqual(['tickets.priority-changed', 'tickets.sla-policy-applied', 'tickets.sla-deadlines-changed']);
        expect(events[2].data).toMatchObject({
          deadlines: [
            { target: 'first-response', dueAt: '2026-03-02T08:15:00.000Z' },
            { target: 'resolution', dueAt: '2026-03-02T10:00:00.000Z' },
          ],
        });
      });
    spec
      .given(opened())
      .when(command({ type: 'change-priority', priority: 'normal' }, 10))
      .thenNothing();
  });

  it('refresh-sla applies a newer policy book once', () => {
    const newer = {
      ...SLA,
      bookVersion: 4,
      policies: SLA.policies.map((p) => (p.policyId === 'normal' ? { ...p, resolutionMinutes: 960, version: 2 } : p)),
    };
    spec
      .given(opened())
      .when({ type: 'refresh-sla', now: at(10), actorId: 'tickets-sla-scheduler', sla: newer })
      .thenEvents((events) => {
        expect(events[0].data).toMatchObject({ policyId: 'normal', policyVersion: 2, bookVersion: 4 });
        expect(events[1].data).toMatchObject({
          deadlines: [expect.anything(), { target: 'resolution', dueAt: '2026-03-04T08:00:00.000Z' }],
        });
      });
    spec
      .given(opened())
      .when({ type: 'refresh-sla', now: at(10), actorId: 'tickets-sla-scheduler', sla: SLA })
      .thenNothing();
  });
});

describe('tickets: SLA warnings and breaches from the scheduler', () => {
  const due = { target: 'first-response' as const, cycle: T0, dueAt: '2026-03-02T09:00:00.000Z' };

  it('warns once from the warning instant, and not after the deadline', () => {
    spec
      .given(opened())
      .when(command({ type: 'record-sla-warning', ...due }, 44))
      .thenNothing();
    spec
      .given(opened())
      .when(command({ type: 'record-sla-warning', ...due }, 46))
      .thenEvents((events) => expect(events).toEqual([expect.objectContaining({ type: 'tickets.sla-warning-recorded' })]));
    spec
      .given(history(open(), command({ type: 'record-sla-warning', ...due }, 46)))
      .when(command({ type: 'record-sla-warning', ...due }, 47))
      .thenNothing();
    spec
      .given(opened())
      .when(command({ type: 'record-sla-warning', ...due }, 61))
      .thenNothing();
  });

  it('breaches once when the deadline passes; a stale deadline (re-derived since) writes nothing', () => {
    spec
      .given(opened())
      .when(command({ type: 'record-sla-breach', ...due }, 59))
      .thenNothing();
    spec
      .given(opened())
      .when(command({ type: 'record-sla-breach', ...due }, 61, 'tickets-sla-scheduler'))
      .then([
        {
          type: 'tickets.sla-breached',
          data: {
            ticketId: TICKET,
            customerId: CUSTOMER,
            agentId: null,
            teamId: null,
            target: 'first-response',
            cycle: T0,
            priority: 'normal',
            breachedAt: '2026-03-02T09:00:00.000Z',
            recordedAt: at(61),
          },
        },
      ]);
    spec
      .given(history(open(), command({ type: 'record-sla-breach', ...due }, 61)))
      .when(command({ type: 'record-sla-breach', ...due }, 62))
      .thenNothing();
    spec
      .given(opened())
      .when(command({ type: 'record-sla-breach', ...due, dueAt: '2026-03-02T08:30:00.000Z' }, 61))
      .thenNothing();
  });
});

describe('tickets: merging duplicates', () => {
  const into = { ticketId: OTHER_TICKET, customerId: CUSTOMER, status: 'open' as const };

  it('merges an active duplicate into an active ticket of the same customer; the merged one takes nothing more', () => {
    spec
      .given(opened())
      .when(command({ type: 'merge-ticket', into }, 10))
      .thenEvents((events) => {
        expect(events[0]).toMatchObject({ type: 'tickets.ticket-merged', data: { intoTicketId: OTHER_TICKET, previousStatus: 'new' } });
        expect(events[1]).toMatchObject({ type: 'tickets.sla-deadlines-changed', data: { deadlines: [] } });
      });
    const merged = history(open(), command({ type: 'merge-ticket', into }, 10));
    spec
      .given(merged)
      .when(command({ type: 'add-note', noteId: 'n', body: 'x' }, 11))
      .thenThrows('tickets.ticket-merged', 'conflict');
  });

  it('refuses merging into itself, into another customer’s ticket, or into one that is not active', () => {
    spec
      .given(opened())
      .when(command({ type: 'merge-ticket', into: { ...into, ticketId: TICKET } }, 10))
      .thenThrows('tickets.merge-into-itself');
    spec
      .given(opened())
      .when(command({ type: 'merge-ticket', into: { ...into, customerId: OTHER_CUSTOMER } }, 10))
      .thenThrows('tickets.merge-other-customer');
    spec
      .given(opened())
      .when(command({ type: 'merge-ticket', into: { ...into, status: 'closed' } }, 10))
      .thenThrows('tickets.merge-target-not-active');
    spec
      .given(opened())
      .when(command({ type: 'merge-ticket', into: { ...into, status: 'none' } }, 10))
      .thenThrows('tickets.ticket-not-found');
  });

  it('the surviving ticket records what it absorbed, once', () => {
    spec
      .given(opened())
      .when(command({ type: 'absorb-ticket', sourceTicketId: OTHER_TICKET }, 10))
      .then([
        {
          type: 'tickets.ticket-absorbed',
          data: { ticketId: TICKET, customerId: CUSTOMER, sourceTicketId: OTHER_TICKET, absorbedAt: at(10) },
        },
      ]);
    spec
      .given(history(open(), command({ type: 'absorb-ticket', sourceTicketId: OTHER_TICKET }, 10)))
      .when(command({ type: 'absorb-ticket', sourceTicketId: OTHER_TICKET }, 11))
      .thenNothing();
  });
});
