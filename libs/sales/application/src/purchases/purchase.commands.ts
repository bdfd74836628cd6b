import type { CommandContext, UseCaseResult } from '@c360/kernel';
import type { PurchaseState } from '@c360/sales-domain';
import { ContextCommand } from '@c360/runtime';
import type { PurchaseResult, RecordPurchaseInput, RefundInput } from './purchase.service';

/** Sent by the REST API for any channel, and by the deal-won workflow for channel `deal`. */
export class RecordPurchase extends ContextCommand<PurchaseResult> {
  constructor(
    readonly input: RecordPurchaseInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}

export class RefundPurchase extends ContextCommand<UseCaseResult<PurchaseState> & { refundId: string }> {
  constructor(
    readonly purchaseId: string,
    readonly input: RefundInput,
    context?: CommandContext,
  ) {
    super(context);
  }
}
