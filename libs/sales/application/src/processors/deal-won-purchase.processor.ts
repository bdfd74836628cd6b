import { ProcessManager, type EventEnvelope } from '@c360/kernel';
import { asSalesEvent, dealOrderId } from '@c360/sales-domain';
import { Injectable, Logger } from '@nestjs/common';
import { PurchaseService } from '../purchases/purchase.service';

/**
 * A won deal records a purchase for its customer (channel `deal`, order id `deal-<dealId>`, one line
 * of the deal's amount), so lifetime value, purchase history and loyalty see deal revenue like any
 * other sale. Durable: it runs on the checkpointed subscription; idempotent twice over: the command id
 * derives from the event id, and the purchase stream from the order id — a deal re-won after a reopen
 * does not record a second purchase.
 */
@Injectable()
export class DealWonPurchaseRecorder extends ProcessManager {
  readonly name = 'sales-deal-won-purchases';
  readonly filter = { eventTypes: ['sales.deal-won'] };
  private readonly logger = new Logger('SalesReactions');

  constructor(private readonly purchases: PurchaseService) {
    super();
  }

  protected override log(message: string): void {
    // e.g. re-won at another amount: the first purchase stands; money is corrected by a refund.
    this.logger.log(message);
  }

  protected async react(envelope: EventEnvelope): Promise<void> {
    const event = asSalesEvent(envelope);
    if (event.type !== 'sales.deal-won') return;
    const won = event.data;
    await this.purchases.record(
      {
        orderId: dealOrderId(won.dealId),
        channel: 'deal',
        customerId: won.customerId,
        dealId: won.dealId,
        lines: [{ sku: dealOrderId(won.dealId), category: 'deal', quantity: 1, unitPrice: won.amount }],
        total: won.amount,
        currency: won.currency,
        purchasedAt: won.wonAt,
      },
      this.context(envelope),
    );
  }
}
