import type { SlaFact } from '../sla/derive-sla';
import { slaClockKey, type SlaDeadline, type TicketPriority, type TicketStatus } from '../sla/sla.types';
import type { TicketChannel, TicketEvent } from './ticket.events';

export interface TicketFacts {
  readonly ticketId: string;
  readonly customerId: string;
  readonly channel: TicketChannel;
  readonly priority: TicketPriority;
  readonly category: string | null;
  readonly agentId: string | null;
  readonly teamId: string | null;
  readonly openedAt: string;
  readonly firstResponseAt: string | null;
  readonly reopenCount: number;
  /** What the SLA clocks are derived from. */
  readonly history: readonly SlaFact[];
  readonly policy: { readonly policyId: string; readonly version: number; readonly calendarId: string } | null;
  readonly bookVersion: number;
  readonly deadlines: readonly SlaDeadline[];
  /** Clock keys (`target@cycle`) already warned about / breached: each is recorded once. */
  readonly warned: readonly string[];
  readonly breached: readonly string[];
  readonly mergedInto: string | null;
  readonly absorbed: readonly string[];
}

export type TicketState = { readonly status: 'none' } | ({ readonly status: TicketStatus } & TicketFacts);
export type ExistingTicket = Exclude<TicketState, { status: 'none' }>;

export const initialTicketState: TicketState = { status: 'none' };

export function evolveTicket(state: TicketState, event: TicketEvent): TicketState {
  if (event.type === 'tickets.ticket-opened') {
    const d = event.data;
    return {
      status: 'new',
      ticketId: d.ticketId,
      customerId: d.customerId,
      channel: d.channel,
      priority: d.priority,
      category: d.category,
      agentId: null,
      teamId: null,
      openedAt: d.openedAt,
      firstResponseAt: null,
      reopenCount: 0,
      history: [{ kind: 'opened', at: d.openedAt }],
      policy: null,
      bookVersion: 0,
      deadlines: [],
      warned: [],
      breached: [],
      mergedInto: null,
      absorbed: [],
    };
  }
  if (state.status === 'none') return state;
  const status = (next: TicketStatus, at: string) => ({
    status: next,
    history: [...state.history, { kind: 'status' as const, status: next, at }],
  });
  switch (event.type) {
    case 'tickets.ticket-assigned':
      return { ...state, agentId: event.data.agentId, teamId: event.data.teamId };
    case 'tickets.reply-added': {
      const d = event.data;
      const firstResponseAt = state.firstResponseAt ?? (d.author === 'agent' ? d.repliedAt : null);
      const kind = d.author === 'agent' ? ('agent-reply' as const) : ('customer-reply' as const);
      return { ...state, firstResponseAt, history: [...state.history, { kind, at: d.repliedAt }] };
    }
    case 'tickets.status-changed':
      return { ...state, ...status(event.data.status, event.data.changedAt) };
    case 'tickets.ticket-resolved':
      return { ...state, ...status('resolved', event.data.resolvedAt) };
    case 'tickets.ticket-closed':
      return { ...state, ...status('closed', event.data.closedAt) };
    case 'tickets.ticket-reopened':
      return { ...state, ...status('open', event.data.reopenedAt), reopenCount: event.data.reopenCount };
    case 'tickets.priority-changed':
      return { ...state, priority: event.data.priority, category: event.data.category };
    case 'tickets.sla-policy-applied': {
      const d = event.data;
      const policy =
        d.policyId === null || d.policyVersion === null || d.calendarId === null
          ? null
          : { policyId: d.policyId, version: d.policyVersion, calendarId: d.calendarId };
      return { ...state, policy, bookVersion: d.bookVersion };
    }
    case 'tickets.sla-deadlines-changed':
      return { ...state, deadlines: event.data.deadlines };
    case 'tickets.sla-warning-recorded':
      return { ...state, warned: [...state.warned, slaClockKey(event.data.target, event.data.cycle)] };
    case 'tickets.sla-breached':
      return { ...state, breached: [...state.breached, slaClockKey(event.data.target, event.data.cycle)] };
    case 'tickets.ticket-merged':
      return { ...state, ...status('merged', event.data.mergedAt), mergedInto: event.data.intoTicketId };
    case 'tickets.ticket-absorbed':
      return { ...state, absorbed: [...state.absorbed, event.data.sourceTicketId] };
    case 'tickets.note-added':
      return state;
  }
}
