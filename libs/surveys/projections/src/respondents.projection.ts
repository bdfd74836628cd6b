import { contactsCustomerOfStream, type ContactsSharedEvent } from '@c360/contacts-contracts';
import type { DocumentProjection, EnvelopeOf } from '@c360/kernel';
import { loyaltyCustomerOfStream, type LoyaltySharedEvent } from '@c360/loyalty-contracts';

/** The latest consent decision for one channel and purpose, as contacts published it. */
export interface RespondentConsent {
  readonly granted: boolean;
  readonly at: string;
}

/**
 * What surveys needs to know about a customer before asking (its anti-corruption layer over contacts'
 * and loyalty's contracts): whether they exist, their consent per `channel:purpose`, their preferred
 * language, and their loyalty tier for the reports. No personal data.
 */
export interface RespondentDocument {
  readonly customerId: string;
  readonly status: 'active' | 'merged' | 'erased';
  readonly language: string | null;
  readonly consents: Readonly<Record<string, RespondentConsent>>;
  readonly tier: string | null;
}

type RespondentSourceEvent = ContactsSharedEvent | Extract<LoyaltySharedEvent, { type: 'loyalty.tier-changed' }>;

const HANDLES = [
  'contacts.customer-registered',
  'contacts.profile-updated',
  'contacts.consent-granted',
  'contacts.consent-revoked',
  'contacts.customers-merged',
  'contacts.customer-absorbed',
  'contacts.merge-undone',
  'contacts.customer-erased',
  'loyalty.tier-changed',
] as const satisfies readonly RespondentSourceEvent['type'][];

function empty(customerId: string): RespondentDocument {
  return { customerId, status: 'active', language: null, consents: {}, tier: null };
}

function withConsents(doc: RespondentDocument, changes: readonly { channel: string; purpose: string; granted: boolean }[], at: string) {
  if (changes.length === 0) return doc;
  const consents = { ...doc.consents };
  for (const { channel, purpose, granted } of changes) consents[`${channel}:${purpose}`] = { granted, at };
  return { ...doc, consents };
}

export const respondentsProjection: DocumentProjection<RespondentDocument, RespondentSourceEvent> = {
  name: 'surveys-respondents',
  version: 1,
  handles: HANDLES,
  indexes: [{ fields: ['status'] }],
  documentIds: (event: EnvelopeOf<RespondentSourceEvent>) => [
    event.type === 'loyalty.tier-changed' ? loyaltyCustomerOfStream(event.streamId) : contactsCustomerOfStream(event.streamId),
  ],
  evolve(current, event, customerId) {
    const doc = current ?? empty(customerId);
    switch (event.type) {
      case 'contacts.customer-registered':
        return { ...doc, language: event.data.preferredLanguage ?? null };
      case 'contacts.profile-updated':
        return event.data.preferredLanguage === undefined ? doc : { ...doc, language: event.data.preferredLanguage };
      case 'contacts.consent-granted':
        return {
          ...doc,
          consents: { ...doc.consents, [`${event.data.channel}:${event.data.purpose}`]: { granted: true, at: event.data.grantedAt } },
        };
      case 'contacts.consent-revoked':
        return {
          ...doc,
          consents: { ...doc.consents, [`${event.data.channel}:${event.data.purpose}`]: { granted: false, at: event.data.revokedAt } },
        };
      case 'contacts.customers-merged':
        return doc.customerId === event.data.absorbedId && doc.status !== 'erased' ? { ...doc, status: 'merged' } : doc;
      case 'contacts.customer-absorbed':
        return withConsents(doc, event.data.consentChanges, event.data.mergedAt);
      case 'contacts.merge-undone':
        if (doc.customerId === event.data.absorbedId) return doc.status === 'merged' ? { ...doc, status: 'active' } : doc;
        return withConsents(doc, event.data.consentChanges ?? [], event.data.undoneAt);
      case 'contacts.customer-erased':
        return { ...doc, status: 'erased' };
      case 'loyalty.tier-changed':
        return { ...doc, tier: event.data.to };
      default:
        return doc;
    }
  },
};

/** Contacts' rule (Apache Unomi): valid at `t` when the latest decision at or before `t` granted it. */
export function consentValidAt(doc: RespondentDocument | null, channel: string, purpose: string, t: string): boolean {
  const decision = doc?.consents[`${channel}:${purpose}`];
  return !!decision && decision.granted && Date.parse(decision.at) <= Date.parse(t);
}
