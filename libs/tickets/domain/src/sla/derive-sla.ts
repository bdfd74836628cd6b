import type { BusinessCalendar } from '../calendar/business-calendar';
import { COUNTING_STATUSES, type SlaDeadline, type SlaPolicy, type SlaTarget, type TicketStatus } from './sla.types';

/**
 * The facts of a ticket's history that SLA clocks depend on, each with its instant, in log order. The
 * ticket's state keeps them (folded from its events), so the clocks can be derived again under any
 * policy or calendar: after a priority change the deadlines are exactly what they would have been had
 * the ticket had that priority from the start.
 */
export type SlaFact =
  | { readonly kind: 'opened'; readonly at: string }
  | { readonly kind: 'status'; readonly at: string; readonly status: TicketStatus }
  | { readonly kind: 'agent-reply'; readonly at: string }
  | { readonly kind: 'customer-reply'; readonly at: string };

export type SlaClockState = 'running' | 'paused' | 'met' | 'stopped';

export interface SlaClockStatus {
  readonly target: SlaTarget;
  readonly cycle: string;
  readonly targetMinutes: number;
  /** running: counting now; paused: in a pending state; met: answered/resolved; stopped: no longer owed. */
  readonly state: SlaClockState;
  /** Business minutes counted so far (until it was met, or until `now`). */
  readonly elapsedMinutes: number;
  /** Negative when overdue. */
  readonly remainingMinutes: number;
  /** When the target is (or was) reached on the clock; null while paused, and when it never will be. */
  readonly dueAt: string | null;
  readonly warnAt: string | null;
  readonly metAt: string | null;
  /** Met late, or overdue at `now`. */
  readonly breached: boolean;
}

export interface SlaStatus {
  readonly policyId: string;
  readonly calendarId: string;
  readonly asOf: string;
  readonly clocks: readonly SlaClockStatus[];
}

const MINUTE = 60_000;
const STOPPED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed', 'merged'];

interface Clock {
  readonly target: SlaTarget;
  readonly cycle: string;
  readonly segments: (readonly [number, number])[];
  openSince: number | null;
  metAt: number | null;
  stopped: boolean;
}

function minutesOf(ms: number): number {
  return Math.round(ms / 600) / 100;
}

/**
 * Folds a ticket's SLA facts into its clocks (pure). First response and resolution count from the
 * opening; next update counts from each customer message after the first response until the next agent
 * reply. Clocks count only in `new` and `open` and only in working time; pending states pause them;
 * resolving meets the resolution target and stops the others; a reopen resumes the resolution clock
 * where it stood. `now` only dates the figures (elapsed, breached): deadlines do not depend on it.
 */
