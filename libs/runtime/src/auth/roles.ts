import type { ActorRole } from '@c360/kernel';

/**
 * The roles a person or a machine client can be given (ADR 0011). Partners authenticate with their own
 * partner key on the partner API; members (customers themselves) come later.
 */
export const ROLES = ['agent', 'supervisor', 'auditor', 'admin', 'system'] as const satisfies readonly ActorRole[];
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The vocabulary of the role table: routes declare one of these (or a narrower list) with `@Roles(...)`.
 * Named groups keep the table readable and make a change of policy one line.
 */
export const ACCESS = {
  /** Reading customer data: front-line staff and auditors. */
  read: ['agent', 'supervisor', 'auditor'],
  /** Day-to-day commands on customers, deals and accounts. */
  work: ['agent', 'supervisor'],
  /** Commands that the platform's own jobs and machine clients also send (order feeds, survey answers). */
  feed: ['agent', 'supervisor', 'system'],
  /** Configuration and decisions that need a supervisor (programme rules, adjustments, fraud review). */
  manage: ['supervisor'],
  /** Reports and review queues: supervisors and auditors. */
  oversee: ['supervisor', 'auditor'],
  /** Time-driven jobs run by the scheduler, or by a supervisor by hand. */
  jobs: ['supervisor', 'system'],
  /** The platform itself: credentials, processors. */
  administer: ['admin'],
  /** Scraping the platform's own metrics: operators, and a monitoring client's machine key. */
  monitor: ['admin', 'system'],
} as const satisfies Record<string, readonly Role[]>;
