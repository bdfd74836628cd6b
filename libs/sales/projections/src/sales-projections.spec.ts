import { foldEvents, type Decider, type DomainEvent, type EventEnvelope } from '@c360/kernel';
import {
  DEFAULT_PIPELINE_ID,
  DEFAULT_PIPELINE_NAME,
  DEFAULT_STAGES,
  contractDecider,
  dealDecider,
  pipelineDecider,
  pipelineSnapshot,
  purchaseDecider,
  purchaseIdFor,
  type PipelineSnapshot,
} from '@c360/sales-domain';
import { contractRenewalsProjection } from './contract-renewals.projection';
import { customerValueProjection } from './customer-value.projection';
import { dealViewProjection } from './deal-view.projection';
import { ownerPerformanceProjection } from './owner-performance.projection';
import { pipelineBoardProjection } from './pipeline-board.projection';
import { pipelineBoardView } from './pipeline-board.view';
import { purchaseHistoryProjection } from './purchase-history.projection';
import { envelope, foldProjection } from './testing/fold-projection';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const C1 = '0190a5c4-0000-7000-8000-00000000c001';
const C2 = '0190a5c4-0000-7000-8000-00000000c002';
const dealId = (n: number) => `0190a5c4-0000-7000-8000-00000000d00${n}`;

/** Runs commands through the real deciders and keeps the log, so projections fold genuine events. */
class Log {
  readonly events: EventEnvelope[] = [];
  private readonly streams = new Map<string, DomainEvent[]>();

  run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, occurredAt: string): S {
    const past = (this.streams.get(streamId) ?? []) as E[];
    const decided = decider.decide(command, foldEvents(decider, past));
    this.streams.set(streamId, [...past, ...decided]);
    this.events.push(...decided.map((event, index) => envelope(streamId, past.length + index, event, occurredAt)));
    return foldEvents(decider, [...past, ...decided]);
  }
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

const boardOf = (log: Log) => pipelineBoardView(must(foldProjection(pipelineBoardProjection, log.events).get(DEFAULT_PIPELINE_ID)));

function salesLog(): { log: Log; pipeline: PipelineSnapshot } {
  const log = new Log();
  const state = log.run(
    pipelineDecider,
    'sales-pipeline-default',
    { type: 'define-pipeline', pipelineId: DEFAULT_PIPELINE_ID, name: DEFAULT_PIPELINE_NAME, stages: DEFAULT_STAGES, now: at(0) },
    at(0),
  );
  if (state.status !== 'defined') throw new Error('not defined');
  return { log, pipeline: pipelineSnapshot(state) };
}

function openDeal(
  log: Log,
  pipeline: PipelineSnapshot,
  n: number,
  amount: number,
  options: { currency?: string; ownerId?: string; stageId?: string; day?: number } = {},
) {
  const now = at(options.day ?? 0);
  log.run(
    dealDecider,
    `sales-deal-${dealId(n)}`,
    {
      type: 'open-deal',
      dealId: dealId(n),
      customerId: C1,
      pipeline,
      stageId: options.stageId,
      title: `Deal ${n}`,
      amount,
      currency: options.currency ?? 'EUR',
      ownerId: options.ownerId ?? 'agent-ann',
      expectedCloseDate: '2026-12-31',
      source: 'web-form',
      now,
    },
    now,
  );
}

