import type { CommandContext } from '@c360/kernel';
import { ContextCommand } from '@c360/runtime';
import type { TicketPriority } from '@c360/tickets-domain';
import type { FollowUpInput, OpenTicketInput, TicketResult } from './ticket.service';

/** The ticket use cases as CommandBus messages: REST, GraphQL, workflows (surveys) and the CLI send the same ones. */

export class OpenTicket extends ContextCommand<TicketResult> {
  constructor(
    readonly input: OpenTicketInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

/** For surveys: a detractor's answer opens one follow-up ticket per survey response. */
export class OpenFollowUpTicket extends ContextCommand<TicketResult> {
  constructor(
    readonly input: FollowUpInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class AssignTicket extends ContextCommand<TicketResult> {
  constructor(
    readonly ticketId: string,
    readonly assignee: { readonly agentId?: string | null; readonly teamId?: string | null },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class AddTicketReply extends ContextCommand<TicketResult & { replyId: string }> {
  constructor(
    readonly ticketId: string,
    readonly input: { readonly body: string; readonly author: 'agent' | 'customer' },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class AddTicketNote extends ContextCommand<TicketResult & { noteId: string }> {
  constructor(
    readonly ticketId: string,
    readonly body: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ChangeTicketStatus extends ContextCommand<TicketResult> {
  constructor(
    readonly ticketId: string,
    readonly status: 'open' | 'pending-customer' | 'pending-close',
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ResolveTicket extends ContextCommand<TicketResult> {
  constructor(
    readonly ticketId: string,
    readonly resolution: string | undefined,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class CloseTicket extends ContextCommand<TicketResult> {
  constructor(
    readonly ticketId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ReopenTicket extends ContextCommand<TicketResult> {
  constructor(
    readonly ticketId: string,
    readonly reason: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class ChangeTicketPriority extends ContextCommand<TicketResult> {
  constructor(
    readonly ticketId: string,
    readonly change: { readonly priority?: TicketPriority; readonly category?: string | null },
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class MergeTicket extends ContextCommand<TicketResult & { intoTicketId: string }> {
  constructor(
    readonly ticketId: string,
    readonly intoTicketId: string,
    context?: CommandContext,
  ) {
    super(context);
  }
}
