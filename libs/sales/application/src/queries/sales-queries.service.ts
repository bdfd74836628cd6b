import { CustomerAliases, DomainError, PersonalDataProtector, type Clock, type DocumentStore, type Filter } from '@c360/kernel';
import { dateOf, daysBetween } from '@c360/sales-domain';
import {
  SALES_COLLECTIONS,
  pipelineBoardView,
  type ActivityDocument,
  type ContractDocument,
  type CustomerValueDocument,
  type DealDocument,
  type OwnerPerformanceDocument,
  type PipelineBoardDocument,
  type PipelineBoardView,
  type PurchaseDocument,
  salesCustomerAliasesProjection,
} from '@c360/sales-projections';
import { CLOCK, DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { PipelineService } from '../pipelines/pipeline.service';
import { findPage, plain, type PageRequest, type PageResponse } from './paging';

export interface DealFilter {
  readonly pipelineId?: string;
  readonly stageId?: string;
  readonly status?: 'open' | 'won' | 'lost';
  readonly ownerId?: string;
  readonly customerId?: string;
}

export interface RenewalDue extends ContractDocument {
  /** Negative when the renewal date has passed (overdue). */
  readonly daysUntilRenewal: number;
}

export interface LifetimeValue {
  readonly customerId: string;
  readonly purchases: number;
  readonly firstPurchaseAt: string | null;
  readonly lastPurchaseAt: string | null;
  readonly lifetimeValue: { currency: string; purchases: number; purchased: number; refunded: number; net: number }[];
}

/** Reads the sales read models (never the event log; the "as of" board is PipelineHistory's job). */
@Injectable()
export class SalesQueries {
  /** Merged customers follow their survivor (ADR 0014): a survivor's purchases include its absorbed customers'. */
  private readonly aliases: CustomerAliases;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly protector: PersonalDataProtector,
    private readonly pipelines: PipelineService,
  ) {
    this.aliases = new CustomerAliases(documents, salesCustomerAliasesProjection);
  }

  async listPipelines(page: PageRequest): Promise<PageResponse<PipelineBoardView>> {
    await this.pipelines.ensureDefault();
    const found = await findPage<PipelineBoardDocument>(
      this.documents,
      SALES_COLLECTIONS.board,
      {},
      { field: 'name', direction: 'asc' },
      page,
    );
    return { items: found.items.map((doc) => pipelineBoardView(doc)), nextCursor: found.nextCursor };
  }

  /** The board now. A pipeline defined a moment ago (projection not caught up) shows empty stages. */
  async board(pipelineIdOrAlias: string): Promise<PipelineBoardView & { version: number }> {
    const pipeline = await this.pipelines.load(pipelineIdOrAlias);
    const doc = await this.documents.get<PipelineBoardDocument>(SALES_COLLECTIONS.board, pipeline.pipelineId);
    const board = doc
      ? plain(doc)
      : { pipelineId: pipeline.pipelineId, name: pipeline.name, stages: pipeline.stages.map((s) => ({ ...s, totals: {} })), updatedAt: '' };
    return { ...pipelineBoardView(board), version: pipeline.version };
  }

  async deal(dealId: string): Promise<DealDocument> {
    const doc = await this.documents.get<DealDocument>(SALES_COLLECTIONS.deals, dealId);
    if (!doc) throw new DomainError('sales.deal-not-found', `No deal ${dealId}`, 'not-found', { dealId });
    return this.revealed(plain(doc));
  }

  async deals(filter: DealFilter, page: PageRequest): Promise<PageResponse<DealDocument>> {
    const where: Record<string, string> = {};
    for (const [field, value] of Object.entries(filter)) if (value !== undefined) where[field] = value;
    if (where.pipelineId === 'default') where.pipelineId = await this.pipelines.resolve('default');
    return this.revealedPage(
      await findPage<DealDocument>(this.documents, SALES_COLLECTIONS.deals, where, { field: 'openedAt', direction: 'desc' }, page),
    );
  }

  async dealActivities(dealId: string, page: PageRequest): Promise<PageResponse<ActivityDocument>> {
    await this.deal(dealId);
    return this.activities({ dealId }, page);
  }

  customerActivities(customerId: string, page: PageRequest): Promise<PageResponse<ActivityDocument>> {
    return this.activities({ customerId }, page);
  }

  async ownerPerformance(ownerId: string): Promise<OwnerPerformanceDocument> {
    const doc = await this.documents.get<OwnerPerformanceDocument>(SALES_COLLECTIONS.owners, ownerId);
    return doc
      ? plain(doc)
      : { ownerId, openDeals: 0, won: 0, lost: 0, winRate: 0, totalCycleTimeMs: 0, averageCycleTimeMs: null, wonAmounts: {} };
  }

  /** Owners with the most won deals first. */
  owners(page: PageRequest): Promise<PageResponse<OwnerPerformanceDocument>> {
    return findPage<OwnerPerformanceDocument>(this.documents, SALES_COLLECTIONS.owners, {}, { field: 'won', direction: 'desc' }, page);
  }

  async purchase(purchaseId: string): Promise<PurchaseDocument> {
    const doc = await this.documents.get<PurchaseDocument>(SALES_COLLECTIONS.purchases, purchaseId);
    if (!doc) throw new DomainError('sales.purchase-not-found', `No purchase ${purchaseId}`, 'not-found', { purchaseId });
    return this.revealed(plain(doc));
  }

  /** A customer's purchases (with those of customers merged into it), newest first; sealed fields opened. */
  async purchaseHistory(customerId: string, page: PageRequest): Promise<PageResponse<PurchaseDocument>> {
    const { customerIds } = await this.aliases.resolve(customerId);
    return this.revealedPage(
      await findPage<PurchaseDocument>(
        this.documents,
        SALES_COLLECTIONS.purchases,
        { customerId: customerIds.length === 1 ? customerIds[0] : { $in: customerIds } },
        { field: 'purchasedAt', direction: 'desc' },
        page,
      ),
    );
  }

  /** Net of refunds, per currency, merged customers included; a customer without purchases has a lifetime value of nothing. */
  async lifetimeValue(customerId: string): Promise<LifetimeValue> {
    const { customerIds } = await this.aliases.resolve(customerId);
    const doc = combineValues(await this.documents.getMany<CustomerValueDocument>(SALES_COLLECTIONS.customerValue, customerIds));
    if (!doc) return { customerId, purchases: 0, firstPurchaseAt: null, lastPurchaseAt: null, lifetimeValue: [] };
    return {
      customerId,
      purchases: doc.purchases,
      firstPurchaseAt: doc.firstPurchaseAt,
      lastPurchaseAt: doc.lastPurchaseAt,
      lifetimeValue: Object.entries(doc.byCurrency)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, value]) => ({ currency, ...value })),
    };
  }

  async contract(contractId: string): Promise<ContractDocument> {
    const doc = await this.documents.get<ContractDocument>(SALES_COLLECTIONS.contracts, contractId);
    if (!doc) throw new DomainError('sales.contract-not-found', `No contract ${contractId}`, 'not-found', { contractId });
    return this.revealed(plain(doc));
  }

  /** A customer's contracts, earliest start first (the access export reads them all). */
  async customerContracts(customerId: string, page: PageRequest): Promise<PageResponse<ContractDocument>> {
    return this.revealedPage(
      await findPage<ContractDocument>(
        this.documents,
        SALES_COLLECTIONS.contracts,
        { customerId },
        { field: 'startDate', direction: 'asc' },
        page,
      ),
    );
  }

  /**
   * Active contracts whose renewal date falls in [from, to], earliest first. Default window: anything
   * overdue up to 30 days from today (overdue ones have a negative `daysUntilRenewal`).
   */
  async renewalsDue(window: { from?: string; to?: string }, page: PageRequest): Promise<PageResponse<RenewalDue>> {
    const today = dateOf(this.clock.now().toISOString());
    const to = window.to ?? addDays(today, 30);
    if (window.from !== undefined && window.from > to) {
      throw new DomainError('sales.invalid-window', 'from must not be after to', 'invalid', { field: 'from' });
    }
    const renewalDate = window.from === undefined ? { $lte: to } : { $gte: window.from, $lte: to };
    const filter: Filter = { status: 'active', renewalDate };
    const found = await findPage<ContractDocument>(
      this.documents,
      SALES_COLLECTIONS.contracts,
      filter,
      { field: 'renewalDate', direction: 'asc' },
      page,
    );
    const items: RenewalDue[] = [];
    for (const doc of found.items) items.push({ ...(await this.revealed(doc)), daysUntilRenewal: daysBetween(today, doc.renewalDate) });
    return { items, nextCursor: found.nextCursor };
  }

  /**
   * Read models keep personal fields sealed, as the log does (titles, reasons, notes): they are opened
   * here, per request, and read `{ "$erased": true }` once the customer's key is gone — so no read-model
   * file ever holds a customer's free text in plaintext.
   */
  private async revealed<T>(doc: T): Promise<T> {
    return (await this.protector.revealValue(doc)) as T;
  }

  private async revealedPage<T>(page: PageResponse<T>): Promise<PageResponse<T>> {
    const items: T[] = [];
    for (const item of page.items) items.push(await this.revealed(item));
    return { ...page, items };
  }

  /** Activities keep subject and notes sealed in the read model; they are opened here, per request. */
  private async activities(filter: Filter, page: PageRequest): Promise<PageResponse<ActivityDocument>> {
    const found = await findPage<ActivityDocument>(
      this.documents,
      SALES_COLLECTIONS.activities,
      filter,
      { field: 'activityAt', direction: 'desc' },
      page,
    );
    const items: ActivityDocument[] = [];
    for (const item of found.items) {
      items.push({ ...item, subject: await this.protector.revealValue(item.subject), notes: await this.protector.revealValue(item.notes) });
    }
    return { items, nextCursor: found.nextCursor };
  }
}

