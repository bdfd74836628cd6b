import { followContactsMerges } from '@c360/contacts-contracts';

/**
 * The follow-the-merge rule (ADR 0014): a merged customer's survey history and survey fatigue are the
 * survivor's — a profile shows every answer, and nobody is asked twice in a month because they were two
 * records. Respondent streams stay per id (an undo has nothing to take apart).
 */
export const surveysCustomerAliasesProjection = followContactsMerges('surveys-customer-aliases');
