import type {
  ConsentGranted,
  ConsentRevoked,
  CustomerAbsorbed,
  CustomerErased,
  CustomerReferred,
  CustomerRegistered,
  CustomersMerged,
  DuplicateSuspected,
  MergeUndone,
  ProfileUpdated,
} from '@c360/contacts-domain';

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
/** `consentChanges` is on the survivor's copy only: the consent decisions it reverted, effective at `undoneAt`. */
export type ContactsMergeUndoneContract = Pick<MergeUndone, 'mergeId' | 'survivorId' | 'absorbedId' | 'undoneAt' | 'consentChanges'>;
export type ContactsCustomerErasedContract = Pick<CustomerErased, 'customerId' | 'erasedAt'>;

// Read by the customer 360 read side (timeline, 360 document, segments): ids, codes and instants only.
export const CONTACTS_CUSTOMER_REGISTERED = 'contacts.customer-registered';
export const CONTACTS_PROFILE_UPDATED = 'contacts.profile-updated';
export const CONTACTS_CONSENT_GRANTED = 'contacts.consent-granted';
export const CONTACTS_CONSENT_REVOKED = 'contacts.consent-revoked';
export const CONTACTS_CUSTOMER_ABSORBED = 'contacts.customer-absorbed';

/** `preferredLanguage` (a language tag, plain) lets surveys write to the customer in their language. */
export type ContactsCustomerRegisteredContract = Pick<
  CustomerRegistered,
  'customerId' | 'registeredAt' | 'acquisitionSource' | 'preferredLanguage'
>;
/** Which personal fields changed is not part of it: only that the profile changed, when, and a changed preferred language. */
export type ContactsProfileUpdatedContract = Pick<ProfileUpdated, 'customerId' | 'updatedAt' | 'preferredLanguage'>;
export type ContactsConsentGrantedContract = Pick<ConsentGranted, 'customerId' | 'channel' | 'purpose' | 'grantedAt'>;
export type ContactsConsentRevokedContract = Pick<ConsentRevoked, 'customerId' | 'channel' | 'purpose' | 'revokedAt'>;
/** The survivor's copy of a merge with the consent decisions it took over; what it adopted is personal and stays inside contacts. */
export type ContactsCustomerAbsorbedContract = Pick<
  CustomerAbsorbed,
  'mergeId' | 'survivorId' | 'absorbedId' | 'mergedAt' | 'consentChanges'
>;

/** The customer a contacts event belongs to, by its stream (`contacts-customer-<id>`): merge events are on both customers' streams. */
export { customerIdOfStream as contactsCustomerOfStream } from '@c360/contacts-domain';

/** The shared part of contacts' log as an event union, for projections and timelines typed against it. */
export type ContactsSharedEvent =
  | { readonly type: typeof CONTACTS_CUSTOMER_REGISTERED; readonly data: ContactsCustomerRegisteredContract }
  | { readonly type: typeof CONTACTS_PROFILE_UPDATED; readonly data: ContactsProfileUpdatedContract }
  | { readonly type: typeof CONTACTS_CONSENT_GRANTED; readonly data: ContactsConsentGrantedContract }
  | { readonly type: typeof CONTACTS_CONSENT_REVOKED; readonly data: ContactsConsentRevokedContract }
  | { readonly type: typeof CONTACTS_CUSTOMER_REFERRED; readonly data: ContactsCustomerReferredContract }
  | { readonly type: typeof CONTACTS_CUSTOMERS_MERGED; readonly data: ContactsCustomersMergedContract }
  | { readonly type: typeof CONTACTS_CUSTOMER_ABSORBED; readonly data: ContactsCustomerAbsorbedContract }
  | { readonly type: typeof CONTACTS_MERGE_UNDONE; readonly data: ContactsMergeUndoneContract }
  | { readonly type: typeof CONTACTS_CUSTOMER_ERASED; readonly data: ContactsCustomerErasedContract };
