import { PersonalDataProtector, type DocumentStore, type StoredDocument } from '@c360/kernel';
import {
  LOYALTY_FRAUD_REVIEW_COLLECTION,
  LOYALTY_REWARD_REDEMPTIONS_COLLECTION,
  type FraudReviewDocument,
  type LedgerEntryDocument,
  type RewardRedemptionDocument,
} from '@c360/loyalty-projections';
import { DOCUMENT_STORE, everyPage, type AccessExportEntry, type AccessExportPart } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { LoyaltyQueries } from '../accounts/loyalty-queries.service';
import { withoutStoreFields } from '../shared/list-page';

const PAGE = 200;

/**
 * Loyalty's section of the access export: the account (status, tier, lots, held redemptions), the
 * ledger (every points movement, newest first — points redemptions included), reward redemptions and
 * fraud flags. The ledger's adjustment references are opened with loyalty's PersonalDataProtector.
 */
@Injectable()
export class LoyaltyAccessExport implements AccessExportPart {
  readonly section = 'loyalty';

  constructor(
    private readonly queries: LoyaltyQueries,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly protector: PersonalDataProtector,
  ) {}

  async *export(customerId: string): AsyncIterable<AccessExportEntry> {
    const account = await this.queries.balanceDocument(customerId);
    yield { field: 'account', value: account ? await this.protector.revealValue(withoutStoreFields(account)) : null };
    yield { list: 'ledger', items: account ? this.ledger(customerId) : [] };
    yield {
      list: 'redemptions',
      items: this.byCustomer<RewardRedemptionDocument>(LOYALTY_REWARD_REDEMPTIONS_COLLECTION, customerId, 'reservedAt'),
    };
    yield { list: 'fraudFlags', items: this.byCustomer<FraudReviewDocument>(LOYALTY_FRAUD_REVIEW_COLLECTION, customerId, 'raisedAt') };
  }

  private async *ledger(customerId: string): AsyncIterable<LedgerEntryDocument> {
    const entries = everyPage((after) => this.queries.ledger(customerId, { limit: PAGE, after }));
    for await (const entry of entries) yield withoutStoreFields(entry);
  }

  private async *byCustomer<T>(collection: string, customerId: string, field: string): AsyncIterable<T> {
    const found = everyPage((after) =>
      this.documents.find<T>(collection, { customerId }, { sort: { field, direction: 'asc' }, limit: PAGE, after }),
    );
    for await (const doc of found) yield withoutStoreFields(doc as StoredDocument<T>);
  }
}