describe('pipeline board', () => {
  it('counts deals per stage with total amount and weighted forecast, per currency', () => {
    const { log, pipeline } = salesLog();
    openDeal(log, pipeline, 1, 100_000);
    openDeal(log, pipeline, 2, 50_000, { stageId: 'proposal' });
    openDeal(log, pipeline, 3, 30_000, { stageId: 'proposal', currency: 'SEK' });
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'move-deal', stageId: 'negotiation', pipeline, now: at(2) }, at(2));
    openDeal(log, pipeline, 4, 7_000);
    log.run(dealDecider, `sales-deal-${dealId(4)}`, { type: 'change-deal-probability', probability: 33, now: at(1) }, at(1));

    const board = boardOf(log);
    const stage = (id: string) => must(board.stages.find((s) => s.stageId === id));
    expect(board.stages.map((s) => s.stageId)).toEqual(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    expect(stage('lead')).toMatchObject({ count: 1, totals: [{ currency: 'EUR', count: 1, amount: 7_000, weightedForecast: 2_310 }] });
    expect(stage('proposal')).toMatchObject({
      count: 2,
      totals: [
        { currency: 'EUR', count: 1, amount: 50_000, weightedForecast: 25_000 },
        { currency: 'SEK', count: 1, amount: 30_000, weightedForecast: 15_000 },
      ],
    });
    expect(stage('negotiation').totals).toEqual([{ currency: 'EUR', count: 1, amount: 100_000, weightedForecast: 75_000 }]);
    expect(board.openTotals).toEqual([
      { currency: 'EUR', count: 3, amount: 157_000, weightedForecast: 102_310 },
      { currency: 'SEK', count: 1, amount: 30_000, weightedForecast: 15_000 },
    ]);
  });

  it('moves deals to won and lost, back on reopen, and follows amount changes across currencies', () => {
    const { log, pipeline } = salesLog();
    openDeal(log, pipeline, 1, 100_000);
    openDeal(log, pipeline, 2, 40_000);
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'win-deal', reason: 'Signed', pipeline, now: at(5) }, at(5));
    log.run(dealDecider, `sales-deal-${dealId(2)}`, { type: 'lose-deal', reason: 'Budget', pipeline, now: at(5) }, at(5));
    let board = boardOf(log);
    expect(board.stages.find((s) => s.stageId === 'won')?.totals).toEqual([
      { currency: 'EUR', count: 1, amount: 100_000, weightedForecast: 100_000 },
    ]);
    expect(board.stages.find((s) => s.stageId === 'lost')?.totals).toEqual([
      { currency: 'EUR', count: 1, amount: 40_000, weightedForecast: 0 },
    ]);
    expect(board.openTotals).toEqual([]);

    log.run(dealDecider, `sales-deal-${dealId(2)}`, { type: 'reopen-deal', pipeline, now: at(6) }, at(6));
    log.run(dealDecider, `sales-deal-${dealId(2)}`, { type: 'change-deal-amount', amount: 20_000, currency: 'USD', now: at(6) }, at(6));
    board = boardOf(log);
    expect(board.stages.find((s) => s.stageId === 'lost')?.count).toBe(0);
    expect(board.stages.find((s) => s.stageId === 'lead')?.totals).toEqual([
      { currency: 'USD', count: 1, amount: 20_000, weightedForecast: 2_000 },
    ]);
  });

  it('follows the pipeline’s configuration, hiding a retired stage once it is empty', () => {
    const { log, pipeline } = salesLog();
    openDeal(log, pipeline, 1, 10_000, { stageId: 'qualified' });
    log.run(pipelineDecider, 'sales-pipeline-default', { type: 'retire-stage', stageId: 'qualified', now: at(1) }, at(1));
    log.run(
      pipelineDecider,
      'sales-pipeline-default',
      { type: 'add-stage', stageId: 'demo', name: 'Demo', probability: 40, afterStageId: 'lead', now: at(1) },
      at(1),
    );
    log.run(pipelineDecider, 'sales-pipeline-default', { type: 'rename-pipeline', name: 'B2B', now: at(1) }, at(1));
    let board = boardOf(log);
    expect(board.name).toBe('B2B');
    expect(board.stages.map((s) => `${s.stageId}${s.retired ? '(retired)' : ''}`)).toEqual([
      'lead',
      'demo',
      'qualified(retired)',
      'proposal',
      'negotiation',
      'won',
      'lost',
    ]);

    const retired = { ...pipeline, stages: pipeline.stages.map((s) => (s.stageId === 'qualified' ? { ...s, retired: true } : s)) };
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'move-deal', stageId: 'proposal', pipeline: retired, now: at(2) }, at(2));
    board = boardOf(log);
    expect(board.stages.map((s) => s.stageId)).not.toContain('qualified');
  });
});

describe('deal view', () => {
  it('keeps the stage history with the time spent in each stage', () => {
    const { log, pipeline } = salesLog();
    openDeal(log, pipeline, 1, 100_000);
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'move-deal', stageId: 'proposal', pipeline, now: at(2) }, at(2));
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'move-deal', stageId: 'qualified', pipeline, now: at(3) }, at(3));
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'win-deal', reason: 'Signed', pipeline, now: at(7) }, at(7));
    const deal = must(foldProjection(dealViewProjection, log.events).get(dealId(1)));
    expect(deal).toMatchObject({ status: 'won', stageId: 'won', probability: 100, closedAt: at(7), closeReason: 'Signed', version: 3 });
    expect(deal.stageHistory).toEqual([
      { stageId: 'lead', enteredAt: at(0), leftAt: at(2), durationMs: 2 * DAY },
      { stageId: 'proposal', enteredAt: at(2), leftAt: at(3), durationMs: DAY },
      { stageId: 'qualified', enteredAt: at(3), leftAt: at(7), durationMs: 4 * DAY },
      { stageId: 'won', enteredAt: at(7), leftAt: null, durationMs: null },
    ]);
  });
});

