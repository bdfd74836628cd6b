import type { CustomerErased } from '@c360/contacts-domain';
import { EventProcessingError, isTransient, reactionContext, type EventEnvelope, type EventProcessor } from '@c360/kernel';
import { Injectable } from '@nestjs/common';
import { ErasureService } from './erasure.service';

/**
 * Makes erasure durable: for every `customer-erased` tombstone in the log it (re)does the steps after
 * the tombstone — cascading to merged customers, deleting the key, releasing identity claims — so a
 * crash between the tombstone and the key deletion cannot leave readable personal data behind. After
 * a restore from backup, resetting its checkpoint re-shreds every erased customer.
 */
@Injectable()
export class ErasureCompletionProcessor implements EventProcessor {
  readonly name = 'process:contacts-erasure-completion';
  readonly filter = { eventTypes: ['contacts.customer-erased'] };

  constructor(private readonly erasure: ErasureService) {}

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      const data = event.data as CustomerErased;
      const context = reactionContext(this.name, event);
      try {
        // Re-running the erasure is a no-op on the erased stream and completes the cascade and shredding.
        await this.erasure.erase(data.customerId, context, data.viaSurvivorId);
      } catch (error) {
        if (isTransient(error)) throw error;
        throw new EventProcessingError(event, this.name, error);
      }
    }
  }
}
