import type { Workflow } from '@c360/kernel';
import { dealOrderId, type DealWon } from '@c360/sales-domain';
import { RecordPurchase } from '../purchases/purchase.commands';

/**
 * A won deal records a purchase for its customer (channel `deal`, order id `deal-<dealId>`, one line
 * of the deal's amount), so lifetime value, purchase history and loyalty see deal revenue like any
 * other sale. Idempotent twice over: the command id derives from the event id, and the purchase stream
 * from the order id — a deal re-won after a reopen does not record a second purchase (the decider
 * refuses a different amount, which the runtime reports as a refusal: money is corrected by a refund).
 */
export const dealWonPurchases: Workflow<DealWon, RecordPurchase> = {
  // The first wave's processor name: it seeds the derived command ids, so it never changes.
  name: 'sales-deal-won-purchases',
  handles: ['sales.deal-won'],
  initialState: undefined,
  decide(event) {
    const won = event.data;
    const orderId = dealOrderId(won.dealId);
    return [
      {
        command: new RecordPurchase({
          orderId,
          channel: 'deal',
          customerId: won.customerId,
          dealId: won.dealId,
          lines: [{ sku: orderId, category: 'deal', quantity: 1, unitPrice: won.amount }],
          total: won.amount,
          currency: won.currency,
          purchasedAt: won.wonAt,
        }),
      },
    ];
  },
};