export function deriveSla(history: readonly SlaFact[], policy: SlaPolicy, calendar: BusinessCalendar, now: string): SlaStatus {
  const clocks: Clock[] = [];
  const current = (target: SlaTarget) => [...clocks].reverse().find((clock) => clock.target === target);
  const live = (clock: Clock | undefined): clock is Clock => clock !== undefined && clock.metAt === null && !clock.stopped;
  const pause = (clock: Clock, at: number) => {
    if (clock.openSince !== null) clock.segments.push([clock.openSince, at]);
    clock.openSince = null;
  };
  let status: TicketStatus = 'new';

  for (const fact of history) {
    const at = Date.parse(fact.at);
    switch (fact.kind) {
      case 'opened':
        status = 'new';
        clocks.push({ target: 'first-response', cycle: fact.at, segments: [], openSince: at, metAt: null, stopped: false });
        clocks.push({ target: 'resolution', cycle: fact.at, segments: [], openSince: at, metAt: null, stopped: false });
        break;
      case 'agent-reply':
        for (const target of ['first-response', 'next-update'] as const) {
          const clock = current(target);
          if (live(clock)) {
            pause(clock, at);
            clock.metAt = at;
          }
        }
        break;
      case 'customer-reply': {
        const first = current('first-response');
        const update = current('next-update');
        if (policy.nextUpdateMinutes !== null && first?.metAt !== null && first !== undefined && !live(update)) {
          if (!STOPPED_STATUSES.includes(status)) {
            const counting = COUNTING_STATUSES.includes(status);
            clocks.push({
              target: 'next-update',
              cycle: fact.at,
              segments: [],
              openSince: counting ? at : null,
              metAt: null,
              stopped: false,
            });
          }
        }
        break;
      }
      case 'status': {
        const counting = COUNTING_STATUSES.includes(fact.status);
        const wasStopped = STOPPED_STATUSES.includes(status);
        if (STOPPED_STATUSES.includes(fact.status)) {
          for (const clock of clocks.filter(live)) {
            pause(clock, at);
            if (clock.target === 'resolution') clock.metAt = at;
            else clock.stopped = true;
          }
        } else {
          if (wasStopped) {
            // A reopen: the resolution clock resumes with the time it had already counted.
            const resolution = current('resolution');
            if (resolution && resolution.metAt !== null) resolution.metAt = null;
          }
          for (const clock of clocks.filter(live)) {
            if (counting && clock.openSince === null) clock.openSince = at;
            if (!counting) pause(clock, at);
          }
        }
        status = fact.status;
        break;
      }
    }
  }

  const nowMs = Date.parse(now);
  const targetMinutes = (target: SlaTarget): number =>
    target === 'first-response'
      ? policy.firstResponseMinutes
      : target === 'resolution'
        ? policy.resolutionMinutes
        : (policy.nextUpdateMinutes ?? 0);

  const elapsedUntil = (clock: Clock, until: number): number =>
    clock.segments.reduce((sum, [from, to]) => sum + calendar.businessMsBetween(from, Math.min(to, until)), 0) +
    (clock.openSince === null ? 0 : calendar.businessMsBetween(clock.openSince, until));

  /** The instant the clock shows `ms` of business time: within a past segment, or ahead of a running one. */
  const instantAt = (clock: Clock, ms: number): number | null => {
    let counted = 0;
    for (const [from, to] of clock.segments) {
      const length = calendar.businessMsBetween(from, to);
      if (counted + length >= ms && length > 0) return calendar.addBusinessMs(from, ms - counted);
      counted += length;
    }
    return clock.openSince === null ? null : calendar.addBusinessMs(clock.openSince, Math.max(0, ms - counted));
  };

  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

  return {
    policyId: policy.policyId,
    calendarId: calendar.calendarId,
    asOf: now,
    clocks: clocks.map((clock): SlaClockStatus => {
      const targetMs = targetMinutes(clock.target) * MINUTE;
      const end = clock.metAt ?? nowMs;
      const elapsed = elapsedUntil(clock, end);
      const state: SlaClockState =
        clock.metAt !== null ? 'met' : clock.stopped ? 'stopped' : clock.openSince !== null ? 'running' : 'paused';
      const reachable = state === 'running' || (state !== 'stopped' && elapsed >= targetMs);
      const dueAt = reachable ? instantAt(clock, targetMs) : null;
      return {
        target: clock.target,
        cycle: clock.cycle,
        targetMinutes: targetMs / MINUTE,
        state,
        elapsedMinutes: minutesOf(elapsed),
        remainingMinutes: minutesOf(targetMs - elapsed),
        dueAt: iso(dueAt),
        warnAt: state === 'running' ? iso(instantAt(clock, Math.max(0, targetMs - policy.warnBeforeMinutes * MINUTE))) : null,
        metAt: iso(clock.metAt),
        breached: state === 'stopped' ? false : state === 'met' ? elapsed > targetMs : elapsed >= targetMs,
      };
    }),
  };
}

/** The deadlines of the clocks that are running (what queues sort by and the scheduler watches). */
export function runningDeadlines(status: SlaStatus): SlaDeadline[] {
  return status.clocks
    .filter((clock) => clock.state === 'running' && clock.dueAt !== null && clock.warnAt !== null)
    .map((clock) => ({ target: clock.target, cycle: clock.cycle, dueAt: clock.dueAt as string, warnAt: clock.warnAt as string }));
}
