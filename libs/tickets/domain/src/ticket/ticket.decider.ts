import { DomainError, type Decider } from '@c360/kernel';
import { ACTIVE_STATUSES, TICKET_PRIORITIES, slaClockKey, type TicketStatus } from '../sla/sla.types';
import { requireCategory, requireText } from '../shared/ticket-values';
import type { TicketCommand } from './ticket.commands';
import { TICKET_CHANNELS, type TicketEvent } from './ticket.events';
import { followSla, slaStatusOf } from './ticket-sla';
import { evolveTicket, initialTicketState, type ExistingTicket, type TicketState } from './ticket.state';

const MINUTE = 60_000;

function requireActive(state: ExistingTicket, action: string): void {
  if (!ACTIVE_STATUSES.includes(state.status)) {
    throw new DomainError('tickets.ticket-not-active', `A ${state.status} ticket cannot ${action}`, 'conflict', { status: state.status });
  }
}

function requirePriority(priority: string): void {
  if (!(TICKET_PRIORITIES as readonly string[]).includes(priority)) {
    throw new DomainError('tickets.invalid-priority', `priority must be one of ${TICKET_PRIORITIES.join(', ')}`, 'invalid', {
      field: 'priority',
    });
  }
}

/** Whole minutes (metrics are reported to the minute; the SLA clock itself is exact). */
function minutesSince(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / MINUTE);
}

/** Business minutes a clock has counted now (null without a policy). */
function businessMinutes(state: ExistingTicket, command: TicketCommand, target: 'first-response' | 'resolution'): number | null {
  const clock = slaStatusOf(state, command.sla, command.now)?.clocks.find((candidate) => candidate.target === target);
  return clock ? Math.round(clock.elapsedMinutes) : null;
}

