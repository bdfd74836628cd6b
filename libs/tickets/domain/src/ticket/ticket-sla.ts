import { DomainError } from '@c360/kernel';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { deriveSla, runningDeadlines, type SlaStatus } from '../sla/derive-sla';
import { selectSlaPolicy, slaClockKey, type SlaDeadline, type SlaPolicyVersion, type SlaSettings } from '../sla/sla.types';
import type { TicketCommand } from './ticket.commands';
import type { TicketEvent } from './ticket.events';
import { evolveTicket, type ExistingTicket, type TicketState } from './ticket.state';

export interface ResolvedSla {
  readonly policy: SlaPolicyVersion;
  readonly calendar: BusinessCalendar;
}

/** The policy (and its calendar) the settings choose for the ticket's priority and category. */
export function resolveSla(ticket: Pick<ExistingTicket, 'priority' | 'category'>, settings: SlaSettings): ResolvedSla | null {
  const policy = selectSlaPolicy(settings.policies, ticket.priority, ticket.category);
  if (!policy) return null;
  const calendar = settings.calendars.get(policy.calendarId);
  if (!calendar) {
    throw new DomainError(
      'tickets.unknown-calendar',
      `SLA policy ${policy.policyId} counts on calendar ${policy.calendarId}, which is not loaded`,
      'invalid',
      {
        policyId: policy.policyId,
        calendarId: policy.calendarId,
      },
    );
  }
  return { policy, calendar };
}

/** The ticket's SLA clocks now, under the policy in force (null: no policy applies). */
export function slaStatusOf(ticket: ExistingTicket, settings: SlaSettings, now: string): SlaStatus | null {
  const sla = resolveSla(ticket, settings);
  return sla ? deriveSla(ticket.history, sla.policy, sla.calendar, now) : null;
}

function sameDeadlines(a: readonly SlaDeadline[], b: readonly SlaDeadline[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.target === b[i].target && x.cycle === b[i].cycle && x.dueAt === b[i].dueAt && x.warnAt === b[i].warnAt)
  );
}

/**
 * After a command's own events: apply the policy its priority and category now choose, derive the
 * deadlines again from the whole history, and record a breach for a target this command met late
 * (when the scheduler had not yet). A closed or merged ticket has no deadlines left.
 */
export function followSla(before: TicketState, events: readonly TicketEvent[], command: TicketCommand): TicketEvent[] {
  let after = events.reduce(evolveTicket, before);
  if (after.status === 'none') return [...events];
  const out = [...events];
  const base = { ticketId: after.ticketId, customerId: after.customerId };
  const ended = after.status === 'closed' || after.status === 'merged';
  const sla = ended ? null : resolveSla(after, command.sla);

  const applied = sla ? { policyId: sla.policy.policyId, version: sla.policy.version, calendarId: sla.policy.calendarId } : null;
  const policyChanged = applied?.policyId !== after.policy?.policyId || applied?.version !== after.policy?.version;
  const refreshed = command.type === 'refresh-sla' && command.sla.bookVersion > after.bookVersion;
  if (!ended && (policyChanged || refreshed || command.type === 'open-ticket')) {
    const event: TicketEvent = {
      type: 'tickets.sla-policy-applied',
      data: {
        ...base,
        policyId: applied?.policyId ?? null,
        policyVersion: applied?.version ?? null,
        calendarId: applied?.calendarId ?? null,
        bookVersion: command.sla.bookVersion,
        appliedAt: command.now,
      },
    };
    out.push(event);
    after = evolveTicket(after, event);
    if (after.status === 'none') return out;
  }

  const status = sla ? deriveSla(after.history, sla.policy, sla.calendar, command.now) : null;
  const deadlines = status ? runningDeadlines(status) : [];
  if (!sameDeadlines(deadlines, after.deadlines)) {
    out.push({ type: 'tickets.sla-deadlines-changed', data: { ...base, deadlines, derivedAt: command.now } });
  }
  for (const clock of status?.clocks ?? []) {
    const key = slaClockKey(clock.target, clock.cycle);
    if (clock.state === 'met' && clock.breached && clock.metAt === command.now && clock.dueAt !== null && !after.breached.includes(key)) {
      out.push({
        type: 'tickets.sla-breached',
        data: {
          ...base,
          target: clock.target,
          cycle: clock.cycle,
          priority: after.priority,
          agentId: after.agentId,
          teamId: after.teamId,
          breachedAt: clock.dueAt,
          recordedAt: command.now,
        },
      });
    }
  }
  return out;
}
