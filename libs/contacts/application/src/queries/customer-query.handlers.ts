import { HandlesQuery, type IQueryHandler } from '@c360/runtime';
import { CustomerReadService, type CustomerProfileAnswer, type CustomerSearchPage } from './customer-read.service';
import { GetCustomerProfile, SearchCustomers, SuggestDuplicates } from './customer.queries';
import { DuplicateSuggestionService, type DuplicateSuggestions } from './duplicate-suggestions.service';

@HandlesQuery(GetCustomerProfile)
export class GetCustomerProfileHandler implements IQueryHandler<GetCustomerProfile, CustomerProfileAnswer> {
  constructor(private readonly customers: CustomerReadService) {}

  execute(query: GetCustomerProfile): Promise<CustomerProfileAnswer> {
    return this.customers.profile(query.customerId, query.resolve);
  }
}

@HandlesQuery(SearchCustomers)
export class SearchCustomersHandler implements IQueryHandler<SearchCustomers, CustomerSearchPage> {
  constructor(private readonly customers: CustomerReadService) {}

  execute(query: SearchCustomers): Promise<CustomerSearchPage> {
    return this.customers.search(query.input);
  }
}

@HandlesQuery(SuggestDuplicates)
export class SuggestDuplicatesHandler implements IQueryHandler<SuggestDuplicates, DuplicateSuggestions> {
  constructor(private readonly duplicates: DuplicateSuggestionService) {}

  execute(query: SuggestDuplicates): Promise<DuplicateSuggestions> {
    return this.duplicates.suggest(query.customerId);
  }
}

export const CUSTOMER_QUERY_HANDLERS = [GetCustomerProfileHandler, SearchCustomersHandler, SuggestDuplicatesHandler];
