import { DomainError, PersonalDataProtector, type DocumentStore } from '@c360/kernel';
import { DOCUMENT_STORE } from '@c360/runtime';
import {
  NO_DEADLINE,
  TICKETS_COLLECTIONS,
  emptyWorkload,
  workloadId,
  type TicketMessageDocument,
  type TicketViewDocument,
  type WorkloadDocument,
} from '@c360/tickets-projections';
import { Inject, Injectable } from '@nestjs/common';
import { findPage, plain, type PageRequest, type PageResponse } from './paging';

/** A ticket as queries answer it: subject and description opened, the "no deadline" sentinel as null. */
export type TicketView = Omit<TicketViewDocument, 'nextDeadlineAt'> & { readonly nextDeadlineAt: string | null };

/** Reads the tickets read models (never the log); personal fields are opened per request. */
@Injectable()
export class TicketsQueries {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly protector: PersonalDataProtector,
  ) {}

  async ticket(ticketId: string): Promise<TicketView> {
    const doc = await this.documents.get<TicketViewDocument>(TICKETS_COLLECTIONS.tickets, ticketId);
    if (!doc) throw new DomainError('tickets.ticket-not-found', `No ticket ${ticketId}`, 'not-found', { ticketId });
    return this.view(plain(doc));
  }

  /** An agent's queue: their tickets still to work on, the nearest deadline first (paused ones last). */
  agentQueue(agentId: string, page: PageRequest): Promise<PageResponse<TicketView>> {
    return this.tickets({ agentId, active: true }, { field: 'nextDeadlineAt', direction: 'asc' }, page);
  }

  teamQueue(teamId: string, page: PageRequest): Promise<PageResponse<TicketView>> {
    return this.tickets({ teamId, active: true }, { field: 'nextDeadlineAt', direction: 'asc' }, page);
  }

  /** A customer's tickets, newest first (merged duplicates included: their history is kept). */
  customerTickets(customerId: string, page: PageRequest): Promise<PageResponse<TicketView>> {
    return this.tickets({ customerId }, { field: 'openedAt', direction: 'desc' }, page);
  }

  async messages(ticketId: string, page: PageRequest): Promise<PageResponse<TicketMessageDocument>> {
    await this.ticket(ticketId);
    const found = await findPage<TicketMessageDocument>(
      this.documents,
      TICKETS_COLLECTIONS.messages,
      { ticketId },
      { field: 'at', direction: 'asc' },
      page,
    );
    const items: TicketMessageDocument[] = [];
    for (const item of found.items) items.push({ ...item, body: await this.protector.revealValue(item.body) });
    return { items, nextCursor: found.nextCursor };
  }

  teamDashboard(teamId: string): Promise<WorkloadDocument> {
    return this.workload('team', teamId);
  }

  agentMetrics(agentId: string): Promise<WorkloadDocument> {
    return this.workload('agent', agentId);
  }

  /** Teams with the largest backlog first. */
  teams(page: PageRequest): Promise<PageResponse<WorkloadDocument>> {
    return findPage<WorkloadDocument>(
      this.documents,
      TICKETS_COLLECTIONS.workload,
      { kind: 'team' },
      { field: 'backlogTotal', direction: 'desc' },
      page,
    );
  }

  private async workload(kind: 'team' | 'agent', id: string): Promise<WorkloadDocument> {
    const documentId = workloadId(kind, id);
    const doc = await this.documents.get<WorkloadDocument>(TICKETS_COLLECTIONS.workload, documentId);
    // Nobody has worked a ticket there yet: the figures of an empty backlog.
    return doc ? plain(doc) : emptyWorkload(documentId);
  }

  private async tickets(
    filter: Record<string, string | boolean>,
    sort: { field: string; direction: 'asc' | 'desc' },
    page: PageRequest,
  ): Promise<PageResponse<TicketView>> {
    const found = await findPage<TicketViewDocument>(this.documents, TICKETS_COLLECTIONS.tickets, filter, sort, page);
    const items: TicketView[] = [];
    for (const item of found.items) items.push(await this.view(item));
    return { items, nextCursor: found.nextCursor };
  }

  private async view(doc: TicketViewDocument): Promise<TicketView> {
    return {
      ...doc,
      subject: await this.protector.revealValue(doc.subject),
      description: await this.protector.revealValue(doc.description),
      nextDeadlineAt: doc.nextDeadlineAt === NO_DEADLINE ? null : doc.nextDeadlineAt,
    };
  }
}
