import { everyPage, type AccessExportEntry, type AccessExportPart } from '@c360/runtime';
import type { ActivityDocument, DealDocument } from '@c360/sales-projections';
import { Injectable } from '@nestjs/common';
import { SalesQueries } from '../queries/sales-queries.service';

const PAGE = 200;

/**
 * Sales' section of the access export: the customer's deals, each with its activities; purchases with
 * their refunds; contracts. Read from the read models through SalesQueries, so titles, reasons and
 * notes are opened with sales' PersonalDataProtector exactly as the API opens them.
 */
@Injectable()
export class SalesAccessExport implements AccessExportPart {
  readonly section = 'sales';

  constructor(private readonly queries: SalesQueries) {}

  async *export(customerId: string): AsyncIterable<AccessExportEntry> {
    yield { list: 'deals', items: this.deals(customerId) };
    yield { list: 'purchases', items: everyPage((after) => this.queries.purchaseHistory(customerId, { limit: PAGE, after })) };
    yield { list: 'contracts', items: everyPage((after) => this.queries.customerContracts(customerId, { limit: PAGE, after })) };
  }

  private async *deals(customerId: string): AsyncIterable<DealDocument & { activities: ActivityDocument[] }> {
    for await (const deal of everyPage((after) => this.queries.deals({ customerId }, { limit: PAGE, after }))) {
      const activities: ActivityDocument[] = [];
      for await (const activity of everyPage((after) => this.queries.dealActivities(deal.dealId, { limit: PAGE, after }))) {
        activities.push(activity);
      }
      yield { ...deal, activities };
    }
  }
}
