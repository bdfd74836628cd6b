import type { PurchaseLine, RefundKind, SalesChannel } from './purchase.events';

export type PurchaseCommand =
  | {
      readonly type: 'record-purchase';
      readonly purchaseId: string;
      readonly orderId: string;
      readonly customerId: string;
      readonly channel: SalesChannel;
      readonly dealId?: string;
      readonly lines: readonly PurchaseLine[];
      /** Must equal the sum of quantity × unitPrice: a check that the sender and we agree. */
      readonly total: number;
      readonly currency: string;
      readonly purchasedAt: string;
      readonly paymentFingerprint?: string;
      readonly deviceId?: string;
      readonly now: string;
    }
  | {
      readonly type: 'refund-purchase';
      readonly refundId: string;
      readonly kind: RefundKind;
      readonly reason: string;
      /** Required without lines; with lines it must equal their sum when given. */
      readonly amount?: number;
      /** `amount` per line defaults to quantity × unit price. */
      readonly lines?: readonly { readonly sku: string; readonly quantity: number; readonly amount?: number }[];
      readonly now: string;
    };
