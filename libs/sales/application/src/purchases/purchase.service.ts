import { CommandHandler, useCaseResult, type Clock, type CommandContext, type UseCaseResult } from '@c360/kernel';
import {
  purchaseAggregate,
  purchaseIdFor,
  purchaseStream,
  type PurchaseLine,
  type PurchaseState,
  type RefundKind,
  type SalesChannel,
} from '@c360/sales-domain';
import { CLOCK, CustomerDirectory } from '@c360/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createdId } from '../sales-ids';

export interface RecordPurchaseInput {
  readonly orderId: string;
  readonly channel: SalesChannel;
  readonly customerId: string;
  readonly dealId?: string;
  readonly lines: readonly PurchaseLine[];
  readonly total: number;
  readonly currency: string;
  /** Omitted: now. */
  readonly purchasedAt?: string;
  readonly paymentFingerprint?: string;
  readonly deviceId?: string;
}

export interface RefundInput {
  readonly refundId?: string;
  readonly kind: RefundKind;
  readonly reason: string;
  readonly amount?: number;
  readonly lines?: readonly { readonly sku: string; readonly quantity: number; readonly amount?: number }[];
}

export interface PurchaseResult extends UseCaseResult<PurchaseState> {
  readonly purchaseId: string;
  /** True when this order id had been recorded before: nothing new was written. */
  readonly alreadyRecorded: boolean;
}

@Injectable()
export class PurchaseService {
  constructor(
    private readonly commands: CommandHandler,
    private readonly customers: CustomerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The purchase stream is derived from channel and order id: recording an order a second time lands
   * on the same stream, the decider sees it recorded, and the first result is returned (or a 409 when
   * the contents differ).
   */
  async record(input: RecordPurchaseInput, context: CommandContext): Promise<PurchaseResult> {
    // Only customers that exist: 404 for an unknown id, 409 customer-erased for an erased one (ADR 0013).
    await this.customers.require(input.customerId);
    const now = this.clock.now().toISOString();
    const purchaseId = purchaseIdFor(input.channel, input.orderId);
    const result = await this.commands.handle(
      purchaseAggregate,
      purchaseStream(purchaseId),
      { type: 'record-purchase', purchaseId, ...input, purchasedAt: input.purchasedAt ?? now, now },
      context,
    );
    const written = useCaseResult(result);
    return { ...written, purchaseId, alreadyRecorded: !written.changed };
  }

  async refund(
    purchaseId: string,
    input: RefundInput,
    context: CommandContext,
  ): Promise<UseCaseResult<PurchaseState> & { refundId: string }> {
    const refundId = input.refundId ?? createdId('refund', context);
    const result = await this.commands.handle(
      purchaseAggregate,
      purchaseStream(purchaseId),
      {
        type: 'refund-purchase',
        refundId,
        kind: input.kind,
        reason: input.reason,
        amount: input.amount,
        lines: input.lines,
        now: this.clock.now().toISOString(),
      },
      context,
    );
    return { ...useCaseResult(result), refundId };
  }

  async load(purchaseId: string): Promise<{ state: PurchaseState; version: number }> {
    const loaded = await this.commands.load(purchaseAggregate, purchaseStream(purchaseId));
    return { state: loaded.state, version: loaded.revision };
  }
}
