import type { PurchaseFacts, RefundFacts } from '@c360/loyalty-domain';
import {
  SALES_CONTRACT_RENEWED,
  SALES_PURCHASE_RECORDED,
  SALES_PURCHASE_REFUNDED,
  type SalesContractRenewedContract,
  type SalesPurchaseRecordedContract,
  type SalesPurchaseRefundedContract,
} from '@c360/sales-contracts';
import { ContractReader } from './contract-reader';

/**
 * What loyalty reads of sales' events: sales' shared-event contract, field by field, into loyalty's own
 * types (a field name the contract does not have fails to compile). Extra fields are ignored.
 */
export { SALES_CONTRACT_RENEWED, SALES_PURCHASE_RECORDED, SALES_PURCHASE_REFUNDED };

export interface PurchaseRecorded {
  readonly customerId: string;
  readonly purchase: PurchaseFacts;
  readonly paymentFingerprint?: string;
  readonly deviceId?: string;
}

export function readPurchaseRecorded(data: unknown): PurchaseRecorded {
  const r = new ContractReader<SalesPurchaseRecordedContract>(SALES_PURCHASE_RECORDED, data);
  const purchase: PurchaseFacts = {
    purchaseId: r.string('purchaseId'),
    orderId: r.string('orderId'),
    channel: r.string('channel'),
    lines: r.list('lines', (line) => ({
      sku: line.string('sku'),
      category: line.string('category'),
      quantity: line.integer('quantity', 0),
      unitPrice: line.integer('unitPrice', 0),
    })),
    total: r.integer('total', 0),
    currency: r.currency('currency'),
    purchasedAt: r.instant('purchasedAt'),
  };
  return r.done({
    customerId: r.string('customerId'),
    purchase,
    paymentFingerprint: r.optionalString('paymentFingerprint'),
    deviceId: r.optionalString('deviceId'),
  });
}

export interface PurchaseRefunded {
  readonly customerId: string;
  readonly refund: RefundFacts;
}

export function readPurchaseRefunded(data: unknown): PurchaseRefunded {
  const r = new ContractReader<SalesPurchaseRefundedContract>(SALES_PURCHASE_REFUNDED, data);
  const refund: RefundFacts = {
    refundId: r.string('refundId'),
    purchaseId: r.string('purchaseId'),
    amount: r.integer('amount', 0),
    currency: r.currency('currency'),
    lines: r.list('lines', (line) => ({
      sku: line.string('sku'),
      quantity: line.integer('quantity', 0),
      amount: line.integer('amount', 0),
    })),
    refundedAt: r.instant('refundedAt'),
    fullyRefunded: r.boolean('fullyRefunded'),
  };
  return r.done({ customerId: r.string('customerId'), refund });
}

export interface ContractRenewed {
  readonly contractId: string;
  readonly customerId: string;
  readonly renewedAt: string;
}

export function readContractRenewed(data: unknown): ContractRenewed {
  const r = new ContractReader<SalesContractRenewedContract>(SALES_CONTRACT_RENEWED, data);
  return r.done({ contractId: r.string('contractId'), customerId: r.string('customerId'), renewedAt: r.instant('renewedAt') });
}
