import { workflowSpec } from '@c360/kernel/testing';
import { RecordPurchase } from '../purchases/purchase.commands';
import { dealWonPurchases } from './deal-won-purchases.workflow';

const won = {
  type: 'sales.deal-won' as const,
  data: {
    dealId: 'd-1',
    customerId: 'c-1',
    pipelineId: 'p-1',
    fromStageId: 'negotiation',
    stageId: 'won',
    amount: 120_000,
    currency: 'EUR',
    ownerId: 'agent-ann',
    previousProbability: 80,
    reason: 'signed',
    openedAt: '2026-02-01T09:00:00.000Z',
    cycleTimeMs: 2_000,
    timeInStageMs: 1_000,
    wonAt: '2026-03-02T09:00:00.000Z',
  },
};

describe('deal won → purchase (workflow)', () => {
  it('records one purchase of the deal amount on channel deal, keyed by the deal', () => {
    workflowSpec(dealWonPurchases)
      .given([])
      .when(won)
      .then([
        {
          command: new RecordPurchase({
            orderId: 'deal-d-1',
            channel: 'deal',
            customerId: 'c-1',
            dealId: 'd-1',
            lines: [{ sku: 'deal-d-1', category: 'deal', quantity: 1, unitPrice: 120_000 }],
            total: 120_000,
            currency: 'EUR',
            purchasedAt: '2026-03-02T09:00:00.000Z',
          }),
        },
      ]);
  });

  it('sends the command as a RecordPurchase, so the bus routes it to the purchase use case', () => {
    workflowSpec(dealWonPurchases)
      .given([])
      .when(won)
      .thenSteps((steps) => expect(steps[0].command).toBeInstanceOf(RecordPurchase));
  });
});
