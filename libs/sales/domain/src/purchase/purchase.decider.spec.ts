import { deciderSpec } from '@c360/kernel/testing';
import { CUSTOMER, DAY, HOUR, T0, at } from '../testing/sales-fixtures';
import { purchaseDecider } from './purchase.aggregate';
import type { PurchaseCommand } from './purchase.commands';
import type { PurchaseEvent } from './purchase.events';
import { purchaseIdFor } from './purchase-id';

const spec = deciderSpec(purchaseDecider);
type Record_ = Extract<PurchaseCommand, { type: 'record-purchase' }>;
type Refund = Extract<PurchaseCommand, { type: 'refund-purchase' }>;

const PURCHASE = purchaseIdFor('web', 'W-1001');
const lines = [
  { sku: 'SHOE-42', category: 'shoes', quantity: 2, unitPrice: 50_00 },
  { sku: 'SOCK-1', category: 'accessories', quantity: 3, unitPrice: 5_00 },
];
const record = (overrides: Partial<Record_> = {}): Record_ => ({
  type: 'record-purchase',
  purchaseId: PURCHASE,
  orderId: 'W-1001',
  customerId: CUSTOMER,
  channel: 'web',
  lines,
  total: 115_00,
  currency: 'EUR',
  purchasedAt: '2026-03-02T08:15:00Z',
  paymentFingerprint: 'card-7f3a',
  now: T0,
  ...overrides,
});
const recorded: PurchaseEvent = {
  type: 'sales.purchase-recorded',
  data: {
    purchaseId: PURCHASE,
    orderId: 'W-1001',
    customerId: CUSTOMER,
    channel: 'web',
    lines,
    total: 115_00,
    currency: 'EUR',
    purchasedAt: '2026-03-02T08:15:00.000Z',
    paymentFingerprint: 'card-7f3a',
    recordedAt: T0,
  },
};
const refund = (overrides: Partial<Refund> = {}): Refund => ({
  type: 'refund-purchase',
  refundId: 'R-1',
  kind: 'refund',
  reason: 'Damaged',
  now: at(DAY),
  ...overrides,
});
const refunded = (command: Refund): readonly PurchaseEvent[] =>
  purchaseDecider.decide(command, purchaseDecider.evolve(purchaseDecider.initialState, recorded));

describe('recording a purchase', () => {
  it('derives the purchase id from the channel and its order id', () => {
    expect(purchaseIdFor('web', 'W-1001')).toBe(PURCHASE);
    expect(purchaseIdFor('store', 'W-1001')).not.toBe(PURCHASE);
  });

  it('records the order with its lines and total', () => {
    spec.given([]).when(record()).then([recorded]);
  });

  it('records the same order sent again once: the repeat changes nothing', () => {
    spec
      .given([recorded])
      .when(record({ purchasedAt: '2026-03-02T08:16:00Z', paymentFingerprint: undefined, now: at(HOUR) }))
      .thenNothing();
  });

  it('refuses different contents under an order id already recorded', () => {
    const error = spec
      .given([recorded])
      .when(record({ total: 120_00, lines: [{ ...lines[0], unitPrice: 52_50 }, lines[1]] }))
      .thenThrows('sales.order-already-recorded', 'conflict');
    expect(error.details).toEqual({ purchaseId: PURCHASE, orderId: 'W-1001', channel: 'web' });
  });

  it('checks the total against the lines', () => {
    const error = spec
      .given([])
      .when(record({ total: 100_00 }))
      .thenThrows('sales.total-mismatch', 'invalid');
    expect(error.details).toEqual({ field: 'total', expected: 115_00 });
  });

  it('needs lines, one per SKU, with whole quantities and non-negative prices', () => {
    spec
      .given([])
      .when(record({ lines: [], total: 0 }))
      .thenThrows('sales.order-lines-required');
    expect(
      spec
        .given([])
        .when(record({ lines: [lines[0], { ...lines[0] }], total: 200_00 }))
        .thenThrows('sales.duplicate-sku').details,
    ).toEqual({ field: 'lines.1.sku' });
    expect(
      spec
        .given([])
        .when(record({ lines: [{ ...lines[0], quantity: 0 }], total: 0 }))
        .thenThrows('sales.invalid-quantity').details,
    ).toEqual({ field: 'lines.0.quantity' });
    spec
      .given([])
      .when(record({ lines: [{ ...lines[0], unitPrice: -1 }], total: -2 }))
      .thenThrows('sales.invalid-amount');
  });

  it('names the deal of an order from the deal channel', () => {
    spec
      .given([])
      .when(record({ channel: 'deal' }))
      .thenThrows('sales.deal-required', 'invalid');
  });

  it('refuses an order id or SKU that is free text rather than an identifier', () => {
    expect(
      spec
        .given([])
        .when(record({ orderId: 'order 1001' }))
        .thenThrows('sales.invalid-identifier').details,
    ).toEqual({ field: 'orderId' });
    expect(
      spec
        .given([])
        .when(record({ lines: [{ ...lines[0], sku: '' }], total: 100_00 }))
        .thenThrows('sales.invalid-identifier').details,
    ).toEqual({ field: 'lines.0.sku' });
  });

  it('refuses a purchase dated in the future and an unknown channel', () => {
    spec
      .given([])
      .when(record({ purchasedAt: at(HOUR) }))
      .thenThrows('sales.purchase-in-future');
    spec
      .given([])
      .when(record({ channel: 'fax' as Record_['channel'] }))
      .thenThrows('sales.invalid-channel');
  });
});

