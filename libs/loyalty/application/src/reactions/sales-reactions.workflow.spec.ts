import { workflowSpec } from '@c360/kernel/testing';
import { ContractViolationError } from './acl/contract-reader';
import { AwardEngagementBonus, EarnForPurchase, ObserveIdentity, QualifyReferral, TakeBackForRefund } from './reaction.commands';
import { salesReactionsWorkflow } from './sales-reactions.workflow';

const purchase = {
  purchaseId: 'p-1',
  orderId: 'o-1',
  channel: 'web',
  lines: [{ sku: 'SKU-1', category: 'electronics', quantity: 1, unitPrice: 10_000 }],
  total: 10_000,
  currency: 'EUR',
  purchasedAt: '2026-03-10T09:00:00.000Z',
};

describe('sales reactions workflow', () => {
  const spec = workflowSpec(salesReactionsWorkflow);

  it('keeps the old processor name, which derives the command ids', () => {
    expect(salesReactionsWorkflow.name).toBe('loyalty-sales-reactions');
  });

  it('earns, qualifies a referral and remembers the identities of a purchase', () => {
    spec
      .given([])
      .when({ type: 'sales.purchase-recorded', data: { customerId: 'c-1', ...purchase, paymentFingerprint: 'fp-1', deviceId: 'd-1' } })
      .then([
        { step: 'earn', command: new EarnForPurchase('c-1', purchase) },
        { step: 'qualify-referral', command: new QualifyReferral('c-1', 'p-1') },
        { step: 'identity/payment-fingerprint', command: new ObserveIdentity('payment-fingerprint', 'fp-1', 'c-1') },
        { step: 'identity/device-id', command: new ObserveIdentity('device-id', 'd-1', 'c-1') },
      ]);
  });

  it('observes no identity the purchase does not carry', () => {
    spec
      .given([])
      .when({ type: 'sales.purchase-recorded', data: { customerId: 'c-1', ...purchase } })
      .thenSteps((steps) => expect(steps.map((step) => step.step)).toEqual(['earn', 'qualify-referral']));
  });

  it('takes points back for a refund', () => {
    const refund = {
      refundId: 'r-1',
      purchaseId: 'p-1',
      amount: 5_000,
      currency: 'EUR',
      lines: [],
      refundedAt: '2026-03-11T09:00:00.000Z',
      fullyRefunded: false,
    };
    spec
      .given([])
      .when({ type: 'sales.purchase-refunded', data: { customerId: 'c-1', ...refund } })
      .then([{ step: 'take-back', command: new TakeBackForRefund('c-1', refund) }]);
  });

  it('awards the renewal bonus once per contract and renewal day', () => {
    spec
      .given([])
      .when({ type: 'sales.contract-renewed', data: { contractId: 'k-1', customerId: 'c-1', renewedAt: '2026-04-01T10:00:00.000Z' } })
      .then([{ step: 'renewal-bonus', command: new AwardEngagementBonus('c-1', 'contract-renewed', 'k-1/2026-04-01') }]);
  });

  it('refuses an event that breaks the agreed contract, naming the field', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'sales.purchase-recorded', data: { customerId: 'c-1', total: 'lots' } })
        .thenNothing(),
    ).toThrow(ContractViolationError);
  });
});
