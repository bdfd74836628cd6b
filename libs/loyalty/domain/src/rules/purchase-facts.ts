/**
 * What loyalty needs to know about a purchase and a refund. The application layer builds these from
 * sales events (its anti-corruption layer); the domain never sees another context's types.
 */
export interface PurchaseLine {
  readonly sku: string;
  readonly category: string;
  readonly quantity: number;
  /** Minor units. */
  readonly unitPrice: number;
}

export interface PurchaseFacts {
  readonly purchaseId: string;
  readonly orderId: string;
  readonly channel: string;
  readonly lines: readonly PurchaseLine[];
  /** Minor units. */
  readonly total: number;
  readonly currency: string;
  readonly purchasedAt: string;
}

export interface RefundLine {
  readonly sku: string;
  readonly quantity: number;
  /** Minor units refunded for this line. */
  readonly amount: number;
}

export interface RefundFacts {
  readonly refundId: string;
  readonly purchaseId: string;
  /** Minor units refunded in total. */
  readonly amount: number;
  readonly currency: string;
  /** Empty for an amount-only refund. */
  readonly lines: readonly RefundLine[];
  readonly refundedAt: string;
  readonly fullyRefunded: boolean;
}
