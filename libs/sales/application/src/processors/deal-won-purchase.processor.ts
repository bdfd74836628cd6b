import {
  ConcurrencyError,
  DomainError,
  EventProcessingError,
  TransientStoreError,
  deriveId,
  isTransient,
  type CommandContext,
  type EventEnvelope,
  type EventProcessor,
} from '@c360/kernel';
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
export class DealWonPurchaseRecorder implements EventProcessor {
  readonly name = 'sales-deal-won-purchases';
  readonly filter = { eventTypes: ['sales.deal-won'] };
  private readonly logger = new Logger('SalesReactions');

  constructor(private readonly purchases: PurchaseService) {}

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of events) {
      const event = asSalesEvent(envelope);
      if (event.type !== 'sales.deal-won') continue;
      const won = event.data;
      try {
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
      } catch (error) {
        if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'not-found')) {
          // e.g. re-won at another amount: the first purchase stands; money is corrected by a refund.
          this.logger.log(`${this.name}: ${envelope.type} ${envelope.id} refused by a rule: ${error.code}`);
          continue;
        }
        if (error instanceof ConcurrencyError) throw new TransientStoreError(error.message, { cause: error });
        if (isTransient(error)) throw error;
        throw new EventProcessingError(envelope, this.name, error);
      }
    }
  }

  private context(event: EventEnvelope): CommandContext {
    return {
      commandId: deriveId(`${this.name}/${event.id}`),
      actor: { id: this.name, role: 'system' },
      causationId: event.id,
      correlationId: event.metadata.correlationId,
    };
  }
}
