import type { DocumentProjection } from '@c360/kernel';
import { SLA_TARGETS, TICKET_PRIORITIES, type SlaTarget, type TicketEvent, type TicketPriority } from '@c360/tickets-domain';

/** A ticket without a team counts in this team's backlog. */
export const UNASSIGNED_TEAM = 'unassigned';

/** Per team (`team:<id>`) and per agent (`agent:<id>`): backlog by priority, breaches, first-response times. */
export interface WorkloadDocument {
  readonly kind: 'team' | 'agent';
  readonly id: string;
  readonly backlog: Readonly<Record<TicketPriority, number>>;
  readonly backlogTotal: number;
  readonly resolved: number;
  readonly reopened: number;
  readonly breaches: Readonly<Record<SlaTarget, number>>;
  readonly breachTotal: number;
  readonly firstResponses: number;
  /** Business minutes (wall minutes without a policy), rounded → count: the median is exact to the minute. */
  readonly firstResponseHistogram: Readonly<Record<string, number>>;
  readonly medianFirstResponseMinutes: number | null;
  readonly resolutionBusinessMinutesTotal: number;
}

export const workloadId = (kind: 'team' | 'agent', id: string) => `${kind}:${id}`;
const teamOf = (teamId: string | null) => workloadId('team', teamId ?? UNASSIGNED_TEAM);
const agentOf = (agentId: string | null) => (agentId === null ? [] : [workloadId('agent', agentId)]);

export function emptyWorkload(documentId: string): WorkloadDocument {
  const [kind, ...rest] = documentId.split(':');
  return {
    kind: kind === 'agent' ? 'agent' : 'team',
    id: rest.join(':'),
    backlog: Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, 0])) as Record<TicketPriority, number>,
    backlogTotal: 0,
    resolved: 0,
    reopened: 0,
    breaches: Object.fromEntries(SLA_TARGETS.map((t) => [t, 0])) as Record<SlaTarget, number>,
    breachTotal: 0,
    firstResponses: 0,
    firstResponseHistogram: {},
    medianFirstResponseMinutes: null,
    resolutionBusinessMinutesTotal: 0,
  };
}

function adjust(doc: WorkloadDocument, priority: TicketPriority, by: number): WorkloadDocument {
  if (by === 0) return doc;
  return { ...doc, backlog: { ...doc.backlog, [priority]: doc.backlog[priority] + by }, backlogTotal: doc.backlogTotal + by };
}

/** The median of a histogram (the mean of the two middle values for an even count). */
export function histogramMedian(histogram: Readonly<Record<string, number>>): number | null {
  const buckets = Object.entries(histogram)
    .map(([value, count]) => [Number(value), count] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [value, count] of buckets) {
      seen += count;
      if (seen > rank) return value;
    }
    return buckets[buckets.length - 1][0];
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

type WorkloadEvent = Extract<TicketEvent, { type: (typeof WORKLOAD_EVENTS)[number] }>;
const WORKLOAD_EVENTS = [
  'tickets.ticket-opened',
  'tickets.ticket-assigned',
  'tickets.priority-changed',
  'tickets.reply-added',
  'tickets.ticket-resolved',
  'tickets.ticket-reopened',
  'tickets.ticket-merged',
  'tickets.sla-breached',
] as const;

/**
 * Team dashboards and agent metrics from the ticket events alone: each event says who held the ticket
 * and at which priority, so a reassignment moves the ticket from one backlog to the other.
 */
export const workloadProjection: DocumentProjection<WorkloadDocument, WorkloadEvent> = {
  name: 'tickets-workload',
  version: 1,
  handles: WORKLOAD_EVENTS,
  indexes: [{ fields: ['kind', 'backlogTotal'] }],
  documentIds(event) {
    switch (event.type) {
      case 'tickets.ticket-opened':
        return [teamOf(null)];
      case 'tickets.ticket-assigned': {
        const d = event.data;
        return [...new Set([teamOf(d.previousTeamId), teamOf(d.teamId), ...agentOf(d.previousAgentId), ...agentOf(d.agentId)])];
      }
      case 'tickets.reply-added':
        return event.data.firstResponse ? [teamOf(event.data.teamId), workloadId('agent', event.data.authorId)] : [];
      default:
        return [teamOf(event.data.teamId), ...agentOf(event.data.agentId)];
    }
  },
  evolve(doc, event, documentId) {
    const current = doc ?? emptyWorkload(documentId);
    switch (event.type) {
      case 'tickets.ticket-opened':
        return adjust(current, event.data.priority, 1);
      case 'tickets.ticket-assigned': {
        const d = event.data;
        const before = [teamOf(d.previousTeamId), ...agentOf(d.previousAgentId)].includes(documentId) ? 1 : 0;
        const after = [teamOf(d.teamId), ...agentOf(d.agentId)].includes(documentId) ? 1 : 0;
        return adjust(current, d.priority, after - before);
      }
      case 'tickets.priority-changed':
        return adjust(adjust(current, event.data.previousPriority, -1), event.data.priority, 1);
      case 'tickets.reply-added': {
        const first = event.data.firstResponse;
        if (!first) return current;
        const bucket = String(Math.round(first.businessMinutes ?? first.minutes));
        const firstResponseHistogram = { ...current.firstResponseHistogram, [bucket]: (current.firstResponseHistogram[bucket] ?? 0) + 1 };
        return {
          ...current,
          firstResponses: current.firstResponses + 1,
          firstResponseHistogram,
          medianFirstResponseMinutes: histogramMedian(firstResponseHistogram),
        };
      }
      case 'tickets.ticket-resolved':
        return {
          ...adjust(current, event.data.priority, -1),
          resolved: current.resolved + 1,
          resolutionBusinessMinutesTotal: current.resolutionBusinessMinutesTotal + (event.data.resolutionBusinessMinutes ?? 0),
        };
      case 'tickets.ticket-reopened':
        return { ...adjust(current, event.data.priority, 1), reopened: current.reopened + 1 };
      case 'tickets.ticket-merged':
        return adjust(current, event.data.priority, -1);
      case 'tickets.sla-breached':
        return {
          ...current,
          breaches: { ...current.breaches, [event.data.target]: current.breaches[event.data.target] + 1 },
          breachTotal: current.breachTotal + 1,
        };
    }
  },
};
