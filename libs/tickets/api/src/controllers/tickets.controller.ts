import type { CommandContext } from '@c360/kernel';
import { CommandBus, QueryBus, RequestCommandContext } from '@c360/runtime';
import {
  AddTicketNote,
  AddTicketReply,
  AssignTicket,
  ChangeTicketPriority,
  ChangeTicketStatus,
  CloseTicket,
  GetTicket,
  GetTicketSla,
  ListTicketMessages,
  MergeTicket,
  OpenFollowUpTicket,
  OpenTicket,
  ReopenTicket,
  ResolveTicket,
} from '@c360/tickets-application';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  AssignTicketDto,
  FollowUpTicketDto,
  MergeDto,
  NoteDto,
  OpenTicketDto,
  PageQuery,
  PriorityDto,
  ReopenDto,
  ReplyDto,
  ResolveDto,
  StatusDto,
  TicketParams,
} from '../dto/ticket.dto';
import { writtenTicket } from './ticket-responses';

@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // roles: agent, supervisor
  @Post()
  async open(@Body() body: OpenTicketDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new OpenTicket(body, context)));
  }

  /** Surveys open one follow-up per detractor answer (the response id makes it idempotent). */
  // roles: system, supervisor
  @Post('follow-ups')
  async followUp(@Body() body: FollowUpTicketDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new OpenFollowUpTicket(body, context)));
  }

  // roles: agent, supervisor, auditor
  @Get(':ticketId')
  get(@Param() params: TicketParams) {
    return this.queries.execute(new GetTicket(params.ticketId));
  }

  /** Public replies and internal notes, oldest first. */
  // roles: agent, supervisor, auditor
  @Get(':ticketId/messages')
  messages(@Param() params: TicketParams, @Query() page: PageQuery) {
    return this.queries.execute(new ListTicketMessages(params.ticketId, { limit: page.limit, after: page.after }));
  }

  /** The SLA clocks now, derived from the ticket's history under the policy in force. */
  // roles: agent, supervisor, auditor
  @Get(':ticketId/sla')
  sla(@Param() params: TicketParams) {
    return this.queries.execute(new GetTicketSla(params.ticketId));
  }

  // roles: agent, supervisor
  @Post(':ticketId/assignment')
  @HttpCode(200)
  async assign(@Param() params: TicketParams, @Body() body: AssignTicketDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new AssignTicket(params.ticketId, body, context)));
  }

  // roles: agent, supervisor
  @Post(':ticketId/replies')
  async reply(@Param() params: TicketParams, @Body() body: ReplyDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(
      new AddTicketReply(params.ticketId, { body: body.body, author: body.author ?? 'agent' }, context),
    );
    return { ...writtenTicket(result), replyId: result.replyId };
  }

  // roles: agent, supervisor
  @Post(':ticketId/notes')
  async note(@Param() params: TicketParams, @Body() body: NoteDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new AddTicketNote(params.ticketId, body.body, context));
    return { ...writtenTicket(result), noteId: result.noteId };
  }

  // roles: agent, supervisor
  @Post(':ticketId/status')
  @HttpCode(200)
  async status(@Param() params: TicketParams, @Body() body: StatusDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ChangeTicketStatus(params.ticketId, body.status, context)));
  }

  // roles: agent, supervisor
  @Post(':ticketId/resolve')
  @HttpCode(200)
  async resolve(@Param() params: TicketParams, @Body() body: ResolveDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ResolveTicket(params.ticketId, body.resolution, context)));
  }

  // roles: agent, supervisor
  @Post(':ticketId/close')
  @HttpCode(200)
  async close(@Param() params: TicketParams, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new CloseTicket(params.ticketId, context)));
  }

  // roles: agent, supervisor
  @Post(':ticketId/reopen')
  @HttpCode(200)
  async reopen(@Param() params: TicketParams, @Body() body: ReopenDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ReopenTicket(params.ticketId, body.reason, context)));
  }

  /** Priority and/or category: the SLA deadlines are derived again from the ticket's history. */
  // roles: agent, supervisor
  @Post(':ticketId/priority')
  @HttpCode(200)
  async priority(@Param() params: TicketParams, @Body() body: PriorityDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ChangeTicketPriority(params.ticketId, body, context)));
  }

  /** Merge this (duplicate) ticket into another of the same customer; both histories are kept. */
  // roles: agent, supervisor
  @Post(':ticketId/merge')
  @HttpCode(200)
  async merge(@Param() params: TicketParams, @Body() body: MergeDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new MergeTicket(params.ticketId, body.intoTicketId, context));
    return { ...writtenTicket(result), intoTicketId: result.intoTicketId };
  }
}
