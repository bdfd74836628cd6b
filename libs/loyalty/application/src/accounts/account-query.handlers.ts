import { HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { listPage, type ListPage } from '../shared/list-page';
import { GetBalance, GetLedger, type LedgerEntry } from './account.queries';
import { LoyaltyQueries, type BalanceResponse } from './loyalty-queries.service';

@HandlesQuery(GetBalance)
export class GetBalanceHandler implements IQueryHandler<GetBalance, BalanceResponse> {
  constructor(private readonly queries: LoyaltyQueries) {}
  execute(query: GetBalance): Promise<BalanceResponse> {
    return this.queries.balance(query.customerId);
  }
}

@HandlesQuery(GetLedger)
export class GetLedgerHandler implements IQueryHandler<GetLedger, ListPage<LedgerEntry>> {
  constructor(private readonly queries: LoyaltyQueries) {}
  async execute(query: GetLedger): Promise<ListPage<LedgerEntry>> {
    const page = await this.queries.ledger(query.customerId, query.page);
    return listPage(page, ({ _id, _position: _ignored, ...entry }) => ({ entryId: _id, ...entry }));
  }
}

export const ACCOUNT_QUERY_HANDLERS = [GetBalanceHandler, GetLedgerHandler];
