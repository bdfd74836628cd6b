import { followContactsMerges } from '@c360/contacts-contracts';

/** The follow-the-merge rule (ADR 0014): customer-keyed reads (purchases, lifetime value) resolve through it. */
export const salesCustomerAliasesProjection = followContactsMerges('sales-customer-aliases');
