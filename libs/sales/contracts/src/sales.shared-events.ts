import type { ContractRenewed, PurchaseLine, PurchaseRecorded, PurchaseRefunded, RefundLine } from '@c360/sales-domain';

/**
 * The part of sales' event log other contexts may react to: these event types and these fields,
 * nothing else (a reaction reads them through an anti-corruption reader typed against these shapes).
 * Sales may reshape anything else in its events; changing one of these is a contract change.
 * Free text (a refund's reason) is not part of it.
 */
export const SALES_PURCHASE_RECORDED = 'sales.purchase-recorded' satisfies PurchaseRecorded['type'];
export const SALES_PURCHASE_REFUNDED = 'sales.purchase-refunded' satisfies PurchaseRefunded['type'];
export const SALES_CONTRACT_RENEWED = 'sales.contract-renewed' satisfies ContractRenewed['type'];

export type SalesPurchaseLineContract = Pick<PurchaseLine, 'sku' | 'category' | 'quantity' | 'unitPrice'>;
export type SalesPurchaseRecordedContract = Pick<
  PurchaseRecorded['data'],
  'purchaseId' | 'orderId' | 'customerId' | 'channel' | 'total' | 'currency' | 'purchasedAt' | 'paymentFingerprint' | 'deviceId'
> & { readonly lines: readonly SalesPurchaseLineContract[] };

export type SalesRefundLineContract = Pick<RefundLine, 'sku' | 'quantity' | 'amount'>;
export type SalesPurchaseRefundedContract = Pick<
  PurchaseRefunded['data'],
  'refundId' | 'purchaseId' | 'customerId' | 'amount' | 'currency' | 'refundedAt' | 'fullyRefunded'
> & { readonly lines: readonly SalesRefundLineContract[] };

export type SalesContractRenewedContract = Pick<ContractRenewed['data'], 'contractId' | 'customerId' | 'renewedAt'>;
