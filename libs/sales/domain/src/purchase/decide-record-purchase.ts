import { DomainError } from '@c360/kernel';
import { requireAmount, requireCurrency, requireIdentifier } from '../shared/sales-values';
import type { PurchaseCommand } from './purchase.commands';
import { SALES_CHANNELS, type PurchaseEvent, type PurchaseLine } from './purchase.events';
import type { PurchaseState, RecordedPurchase } from './purchase.state';

type RecordPurchase = Extract<PurchaseCommand, { type: 'record-purchase' }>;

export const MAX_ORDER_LINES = 500;
const MAX_QUANTITY = 1_000_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function decideRecordPurchase(command: RecordPurchase, state: PurchaseState): PurchaseEvent[] {
  if (state.status === 'recorded') {
    // The same order sent again (a retrying shop, a replayed feed) has one effect; a different order
    // under the same id is a conflict the sender must resolve.
    if (sameOrder(state, command)) return [];
    throw new DomainError(
      'sales.order-already-recorded',
      `Order ${command.orderId} (${command.channel}) was recorded with different contents`,
      'conflict',
      { purchaseId: state.purchaseId, orderId: state.orderId, channel: state.channel },
    );
  }
  requireIdentifier(command.orderId, 'orderId');
  if (!SALES_CHANNELS.includes(command.channel)) {
    throw new DomainError('sales.invalid-channel', `channel must be one of ${SALES_CHANNELS.join(', ')}`, 'invalid', { field: 'channel' });
  }
  if (command.channel === 'deal' && command.dealId === undefined) {
    throw new DomainError('sales.deal-required', 'An order from the deal channel names its deal', 'invalid', { field: 'dealId' });
  }
  requireCurrency(command.currency);
  const lines = validLines(command.lines);
  requireAmount(command.total, 'total');
  const expected = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  if (!Number.isSafeInteger(expected) || expected !== command.total) {
    throw new DomainError('sales.total-mismatch', `total must be the sum of quantity × unitPrice (${expected})`, 'invalid', {
      field: 'total',
      expected,
    });
  }
  if (!INSTANT.test(command.purchasedAt) || Number.isNaN(Date.parse(command.purchasedAt))) {
    throw new DomainError('sales.invalid-date', 'purchasedAt must be an ISO-8601 instant', 'invalid', { field: 'purchasedAt' });
  }
  const purchasedAt = new Date(command.purchasedAt).toISOString();
  if (purchasedAt > command.now) {
    throw new DomainError('sales.purchase-in-future', 'purchasedAt is later than now', 'invalid', { field: 'purchasedAt' });
  }
  if (command.paymentFingerprint !== undefined) requireIdentifier(command.paymentFingerprint, 'paymentFingerprint');
  if (command.deviceId !== undefined) requireIdentifier(command.deviceId, 'deviceId');
  return [
    {
      type: 'sales.purchase-recorded',
      data: {
        purchaseId: command.purchaseId,
        orderId: command.orderId,
        customerId: command.customerId,
        channel: command.channel,
        ...(command.dealId === undefined ? {} : { dealId: command.dealId }),
        lines,
        total: command.total,
        currency: command.currency,
        purchasedAt,
        ...(command.paymentFingerprint === undefined ? {} : { paymentFingerprint: command.paymentFingerprint }),
        ...(command.deviceId === undefined ? {} : { deviceId: command.deviceId }),
        recordedAt: command.now,
      },
    },
  ];
}

function validLines(lines: readonly PurchaseLine[]): PurchaseLine[] {
  if (lines.length === 0 || lines.length > MAX_ORDER_LINES) {
    throw new DomainError('sales.order-lines-required', `An order has 1 to ${MAX_ORDER_LINES} lines`, 'invalid', { field: 'lines' });
  }
  const skus = new Set<string>();
  return lines.map((line, index) => {
    const at = `lines.${index}`;
    requireIdentifier(line.sku, `${at}.sku`);
    if (skus.has(line.sku)) {
      // Refunds and returns name the line by SKU: one line per SKU keeps that unambiguous.
      throw new DomainError('sales.duplicate-sku', `SKU ${line.sku} appears on two lines; merge them`, 'invalid', { field: `${at}.sku` });
    }
    skus.add(line.sku);
    requireIdentifier(line.category, `${at}.category`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      throw new DomainError('sales.invalid-quantity', `${at}.quantity must be a whole number from 1 to ${MAX_QUANTITY}`, 'invalid', {
        field: `${at}.quantity`,
      });
    }
    requireAmount(line.unitPrice, `${at}.unitPrice`);
    return { sku: line.sku, category: line.category, quantity: line.quantity, unitPrice: line.unitPrice };
  });
}

/** The money facts of an order; when it was sent, fingerprints and devices may differ between retries. */
function sameOrder(recorded: RecordedPurchase, command: RecordPurchase): boolean {
  return (
    recorded.customerId === command.customerId &&
    recorded.channel === command.channel &&
    recorded.currency === command.currency &&
    recorded.total === command.total &&
    recorded.dealId === (command.dealId ?? null) &&
    recorded.lines.length === command.lines.length &&
    recorded.lines.every((line, index) => {
      const other = command.lines[index];
      return (
        line.sku === other.sku && line.category === other.category && line.quantity === other.quantity && line.unitPrice === other.unitPrice
      );
    })
  );
}
