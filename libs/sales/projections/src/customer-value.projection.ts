import type { DocumentProjection } from '@c360/kernel';
import { type PurchaseEvent } from '@c360/sales-domain';

export interface CurrencyValue {
  readonly purchases: number;
  readonly purchased: number;
  readonly refunded: number;
  /** purchased − refunded: the lifetime value in this currency. */
  readonly net: number;
}

export interface CustomerValueDocument {
  readonly customerId: string;
  readonly purchases: number;
  readonly firstPurchaseAt: string | null;
  readonly lastPurchaseAt: string | null;
  /** Per currency: amounts in different currencies are never added together. */
  readonly byCurrency: Readonly<Record<string, CurrencyValue>>;
}

/** A customer's lifetime value, net of refunds, per currency. */
export const customerValueProjection: DocumentProjection<CustomerValueDocument, PurchaseEvent> = {
  name: 'sales-customer-value',
  version: 1,
  handles: ['sales.purchase-recorded', 'sales.purchase-refunded'],
  documentIds: (event) => [event.data.customerId],
  evolve(doc, event, customerId) {
    const current: CustomerValueDocument = doc ?? { customerId, purchases: 0, firstPurchaseAt: null, lastPurchaseAt: null, byCurrency: {} };
    if (event.type === 'sales.purchase-recorded') {
      const { currency, total, purchasedAt } = event.data;
      const before = current.byCurrency[currency] ?? { purchases: 0, purchased: 0, refunded: 0, net: 0 };
      return {
        ...current,
        purchases: current.purchases + 1,
        firstPurchaseAt: current.firstPurchaseAt === null || purchasedAt < current.firstPurchaseAt ? purchasedAt : current.firstPurchaseAt,
        lastPurchaseAt: current.lastPurchaseAt === null || purchasedAt > current.lastPurchaseAt ? purchasedAt : current.lastPurchaseAt,
        byCurrency: {
          ...current.byCurrency,
          [currency]: {
            purchases: before.purchases + 1,
            purchased: before.purchased + total,
            refunded: before.refunded,
            net: before.net + total,
          },
        },
      };
    }
    if (event.type === 'sales.purchase-refunded') {
      const { currency, amount } = event.data;
      const before = current.byCurrency[currency] ?? { purchases: 0, purchased: 0, refunded: 0, net: 0 };
      return {
        ...current,
        byCurrency: { ...current.byCurrency, [currency]: { ...before, refunded: before.refunded + amount, net: before.net - amount } },
      };
    }
    return current;
  },
};
