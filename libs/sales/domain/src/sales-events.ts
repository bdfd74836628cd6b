import type { ContractEvent } from './contract/contract.events';
import type { DealEvent } from './deal/deal.events';
import type { PipelineEvent } from './pipeline/pipeline.events';
import type { PurchaseEvent } from './purchase/purchase.events';

/** Every event the sales context writes. */
export type SalesEvent = PipelineEvent | DealEvent | PurchaseEvent | ContractEvent;
export type SalesEventType = SalesEvent['type'];

/** A stored event's `{ type, data }` as the sales event it is (readers narrow on `type`). */
export function asSalesEvent(event: { readonly type: string; readonly data: unknown }): SalesEvent {
  return { type: event.type, data: event.data } as SalesEvent;
}
