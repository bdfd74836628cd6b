import type { CommandContext } from '@c360/kernel';
import { ACCESS, CommandBus, QueryBus, RequestCommandContext, Roles } from '@c360/runtime';
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
import { ApiOperation } from '@nestjs/swagger';
import {
  AssignTicketDto,
  FollowUpTicketDto,
  MergeTicketDto,
  NoteDto,
  OpenTicketDto,
  TicketsPageQuery,
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

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Open' })
  @Post()
  async open(@Body() body: OpenTicketDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new OpenTicket(body, context)));
  }

  /** Surveys open one follow-up per detractor answer (the response id makes it idempotent). */
  @Roles(...ACCESS.jobs)
  @ApiOperation({ summary: 'Surveys open one follow-up per detractor answer (the response id makes it idempotent)' })
  @Post('follow-ups')
  async followUp(@Body() body: FollowUpTicketDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new OpenFollowUpTicket(body, context)));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Get' })
  @Get(':ticketId')
  get(@Param() params: TicketParams) {
    return this.queries.execute(new GetTicket(params.ticketId));
  }

  /** Public replies and internal notes, oldest first. */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Public replies and internal notes, oldest first' })
  @Get(':ticketId/messages')
  messages(@Param() params: TicketParams, @Query() page: TicketsPageQuery) {
    return this.queries.execute(new ListTicketMessages(params.ticketId, { limit: page.limit, after: page.after }));
  }

  /** The SLA clocks now, derived from the ticket's history under the policy in force. */
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: "The SLA clocks now, derived from the ticket's history under the policy in force" })
  @Get(':ticketId/sla')
  sla(@Param() params: TicketParams) {
    return this.queries.execute(new GetTicketSla(params.ticketId));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Assign' })
  @Post(':ticketId/assignment')
  @HttpCode(200)
  async assign(@Param() params: TicketParams, @Body() body: AssignTicketDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new AssignTicket(params.ticketId, body, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Reply' })
  @Post(':ticketId/replies')
  async reply(@Param() params: TicketParams, @Body() body: ReplyDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(
      new AddTicketReply(params.ticketId, { body: body.body, author: body.author ?? 'agent' }, context),
    );
    return { ...writtenTicket(result), replyId: result.replyId };
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Note' })
  @Post(':ticketId/notes')
  async note(@Param() params: TicketParams, @Body() body: NoteDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new AddTicketNote(params.ticketId, body.body, context));
    return { ...writtenTicket(result), noteId: result.noteId };
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Status' })
  @Post(':ticketId/status')
  @HttpCode(200)
  async status(@Param() params: TicketParams, @Body() body: StatusDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ChangeTicketStatus(params.ticketId, body.status, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Resolve' })
  @Post(':ticketId/resolve')
  @HttpCode(200)
  async resolve(@Param() params: TicketParams, @Body() body: ResolveDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ResolveTicket(params.ticketId, body.resolution, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Close' })
  @Post(':ticketId/close')
  @HttpCode(200)
  async close(@Param() params: TicketParams, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new CloseTicket(params.ticketId, context)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Reopen' })
  @Post(':ticketId/reopen')
  @HttpCode(200)
  async reopen(@Param() params: TicketParams, @Body() body: ReopenDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ReopenTicket(params.ticketId, body.reason, context)));
  }

  /** Priority and/or category: the SLA deadlines are derived again from the ticket's history. */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "Priority and/or category: the SLA deadlines are derived again from the ticket's history" })
  @Post(':ticketId/priority')
  @HttpCode(200)
  async priority(@Param() params: TicketParams, @Body() body: PriorityDto, @RequestCommandContext() context: CommandContext) {
    return writtenTicket(await this.commands.execute(new ChangeTicketPriority(params.ticketId, body, context)));
  }

  /** Merge this (duplicate) ticket into another of the same customer; both histories are kept. */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Merge this (duplicate) ticket into another of the same customer; both histories are kept' })
  @Post(':ticketId/merge')
  @HttpCode(200)
  async merge(@Param() params: TicketParams, @Body() body: MergeTicketDto, @RequestCommandContext() context: CommandContext) {
    const result = await this.commands.execute(new MergeTicket(params.ticketId, body.intoTicketId, context));
    return { ...writtenTicket(result), intoTicketId: result.intoTicketId };
  }
}
