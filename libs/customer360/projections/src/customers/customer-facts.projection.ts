import { contactsCustomerOfStream, type ContactsSharedEvent } from '@c360/contacts-contracts';
import { projectionCollection, type DocumentProjection, type EnvelopeOf } from '@c360/kernel';
import { LOYALTY_SHARED_EVENT_TYPES, loyaltyCustomerOfStream, type LoyaltySharedEvent } from '@c360/loyalty-contracts';
import type { SalesSharedEvent } from '@c360/sales-contracts';
import { SURVEYS_ANSWER_RECORDED, type SurveysSharedEvent } from '@c360/surveys-contracts';
import { newCustomerFacts, type CustomerFactsDocument } from './customer-facts.document';
import { evolveLoyaltyFacts } from './loyalty-facts.evolve';
import { evolveSalesFacts } from './sales-facts.evolve';

type SalesFactEvent = Extract<
  SalesSharedEvent,
  {
    type:
      | 'sales.purchase-recorded'
      | 'sales.purchase-refunded'
      | 'sales.deal-opened'
      | 'sales.deal-won'
      | 'sales.deal-lost'
      | 'sales.deal-activity-logged';
  }
>;
type SurveyFactEvent = Extract<SurveysSharedEvent, { type: typeof SURVEYS_ANSWER_RECORDED }>;
export type CustomerFactsEvent = ContactsSharedEvent | SalesFactEvent | LoyaltySharedEvent | SurveyFactEvent;

const CONTACTS_TYPES = [
  'contacts.customer-registered',
  'contacts.consent-granted',
  'contacts.consent-revoked',
  'contacts.customers-merged',
  'contacts.customer-absorbed',
  'contacts.merge-undone',
  'contacts.customer-erased',
] as const satisfies readonly ContactsSharedEvent['type'][];
const SALES_TYPES = [
  'sales.purchase-recorded',
  'sales.purchase-refunded',
  'sales.deal-opened',
  'sales.deal-won',
  'sales.deal-lost',
  'sales.deal-activity-logged',
] as const satisfies readonly SalesFactEvent['type'][];

export const CUSTOMER_FACTS = { name: 'c360-customers', version: 1 } as const;
export const CUSTOMER_FACTS_COLLECTION = projectionCollection(CUSTOMER_FACTS);

/** The 360 document's facts, one per customer id; segments and reports page through them. */
export const customerFactsProjection: DocumentProjection<CustomerFactsDocument, CustomerFactsEvent> = {
  ...CUSTOMER_FACTS,
  handles: [...CONTACTS_TYPES, ...SALES_TYPES, ...LOYALTY_SHARED_EVENT_TYPES, SURVEYS_ANSWER_RECORDED],
  indexes: [{ fields: ['status'] }],
  documentIds: (event) => [customerOf(event)],
  evolve(doc, event, customerId) {
    const facts = doc ?? newCustomerFacts(customerId);
    if (event.type.startsWith('loyalty.')) {
      const loyalty = evolveLoyaltyFacts(facts.loyalty, event as LoyaltySharedEvent, event.occurredAt);
      const interaction = event.type === 'loyalty.points-redeemed' ? touched(facts, event.occurredAt, 'redemption') : facts;
      return { ...interaction, loyalty };
    }
    if (event.type === SURVEYS_ANSWER_RECORDED) return withAnswer(facts, event as EnvelopeOf<SurveyFactEvent>);
    return evolveCustomer(facts, event as EnvelopeOf<ContactsSharedEvent | SalesFactEvent>);
  },
};

function customerOf(event: EnvelopeOf<CustomerFactsEvent>): string {
  if (event.type.startsWith('loyalty.')) return loyaltyCustomerOfStream(event.streamId);
  // Merge events are on both customers' streams; each copy changes its own customer's record.
  if (event.type.startsWith('contacts.')) return contactsCustomerOfStream(event.streamId);
  return (event.data as { customerId: string }).customerId;
}

