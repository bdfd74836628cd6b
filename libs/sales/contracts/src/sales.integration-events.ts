import { FIELDS, TOPICS, defineIntegrationContracts } from '@c360/integration-events';
import type { SalesEvent } from '@c360/sales-domain';

/**
 * Integration events the sales context publishes on `c360.sales.v1`: purchases, refunds, deals won and lost, renewals — ids, codes, amounts and instants, never the free text of deals.
 * Public and versioned: a consumer (analytics, another context's workflow) reads these fields and
 * nothing else; the domain events behind them may change freely.
 */
const { customerId, instant, currency, amount } = FIELDS;

export const SALES_INTEGRATION_EVENTS = defineIntegrationContracts<SalesEvent>()([
  {
    type: 'sales.purchase-recorded',
    schemaVersion: 1,
    topic: TOPICS.sales,
    from: 'sales.purchase-recorded',
    description: 'A purchase from any channel.',
    key: (event) => event.data.customerId,
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
    key: (event) => event.data.customerId,
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
    key: (event) => event.data.customerId,
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
    key: (event) => event.data.customerId,
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
    key: (event) => event.data.customerId,
    fields: {
      contractId: { type: 'string', required: true, description: 'contract id' },
      customerId,
      renewedAt: instant('when'),
      renewalDate: instant('next renewal'),
      value: amount('contract value'),
      currency,
    },
  },
]);
