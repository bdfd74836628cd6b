import { DomainError } from '@c360/kernel';
import { requireAmount, requireIdentifier, requireText } from '../shared/sales-values';
import type { PurchaseCommand } from './purchase.commands';
import { REFUND_KINDS, type PurchaseEvent, type RefundLine } from './purchase.events';
import type { PurchaseState, RecordedPurchase } from './purchase.state';

type RefundPurchase = Extract<PurchaseCommand, { type: 'refund-purchase' }>;

/**
 * Refunds and returns, whole or partial. Never more than was paid: per line (quantity and amount)
 * and in total, counting every earlier refund of the purchase.
 */
export function decideRefund(command: RefundPurchase, state: PurchaseState): PurchaseEvent[] {
  if (state.status !== 'recorded') throw new DomainError('sales.purchase-not-found', 'No such purchase', 'not-found');
  requireIdentifier(command.refundId, 'refundId');
  if (!REFUND_KINDS.includes(command.kind)) {
    throw new DomainError('sales.invalid-refund-kind', `kind must be one of ${REFUND_KINDS.join(', ')}`, 'invalid', { field: 'kind' });
  }
  const reason = requireText(command.reason, 'reason', 500);
  const lines = requestedLines(state, command);
  if (command.kind === 'return' && lines.length === 0) {
    throw new DomainError('sales.return-lines-required', 'A return names the lines that come back', 'invalid', { field: 'lines' });
  }
  const linesTotal = lines.reduce((sum, line) => sum + line.amount, 0);
  if (lines.length > 0 && command.amount !== undefined && command.amount !== linesTotal) {
    throw new DomainError('sales.refund-amount-mismatch', `amount must equal the sum of the lines' amounts (${linesTotal})`, 'invalid', {
      field: 'amount',
      expected: linesTotal,
    });
  }
  if (lines.length === 0 && command.amount === undefined) {
    throw new DomainError('sales.refund-amount-required', 'A refund without lines gives an amount', 'invalid', { field: 'amount' });
  }
  const amount = lines.length > 0 ? linesTotal : (command.amount as number);
  requireAmount(amount, 'amount', 1);

  const earlier = state.refunds[command.refundId];
  if (earlier) {
    // Checked before the limits: the first attempt already used up what it refunded.
    if (earlier.kind === command.kind && earlier.amount === amount && sameLines(earlier.lines, lines)) return [];
    throw new DomainError('sales.refund-id-conflict', `Refund ${command.refundId} was recorded with different contents`, 'conflict', {
      field: 'refundId',
    });
  }
  lines.forEach((line, index) => requireLineRefundable(state, line, `lines.${index}`));
  const refundable = state.total - state.refundedTotal;
  if (amount > refundable) {
    throw new DomainError(
      'sales.refund-exceeds-paid',
      `Only ${refundable} ${state.currency} of ${state.total} is left to refund`,
      'conflict',
      {
        field: 'amount',
        refundable,
      },
    );
  }
  const refundedTotal = state.refundedTotal + amount;
  return [
    {
      type: 'sales.purchase-refunded',
      data: {
        purchaseId: state.purchaseId,
        orderId: state.orderId,
        customerId: state.customerId,
        refundId: command.refundId,
        kind: command.kind,
        reason,
        amount,
        currency: state.currency,
        lines,
        refundedAt: command.now,
        fullyRefunded: refundedTotal === state.total,
        refundedTotal,
      },
    },
  ];
}

function requestedLines(state: RecordedPurchase, command: RefundPurchase): RefundLine[] {
  const seen = new Set<string>();
  return (command.lines ?? []).map((line, index) => {
    const at = `lines.${index}`;
    const ordered = state.lines.find((candidate) => candidate.sku === line.sku);
    if (!ordered)
      throw new DomainError('sales.unknown-sku', `SKU ${line.sku} is not on order ${state.orderId}`, 'invalid', { field: `${at}.sku` });
    if (seen.has(line.sku))
      throw new DomainError('sales.duplicate-sku', `SKU ${line.sku} appears twice`, 'invalid', { field: `${at}.sku` });
    seen.add(line.sku);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new DomainError('sales.invalid-quantity', `${at}.quantity must be a whole number of at least 1`, 'invalid', {
        field: `${at}.quantity`,
      });
    }
    const amount = line.amount ?? line.quantity * ordered.unitPrice;
    requireAmount(amount, `${at}.amount`);
    return { sku: line.sku, quantity: line.quantity, amount };
  });
}

function requireLineRefundable(state: RecordedPurchase, line: RefundLine, at: string): void {
  const ordered = state.lines.find((candidate) => candidate.sku === line.sku);
  if (!ordered) return; // requestedLines refused unknown SKUs
  const before = state.refundedByLine[line.sku] ?? { quantity: 0, amount: 0 };
  const quantityLeft = ordered.quantity - before.quantity;
  if (line.quantity > quantityLeft) {
    throw new DomainError('sales.refund-exceeds-quantity', `Only ${quantityLeft} of SKU ${line.sku} are left to refund`, 'conflict', {
      field: `${at}.quantity`,
      refundable: quantityLeft,
    });
  }
  const amountLeft = ordered.quantity * ordered.unitPrice - before.amount;
  if (line.amount > amountLeft) {
    throw new DomainError(
      'sales.refund-exceeds-line',
      `Only ${amountLeft} ${state.currency} of SKU ${line.sku} is left to refund`,
      'conflict',
      {
        field: `${at}.amount`,
        refundable: amountLeft,
      },
    );
  }
}

function sameLines(a: readonly RefundLine[], b: readonly RefundLine[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, index) => line.sku === b[index].sku && line.quantity === b[index].quantity && line.amount === b[index].amount)
  );
}
