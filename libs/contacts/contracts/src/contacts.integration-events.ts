import { FIELDS, TOPICS, defineIntegrationContracts } from '@c360/integration-events';
import type { CustomerEvent } from '@c360/contacts-domain';

/**
 * Integration events the contacts context publishes on `c360.contacts.v1`: who joined, how they came, consent, merges, erasure — ids, codes and instants only.
 * Public and versioned: a consumer (analytics, another context's workflow) reads these fields and
 * nothing else; the domain events behind them may change freely.
 */
const { customerId, instant } = FIELDS;

export const CONTACTS_INTEGRATION_EVENTS = defineIntegrationContracts<CustomerEvent>()([
  {
    type: 'contacts.customer-registered',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.customer-registered',
    description: 'A customer joined. No personal data: only the id, how they came, and when.',
    key: (event) => event.data.customerId,
    fields: {
      customerId,
      registeredAt: instant('when'),
      acquisitionSource: { type: 'string', description: 'acquisition source code' },
      referralCode: { type: 'string', description: "the customer's own referral code" },
    },
  },
  {
    type: 'contacts.customer-referred',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.customer-referred',
    description: 'Who referred whom.',
    key: (event) => event.data.customerId,
    fields: { customerId, referrerId: { type: 'string', required: true, description: 'the referrer (UUID)' }, referredAt: instant('when') },
  },
  {
    type: 'contacts.consent-granted',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.consent-granted',
    description: 'Consent for a channel and purpose was granted.',
    key: (event) => event.data.customerId,
    fields: {
      customerId,
      channel: { type: 'string', required: true, description: 'email | sms | phone | push' },
      purpose: { type: 'string', required: true, description: 'marketing | service' },
      source: { type: 'string', description: 'source code' },
      at: instant('valid from', false),
    },
  },
  {
    type: 'contacts.consent-revoked',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.consent-revoked',
    description: 'Consent for a channel and purpose was revoked.',
    key: (event) => event.data.customerId,
    fields: {
      customerId,
      channel: { type: 'string', required: true, description: 'email | sms | phone | push' },
      purpose: { type: 'string', required: true, description: 'marketing | service' },
      source: { type: 'string', description: 'source code' },
      at: instant('valid from', false),
    },
  },
  {
    type: 'contacts.customers-merged',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.customers-merged',
    description: 'A duplicate was absorbed into a survivor: re-key the absorbed id to the survivor.',
    key: (event) => event.data.survivorId,
    fields: {
      mergeId: { type: 'string', required: true, description: 'merge id' },
      survivorId: { type: 'string', required: true, description: 'survivor customer id' },
      absorbedId: { type: 'string', required: true, description: 'absorbed customer id' },
      mergedAt: instant('when'),
    },
  },
  {
    type: 'contacts.merge-undone',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.merge-undone',
    description: 'A merge was undone: the absorbed id stands on its own again.',
    key: (event) => event.data.survivorId,
    fields: {
      mergeId: { type: 'string', required: true, description: 'merge id' },
      survivorId: { type: 'string', required: true, description: 'survivor customer id' },
      absorbedId: { type: 'string', required: true, description: 'absorbed customer id' },
      undoneAt: instant('when'),
    },
  },
  {
    type: 'contacts.customer-erased',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.customer-erased',
    description:
      'The customer exercised the right to be forgotten. Business facts keyed by the id stay; nothing personal was ever published.',
    key: (event) => event.data.customerId,
    fields: { customerId, erasedAt: instant('when') },
  },
]);