describe('owner performance', () => {
  it('counts won and lost per owner, with win rate and average cycle time from open to won', () => {
    const { log, pipeline } = salesLog();
    openDeal(log, pipeline, 1, 100_000);
    openDeal(log, pipeline, 2, 50_000);
    openDeal(log, pipeline, 3, 10_000);
    openDeal(log, pipeline, 4, 10_000, { ownerId: 'agent-bo' });
    log.run(dealDecider, `sales-deal-${dealId(1)}`, { type: 'win-deal', reason: 'Signed', pipeline, now: at(4) }, at(4));
    log.run(dealDecider, `sales-deal-${dealId(2)}`, { type: 'win-deal', reason: 'Signed', pipeline, now: at(10) }, at(10));
    log.run(dealDecider, `sales-deal-${dealId(3)}`, { type: 'change-deal-owner', ownerId: 'agent-bo', now: at(1) }, at(1));
    log.run(dealDecider, `sales-deal-${dealId(3)}`, { type: 'lose-deal', reason: 'Budget', pipeline, now: at(2) }, at(2));
    const owners = foldProjection(ownerPerformanceProjection, log.events);
    expect(owners.get('agent-ann')).toEqual({
      ownerId: 'agent-ann',
      openDeals: 0,
      won: 2,
      lost: 0,
      winRate: 1,
      totalCycleTimeMs: 14 * DAY,
      averageCycleTimeMs: 7 * DAY,
      wonAmounts: { EUR: 150_000 },
    });
    expect(owners.get('agent-bo')).toMatchObject({ openDeals: 1, won: 0, lost: 1, winRate: 0, averageCycleTimeMs: null });

    log.run(dealDecider, `sales-deal-${dealId(2)}`, { type: 'reopen-deal', pipeline, now: at(11) }, at(11));
    expect(foldProjection(ownerPerformanceProjection, log.events).get('agent-ann')).toMatchObject({
      openDeals: 1,
      won: 1,
      averageCycleTimeMs: 4 * DAY,
      wonAmounts: { EUR: 100_000 },
    });
  });
});

describe('purchases and lifetime value', () => {
  const record = (log: Log, orderId: string, customerId: string, total: number, currency: string, day: number) =>
    log.run(
      purchaseDecider,
      `sales-purchase-${purchaseIdFor('web', orderId)}`,
      {
        type: 'record-purchase',
        purchaseId: purchaseIdFor('web', orderId),
        orderId,
        customerId,
        channel: 'web',
        lines: [{ sku: 'SKU-1', category: 'misc', quantity: 1, unitPrice: total }],
        total,
        currency,
        purchasedAt: at(day),
        now: at(day),
      },
      at(day),
    );

  it('shows each purchase with its refunds and status', () => {
    const log = new Log();
    record(log, 'W-1', C1, 10_000, 'EUR', 0);
    log.run(
      purchaseDecider,
      `sales-purchase-${purchaseIdFor('web', 'W-1')}`,
      { type: 'refund-purchase', refundId: 'R-1', kind: 'refund', reason: 'Late', amount: 2_500, now: at(1) },
      at(1),
    );
    expect(foldProjection(purchaseHistoryProjection, log.events).get(purchaseIdFor('web', 'W-1'))).toMatchObject({
      customerId: C1,
      total: 10_000,
      refundedTotal: 2_500,
      netTotal: 7_500,
      status: 'partially-refunded',
      refunds: [{ refundId: 'R-1', kind: 'refund', amount: 2_500, lines: [], refundedAt: at(1) }],
      version: 1,
    });
  });

  it('adds up lifetime value net of refunds, per currency', () => {
    const log = new Log();
    record(log, 'W-1', C1, 10_000, 'EUR', 3);
    record(log, 'W-2', C1, 4_000, 'EUR', 1);
    record(log, 'W-3', C1, 9_900, 'SEK', 5);
    record(log, 'W-4', C2, 1, 'EUR', 5);
    log.run(
      purchaseDecider,
      `sales-purchase-${purchaseIdFor('web', 'W-1')}`,
      { type: 'refund-purchase', refundId: 'R-1', kind: 'refund', reason: 'Late', amount: 10_000, now: at(6) },
      at(6),
    );
    expect(foldProjection(customerValueProjection, log.events).get(C1)).toEqual({
      customerId: C1,
      purchases: 3,
      firstPurchaseAt: at(1),
      lastPurchaseAt: at(5),
      byCurrency: {
        EUR: { purchases: 2, purchased: 14_000, refunded: 10_000, net: 4_000 },
        SEK: { purchases: 1, purchased: 9_900, refunded: 0, net: 9_900 },
      },
    });
  });
});

describe('contracts', () => {
  it('tracks the next renewal date, renewals and lapse', () => {
    const log = new Log();
    const contractId = '0190a5c4-0000-7000-8000-0000000000c7';
    const stream = `sales-contract-${contractId}`;
    log.run(
      contractDecider,
      stream,
      {
        type: 'start-contract',
        contractId,
        customerId: C1,
        title: 'Plan',
        value: 990,
        currency: 'EUR',
        startDate: '2026-01-15',
        termMonths: 1,
        now: at(0),
      },
      at(0),
    );
    log.run(contractDecider, stream, { type: 'renew-contract', now: at(1) }, at(1));
    expect(foldProjection(contractRenewalsProjection, log.events).get(contractId)).toMatchObject({
      status: 'active',
      renewalDate: '2026-03-15',
      renewals: 1,
      lastRenewedAt: at(1),
      version: 1,
    });
    log.run(
      contractDecider,
      stream,
      { type: 'lapse-contract', reason: 'Not renewed', now: '2026-03-20T00:00:00.000Z' },
      '2026-03-20T00:00:00.000Z',
    );
    expect(foldProjection(contractRenewalsProjection, log.events).get(contractId)).toMatchObject({
      status: 'lapsed',
      lapsedAt: '2026-03-20T00:00:00.000Z',
    });
  });
});
