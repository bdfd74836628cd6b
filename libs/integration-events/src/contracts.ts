import type { EventEnvelope } from '@c360/kernel';
import type { FieldSchema } from './field-schema';
import { TOPICS, type TopicName } from './integration-event';

/**
 * Every integration event the platform publishes: which domain event it is made from, the topic,
 * the key and the whitelisted fields. A domain event not listed here is not published.
 */
export interface IntegrationContract {
  readonly type: string;
  readonly schemaVersion: number;
  readonly topic: TopicName;
  readonly from: string;
  readonly description: string;
  readonly fields: FieldSchema;
  /** The customer the event belongs to (the message key). */
  key(event: EventEnvelope): string | undefined;
}

const dataField = (field: string) => (event: EventEnvelope) => {
  const value = (event.data as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : undefined;
};
/** Loyalty account streams are `loyalty-account-<customerId>`. */
const accountOwner = (event: EventEnvelope) =>
  dataField('customerId')(event) ??
  (event.streamId.startsWith('loyalty-account-') ? event.streamId.slice('loyalty-account-'.length) : undefined);

const customerId = { type: 'string', required: true, description: 'pseudonymous customer id (UUID)' } as const;
const instant = (description: string, required = true) => ({ type: 'instant', required, description }) as const;
const amount = (description: string) => ({ type: 'integer', required: true, description: `${description}, integer minor units` }) as const;
const currency = { type: 'string', required: true, description: 'ISO 4217 currency code' } as const;
const points = { type: 'integer', required: true, description: 'points' } as const;

const contacts: IntegrationContract[] = [
  {
    type: 'contacts.customer-registered',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.customer-registered',
    description: 'A customer joined. No personal data: only the id, how they came, and when.',
    key: dataField('customerId'),
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
    key: dataField('customerId'),
    fields: { customerId, referrerId: { type: 'string', required: true, description: 'the referrer (UUID)' }, referredAt: instant('when') },
  },
  {
    type: 'contacts.consent-granted',
    schemaVersion: 1,
    topic: TOPICS.contacts,
    from: 'contacts.consent-granted',
    description: 'Consent for a channel and purpose was granted.',
    key: dataField('customerId'),
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
    key: dataField('customerId'),
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
    key: dataField('survivorId'),
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
    key: dataField('survivorId'),
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
    key: dataField('customerId'),
    fields: { customerId, erasedAt: instant('when') },
  },
];

const sales: IntegrationContract[] = [
  {
    type: 'sales.purchase-recorded',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.purchase-recorded',
    description: 'A purchase from any channel.',
    key: dataField('customerId'),
    fields: {
      purchaseId: { type: 'string', required: true, description: 'purchase id' },
      orderId: { type: 'string', required: true, description: 'external order id' },
      customerId,
      channel: { type: 'string', required: true, description: 'store | web | deal | phone | partner' },
      dealId: { type: 'string', description: 'the won deal, for channel deal' },
      lines: { type: 'lines', required: true, description: 'sku, category, quantity, unitPrice (minor units)' },
      total: amount('order total'),
      currency,
      purchasedAt: instant('when'),
    },
  },
  {
    type: 'sales.purchase-refunded',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.purchase-refunded',
    description: 'Money given back on a purchase (refund or return), whole or partial.',
    key: dataField('customerId'),
    fields: {
      purchaseId: { type: 'string', required: true, description: 'purchase id' },
      orderId: { type: 'string', description: 'external order id' },
      refundId: { type: 'string', required: true, description: 'refund id' },
      customerId,
      amount: amount('refunded amount'),
      currency,
      lines: { type: 'lines', description: 'sku, quantity, amount' },
      refundedAt: instant('when'),
      fullyRefunded: { type: 'boolean', description: 'nothing left to refund' },
    },
  },
  {
    type: 'sales.deal-won',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.deal-won',
    description: 'A deal was won.',
    key: dataField('customerId'),
    fields: {
      dealId: { type: 'string', required: true, description: 'deal id' },
      customerId,
      amount: amount('deal amount'),
      currency,
      ownerId: { type: 'string', description: 'owning agent id' },
      wonAt: instant('when'),
    },
  },
  {
    type: 'sales.deal-lost',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.deal-lost',
    description: 'A deal was lost.',
    key: dataField('customerId'),
    fields: {
      dealId: { type: 'string', required: true, description: 'deal id' },
      customerId,
      amount: amount('deal amount'),
      currency,
      ownerId: { type: 'string', description: 'owning agent id' },
      lostAt: instant('when'),
    },
  },
  {
    type: 'sales.contract-renewed',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.contract-renewed',
    description: 'A contract or subscription was renewed.',
    key: dataField('customerId'),
    fields: {
      contractId: { type: 'string', required: true, description: 'contract id' },
      customerId,
      renewedAt: instant('when'),
      renewalDate: instant('next renewal'),
      value: amount('contract value'),
      currency,
    },
  },
];

const loyalty: IntegrationContract[] = [
  {
    type: 'loyalty.points-earned',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-earned',
    description: 'Points earned (a lot): pending until unlockAt.',
    key: accountOwner,
    fields: {
      customerId,
      lotId: { type: 'string', description: 'lot id' },
      points,
      earnedAt: instant('when', false),
      unlockAt: instant('spendable from', false),
      expiresAt: instant('expiry', false),
    },
  },
  {
    type: 'loyalty.points-redeemed',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-redeemed',
    description: 'Points spent.',
    key: accountOwner,
    fields: {
      customerId,
      redemptionId: { type: 'string', required: true, description: 'redemption id' },
      points,
      redeemedAt: instant('when'),
    },
  },
  {
    type: 'loyalty.points-expired',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-expired',
    description: 'What was left of a lot expired.',
    key: accountOwner,
    fields: { customerId, lotId: { type: 'string', description: 'lot id' }, points, expiredAt: instant('when') },
  },
  {
    type: 'loyalty.points-adjusted',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-adjusted',
    description: "A supervisor's manual adjustment (positive or negative).",
    key: accountOwner,
    fields: {
      customerId,
      points: { type: 'integer', required: true, description: 'points, negative for a debit' },
      reason: { type: 'string', description: 'reason code' },
      adjustedAt: instant('when'),
    },
  },
  {
    type: 'loyalty.points-clawed-back',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.points-clawed-back',
    description: 'Points taken back after a refund.',
    key: accountOwner,
    fields: { customerId, refundId: { type: 'string', description: 'refund id' }, points, clawedBackAt: instant('when') },
  },
  {
    type: 'loyalty.tier-changed',
    schemaVersion: 1,
    topic: TOPICS.loyalty,
    from: 'loyalty.tier-changed',
    description: 'The member moved to another tier.',
    key: accountOwner,
    fields: {
      customerId,
      from: { type: 'string', required: true, description: 'previous tier' },
      to: { type: 'string', required: true, description: 'new tier' },
      reason: { type: 'string', description: 'upgrade | downgrade | floor' },
      changedAt: instant('when'),
    },
  },
];

const surveys: IntegrationContract[] = [
  {
    type: 'surveys.response-recorded',
    schemaVersion: 1,
    topic: TOPICS.surveys,
    from: 'surveys.response-recorded',
    description: 'An NPS or CSAT answer (score only; free-text comments are personal and never published).',
    key: dataField('customerId'),
    fields: {
      responseId: { type: 'string', required: true, description: 'response id' },
      customerId,
      surveyKind: { type: 'string', required: true, description: 'nps | csat' },
      score: { type: 'integer', required: true, description: 'NPS 0-10, CSAT 1-5' },
      answeredAt: instant('when'),
    },
  },
];

export const INTEGRATION_CONTRACTS: readonly IntegrationContract[] = [...contacts, ...sales, ...loyalty, ...surveys];
