import { DomainError, streamName, type AggregateType, type Decider } from '@c360/kernel';
import { SLUG } from '../shared/ticket-values';
import { TICKET_PRIORITIES, type SlaPolicy, type SlaPolicyVersion } from '../sla/sla.types';

export type SlaPolicyBookCommand =
  | {
      readonly type: 'set-sla-policy';
      readonly policy: SlaPolicy;
      readonly knownCalendars: readonly string[];
      readonly now: string;
      readonly actorId: string;
    }
  | { readonly type: 'remove-sla-policy'; readonly policyId: string; readonly now: string; readonly actorId: string };

export type SlaPolicySet = {
  readonly type: 'tickets.sla-policy-set';
  readonly data: { readonly policy: SlaPolicyVersion; readonly setAt: string; readonly setBy: string };
};
export type SlaPolicyRemoved = {
  readonly type: 'tickets.sla-policy-removed';
  readonly data: { readonly policyId: string; readonly removedAt: string; readonly removedBy: string };
};
export type SlaPolicyBookEvent = SlaPolicySet | SlaPolicyRemoved;

/** The policies in force; `bookVersion` counts the changes (tickets remember the version they were derived under). */
export interface SlaPolicyBookState {
  readonly bookVersion: number;
  readonly policies: readonly SlaPolicyVersion[];
}

/** A year of business minutes is more than any target needs. */
const MAX_MINUTES = 525_600;

function requireMinutes(value: unknown, field: string, min: number): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > MAX_MINUTES) {
    throw new DomainError(
      'tickets.invalid-sla-target',
      `${field} must be a whole number of minutes from ${min} to ${MAX_MINUTES}`,
      'invalid',
      { field },
    );
  }
}

function decide(command: SlaPolicyBookCommand, state: SlaPolicyBookState): SlaPolicyBookEvent[] {
  if (command.type === 'remove-sla-policy') {
    if (!state.policies.some((policy) => policy.policyId === command.policyId)) {
      throw new DomainError('tickets.sla-policy-not-found', `No SLA policy ${command.policyId}`, 'not-found', {
        policyId: command.policyId,
      });
    }
    return [
      { type: 'tickets.sla-policy-removed', data: { policyId: command.policyId, removedAt: command.now, removedBy: command.actorId } },
    ];
  }
  const policy = command.policy;
  if (!SLUG.test(policy.policyId))
    throw new DomainError('tickets.invalid-policy-id', 'policyId must be a slug', 'invalid', { field: 'policyId' });
  if (typeof policy.name !== 'string' || policy.name.trim().length === 0 || policy.name.length > 200) {
    throw new DomainError('tickets.invalid-text', 'name must be 1 to 200 characters', 'invalid', { field: 'name' });
  }
  if (!(TICKET_PRIORITIES as readonly string[]).includes(policy.priority)) {
    throw new DomainError('tickets.invalid-priority', `priority must be one of ${TICKET_PRIORITIES.join(', ')}`, 'invalid', {
      field: 'priority',
    });
  }
  if (policy.category !== null && !SLUG.test(policy.category)) {
    throw new DomainError('tickets.invalid-category', 'category must be a slug', 'invalid', { field: 'category' });
  }
  if (!command.knownCalendars.includes(policy.calendarId)) {
    throw new DomainError(
      'tickets.unknown-calendar',
      `No calendar ${policy.calendarId} (known: ${command.knownCalendars.join(', ')})`,
      'invalid',
      {
        field: 'calendarId',
      },
    );
  }
  requireMinutes(policy.firstResponseMinutes, 'firstResponseMinutes', 1);
  requireMinutes(policy.resolutionMinutes, 'resolutionMinutes', 1);
  if (policy.nextUpdateMinutes !== null) requireMinutes(policy.nextUpdateMinutes, 'nextUpdateMinutes', 1);
  requireMinutes(policy.warnBeforeMinutes, 'warnBeforeMinutes', 0);
  const shortest = Math.min(policy.firstResponseMinutes, policy.resolutionMinutes, policy.nextUpdateMinutes ?? Infinity);
  if (policy.warnBeforeMinutes >= shortest) {
    throw new DomainError('tickets.invalid-sla-target', `warnBeforeMinutes must be shorter than every target (${shortest})`, 'invalid', {
      field: 'warnBeforeMinutes',
    });
  }
  const clash = state.policies.find(
    (p) => p.policyId !== policy.policyId && p.priority === policy.priority && p.category === policy.category,
  );
  if (clash) {
    throw new DomainError(
      'tickets.sla-policy-clash',
      `Policy ${clash.policyId} already covers ${policy.priority}${policy.category ? `/${policy.category}` : ''}`,
      'conflict',
      {
        policyId: clash.policyId,
      },
    );
  }
  const current = state.policies.find((p) => p.policyId === policy.policyId);
  const { version: _version, ...currentFields } = current ?? { version: 0 };
  if (current && JSON.stringify(currentFields) === JSON.stringify(normalised(policy))) return [];
  return [
    {
      type: 'tickets.sla-policy-set',
      data: { policy: { ...normalised(policy), version: (current?.version ?? 0) + 1 }, setAt: command.now, setBy: command.actorId },
    },
  ];
}

