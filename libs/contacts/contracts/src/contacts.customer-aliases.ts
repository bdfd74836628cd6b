import { customerAliasProjection, type CustomerAliasDocument, type DocumentProjection } from '@c360/kernel';
import {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_MERGE_UNDONE,
  type ContactsCustomersMergedContract,
  type ContactsMergeUndoneContract,
} from './contacts.shared-events';

type MergeEvent =
  | { readonly type: typeof CONTACTS_CUSTOMERS_MERGED; readonly data: ContactsCustomersMergedContract }
  | { readonly type: typeof CONTACTS_MERGE_UNDONE; readonly data: ContactsMergeUndoneContract };

/**
 * The follow-the-merge rule over contacts' merge contract: a context keying read models by customer
 * lists `followContactsMerges('<context>-customer-aliases')` among its projections and resolves
 * customers through the kernel's `CustomerAliases` (ADR 0014).
 */
export function followContactsMerges(name: string): DocumentProjection<CustomerAliasDocument, MergeEvent> {
  return customerAliasProjection<MergeEvent>({
    name,
    handles: [CONTACTS_CUSTOMERS_MERGED, CONTACTS_MERGE_UNDONE],
    fact: (event) =>
      event.type === CONTACTS_CUSTOMERS_MERGED
        ? {
            kind: 'merged',
            mergeId: event.data.mergeId,
            survivorId: event.data.survivorId,
            absorbedId: event.data.absorbedId,
            at: event.data.mergedAt,
          }
        : { kind: 'undone', mergeId: event.data.mergeId, absorbedId: event.data.absorbedId },
  });
}
