import type { SlaDeadline, SlaTarget, TicketPriority, TicketStatus } from '../sla/sla.types';

export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'portal', 'web-form', 'survey'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export type ReplyAuthor = 'agent' | 'customer';

/** Who holds a ticket when the event happened: dashboards count by it without reading other events. */
interface Holder {
  readonly agentId: string | null;
  readonly teamId: string | null;
}

/** `subject` and `description` are the customer's personal data (sealed with their key). */
export type TicketOpened = {
  readonly type: 'tickets.ticket-opened';
  readonly data: {
    readonly ticketId: string;
    readonly customerId: string;
    readonly channel: TicketChannel;
    readonly subject: string;
    readonly description: string;
    readonly priority: TicketPriority;
    readonly category: string | null;
    readonly openedAt: string;
    readonly openedBy: string;
    /** A follow-up of a survey answer (a detractor's score). */
    readonly followUp?: { readonly surveyResponseId: string; readonly score: number };
  };
};

export type TicketAssigned = {
  readonly type: 'tickets.ticket-assigned';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly previousAgentId: string | null;
    readonly previousTeamId: string | null;
    readonly priority: TicketPriority;
    readonly assignedAt: string;
    readonly assignedBy: string;
  };
};

/** A public reply; `body` is personal. `firstResponse` is set on the first reply by an agent. */
export type ReplyAdded = {
  readonly type: 'tickets.reply-added';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly replyId: string;
    readonly author: ReplyAuthor;
    readonly authorId: string;
    readonly body: string;
    readonly repliedAt: string;
    readonly firstResponse: { readonly minutes: number; readonly businessMinutes: number | null } | null;
  };
};

/** An internal note (agents only); `body` is personal. */
export type NoteAdded = {
  readonly type: 'tickets.note-added';
  readonly data: {
    readonly ticketId: string;
    readonly customerId: string;
    readonly noteId: string;
    readonly authorId: string;
    readonly body: string;
    readonly notedAt: string;
  };
};

export type TicketStatusChanged = {
  readonly type: 'tickets.status-changed';
  readonly data: {
    readonly ticketId: string;
    readonly customerId: string;
    readonly status: TicketStatus;
    readonly previousStatus: TicketStatus;
    readonly changedAt: string;
    readonly changedBy: string;
  };
};

/** `resolution` (optional free text) is personal. Metrics are wall-clock and business minutes since opening. */
export type TicketResolved = {
  readonly type: 'tickets.ticket-resolved';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly resolution?: string;
    readonly previousStatus: TicketStatus;
    readonly resolvedAt: string;
    readonly resolvedBy: string;
    readonly channel: TicketChannel;
    readonly priority: TicketPriority;
    readonly category: string | null;
    readonly resolutionMinutes: number;
    readonly resolutionBusinessMinutes: number | null;
    readonly reopenCount: number;
  };
};

export type TicketClosed = {
  readonly type: 'tickets.ticket-closed';
  readonly data: { readonly ticketId: string; readonly customerId: string; readonly closedAt: string; readonly closedBy: string };
};

/** `reason` is personal. */
export type TicketReopened = {
  readonly type: 'tickets.ticket-reopened';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly reason: string;
    readonly previousStatus: TicketStatus;
    readonly priority: TicketPriority;
    readonly reopenCount: number;
    readonly reopenedAt: string;
    readonly reopenedBy: string;
  };
};

export type TicketPriorityChanged = {
  readonly type: 'tickets.priority-changed';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly priority: TicketPriority;
    readonly previousPriority: TicketPriority;
    readonly category: string | null;
    readonly previousCategory: string | null;
    readonly changedAt: string;
    readonly changedBy: string;
  };
};

/** The SLA policy now in force for the ticket (none when no policy matches its priority). */
export type SlaPolicyApplied = {
  readonly type: 'tickets.sla-policy-applied';
  readonly data: {
    readonly ticketId: string;
    readonly customerId: string;
    readonly policyId: string | null;
    readonly policyVersion: number | null;
    readonly calendarId: string | null;
    readonly bookVersion: number;
    readonly appliedAt: string;
  };
};

/** The deadlines of the running clocks, derived again from the ticket's history (empty: nothing running). */
export type SlaDeadlinesChanged = {
  readonly type: 'tickets.sla-deadlines-changed';
  readonly data: {
    readonly ticketId: string;
    readonly customerId: string;
    readonly deadlines: readonly SlaDeadline[];
    readonly derivedAt: string;
  };
};

export type SlaWarningRecorded = {
  readonly type: 'tickets.sla-warning-recorded';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly target: SlaTarget;
    readonly cycle: string;
    readonly dueAt: string;
    readonly priority: TicketPriority;
    readonly warnedAt: string;
  };
};

/** A target passed unmet: `breachedAt` is its deadline, `recordedAt` when the breach was written. */
export type SlaBreached = {
  readonly type: 'tickets.sla-breached';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly target: SlaTarget;
    readonly cycle: string;
    readonly priority: TicketPriority;
    readonly breachedAt: string;
    readonly recordedAt: string;
  };
};

/** A duplicate merged into another ticket; its own history stays in its stream. */
export type TicketMerged = {
  readonly type: 'tickets.ticket-merged';
  readonly data: Holder & {
    readonly ticketId: string;
    readonly customerId: string;
    readonly intoTicketId: string;
    readonly previousStatus: TicketStatus;
    readonly priority: TicketPriority;
    readonly mergedAt: string;
    readonly mergedBy: string;
  };
};

export type TicketAbsorbed = {
  readonly type: 'tickets.ticket-absorbed';
  readonly data: { readonly ticketId: string; readonly customerId: string; readonly sourceTicketId: string; readonly absorbedAt: string };
};

export type TicketEvent =
  | TicketOpened
  | TicketAssigned
  | ReplyAdded
  | NoteAdded
  | TicketStatusChanged
  | TicketResolved
  | TicketClosed
  | TicketReopened
  | TicketPriorityChanged
  | SlaPolicyApplied
  | SlaDeadlinesChanged
  | SlaWarningRecorded
  | SlaBreached
  | TicketMerged
  | TicketAbsorbed;

export type TicketEventType = TicketEvent['type'];

export const TICKET_EVENT_TYPES = [
  'tickets.ticket-opened',
  'tickets.ticket-assigned',
  'tickets.reply-added',
  'tickets.note-added',
  'tickets.status-changed',
  'tickets.ticket-resolved',
  'tickets.ticket-closed',
  'tickets.ticket-reopened',
  'tickets.priority-changed',
  'tickets.sla-policy-applied',
  'tickets.sla-deadlines-changed',
  'tickets.sla-warning-recorded',
  'tickets.sla-breached',
  'tickets.ticket-merged',
  'tickets.ticket-absorbed',
] as const satisfies readonly TicketEventType[];
