import { streamName, type AggregateType, type Decider } from '@c360/kernel';
import { decideRecordPurchase } from './decide-record-purchase';
import { decideRefund } from './decide-refund';
import type { PurchaseCommand } from './purchase.commands';
import type { PurchaseEvent } from './purchase.events';
import { evolvePurchase, initialPurchaseState, type PurchaseState } from './purchase.state';

export const purchaseDecider: Decider<PurchaseCommand, PurchaseEvent, PurchaseState> = {
  initialState: initialPurchaseState,
  decide: (command, state) => (command.type === 'record-purchase' ? decideRecordPurchase(command, state) : decideRefund(command, state)),
  evolve: evolvePurchase,
};

export function purchaseStream(purchaseId: string): string {
  return streamName('sales', 'purchase', purchaseId);
}

export const purchaseAggregate: AggregateType<PurchaseCommand, PurchaseEvent, PurchaseState> = {
  name: 'sales-purchase',
  decider: purchaseDecider,
  eventSchemas: { 'sales.purchase-recorded': 1, 'sales.purchase-refunded': 1 },
};
