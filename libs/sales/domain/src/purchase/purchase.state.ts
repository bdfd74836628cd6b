import type { PurchaseEvent, PurchaseLine, RefundKind, RefundLine, SalesChannel } from './purchase.events';

export interface RecordedPurchase {
  readonly status: 'recorded';
  readonly purchaseId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly channel: SalesChannel;
  readonly dealId: string | null;
  readonly lines: readonly PurchaseLine[];
  readonly total: number;
  readonly currency: string;
  readonly purchasedAt: string;
  readonly refundedTotal: number;
  /** Quantity and amount refunded per SKU so far (amount-only refunds are not attributed to a line). */
  readonly refundedByLine: Readonly<Record<string, { readonly quantity: number; readonly amount: number }>>;
  /** Refunds by id, to recognise a repeated one. */
  readonly refunds: Readonly<Record<string, { readonly kind: RefundKind; readonly amount: number; readonly lines: readonly RefundLine[] }>>;
}

export type PurchaseState = { readonly status: 'none' } | RecordedPurchase;

export const initialPurchaseState: PurchaseState = { status: 'none' };

export function evolvePurchase(state: PurchaseState, event: PurchaseEvent): PurchaseState {
  if (event.type === 'sales.purchase-recorded') {
    const d = event.data;
    return {
      status: 'recorded',
      purchaseId: d.purchaseId,
      orderId: d.orderId,
      customerId: d.customerId,
      channel: d.channel,
      dealId: d.dealId ?? null,
      lines: d.lines,
      total: d.total,
      currency: d.currency,
      purchasedAt: d.purchasedAt,
      refundedTotal: 0,
      refundedByLine: {},
      refunds: {},
    };
  }
  if (state.status !== 'recorded') return state;
  const d = event.data;
  const refundedByLine = { ...state.refundedByLine };
  for (const line of d.lines) {
    const before = refundedByLine[line.sku] ?? { quantity: 0, amount: 0 };
    refundedByLine[line.sku] = { quantity: before.quantity + line.quantity, amount: before.amount + line.amount };
  }
  return {
    ...state,
    refundedTotal: state.refundedTotal + d.amount,
    refundedByLine,
    refunds: { ...state.refunds, [d.refundId]: { kind: d.kind, amount: d.amount, lines: d.lines } },
  };
}
