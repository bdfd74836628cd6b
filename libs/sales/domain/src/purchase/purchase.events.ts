/** Events of the purchase aggregate. `sales.purchase-recorded` and `sales.purchase-refunded` are a contract with loyalty. */

export const SALES_CHANNELS = ['store', 'web', 'deal', 'phone', 'partner'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export const REFUND_KINDS = ['refund', 'return'] as const;
/** A return sends goods back (lines required); a refund gives money back, with or without lines. */
export type RefundKind = (typeof REFUND_KINDS)[number];

export interface PurchaseLine {
  readonly sku: string;
  readonly category: string;
  readonly quantity: number;
  /** Minor units per item. */
  readonly unitPrice: number;
}

export interface RefundLine {
  readonly sku: string;
  readonly quantity: number;
  readonly amount: number;
}

export type PurchaseRecorded = {
  readonly type: 'sales.purchase-recorded';
  readonly data: {
    readonly purchaseId: string;
    readonly orderId: string;
    readonly customerId: string;
    readonly channel: SalesChannel;
    readonly dealId?: string;
    readonly lines: readonly PurchaseLine[];
    readonly total: number;
    readonly currency: string;
    readonly purchasedAt: string;
    readonly paymentFingerprint?: string;
    readonly deviceId?: string;
    readonly recordedAt: string;
  };
};

export type PurchaseRefunded = {
  readonly type: 'sales.purchase-refunded';
  readonly data: {
    readonly purchaseId: string;
    readonly orderId: string;
    readonly customerId: string;
    readonly refundId: string;
    readonly kind: RefundKind;
    readonly reason: string;
    readonly amount: number;
    readonly currency: string;
    /** Empty for an amount-only refund. */
    readonly lines: readonly RefundLine[];
    readonly refundedAt: string;
    readonly fullyRefunded: boolean;
    /** Everything refunded on the purchase so far, this refund included. */
    readonly refundedTotal: number;
  };
};

export type PurchaseEvent = PurchaseRecorded | PurchaseRefunded;

export const PURCHASE_EVENT_TYPES = [
  'sales.purchase-recorded',
  'sales.purchase-refunded',
] as const satisfies readonly PurchaseEvent['type'][];
