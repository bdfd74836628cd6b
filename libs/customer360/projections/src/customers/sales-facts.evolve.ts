import type { SalesSharedEvent } from '@c360/sales-contracts';
import type { SalesFacts } from './customer-facts.document';

type PurchaseEvent = Extract<SalesSharedEvent, { type: 'sales.purchase-recorded' | 'sales.purchase-refunded' }>;

/** Lifetime value per currency (amounts in different currencies are never added), purchase count and months. */
export function evolveSalesFacts(facts: SalesFacts, event: PurchaseEvent): SalesFacts {
  if (event.type === 'sales.purchase-recorded') {
    const { currency, total, purchasedAt } = event.data;
    const before = facts.byCurrency[currency] ?? { purchased: 0, refunded: 0, net: 0 };
    const month = purchasedAt.slice(0, 7);
    return {
      ...facts,
      purchases: facts.purchases + 1,
      firstPurchaseAt: facts.firstPurchaseAt === null || purchasedAt < facts.firstPurchaseAt ? purchasedAt : facts.firstPurchaseAt,
      lastPurchaseAt: facts.lastPurchaseAt === null || purchasedAt > facts.lastPurchaseAt ? purchasedAt : facts.lastPurchaseAt,
      byCurrency: {
        ...facts.byCurrency,
        [currency]: { purchased: before.purchased + total, refunded: before.refunded, net: before.net + total },
      },
      purchaseMonths: facts.purchaseMonths.includes(month) ? facts.purchaseMonths : [...facts.purchaseMonths, month].sort(),
    };
  }
  const { currency, amount } = event.data;
  const before = facts.byCurrency[currency] ?? { purchased: 0, refunded: 0, net: 0 };
  return {
    ...facts,
    refunds: facts.refunds + 1,
    byCurrency: { ...facts.byCurrency, [currency]: { ...before, refunded: before.refunded + amount, net: before.net - amount } },
  };
}