/** Fields in one order, so an unchanged policy is recognised. */
function normalised(policy: SlaPolicy): SlaPolicy {
  return {
    policyId: policy.policyId,
    name: policy.name.trim(),
    priority: policy.priority,
    category: policy.category,
    calendarId: policy.calendarId,
    firstResponseMinutes: policy.firstResponseMinutes,
    nextUpdateMinutes: policy.nextUpdateMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    warnBeforeMinutes: policy.warnBeforeMinutes,
  };
}

function evolve(state: SlaPolicyBookState, event: SlaPolicyBookEvent): SlaPolicyBookState {
  const others = state.policies.filter(
    (p) => p.policyId !== (event.type === 'tickets.sla-policy-set' ? event.data.policy.policyId : event.data.policyId),
  );
  return {
    bookVersion: state.bookVersion + 1,
    policies:
      event.type === 'tickets.sla-policy-set'
        ? [...others, event.data.policy].sort((a, b) => a.policyId.localeCompare(b.policyId))
        : others,
  };
}

export const slaPolicyBookDecider: Decider<SlaPolicyBookCommand, SlaPolicyBookEvent, SlaPolicyBookState> = {
  initialState: { bookVersion: 0, policies: [] },
  decide,
  evolve,
};

/** One book for the whole context: the policies are chosen together, so they change together. */
export const SLA_POLICY_BOOK_STREAM = streamName('tickets', 'sla-policies', 'book');

export const slaPolicyBookAggregate: AggregateType<SlaPolicyBookCommand, SlaPolicyBookEvent, SlaPolicyBookState> = {
  name: 'tickets-sla-policies',
  decider: slaPolicyBookDecider,
  eventSchemas: { 'tickets.sla-policy-set': 1, 'tickets.sla-policy-removed': 1 },
};

/** Shipped policies (business minutes on the Monday–Friday calendar), set at start when the book is empty. */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [
  {
    policyId: 'urgent',
    name: 'Urgent',
    priority: 'urgent',
    category: null,
    calendarId: 'mon-fri',
    firstResponseMinutes: 30,
    nextUpdateMinutes: 60,
    resolutionMinutes: 240,
    warnBeforeMinutes: 10,
  },
  {
    policyId: 'high',
    name: 'High',
    priority: 'high',
    category: null,
    calendarId: 'mon-fri',
    firstResponseMinutes: 60,
    nextUpdateMinutes: 120,
    resolutionMinutes: 480,
    warnBeforeMinutes: 15,
  },
  {
    policyId: 'normal',
    name: 'Normal',
    priority: 'normal',
    category: null,
    calendarId: 'mon-fri',
    firstResponseMinutes: 240,
    nextUpdateMinutes: 480,
    resolutionMinutes: 1_440,
    warnBeforeMinutes: 30,
  },
  {
    policyId: 'low',
    name: 'Low',
    priority: 'low',
    category: null,
    calendarId: 'mon-fri',
    firstResponseMinutes: 480,
    nextUpdateMinutes: null,
    resolutionMinutes: 4_800,
    warnBeforeMinutes: 60,
  },
];
