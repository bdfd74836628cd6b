import { followContactsMerges } from '@c360/contacts-contracts';

/** The follow-the-merge rule (ADR 0014) for every customer-keyed read model of this context. */
export const customer360AliasesProjection = followContactsMerges('c360-customer-aliases');