function decideOwn(command: TicketCommand, state: TicketState): TicketEvent[] {
  if (command.type === 'open-ticket') {
    if (state.status !== 'none') throw new DomainError('tickets.ticket-exists', 'The ticket already exists', 'conflict');
    if (!(TICKET_CHANNELS as readonly string[]).includes(command.channel)) {
      throw new DomainError('tickets.invalid-channel', `channel must be one of ${TICKET_CHANNELS.join(', ')}`, 'invalid', {
        field: 'channel',
      });
    }
    requirePriority(command.priority);
    return [
      {
        type: 'tickets.ticket-opened',
        data: {
          ticketId: command.ticketId,
          customerId: command.customerId,
          channel: command.channel,
          subject: requireText(command.subject, 'subject', 200),
          description: requireText(command.description, 'description', 20_000),
          priority: command.priority,
          category: requireCategory(command.category),
          openedAt: command.now,
          openedBy: command.actorId,
          ...(command.followUp ? { followUp: command.followUp } : {}),
        },
      },
    ];
  }
  if (state.status === 'none') throw new DomainError('tickets.ticket-not-found', 'No such ticket', 'not-found');
  if (state.status === 'merged' && command.type !== 'refresh-sla') {
    throw new DomainError('tickets.ticket-merged', `The ticket was merged into ${state.mergedInto}`, 'conflict', {
      intoTicketId: state.mergedInto,
    });
  }
  const base = { ticketId: state.ticketId, customerId: state.customerId };
  const holder = { agentId: state.agentId, teamId: state.teamId };
  const statusChange = (status: TicketStatus): TicketEvent => ({
    type: 'tickets.status-changed',
    data: { ...base, status, previousStatus: state.status, changedAt: command.now, changedBy: command.actorId },
  });

  switch (command.type) {
    case 'assign-ticket': {
      requireActive(state, 'be assigned');
      if (command.agentId === null && command.teamId === null) {
        throw new DomainError('tickets.assignee-required', 'Assign to an agent, a team, or both', 'invalid', { field: 'agentId' });
      }
      if (command.agentId === state.agentId && command.teamId === state.teamId) return [];
      const assigned: TicketEvent = {
        type: 'tickets.ticket-assigned',
        data: {
          ...base,
          agentId: command.agentId,
          teamId: command.teamId,
          previousAgentId: state.agentId,
          previousTeamId: state.teamId,
          priority: state.priority,
          assignedAt: command.now,
          assignedBy: command.actorId,
        },
      };
      return state.status === 'new' ? [assigned, statusChange('open')] : [assigned];
    }
    case 'add-reply': {
      if (state.status === 'closed')
        throw new DomainError('tickets.ticket-closed', 'A closed ticket takes no replies: reopen it first', 'conflict');
      const body = requireText(command.body, 'body', 20_000);
      const firstResponse =
        command.author === 'agent' && state.firstResponseAt === null
          ? { minutes: minutesSince(state.openedAt, command.now), businessMinutes: businessMinutes(state, command, 'first-response') }
          : null;
      const reply: TicketEvent = {
        type: 'tickets.reply-added',
        data: {
          ...base,
          ...holder,
          replyId: command.replyId,
          author: command.author,
          authorId: command.actorId,
          body,
          repliedAt: command.now,
          firstResponse,
        },
      };
      if (command.author === 'customer') {
        // The customer answering a pending ticket hands it back to the agents; answering a resolved one reopens it.
        if (state.status === 'pending-customer' || state.status === 'pending-close') return [reply, statusChange('open')];
        if (state.status === 'resolved') {
          const reopened: TicketEvent = {
            type: 'tickets.ticket-reopened',
            data: {
              ...base,
              ...holder,
              reason: 'The customer replied',
              previousStatus: state.status,
              priority: state.priority,
              reopenCount: state.reopenCount + 1,
              reopenedAt: command.now,
              reopenedBy: command.actorId,
            },
          };
          return [reply, reopened];
        }
        return [reply];
      }
      return state.status === 'new' ? [reply, statusChange('open')] : [reply];
    }
    case 'add-note':
      return [
        {
          type: 'tickets.note-added',
          data: {
            ...base,
            noteId: command.noteId,
            authorId: command.actorId,
            body: requireText(command.body, 'body', 20_000),
            notedAt: command.now,
          },
        },
      ];
    case 'change-status':
      requireActive(state, `become ${command.status}`);
      if (!['open', 'pending-customer', 'pending-close'].includes(command.status)) {
        throw new DomainError(
          'tickets.invalid-status',
          'status must be open, pending-customer or pending-close (resolve, close and reopen have their own commands)',
          'invalid',
          {
            field: 'status',
          },
        );
      }
      return command.status === state.status ? [] : [statusChange(command.status)];
    case 'resolve-ticket': {
      requireActive(state, 'be resolved');
      const resolution = command.resolution === undefined ? undefined : requireText(command.resolution, 'resolution', 5_000);
      return [
        {
          type: 'tickets.ticket-resolved',
          data: {
            ...base,
            ...holder,
            ...(resolution === undefined ? {} : { resolution }),
            previousStatus: state.status,
            resolvedAt: command.now,
            resolvedBy: command.actorId,
            channel: state.channel,
            priority: state.priority,
            category: state.category,
            resolutionMinutes: minutesSince(state.openedAt, command.now),
            resolutionBusinessMinutes: businessMinutes(state, command, 'resolution'),
            reopenCount: state.reopenCount,
          },
        },
      ];
    }
    case 'close-ticket':
      if (state.status !== 'resolved') {
        throw new DomainError(
          'tickets.ticket-not-resolved',
          `Only a resolved ticket can be closed (this one is ${state.status})`,
          'conflict',
          { status: state.status },
        );
      }
      return [{ type: 'tickets.ticket-closed', data: { ...base, closedAt: command.now, closedBy: command.actorId } }];
    case 'reopen-ticket':
      if (state.status !== 'resolved' && state.status !== 'closed') {
        throw new DomainError(
          'tickets.ticket-not-resolved',
          `Only a resolved or closed ticket can be reopened (this one is ${state.status})`,
          'conflict',
          {
            status: state.status,
          },
        );
      }
      return [
        {
          type: 'tickets.ticket-reopened',
          data: {
            ...base,
            ...holder,
            reason: requireText(command.reason, 'reason', 1_000),
            previousStatus: state.status,
            priority: state.priority,
            reopenCount: state.reopenCount + 1,
            reopenedAt: command.now,
            reopenedBy: command.actorId,
          },
        },
      ];
    case 'change-priority': {
      requireActive(state, 'change priority');
      const priority = command.priority ?? state.priority;
      requirePriority(priority);
      const category = command.category === undefined ? state.category : requireCategory(command.category);
      if (priority === state.priority && category === state.category) return [];
      return [
        {
          type: 'tickets.priority-changed',
          data: {
            ...base,
            ...holder,
            priority,
            previousPriority: state.priority,
            category,
            previousCategory: state.category,
            changedAt: command.now,
            changedBy: command.actorId,
          },
        },
      ];
    }
    case 'refresh-sla':
      return [];
    case 'merge-ticket': {
      requireActive(state, 'be merged');
      const into = command.into;
      if (into.ticketId === state.ticketId)
        throw new DomainError('tickets.merge-into-itself', 'A ticket cannot be merged into itself', 'invalid', { field: 'intoTicketId' });
      if (into.status === 'none')
        throw new DomainError('tickets.ticket-not-found', `No ticket ${into.ticketId} to merge into`, 'not-found', {
          field: 'intoTicketId',
        });
      if (!ACTIVE_STATUSES.includes(into.status)) {
        throw new DomainError(
          'tickets.merge-target-not-active',
          `Ticket ${into.ticketId} is ${into.status}: merge into an active ticket`,
          'conflict',
        );
      }
      if (into.customerId !== state.customerId) {
        throw new DomainError('tickets.merge-other-customer', 'Only tickets of the same customer are merged', 'conflict', {
          field: 'intoTicketId',
        });
      }
      return [
        {
          type: 'tickets.ticket-merged',
          data: {
            ...base,
            ...holder,
            intoTicketId: into.ticketId,
            previousStatus: state.status,
            priority: state.priority,
            mergedAt: command.now,
            mergedBy: command.actorId,
          },
        },
      ];
    }
    case 'absorb-ticket':
      requireActive(state, 'take in a merged ticket');
      if (state.absorbed.includes(command.sourceTicketId)) return [];
      return [{ type: 'tickets.ticket-absorbed', data: { ...base, sourceTicketId: command.sourceTicketId, absorbedAt: command.now } }];
    case 'record-sla-warning':
    case 'record-sla-breach': {
      // Idempotent by design: a stale or repeated request (the deadline moved, already recorded) writes nothing.
      const deadline = state.deadlines.find((d) => d.target === command.target && d.cycle === command.cycle && d.dueAt === command.dueAt);
      const key = slaClockKey(command.target, command.cycle);
      if (!deadline) return [];
      if (command.type === 'record-sla-warning') {
        if (state.warned.includes(key) || command.now < deadline.warnAt || command.now >= deadline.dueAt) return [];
        return [
          {
            type: 'tickets.sla-warning-recorded',
            data: {
              ...base,
              ...holder,
              target: command.target,
              cycle: command.cycle,
              dueAt: deadline.dueAt,
              priority: state.priority,
              warnedAt: command.now,
            },
          },
        ];
      }
      if (state.breached.includes(key) || command.now < deadline.dueAt) return [];
      return [
        {
          type: 'tickets.sla-breached',
          data: {
            ...base,
            ...holder,
            target: command.target,
            cycle: command.cycle,
            priority: state.priority,
            breachedAt: deadline.dueAt,
            recordedAt: command.now,
          },
        },
      ];
    }
  }
}

/**
 * A support ticket: opened from a channel for a customer, assigned to an agent and/or team, answered
 * with public replies and internal notes, moved through new → open → pending-customer / pending-close →
 * resolved → closed (and reopened), merged into another ticket. After every command the SLA clocks are
 * derived again from the ticket's history under the policy its priority and category choose
 * (ticket-sla.ts), so deadlines in the log are always those of the current policy.
 */
function decide(command: TicketCommand, state: TicketState): TicketEvent[] {
  const own = decideOwn(command, state);
  if (own.length === 0 && command.type !== 'refresh-sla') return own;
  return followSla(state, own, command);
}

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: initialTicketState,
  decide,
  evolve: evolveTicket,
};
