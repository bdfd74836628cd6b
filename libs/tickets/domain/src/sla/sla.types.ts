import type { BusinessCalendar } from '../calendar/business-calendar';

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const SLA_TARGETS = ['first-response', 'next-update', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** The statuses a ticket passes through (`merged` is the end of a duplicate). */
export const TICKET_STATUSES = ['new', 'open', 'pending-customer', 'pending-close', 'resolved', 'closed', 'merged'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which SLA clocks count; pending states pause them, resolved/closed/merged stop them. */
export const COUNTING_STATUSES: readonly TicketStatus[] = ['new', 'open'];
/** Statuses of a ticket someone still has to work on (queues and backlogs). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending-customer', 'pending-close'];

/**
 * An SLA policy: chosen by priority (and, more specifically, by priority and category), its targets
 * counted in business minutes on a calendar. `nextUpdateMinutes` (optional) is the time an agent has to
 * answer each customer message after the first response; a warning is due `warnBeforeMinutes` of
 * business time before each deadline.
 */
export interface SlaPolicy {
  readonly policyId: string;
  readonly name: string;
  readonly priority: TicketPriority;
  readonly category: string | null;
  readonly calendarId: string;
  readonly firstResponseMinutes: number;
  readonly nextUpdateMinutes: number | null;
  readonly resolutionMinutes: number;
  readonly warnBeforeMinutes: number;
}

export interface SlaPolicyVersion extends SlaPolicy {
  /** 1 when defined, +1 on each change. */
  readonly version: number;
}

/**
 * What a ticket command needs to know about SLAs: the policies in force (the policy book at a
 * version) and the calendars they count on. The application layer loads both; the decider chooses.
 */
export interface SlaSettings {
  readonly bookVersion: number;
  readonly policies: readonly SlaPolicyVersion[];
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
}

/** A running SLA clock's deadline as the ticket's events record it. */
export interface SlaDeadline {
  readonly target: SlaTarget;
  /** When this clock started: the ticket's opening, or the customer message next-update answers. */
  readonly cycle: string;
  readonly dueAt: string;
  readonly warnAt: string;
}

/** The policy most specific to a ticket: priority and category, else priority alone; none when nothing matches. */
export function selectSlaPolicy(
  policies: readonly SlaPolicyVersion[],
  priority: TicketPriority,
  category: string | null,
): SlaPolicyVersion | undefined {
  const byPriority = policies.filter((policy) => policy.priority === priority);
  return (
    (category === null ? undefined : byPriority.find((policy) => policy.category === category)) ??
    byPriority.find((policy) => policy.category === null)
  );
}

/** The key of one target's clock (a warning or breach is recorded once per key). */
export function slaClockKey(target: SlaTarget, cycle: string): string {
  return `${target}@${cycle}`;
}
