import { everyPage, type AccessExportEntry, type AccessExportPart } from '@c360/runtime';
import type { TicketMessageDocument } from '@c360/tickets-projections';
import { Injectable } from '@nestjs/common';
import { TicketsQueries, type TicketView } from '../queries/tickets-queries.service';

const PAGE = 200;

/**
 * Tickets' section of the access export: the customer's tickets, newest first, each with its
 * conversation (replies and notes). Subjects, descriptions and bodies are opened with tickets'
 * PersonalDataProtector by TicketsQueries, as the API opens them.
 */
@Injectable()
export class TicketsAccessExport implements AccessExportPart {
  readonly section = 'tickets';

  constructor(private readonly queries: TicketsQueries) {}

  async *export(customerId: string): AsyncIterable<AccessExportEntry> {
    yield { list: 'tickets', items: this.tickets(customerId) };
  }

  private async *tickets(customerId: string): AsyncIterable<TicketView & { messages: TicketMessageDocument[] }> {
    for await (const ticket of everyPage((after) => this.queries.customerTickets(customerId, { limit: PAGE, after }))) {
      const messages: TicketMessageDocument[] = [];
      for await (const message of everyPage((after) => this.queries.messages(ticket.ticketId, { limit: PAGE, after })))
        messages.push(message);
      yield { ...ticket, messages };
    }
  }
}