/** Several customers' values as one (a survivor and the customers merged into it). */
function combineValues(docs: readonly CustomerValueDocument[]): CustomerValueDocument | undefined {
  if (docs.length <= 1) return docs[0];
  const byCurrency: Record<string, CustomerValueDocument['byCurrency'][string]> = {};
  for (const doc of docs) {
    for (const [currency, value] of Object.entries(doc.byCurrency)) {
      const before = byCurrency[currency] ?? { purchases: 0, purchased: 0, refunded: 0, net: 0 };
      byCurrency[currency] = {
        purchases: before.purchases + value.purchases,
        purchased: before.purchased + value.purchased,
        refunded: before.refunded + value.refunded,
        net: before.net + value.net,
      };
    }
  }
  const firsts = docs
    .map((doc) => doc.firstPurchaseAt)
    .filter((at): at is string => at !== null)
    .sort();
  const lasts = docs
    .map((doc) => doc.lastPurchaseAt)
    .filter((at): at is string => at !== null)
    .sort();
  return {
    customerId: docs[0].customerId,
    purchases: docs.reduce((sum, doc) => sum + doc.purchases, 0),
    firstPurchaseAt: firsts[0] ?? null,
    lastPurchaseAt: lasts.at(-1) ?? null,
    byCurrency,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
