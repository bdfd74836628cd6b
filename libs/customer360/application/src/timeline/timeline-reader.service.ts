import { PersonalDataProtector, type DocumentStore, type Filter } from '@c360/kernel';
import {
  CUSTOMER_FACTS_COLLECTION,
  CUSTOMER_TIMELINE,
  CUSTOMER_TIMELINE_COLLECTION,
  type CustomerFactsDocument,
  type TimelineEntryDocument,
} from '@c360/customer360-projections';
import { DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerResolver } from '../shared/customer-resolver';
import { ReadPosition } from '../shared/read-position';
import { revealText } from '../shared/reveal-text';

export interface TimelineFilter {
  readonly kinds?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly after?: string;
  readonly limit?: number;
}

export type TimelineEntry = Omit<TimelineEntryDocument, 'detail'> & { readonly id: string; readonly detail?: unknown };

export interface TimelinePage {
  readonly customerId: string;
  /** Every customer id whose entries this timeline combines (merged customers follow their survivor). */
  readonly customerIds: readonly string[];
  readonly items: readonly TimelineEntry[];
  readonly nextCursor: string | null;
  /** The position in the log the timeline reflects. */
  readonly position: number | null;
}

/**
 * Reads a customer's timeline: the survivor's entries and those of every customer merged into it,
 * newest first, keyset-paginated by the store. Free text (`detail`) is opened per request; an erased
 * customer's entries keep their summaries (built from non-personal fields) and lose their detail.
 */
@Injectable()
export class TimelineReader {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly resolver: CustomerResolver,
    private readonly protector: PersonalDataProtector,
    private readonly position: ReadPosition,
  ) {}

  async page(customerId: string, filter: TimelineFilter): Promise<TimelinePage> {
    const customer = await this.resolver.resolve(customerId);
    const ids = customer.customerIds;
    // A one-value range, not equality: the embedded store reads equality as "equal or an array holding it",
    // which keeps SQLite off the (customerId, at) index; a range uses it (a page read went from ~60 ms to <1 ms).
    const where: Record<string, Filter[string]> = { customerId: ids.length === 1 ? { $gte: ids[0], $lte: ids[0] } : { $in: ids } };
    if (filter.kinds?.length) where.kind = filter.kinds.length === 1 ? filter.kinds[0] : { $in: filter.kinds };
    if (filter.from !== undefined || filter.to !== undefined) {
      where.at = { ...(filter.from === undefined ? {} : { $gte: filter.from }), ...(filter.to === undefined ? {} : { $lte: filter.to }) };
    }
    const [found, erased, position] = await Promise.all([
      this.documents.find<TimelineEntryDocument>(CUSTOMER_TIMELINE_COLLECTION, where, {
        sort: { field: 'at', direction: 'desc' },
        limit: filter.limit ?? 50,
        after: filter.after,
      }),
      this.erasedAmong(ids),
      this.position.of(CUSTOMER_TIMELINE),
    ]);
    const items: TimelineEntry[] = [];
    for (const { _id, _position: _ignored, detail, ...entry } of found.items) {
      const shown = detail === undefined || erased.has(entry.customerId) ? undefined : await revealText(this.protector, detail);
      items.push({ id: _id, ...entry, ...(shown === undefined ? {} : { detail: shown }) });
    }
    return { customerId: customer.survivorId, customerIds: ids, items, nextCursor: found.nextCursor ?? null, position };
  }

  private async erasedAmong(ids: readonly string[]): Promise<Set<string>> {
    const facts = await this.documents.getMany<CustomerFactsDocument>(CUSTOMER_FACTS_COLLECTION, ids);
    return new Set(facts.filter((doc) => doc.status === 'erased').map((doc) => doc.customerId));
  }
}
