import { DomainError, PersonalDataProtector, type Clock, type DocumentStore } from '@c360/kernel';
import {
  CUSTOMER_DEALS,
  CUSTOMER_DEALS_COLLECTION,
  CUSTOMER_FACTS,
  CUSTOMER_FACTS_COLLECTION,
  CUSTOMER_TICKETS,
  CUSTOMER_TICKETS_COLLECTION,
  type CustomerDealDocument,
  type CustomerFactsDocument,
  type CustomerTicketDocument,
  customer360AliasesProjection,
} from '@c360/customer360-projections';
import { CLOCK, DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerResolver } from '../shared/customer-resolver';
import { ReadPosition } from '../shared/read-position';
import { TICKETS_ACTIVE_STATUSES } from '@c360/tickets-contracts';
import { revealText } from '../shared/reveal-text';
import { combineFacts } from './combined-facts';
import { customer360View, type Customer360View } from './customer-360.view';
import { RfmScales } from './rfm-scale.service';
import { openTicketAt } from './ticket-sla';

const OPEN_DEALS_SHOWN = 50;
const OPEN_TICKETS_SHOWN = 50;

/** The projections this reader reads (through the resolver too): all a past view needs folded. */
export const CUSTOMER_360_VIEW_SOURCES: readonly string[] = [
  CUSTOMER_FACTS.name,
  CUSTOMER_DEALS.name,
  CUSTOMER_TICKETS.name,
  customer360AliasesProjection.name,
];

/** Assembles the 360 document of a customer (following merges) from the context's read models, as of now. */
@Injectable()
export class Customer360Reader {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly resolver: CustomerResolver,
    private readonly protector: PersonalDataProtector,
    private readonly scales: RfmScales,
    private readonly position: ReadPosition,
  ) {}

  async view(customerId: string): Promise<Customer360View> {
    const customer = await this.resolver.resolve(customerId);
    const ids = customer.customerIds;
    const docs = await this.documents.getMany<CustomerFactsDocument>(CUSTOMER_FACTS_COLLECTION, ids);
    if (docs.length === 0)
      throw new DomainError('customer360.customer-not-found', `No customer ${customerId}`, 'not-found', { customerId });
    // A one-value range keeps the embedded store on the (customerId, status) index (see TimelineReader).
    const openFilter = { customerId: ids.length === 1 ? { $gte: ids[0], $lte: ids[0] } : { $in: ids }, status: 'open' };
    const ticketFilter = { customerId: openFilter.customerId, status: { $in: [...TICKETS_ACTIVE_STATUSES] } };
    const [deals, openDealCount, tickets, openTicketCount, scale, position] = await Promise.all([
      this.documents.find<CustomerDealDocument>(CUSTOMER_DEALS_COLLECTION, openFilter, {
        sort: { field: 'openedAt', direction: 'desc' },
        limit: OPEN_DEALS_SHOWN,
      }),
      this.documents.count(CUSTOMER_DEALS_COLLECTION, openFilter),
      this.documents.find<CustomerTicketDocument>(CUSTOMER_TICKETS_COLLECTION, ticketFilter, {
        sort: { field: 'openedAt', direction: 'desc' },
        limit: OPEN_TICKETS_SHOWN,
      }),
      this.documents.count(CUSTOMER_TICKETS_COLLECTION, ticketFilter),
      this.scales.recent(),
      this.position.of(CUSTOMER_FACTS),
    ]);
    const now = this.clock.now();
    const erased = new Set(docs.filter((doc) => doc.status === 'erased').map((doc) => doc.customerId));
    const openDeals = [];
    for (const deal of deals.items)
      openDeals.push({ ...deal, title: erased.has(deal.customerId) ? undefined : await revealText(this.protector, deal.title) });
    return customer360View({
      requestedId: customerId,
      customerId: customer.survivorId,
      customerIds: ids,
      facts: combineFacts(customer.survivorId, docs),
      openDeals,
      openDealCount,
      openTickets: tickets.items.map((ticket) => openTicketAt(ticket, now)),
      openTicketCount,
      scale,
      now,
      position,
    });
  }
}
