import { customerIdOfStream } from '@c360/contacts-domain';
import { defineTimeline } from '@c360/kernel';
import type { ContactsSharedEvent } from './contacts.shared-events';

/**
 * How contacts' events read on the customer timeline. Summaries use codes and ids only (channels,
 * purposes, sources): names, e-mails and phones never appear, so entries stay harmless after erasure.
 */
export const CONTACTS_TIMELINE = defineTimeline<ContactsSharedEvent>()({
  'contacts.customer-registered': (event) => ({
    customerId: event.data.customerId,
    kind: 'profile',
    summary: event.data.acquisitionSource ? `Registered (source: ${event.data.acquisitionSource})` : 'Registered',
    at: event.data.registeredAt,
  }),
  'contacts.profile-updated': (event) => ({
    customerId: event.data.customerId,
    kind: 'profile',
    summary: 'Profile updated',
    at: event.data.updatedAt,
  }),
  'contacts.consent-granted': (event) => ({
    customerId: event.data.customerId,
    kind: 'consent',
    summary: `Consent granted: ${event.data.channel} for ${event.data.purpose}`,
    at: event.data.grantedAt,
  }),
  'contacts.consent-revoked': (event) => ({
    customerId: event.data.customerId,
    kind: 'consent',
    summary: `Consent revoked: ${event.data.channel} for ${event.data.purpose}`,
    at: event.data.revokedAt,
  }),
  'contacts.customer-referred': (event) => ({
    customerId: event.data.customerId,
    kind: 'referral',
    summary: `Referred by customer ${event.data.referrerId}`,
    at: event.data.referredAt,
  }),
  'contacts.customers-merged': (event) => ({
    customerId: event.data.absorbedId,
    kind: 'merge',
    summary: `Merged into customer ${event.data.survivorId}`,
    links: { mergeId: event.data.mergeId },
    at: event.data.mergedAt,
  }),
  'contacts.customer-absorbed': (event) => ({
    customerId: event.data.survivorId,
    kind: 'merge',
    summary: `Absorbed duplicate customer ${event.data.absorbedId}`,
    links: { mergeId: event.data.mergeId },
    at: event.data.mergedAt,
  }),
  // On both streams: each customer's own copy is its entry.
  'contacts.merge-undone': (event) => {
    const customerId = customerIdOfStream(event.streamId);
    const other = customerId === event.data.absorbedId ? event.data.survivorId : event.data.absorbedId;
    return {
      customerId,
      kind: 'merge',
      summary: `Merge with customer ${other} undone`,
      links: { mergeId: event.data.mergeId },
      at: event.data.undoneAt,
    };
  },
  'contacts.customer-erased': (event) => ({
    customerId: event.data.customerId,
    kind: 'erasure',
    summary: 'Personal data erased',
    at: event.data.erasedAt,
  }),
});
