import { CUSTOMER_PAST_VIEWS, type AsOfPoint, type CustomerAsOfView, type CustomerPastViews } from '@c360/customer360-application';
import type { CheckpointStore, DocumentStore, EventStore, KeyStore } from '@c360/kernel';
import { CHECKPOINT_STORE, DOCUMENT_STORE, EVENT_STORE, KEY_STORE, SCRATCH_STORES, type ScratchStores } from '@c360/runtime';
import type { Provider } from '@nestjs/common';
import { customerAsOf } from './customer-as-of';
import type { Contexts } from './replay-stores';

/** CustomerPastViews over the process's own stores: each view folds into a scratch store of its own, dropped after. */
export class ReplayCustomerPastViews implements CustomerPastViews {
  constructor(
    private readonly contexts: () => Contexts,
    private readonly stores: { events: EventStore; documents: DocumentStore; checkpoints: CheckpointStore; keys: KeyStore },
    private readonly scratchStores: ScratchStores,
  ) {}

  async asOf(customerId: string, at: AsOfPoint, options: { readonly population: boolean }): Promise<CustomerAsOfView> {
    const scratch = this.scratchStores();
    try {
      return await customerAsOf({
        contexts: this.contexts(),
        stores: this.stores,
        scratch,
        customerId,
        at,
        population: options.population,
      });
    } finally {
      await scratch.close();
    }
  }
}

/**
 * The provider a process running the customer 360 context gives it (`customer360Context(…, { pastViews })`).
 * `contexts` is read when a view is asked for: the list it belongs to may still be under construction.
 */
export function replayCustomerPastViews(contexts: () => Contexts): Provider {
  return {
    provide: CUSTOMER_PAST_VIEWS,
    useFactory: (events: EventStore, documents: DocumentStore, checkpoints: CheckpointStore, keys: KeyStore, scratch: ScratchStores) =>
      new ReplayCustomerPastViews(contexts, { events, documents, checkpoints, keys }, scratch),
    inject: [EVENT_STORE, DOCUMENT_STORE, CHECKPOINT_STORE, KEY_STORE, SCRATCH_STORES],
  };
}
