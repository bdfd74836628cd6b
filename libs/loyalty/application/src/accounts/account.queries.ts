import type { LedgerEntryDocument } from '@c360/loyalty-projections';
import { ContextQuery } from '@c360/runtime';
import type { ListPage } from '../shared/list-page';
import type { BalanceResponse } from './loyalty-queries.service';

/** The balance as of now (spendable, pending, tier progress, lots): members, agents and partners read it. */
export class GetBalance extends ContextQuery<BalanceResponse> {
  constructor(readonly customerId: string) {
    super();
  }
}

/** A ledger entry as clients read it: the entry id is the event's. */
export type LedgerEntry = LedgerEntryDocument & { readonly entryId: string };

export class GetLedger extends ContextQuery<ListPage<LedgerEntry>> {
  constructor(
    readonly customerId: string,
    readonly page: { readonly limit?: number; readonly after?: string },
  ) {
    super();
  }
}
