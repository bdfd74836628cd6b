import type { UseCaseResult } from '@c360/kernel';
import type { PurchaseState } from '@c360/sales-domain';
import { HandlesCommand, contextOf, type ICommandHandler } from '@c360/runtime';
import { RecordPurchase, RefundPurchase } from './purchase.commands';
import { PurchaseService, type PurchaseResult } from './purchase.service';

@HandlesCommand(RecordPurchase)
export class RecordPurchaseHandler implements ICommandHandler<RecordPurchase, PurchaseResult> {
  constructor(private readonly purchases: PurchaseService) {}
  execute(command: RecordPurchase) {
    return this.purchases.record(command.input, contextOf(command));
  }
}

@HandlesCommand(RefundPurchase)
export class RefundPurchaseHandler implements ICommandHandler<RefundPurchase, UseCaseResult<PurchaseState> & { refundId: string }> {
  constructor(private readonly purchases: PurchaseService) {}
  execute(command: RefundPurchase) {
    return this.purchases.refund(command.purchaseId, command.input, contextOf(command));
  }
}
