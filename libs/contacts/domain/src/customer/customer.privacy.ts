import { classifyEventFields, personalDataPolicyOf, type PersonalDataPolicy } from '@c360/kernel';
import type { AccessExportedEvent } from '../access/access-export-record';
import type { IdentityClaimEvent } from '../identity/identity-claim';
import type { CustomerEvent } from './customer.events';

// What a survivor adopted from (or gave back to) the absorbed customer is that person's data: it is
// sealed with the absorbed customer's key, so erasing that person later makes it unreadable here too.
const byAbsorbed = 'absorbedId' as const;

/**
 * Every text field of every contacts event, personal or plain (GUIDE "Privacy", ADR 0013): names,
 * e-mails, phones, birthdays, addresses, companies, free-form attributes and the claim keys an erasure
 * releases are personal; ids, dates, codes (tags, sources, referral codes), consent decisions and
 * languages are pseudonymous business facts and stay readable. Identity claims hold keyed hashes and
 * customer ids only (identity-key.ts): nothing in them is sealed, because the claim index must work
 * without any customer's key.
 */
export const contactsEventFields = classifyEventFields<CustomerEvent | IdentityClaimEvent | AccessExportedEvent>()({
  'contacts.customer-registered': {
    subject: 'customerId',
    fields: {
      customerId: 'plain',
      registeredAt: 'plain',
      acquisitionSource: 'plain',
      referralCode: 'plain',
      preferredLanguage: 'plain',
      tags: 'plain',
      name: 'personal',
      emails: 'personal',
      phones: 'personal',
      birthday: 'personal',
      address: 'personal',
      company: 'personal',
      attributes: 'personal',
    },
  },
  'contacts.profile-updated': {
    subject: 'customerId',
    fields: {
      customerId: 'plain',
      updatedAt: 'plain',
      preferredLanguage: 'plain',
      tags: 'plain',
      name: 'personal',
      birthday: 'personal',
      address: 'personal',
      company: 'personal',
      attributes: 'personal',
    },
  },
  'contacts.email-added': { subject: 'customerId', fields: { customerId: 'plain', addedAt: 'plain', email: 'personal' } },
  'contacts.email-removed': {
    subject: 'customerId',
    fields: { customerId: 'plain', removedAt: 'plain', reason: 'plain', email: 'personal' },
  },
  'contacts.phone-added': { subject: 'customerId', fields: { customerId: 'plain', addedAt: 'plain', phone: 'personal' } },
  'contacts.phone-removed': {
    subject: 'customerId',
    fields: { customerId: 'plain', removedAt: 'plain', reason: 'plain', phone: 'personal' },
  },
  'contacts.consent-granted': {
    fields: { customerId: 'plain', channel: 'plain', purpose: 'plain', source: 'plain', grantedAt: 'plain' },
  },
  'contacts.consent-revoked': {
    fields: { customerId: 'plain', channel: 'plain', purpose: 'plain', source: 'plain', revokedAt: 'plain' },
  },
  'contacts.customer-referred': { fields: { customerId: 'plain', referrerId: 'plain', referredAt: 'plain' } },
  'contacts.duplicate-suspected': {
    subject: 'customerId',
    fields: { customerId: 'plain', otherCustomerId: 'plain', reasons: 'plain', suspectedAt: 'plain', identities: 'personal' },
  },
  'contacts.customers-merged': { fields: { mergeId: 'plain', survivorId: 'plain', absorbedId: 'plain', mergedAt: 'plain' } },
  'contacts.customer-absorbed': {
    subject: byAbsorbed,
    fields: { mergeId: 'plain', survivorId: 'plain', absorbedId: 'plain', mergedAt: 'plain', adopted: 'personal' },
  },
  'contacts.merge-undone': {
    subject: byAbsorbed,
    fields: { mergeId: 'plain', survivorId: 'plain', absorbedId: 'plain', undoneAt: 'plain', returned: 'personal' },
  },
  'contacts.customer-erased': {
    subject: 'customerId',
    fields: { customerId: 'plain', erasedAt: 'plain', viaSurvivorId: 'plain', releasedIdentities: 'personal' },
  },
  'contacts.identity-claimed': { fields: { identity: 'plain', kind: 'plain', customerId: 'plain', claimedAt: 'plain' } },
  'contacts.identity-released': {
    fields: { identity: 'plain', kind: 'plain', customerId: 'plain', reason: 'plain', releasedAt: 'plain' },
  },
  'contacts.identity-transferred': {
    fields: { identity: 'plain', kind: 'plain', fromCustomerId: 'plain', toCustomerId: 'plain', mergeId: 'plain', transferredAt: 'plain' },
  },
  // Who asked is a staff actor id and role; the record names no personal data of the customer.
  'contacts.access-exported': {
    fields: {
      customerId: 'plain',
      exportId: 'plain',
      requestedBy: 'plain',
      requestedByRole: 'plain',
      exportedAt: 'plain',
      sections: 'plain',
    },
  },
});

/** The sealing policy that follows from the classification (kept under its first-wave name). */
export const contactsPersonalData: PersonalDataPolicy = personalDataPolicyOf(contactsEventFields);
