import type { ConsentChange, Channel, Purpose } from '../consent/consent';
import type { Identity } from '../values/identity-key';
import type { PersonName } from '../values/person-name';
import type { AttributeValue, Attributes, PostalAddress } from '../values/profile-values';

/**
 * Events of a customer stream (`contacts-customer-<customerId>`). Fields marked "personal" are
 * encrypted with a per-customer key before they are stored (customer.privacy.ts); everything else is
 * pseudonymous business data that survives erasure.
 */

export interface CustomerRegistered {
  readonly customerId: string;
  readonly registeredAt: string;
  readonly acquisitionSource?: string;
  readonly referralCode: string;
  readonly preferredLanguage?: string;
  readonly tags: readonly string[];
  /** personal */ readonly name?: PersonName;
  /** personal */ readonly emails: readonly string[];
  /** personal */ readonly phones: readonly string[];
  /** personal */ readonly birthday?: string;
  /** personal */ readonly address?: PostalAddress;
  /** personal */ readonly company?: string;
  /** personal */ readonly attributes: Attributes;
}

/** Only the changed fields are present; `null` clears a field, an attribute set to `null` is removed. */
export interface ProfileUpdated {
  readonly customerId: string;
  readonly updatedAt: string;
  readonly preferredLanguage?: string | null;
  readonly tags?: readonly string[];
  /** personal */ readonly name?: PersonName | null;
  /** personal */ readonly birthday?: string | null;
  /** personal */ readonly address?: PostalAddress | null;
  /** personal */ readonly company?: string | null;
  /** personal */ readonly attributes?: Readonly<Record<string, AttributeValue | null>>;
}

export interface EmailAdded {
  readonly customerId: string;
  readonly addedAt: string;
  /** personal */ readonly email: string;
}
export interface EmailRemoved {
  readonly customerId: string;
  readonly removedAt: string;
  readonly reason: IdentityRemovalReason;
  /** personal */ readonly email: string;
}
export interface PhoneAdded {
  readonly customerId: string;
  readonly addedAt: string;
  /** personal */ readonly phone: string;
}
export interface PhoneRemoved {
  readonly customerId: string;
  readonly removedAt: string;
  readonly reason: IdentityRemovalReason;
  /** personal */ readonly phone: string;
}
/** `requested`: by an agent; `not-returned`: a merge was undone but the survivor no longer held it. */
export type IdentityRemovalReason = 'requested' | 'not-returned';

export interface ConsentGranted {
  readonly customerId: string;
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly source: string;
  readonly grantedAt: string;
}
export interface ConsentRevoked {
  readonly customerId: string;
  readonly channel: Channel;
  readonly purpose: Purpose;
  readonly source: string;
  readonly revokedAt: string;
}

export interface CustomerReferred {
  readonly customerId: string;
  readonly referrerId: string;
  readonly referredAt: string;
}

export interface DuplicateSuspected {
  readonly customerId: string;
  readonly otherCustomerId: string;
  /** `same-email`, `same-phone`. */
  readonly reasons: readonly string[];
  readonly suspectedAt: string;
  /** personal: the identities this customer gave that belong to the other customer. */
  readonly identities: readonly Identity[];
}

/** What the survivor took over from the absorbed customer (field-conflict policy: merge-policy.ts). */
export interface MergeAdoption {
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly name?: PersonName;
  readonly birthday?: string;
  readonly address?: PostalAddress;
  readonly company?: string;
  readonly preferredLanguage?: string;
  readonly tags: readonly string[];
  readonly attributes: Attributes;
}

/** On the ABSORBED customer's stream. */
export interface CustomersMerged {
  readonly mergeId: string;
  readonly survivorId: string;
  readonly absorbedId: string;
  readonly mergedAt: string;
}

/** On the SURVIVOR's stream. */
export interface CustomerAbsorbed extends CustomersMerged {
  /** personal (sealed with the ABSORBED customer's key: erasing that person makes it unreadable). */
  readonly adopted: MergeAdoption;
  /** Consent decisions taken over, effective at `mergedAt`. */
  readonly consentChanges: readonly ConsentChange[];
}

/** On both streams; the survivor's copy says what it gave back. */
export interface MergeUndone {
  readonly mergeId: string;
  readonly survivorId: string;
  readonly absorbedId: string;
  readonly undoneAt: string;
  /** Survivor only. personal (sealed with the absorbed customer's key). */
  readonly returned?: MergeAdoption;
  /** Survivor only: consent decisions reverted, effective at `undoneAt`. */
  readonly consentChanges?: readonly ConsentChange[];
}

export interface CustomerErased {
  readonly customerId: string;
  readonly erasedAt: string;
  /** personal: identity keys (keyed hashes, see identity-key.ts) whose claims are released by the erasure. */
  readonly releasedIdentities: readonly string[];
  /** Set when the erasure of a survivor carried over to a customer merged into it. */
  readonly viaSurvivorId?: string;
}

export type CustomerEvent =
  | { readonly type: 'contacts.customer-registered'; readonly data: CustomerRegistered }
  | { readonly type: 'contacts.profile-updated'; readonly data: ProfileUpdated }
  | { readonly type: 'contacts.email-added'; readonly data: EmailAdded }
  | { readonly type: 'contacts.email-removed'; readonly data: EmailRemoved }
  | { readonly type: 'contacts.phone-added'; readonly data: PhoneAdded }
  | { readonly type: 'contacts.phone-removed'; readonly data: PhoneRemoved }
  | { readonly type: 'contacts.consent-granted'; readonly data: ConsentGranted }
  | { readonly type: 'contacts.consent-revoked'; readonly data: ConsentRevoked }
  | { readonly type: 'contacts.customer-referred'; readonly data: CustomerReferred }
  | { readonly type: 'contacts.duplicate-suspected'; readonly data: DuplicateSuspected }
  | { readonly type: 'contacts.customers-merged'; readonly data: CustomersMerged }
  | { readonly type: 'contacts.customer-absorbed'; readonly data: CustomerAbsorbed }
  | { readonly type: 'contacts.merge-undone'; readonly data: MergeUndone }
  | { readonly type: 'contacts.customer-erased'; readonly data: CustomerErased };

export type CustomerEventType = CustomerEvent['type'];

export const CUSTOMER_EVENT_TYPES: readonly CustomerEventType[] = [
  'contacts.customer-registered',
  'contacts.profile-updated',
  'contacts.email-added',
  'contacts.email-removed',
  'contacts.phone-added',
  'contacts.phone-removed',
  'contacts.consent-granted',
  'contacts.consent-revoked',
  'contacts.customer-referred',
  'contacts.duplicate-suspected',
  'contacts.customers-merged',
  'contacts.customer-absorbed',
  'contacts.merge-undone',
  'contacts.customer-erased',
];
