import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import {
  AddTicketNote,
  AddTicketReply,
  AssignTicket,
  ChangeTicketPriority,
  ChangeTicketStatus,
  CloseTicket,
  MergeTicket,
  OpenFollowUpTicket,
  OpenTicket,
  ReopenTicket,
  ResolveTicket,
} from './ticket.commands';
import { TicketService } from './ticket.service';

@HandlesCommand(OpenTicket)
export class OpenTicketHandler implements ICommandHandler<OpenTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: OpenTicket) {
    return this.tickets.open(command.input, contextOf(command));
  }
}

@HandlesCommand(OpenFollowUpTicket)
export class OpenFollowUpTicketHandler implements ICommandHandler<OpenFollowUpTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: OpenFollowUpTicket) {
    return this.tickets.openFollowUp(command.input, contextOf(command));
  }
}

@HandlesCommand(AssignTicket)
export class AssignTicketHandler implements ICommandHandler<AssignTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: AssignTicket) {
    return this.tickets.assign(command.ticketId, command.assignee, contextOf(command));
  }
}

@HandlesCommand(AddTicketReply)
export class AddTicketReplyHandler implements ICommandHandler<AddTicketReply> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: AddTicketReply) {
    return this.tickets.reply(command.ticketId, command.input, contextOf(command));
  }
}

@HandlesCommand(AddTicketNote)
export class AddTicketNoteHandler implements ICommandHandler<AddTicketNote> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: AddTicketNote) {
    return this.tickets.note(command.ticketId, command.body, contextOf(command));
  }
}

@HandlesCommand(ChangeTicketStatus)
export class ChangeTicketStatusHandler implements ICommandHandler<ChangeTicketStatus> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: ChangeTicketStatus) {
    return this.tickets.changeStatus(command.ticketId, command.status, contextOf(command));
  }
}

@HandlesCommand(ResolveTicket)
export class ResolveTicketHandler implements ICommandHandler<ResolveTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: ResolveTicket) {
    return this.tickets.resolve(command.ticketId, command.resolution, contextOf(command));
  }
}

@HandlesCommand(CloseTicket)
export class CloseTicketHandler implements ICommandHandler<CloseTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: CloseTicket) {
    return this.tickets.close(command.ticketId, contextOf(command));
  }
}

@HandlesCommand(ReopenTicket)
export class ReopenTicketHandler implements ICommandHandler<ReopenTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: ReopenTicket) {
    return this.tickets.reopen(command.ticketId, command.reason, contextOf(command));
  }
}

@HandlesCommand(ChangeTicketPriority)
export class ChangeTicketPriorityHandler implements ICommandHandler<ChangeTicketPriority> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: ChangeTicketPriority) {
    return this.tickets.changePriority(command.ticketId, command.change, contextOf(command));
  }
}

@HandlesCommand(MergeTicket)
export class MergeTicketHandler implements ICommandHandler<MergeTicket> {
  constructor(private readonly tickets: TicketService) {}
  execute(command: MergeTicket) {
    return this.tickets.merge(command.ticketId, command.intoTicketId, contextOf(command));
  }
}

export const TICKET_COMMAND_HANDLERS = [
  OpenTicketHandler,
  OpenFollowUpTicketHandler,
  AssignTicketHandler,
  AddTicketReplyHandler,
  AddTicketNoteHandler,
  ChangeTicketStatusHandler,
  ResolveTicketHandler,
  CloseTicketHandler,
  ReopenTicketHandler,
  ChangeTicketPriorityHandler,
  MergeTicketHandler,
];
