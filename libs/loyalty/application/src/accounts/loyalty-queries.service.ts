import { DomainError, PersonalDataProtector, type Clock, type DocumentStore, type Page, type StoredDocument } from '@c360/kernel';
import { balanceView, type AccountView } from '@c360/loyalty-domain';
import {
  LOYALTY_BALANCE_COLLECTION,
  LOYALTY_LEDGER_COLLECTION,
  type LedgerEntryDocument,
  type LoyaltyBalanceDocument,
} from '@c360/loyalty-projections';
import { CLOCK, DOCUMENT_STORE } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { LoyaltyProgramService } from '../program/loyalty-program.service';

export interface BalanceResponse extends AccountView {
  readonly version: number;
  readonly asOf: string;
}

/** Reads the loyalty read models (never the event log). */
@Injectable()
export class LoyaltyQueries {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly program: LoyaltyProgramService,
    private readonly protector: PersonalDataProtector,
  ) {}

  async balanceDocument(customerId: string): Promise<StoredDocument<LoyaltyBalanceDocument> | null> {
    return this.documents.get<LoyaltyBalanceDocument>(LOYALTY_BALANCE_COLLECTION, customerId);
  }

  /** The balance as of now: spendable, pending, debt, tier progress, lots expiring soon. */
  async balance(customerId: string): Promise<BalanceResponse> {
    const doc = await this.balanceDocument(customerId);
    if (!doc) throw new DomainError('loyalty.account-not-found', `Customer ${customerId} is not enrolled in the club`, 'not-found');
    const asOf = this.clock.now().toISOString();
    return { ...balanceView(doc, asOf, await this.program.settings()), version: doc.version, asOf };
  }

  async ledger(customerId: string, options: { limit?: number; after?: string }): Promise<Page<LedgerEntryDocument>> {
    if (!(await this.balanceDocument(customerId))) {
      throw new DomainError('loyalty.account-not-found', `Customer ${customerId} is not enrolled in the club`, 'not-found');
    }
    const page = await this.documents.find<LedgerEntryDocument>(
      LOYALTY_LEDGER_COLLECTION,
      { customerId },
      { sort: { field: 'seq', direction: 'desc' }, limit: options.limit ?? 50, after: options.after },
    );
    // An adjustment's free-text reference stays sealed in the read model; it is opened per request.
    const items: StoredDocument<LedgerEntryDocument>[] = [];
    for (const item of page.items) items.push((await this.protector.revealValue(item)) as StoredDocument<LedgerEntryDocument>);
    return { ...page, items };
  }
}
