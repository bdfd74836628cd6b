import type { DocumentProjection } from '@c360/kernel';
import { slaClockKey, type SlaTarget, type TicketEvent } from '@c360/tickets-domain';
import { NO_DEADLINE } from './ticket-view.projection';

export interface SlaDueItem {
  readonly kind: 'warning' | 'breach';
  readonly target: SlaTarget;
  readonly cycle: string;
  readonly dueAt: string;
  /** When the scheduler should act: the warning instant, or the deadline. */
  readonly at: string;
}

/** What the SLA scheduler reads: per ticket, the warnings and breaches still to record, by next instant. */
export interface SlaDueDocument {
  readonly ticketId: string;
  readonly customerId: string;
  readonly active: boolean;
  /** The policy book version the ticket's deadlines were derived under. */
  readonly bookVersion: number;
  readonly items: readonly SlaDueItem[];
  readonly nextDueAt: string;
  readonly warned: readonly string[];
  readonly breached: readonly string[];
}

type DueEvent = Extract<TicketEvent, { type: (typeof DUE_EVENTS)[number] }>;
const DUE_EVENTS = [
  'tickets.ticket-opened',
  'tickets.sla-policy-applied',
  'tickets.sla-deadlines-changed',
  'tickets.sla-warning-recorded',
  'tickets.sla-breached',
  'tickets.ticket-resolved',
  'tickets.ticket-reopened',
  'tickets.ticket-closed',
  'tickets.ticket-merged',
] as const;

function withItems(doc: SlaDueDocument, items: readonly SlaDueItem[]): SlaDueDocument {
  return { ...doc, items, nextDueAt: items.map((item) => item.at).sort()[0] ?? NO_DEADLINE };
}

export const slaDueProjection: DocumentProjection<SlaDueDocument, DueEvent> = {
  name: 'tickets-sla-due',
  version: 1,
  handles: DUE_EVENTS,
  indexes: [{ fields: ['nextDueAt'] }, { fields: ['active', 'bookVersion'] }],
  documentIds: (event) => [event.data.ticketId],
  evolve(doc, event) {
    if (event.type === 'tickets.ticket-opened') {
      const d = event.data;
      return {
        ticketId: d.ticketId,
        customerId: d.customerId,
        active: true,
        bookVersion: 0,
        items: [],
        nextDueAt: NO_DEADLINE,
        warned: [],
        breached: [],
      };
    }
    if (doc === null) return null;
    switch (event.type) {
      case 'tickets.sla-policy-applied':
        return { ...doc, bookVersion: event.data.bookVersion };
      case 'tickets.sla-deadlines-changed': {
        const items: SlaDueItem[] = [];
        for (const d of event.data.deadlines) {
          const key = slaClockKey(d.target, d.cycle);
          if (doc.breached.includes(key)) continue;
          if (!doc.warned.includes(key) && d.warnAt < d.dueAt)
            items.push({ kind: 'warning', target: d.target, cycle: d.cycle, dueAt: d.dueAt, at: d.warnAt });
          items.push({ kind: 'breach', target: d.target, cycle: d.cycle, dueAt: d.dueAt, at: d.dueAt });
        }
        return withItems(doc, items);
      }
      case 'tickets.sla-warning-recorded': {
        const key = slaClockKey(event.data.target, event.data.cycle);
        const items = doc.items.filter((item) => !(item.kind === 'warning' && slaClockKey(item.target, item.cycle) === key));
        return withItems({ ...doc, warned: [...doc.warned, key] }, items);
      }
      case 'tickets.sla-breached': {
        const key = slaClockKey(event.data.target, event.data.cycle);
        const items = doc.items.filter((item) => slaClockKey(item.target, item.cycle) !== key);
        return withItems({ ...doc, breached: [...doc.breached, key] }, items);
      }
      case 'tickets.ticket-reopened':
        return { ...doc, active: true };
      case 'tickets.ticket-resolved':
      case 'tickets.ticket-closed':
      case 'tickets.ticket-merged':
        return { ...doc, active: false };
    }
  },
};
