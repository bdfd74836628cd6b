import { FIELDS, PublishedContracts, TOPICS, stringField } from '@c360/integration-events';

/**
 * A purchase contract shaped like sales' own, for the relay's specs: the relay is shared code and does
 * not import a context (the platform hands it every definition's `publishes`).
 */
export const purchaseContracts = new PublishedContracts([
  {
    type: 'sales.purchase-recorded',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.purchase-recorded',
    description: 'A purchase (relay spec contract).',
    key: (event) => stringField(event, 'customerId'),
    fields: {
      orderId: { type: 'string', required: true, description: 'external order id' },
      customerId: FIELDS.customerId,
      total: FIELDS.amount('order total'),
      currency: FIELDS.currency,
      purchasedAt: FIELDS.instant('when'),
    },
  },
]);