function evolveCustomer(facts: CustomerFactsDocument, event: EnvelopeOf<ContactsSharedEvent | SalesFactEvent>): CustomerFactsDocument {
  switch (event.type) {
    case 'contacts.customer-registered':
      return { ...facts, registeredAt: event.data.registeredAt, acquisitionSource: event.data.acquisitionSource ?? null };
    case 'contacts.consent-granted':
    case 'contacts.consent-revoked': {
      const { channel, purpose } = event.data;
      const granted = event.type === 'contacts.consent-granted';
      const at = event.type === 'contacts.consent-granted' ? event.data.grantedAt : event.data.revokedAt;
      return { ...facts, consents: { ...facts.consents, [`${channel}:${purpose}`]: { channel, purpose, granted, at } } };
    }
    case 'contacts.customers-merged':
      return { ...facts, status: facts.status === 'erased' ? 'erased' : 'merged', mergedInto: event.data.survivorId };
    case 'contacts.customer-absorbed':
      return withConsents(facts, event.data.consentChanges, event.data.mergedAt);
    case 'contacts.merge-undone':
      if (facts.customerId !== event.data.absorbedId) return withConsents(facts, event.data.consentChanges ?? [], event.data.undoneAt);
      return { ...facts, status: facts.status === 'erased' ? 'erased' : 'active', mergedInto: null };
    case 'contacts.customer-erased':
      return { ...facts, status: 'erased', erasedAt: event.data.erasedAt };
    case 'sales.purchase-recorded':
      return touched({ ...facts, sales: evolveSalesFacts(facts.sales, event) }, event.data.purchasedAt, 'purchase');
    case 'sales.purchase-refunded':
      return touched({ ...facts, sales: evolveSalesFacts(facts.sales, event) }, event.data.refundedAt, 'refund');
    case 'sales.deal-opened':
      return touched(facts, event.data.openedAt, 'deal');
    case 'sales.deal-won':
      return touched(facts, event.data.wonAt, 'deal');
    case 'sales.deal-lost':
      return touched(facts, event.data.lostAt, 'deal');
    case 'sales.deal-activity-logged':
      return touched(facts, event.data.activityAt, 'activity');
    default:
      return facts;
  }
}

/** Consent decisions a merge took over (or an undo reverted), as contacts decided them. */
function withConsents(
  facts: CustomerFactsDocument,
  changes: readonly { readonly channel: string; readonly purpose: string; readonly granted: boolean }[],
  at: string,
): CustomerFactsDocument {
  if (changes.length === 0) return facts;
  const consents = { ...facts.consents };
  for (const { channel, purpose, granted } of changes) consents[`${channel}:${purpose}`] = { channel, purpose, granted, at };
  return { ...facts, consents };
}

/** The latest NPS or CSAT answer by answer time; an answer is also an interaction. */
function withAnswer(facts: CustomerFactsDocument, event: EnvelopeOf<SurveyFactEvent>): CustomerFactsDocument {
  const { kind, score, category, answeredAt, invitationId } = event.data;
  if ((kind !== 'nps' && kind !== 'csat') || score === undefined) return touched(facts, answeredAt, 'survey');
  const feedback = facts.feedback ?? { lastNps: null, lastCsat: null };
  const key = kind === 'nps' ? 'lastNps' : 'lastCsat';
  const before = feedback[key];
  const next = before !== null && before.at > answeredAt ? before : { score, category: category ?? null, at: answeredAt, invitationId };
  return touched({ ...facts, feedback: { ...feedback, [key]: next } }, answeredAt, 'survey');
}

/** The latest interaction by business time (events may arrive out of business order). */
function touched(facts: CustomerFactsDocument, at: string, kind: string): CustomerFactsDocument {
  return facts.lastInteractionAt !== null && facts.lastInteractionAt >= at
    ? facts
    : { ...facts, lastInteractionAt: at, lastInteractionKind: kind };
}
