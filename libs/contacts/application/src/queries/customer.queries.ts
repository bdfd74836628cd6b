import { ContextQuery } from '@c360/runtime';
import type { CustomerProfileAnswer, CustomerSearchPage, SearchInput } from './customer-read.service';
import type { DuplicateSuggestions } from './duplicate-suggestions.service';

/** The profile an id answers to: a merged customer resolves to its survivor unless `resolve` is false. */
export class GetCustomerProfile extends ContextQuery<CustomerProfileAnswer> {
  constructor(
    readonly customerId: string,
    readonly resolve = true,
  ) {
    super();
  }
}

/** Customers by at most one of name prefix, e-mail or phone (none: a list), filtered, a page at a time. */
export class SearchCustomers extends ContextQuery<CustomerSearchPage> {
  constructor(readonly input: SearchInput) {
    super();
  }
}

export class SuggestDuplicates extends ContextQuery<DuplicateSuggestions> {
  constructor(readonly customerId: string) {
    super();
  }
}
