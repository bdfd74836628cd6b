import type { DocumentProjection } from '@c360/kernel';
import {
  ACTIVE_STATUSES,
  TICKET_EVENT_TYPES,
  type SlaDeadline,
  type TicketChannel,
  type TicketEvent,
  type TicketPriority,
  type TicketStatus,
} from '@c360/tickets-domain';

/** Sorts after every real instant: tickets without a running deadline come last in a queue. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export interface TicketMetrics {
  readonly firstResponseAt: string | null;
  readonly firstResponseMinutes: number | null;
  readonly firstResponseBusinessMinutes: number | null;
  readonly resolvedAt: string | null;
  readonly resolutionMinutes: number | null;
  readonly resolutionBusinessMinutes: number | null;
  readonly reopenCount: number;
  readonly warnings: number;
  readonly breaches: number;
  /** `target@cycle` of every breach. */
  readonly breached: readonly { readonly target: string; readonly breachedAt: string }[];
}

export interface TicketViewDocument {
  readonly ticketId: string;
  readonly customerId: string;
  readonly channel: TicketChannel;
  /** Sealed with the customer's key, as in the event: the query opens them (ADR 0006). */
  readonly subject: unknown;
  readonly description: unknown;
  readonly status: TicketStatus;
  /** new, open or pending: in someone's queue. */
  readonly active: boolean;
  readonly priority: TicketPriority;
  readonly category: string | null;
  readonly agentId: string | null;
  readonly teamId: string | null;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly policyId: string | null;
  readonly deadlines: readonly SlaDeadline[];
  /** The earliest running deadline, or NO_DEADLINE (queues sort by it). */
  readonly nextDeadlineAt: string;
  readonly metrics: TicketMetrics;
  readonly followUp: { readonly surveyResponseId: string; readonly score: number } | null;
  readonly mergedInto: string | null;
  readonly absorbed: readonly string[];
  readonly version: number;
}

const withStatus = (doc: TicketViewDocument, status: TicketStatus) => ({ ...doc, status, active: ACTIVE_STATUSES.includes(status) });

/** One document per ticket: the agent queue, a team's queue and a customer's tickets read it. */
export const ticketViewProjection: DocumentProjection<TicketViewDocument, TicketEvent> = {
  name: 'tickets-ticket-view',
  version: 1,
  handles: TICKET_EVENT_TYPES,
  indexes: [
    { fields: ['agentId', 'active', 'nextDeadlineAt'] },
    { fields: ['teamId', 'active', 'nextDeadlineAt'] },
    { fields: ['customerId', 'openedAt'] },
  ],
  documentIds: (event) => [event.data.ticketId],
  evolve(doc, event) {
    if (event.type === 'tickets.ticket-opened') {
      const d = event.data;
      return {
        ticketId: d.ticketId,
        customerId: d.customerId,
        channel: d.channel,
        subject: d.subject,
        description: d.description,
        status: 'new',
        active: true,
        priority: d.priority,
        category: d.category,
        agentId: null,
        teamId: null,
        openedAt: d.openedAt,
        updatedAt: d.openedAt,
        policyId: null,
        deadlines: [],
        nextDeadlineAt: NO_DEADLINE,
        metrics: {
          firstResponseAt: null,
          firstResponseMinutes: null,
          firstResponseBusinessMinutes: null,
          resolvedAt: null,
          resolutionMinutes: null,
          resolutionBusinessMinutes: null,
          reopenCount: 0,
          warnings: 0,
          breaches: 0,
          breached: [],
        },
        followUp: d.followUp ?? null,
        mergedInto: null,
        absorbed: [],
        version: event.revision,
      };
    }
    if (doc === null) return null;
    const next = { ...doc, version: event.revision, updatedAt: event.occurredAt };
    switch (event.type) {
      case 'tickets.ticket-assigned':
        return { ...next, agentId: event.data.agentId, teamId: event.data.teamId };
      case 'tickets.reply-added': {
        const first = event.data.firstResponse;
        if (!first) return next;
        return {
          ...next,
          metrics: {
            ...doc.metrics,
            firstResponseAt: event.data.repliedAt,
            firstResponseMinutes: first.minutes,
            firstResponseBusinessMinutes: first.businessMinutes,
          },
        };
      }
      case 'tickets.status-changed':
        return withStatus(next, event.data.status);
      case 'tickets.ticket-resolved': {
        const d = event.data;
        return {
          ...withStatus(next, 'resolved'),
          metrics: {
            ...doc.metrics,
            resolvedAt: d.resolvedAt,
            resolutionMinutes: d.resolutionMinutes,
            resolutionBusinessMinutes: d.resolutionBusinessMinutes,
          },
        };
      }
      case 'tickets.ticket-closed':
        return withStatus(next, 'closed');
      case 'tickets.ticket-reopened':
        return { ...withStatus(next, 'open'), metrics: { ...doc.metrics, reopenCount: event.data.reopenCount } };
      case 'tickets.priority-changed':
        return { ...next, priority: event.data.priority, category: event.data.category };
      case 'tickets.sla-policy-applied':
        return { ...next, policyId: event.data.policyId };
      case 'tickets.sla-deadlines-changed': {
        const deadlines = event.data.deadlines;
        return { ...next, deadlines, nextDeadlineAt: deadlines.map((d) => d.dueAt).sort()[0] ?? NO_DEADLINE };
      }
      case 'tickets.sla-warning-recorded':
        return { ...next, metrics: { ...doc.metrics, warnings: doc.metrics.warnings + 1 } };
      case 'tickets.sla-breached':
        return {
          ...next,
          metrics: {
            ...doc.metrics,
            breaches: doc.metrics.breaches + 1,
            breached: [...doc.metrics.breached, { target: event.data.target, breachedAt: event.data.breachedAt }],
          },
        };
      case 'tickets.ticket-merged':
        return { ...withStatus(next, 'merged'), mergedInto: event.data.intoTicketId };
      case 'tickets.ticket-absorbed':
        return { ...next, absorbed: [...doc.absorbed, event.data.sourceTicketId] };
      case 'tickets.note-added':
        return next;
    }
  },
};
