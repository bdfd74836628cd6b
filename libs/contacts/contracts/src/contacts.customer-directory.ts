import type { CustomerDirectoryEntry, DocumentProjection } from '@c360/kernel';
import {
  CONTACTS_CUSTOMERS_MERGED,
  CONTACTS_CUSTOMER_ERASED,
  CONTACTS_CUSTOMER_REGISTERED,
  CONTACTS_MERGE_UNDONE,
  type ContactsCustomerErasedContract,
  type ContactsCustomerRegisteredContract,
  type ContactsCustomersMergedContract,
  type ContactsMergeUndoneContract,
} from './contacts.shared-events';

// The directory reads only the id and the instant of a registration (shared-events contract).

type DirectoryEvent =
  | { readonly type: typeof CONTACTS_CUSTOMER_REGISTERED; readonly data: ContactsCustomerRegisteredContract }
  | { readonly type: typeof CONTACTS_CUSTOMERS_MERGED; readonly data: ContactsCustomersMergedContract }
  | { readonly type: typeof CONTACTS_MERGE_UNDONE; readonly data: ContactsMergeUndoneContract }
  | { readonly type: typeof CONTACTS_CUSTOMER_ERASED; readonly data: ContactsCustomerErasedContract };

/**
 * The small customer directory a context keeps from contacts' published events: which ids exist and
 * whether they were merged or erased. Declared in a context's definition (`customerDirectory`), the
 * runtime runs it as that context's projection (`<context>-customer-directory`) and answers
 * `CustomerDirectory.require(id)` from it.
 */
export function customerDirectoryProjection(context: string): DocumentProjection<CustomerDirectoryEntry, DirectoryEvent> {
  return {
    name: `${context}-customer-directory`,
    version: 1,
    handles: [CONTACTS_CUSTOMER_REGISTERED, CONTACTS_CUSTOMERS_MERGED, CONTACTS_MERGE_UNDONE, CONTACTS_CUSTOMER_ERASED],
    // Merge events are on both streams: the absorbed customer's id is the one that changes.
    documentIds: (event) => [
      event.type === CONTACTS_CUSTOMER_REGISTERED || event.type === CONTACTS_CUSTOMER_ERASED
        ? event.data.customerId
        : event.data.absorbedId,
    ],
    evolve(doc, event) {
      switch (event.type) {
        case CONTACTS_CUSTOMER_REGISTERED:
          return doc ?? { customerId: event.data.customerId, status: 'active' };
        case CONTACTS_CUSTOMERS_MERGED:
          return doc?.status === 'erased'
            ? doc
            : { customerId: event.data.absorbedId, status: 'merged', survivorId: event.data.survivorId };
        case CONTACTS_MERGE_UNDONE:
          return doc?.status === 'merged' ? { customerId: event.data.absorbedId, status: 'active' } : doc;
        case CONTACTS_CUSTOMER_ERASED:
          return { customerId: event.data.customerId, status: 'erased' };
      }
    },
  };
}
