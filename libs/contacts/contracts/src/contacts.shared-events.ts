import type { CustomerErased, CustomerReferred, CustomersMerged, DuplicateSuspected, MergeUndone } from '@c360/contacts-domain';

/**
 * The part of contacts' event log other contexts may react to: these event types and these fields,
 * never personal data (names, e-mails, phones stay sealed inside contacts). A reaction reads them
 * through an anti-corruption reader typed against these shapes.
 */
export const CONTACTS_CUSTOMER_REFERRED = 'contacts.customer-referred';
export const CONTACTS_DUPLICATE_SUSPECTED = 'contacts.duplicate-suspected';
export const CONTACTS_CUSTOMERS_MERGED = 'contacts.customers-merged';
export const CONTACTS_MERGE_UNDONE = 'contacts.merge-undone';
export const CONTACTS_CUSTOMER_ERASED = 'contacts.customer-erased';

export type ContactsCustomerReferredContract = Pick<CustomerReferred, 'customerId' | 'referrerId' | 'referredAt'>;
/** `reasons` are the kinds of identity shared (email, phone), not the values. */
export type ContactsDuplicateSuspectedContract = Pick<DuplicateSuspected, 'customerId' | 'otherCustomerId' | 'reasons'>;
export type ContactsCustomersMergedContract = Pick<CustomersMerged, 'mergeId' | 'survivorId' | 'absorbedId' | 'mergedAt'>;
export type ContactsMergeUndoneContract = Pick<MergeUndone, 'mergeId' | 'survivorId' | 'absorbedId' | 'undoneAt'>;
export type ContactsCustomerErasedContract = Pick<CustomerErased, 'customerId' | 'erasedAt'>;
