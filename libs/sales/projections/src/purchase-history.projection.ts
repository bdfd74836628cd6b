import type { DocumentProjection } from '@c360/kernel';
import { type PurchaseLine, type RefundKind, type RefundLine, type SalesChannel, type PurchaseEvent } from '@c360/sales-domain';

export interface RefundEntry {
  readonly refundId: string;
  readonly kind: RefundKind;
  readonly reason: string;
  readonly amount: number;
  readonly lines: readonly RefundLine[];
  readonly refundedAt: string;
}

export interface PurchaseDocument {
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
  /** total − refunds. */
  readonly netTotal: number;
  readonly status: 'paid' | 'partially-refunded' | 'refunded';
  readonly refunds: readonly RefundEntry[];
  readonly version: number;
}

/** One document per purchase: a customer's purchase history is a query on `customerId`, newest first. */
export const purchaseHistoryProjection: DocumentProjection<PurchaseDocument, PurchaseEvent> = {
  name: 'sales-purchases',
  version: 1,
  handles: ['sales.purchase-recorded', 'sales.purchase-refunded'],
  indexes: [{ fields: ['customerId', 'purchasedAt'] }],
  documentIds: (event) => [event.data.purchaseId],
  evolve(doc, event) {
    if (event.type === 'sales.purchase-recorded') {
      const d = event.data;
      return {
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
        netTotal: d.total,
        status: 'paid',
        refunds: [],
        version: event.revision,
      };
    }
    if (event.type !== 'sales.purchase-refunded' || doc === null) return doc;
    const d = event.data;
    return {
      ...doc,
      refundedTotal: d.refundedTotal,
      netTotal: doc.total - d.refundedTotal,
      status: d.fullyRefunded ? 'refunded' : 'partially-refunded',
      refunds: [
        ...doc.refunds,
        { refundId: d.refundId, kind: d.kind, reason: d.reason, amount: d.amount, lines: d.lines, refundedAt: d.refundedAt },
      ],
      version: event.revision,
    };
  },
};