describe('refunds and returns', () => {
  it('refunds a line in part: the amount defaults to quantity × unit price', () => {
    spec
      .given([recorded])
      .when(refund({ kind: 'return', lines: [{ sku: 'SHOE-42', quantity: 1 }] }))
      .then([
        {
          type: 'sales.purchase-refunded',
          data: {
            purchaseId: PURCHASE,
            orderId: 'W-1001',
            customerId: CUSTOMER,
            refundId: 'R-1',
            kind: 'return',
            reason: 'Damaged',
            amount: 50_00,
            currency: 'EUR',
            lines: [{ sku: 'SHOE-42', quantity: 1, amount: 50_00 }],
            refundedAt: at(DAY),
            fullyRefunded: false,
            refundedTotal: 50_00,
          },
        },
      ]);
  });

  it('refunds an amount without lines', () => {
    spec
      .given([recorded])
      .when(refund({ amount: 15_00 }))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ amount: 15_00, lines: [], fullyRefunded: false }));
  });

  it('says when the whole purchase has been refunded', () => {
    const first = refunded(refund({ amount: 15_00 }));
    spec
      .given([recorded, ...first])
      .when(refund({ refundId: 'R-2', amount: 100_00 }))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ fullyRefunded: true, refundedTotal: 115_00 }));
  });

  it('never refunds more than was paid in total', () => {
    const first = refunded(refund({ amount: 100_00 }));
    const error = spec
      .given([recorded, ...first])
      .when(refund({ refundId: 'R-2', amount: 15_01 }))
      .thenThrows('sales.refund-exceeds-paid', 'conflict');
    expect(error.details).toMatchObject({ refundable: 15_00 });
  });

  it('never refunds more of a line than was bought or paid for it', () => {
    const first = refunded(refund({ kind: 'return', lines: [{ sku: 'SHOE-42', quantity: 1 }] }));
    spec
      .given([recorded, ...first])
      .when(refund({ refundId: 'R-2', kind: 'return', lines: [{ sku: 'SHOE-42', quantity: 2 }] }))
      .thenThrows('sales.refund-exceeds-quantity', 'conflict');
    const error = spec
      .given([recorded, ...first])
      .when(refund({ refundId: 'R-2', lines: [{ sku: 'SHOE-42', quantity: 1, amount: 50_01 }] }))
      .thenThrows('sales.refund-exceeds-line', 'conflict');
    expect(error.details).toEqual({ field: 'lines.0.amount', refundable: 50_00 });
  });

  it('refuses SKUs not on the order, a return without lines and an amount that does not add up', () => {
    spec
      .given([recorded])
      .when(refund({ lines: [{ sku: 'HAT', quantity: 1 }] }))
      .thenThrows('sales.unknown-sku', 'invalid');
    spec
      .given([recorded])
      .when(refund({ kind: 'return', amount: 10_00 }))
      .thenThrows('sales.return-lines-required');
    spec
      .given([recorded])
      .when(refund({ amount: 10_00, lines: [{ sku: 'SOCK-1', quantity: 1 }] }))
      .thenThrows('sales.refund-amount-mismatch');
    spec.given([recorded]).when(refund({})).thenThrows('sales.refund-amount-required');
    spec
      .given([recorded])
      .when(refund({ amount: 0 }))
      .thenThrows('sales.invalid-amount');
  });

  it('records a repeated refund once, and refuses different contents under its id', () => {
    const first = refunded(refund({ amount: 115_00 }));
    spec
      .given([recorded, ...first])
      .when(refund({ amount: 115_00 }))
      .thenNothing();
    spec
      .given([recorded, ...first])
      .when(refund({ amount: 5_00 }))
      .thenThrows('sales.refund-id-conflict', 'conflict');
  });

  it('answers not-found for a purchase never recorded', () => {
    spec
      .given([])
      .when(refund({ amount: 1 }))
      .thenThrows('sales.purchase-not-found', 'not-found');
  });
});
