import { deciderSpec } from '@c360/kernel/testing';
import { DEFAULT_PIPELINE_ID } from '../pipeline/default-pipeline';
import { AGENT, CUSTOMER, DAY, DEAL, HOUR, T0, at, dealOpened, defaultPipeline, withRetired } from '../testing/sales-fixtures';
import { dealDecider } from './deal.decider';
import type { DealCommand } from './deal.commands';
import type { DealEvent } from './deal.events';

const spec = deciderSpec(dealDecider);
const pipeline = defaultPipeline;

const openCommand = (overrides: Partial<Extract<DealCommand, { type: 'open-deal' }>> = {}): DealCommand => ({
  type: 'open-deal',
  dealId: DEAL,
  customerId: CUSTOMER,
  pipeline,
  title: ' Fleet renewal ',
  amount: 120_000,
  currency: 'EUR',
  ownerId: AGENT,
  expectedCloseDate: '2026-04-30',
  source: 'web-form',
  now: T0,
  ...overrides,
});

const moved = (from: string, to: string, probability: number, previousProbability: number, ms: number, changedAt: string): DealEvent => ({
  type: 'sales.deal-stage-changed',
  data: {
    dealId: DEAL,
    pipelineId: DEFAULT_PIPELINE_ID,
    fromStageId: from,
    toStageId: to,
    direction: 'forward',
    probability,
    previousProbability,
    amount: 120_000,
    currency: 'EUR',
    timeInStageMs: ms,
    changedAt,
  },
});

const closing = (closedAt: string, fromStageId: string) => ({
  dealId: DEAL,
  customerId: CUSTOMER,
  amount: 120_000,
  currency: 'EUR',
  ownerId: AGENT,
  pipelineId: DEFAULT_PIPELINE_ID,
  fromStageId,
  previousProbability: 10,
  openedAt: T0,
  cycleTimeMs: Date.parse(closedAt) - Date.parse(T0),
  timeInStageMs: Date.parse(closedAt) - Date.parse(T0),
});
const won = (wonAt: string, fromStageId = 'lead'): DealEvent => ({
  type: 'sales.deal-won',
  data: { ...closing(wonAt, fromStageId), stageId: 'won', reason: 'Best offer', wonAt },
});
const lost = (lostAt: string): DealEvent => ({
  type: 'sales.deal-lost',
  data: { ...closing(lostAt, 'lead'), stageId: 'lost', reason: 'No budget', lostAt },
});

describe('deal lifecycle', () => {
  describe('opening a deal', () => {
    it('opens in the first open stage with that stage’s probability', () => {
      spec.given([]).when(openCommand()).then([dealOpened()]);
    });

    it('opens in a named open stage', () => {
      spec
        .given([])
        .when(openCommand({ stageId: 'proposal' }))
        .then([dealOpened({ stageId: 'proposal', probability: 50 })]);
    });

    it('never opens in won, lost, an unknown or a retired stage', () => {
      spec
        .given([])
        .when(openCommand({ stageId: 'won' }))
        .thenThrows('sales.use-win-or-lose', 'invalid');
      spec
        .given([])
        .when(openCommand({ stageId: 'demo' }))
        .thenThrows('sales.unknown-stage', 'invalid');
      spec
        .given([])
        .when(openCommand({ stageId: 'lead', pipeline: withRetired(pipeline, 'lead') }))
        .thenThrows('sales.stage-retired', 'invalid');
    });

    it('opens in the first active stage when the first one is retired', () => {
      spec
        .given([])
        .when(openCommand({ pipeline: withRetired(pipeline, 'lead') }))
        .thenEvents(([event]) => expect(event.data).toMatchObject({ stageId: 'qualified', probability: 25 }));
    });

    it('checks amount, currency, owner, source and expected close date, naming the field', () => {
      expect(
        spec
          .given([])
          .when(openCommand({ amount: -1 }))
          .thenThrows('sales.invalid-amount').details,
      ).toEqual({ field: 'amount' });
      spec
        .given([])
        .when(openCommand({ amount: 10.5 }))
        .thenThrows('sales.invalid-amount');
      spec
        .given([])
        .when(openCommand({ currency: 'eur' }))
        .thenThrows('sales.invalid-currency');
      spec
        .given([])
        .when(openCommand({ ownerId: 'has space' }))
        .thenThrows('sales.invalid-identifier');
      spec
        .given([])
        .when(openCommand({ title: '   ' }))
        .thenThrows('sales.invalid-text');
      spec
        .given([])
        .when(openCommand({ expectedCloseDate: '2026-02-30' }))
        .thenThrows('sales.invalid-date');
      spec
        .given([])
        .when(openCommand({ expectedCloseDate: '2026-03-01' }))
        .thenThrows('sales.close-date-in-past', 'invalid');
    });

    it('accepts a lead without a known amount yet', () => {
      spec
        .given([])
        .when(openCommand({ amount: 0 }))
        .thenEvents(([event]) => expect(event.data).toMatchObject({ amount: 0 }));
    });

    it('opens a deal once', () => {
      spec.given([dealOpened()]).when(openCommand()).thenThrows('sales.deal-exists', 'conflict');
    });
  });

  describe('moving between stages', () => {
    it('moves forward, with the new stage’s probability and the time spent in the old one', () => {
      spec
        .given([dealOpened()])
        .when({ type: 'move-deal', stageId: 'proposal', pipeline, now: at(3 * DAY) })
        .then([moved('lead', 'proposal', 50, 10, 3 * DAY, at(3 * DAY))]);
    });

    it('moves back, and measures time from when the deal entered its current stage', () => {
      spec
        .given([dealOpened(), moved('lead', 'proposal', 50, 10, DAY, at(DAY))])
        .when({ type: 'move-deal', stageId: 'qualified', pipeline, now: at(DAY + 5 * HOUR) })
        .thenEvents(([event]) =>
          expect(event.data).toMatchObject({
            fromStageId: 'proposal',
            toStageId: 'qualified',
            direction: 'backward',
            probability: 25,
            timeInStageMs: 5 * HOUR,
          }),
        );
    });

    it('resets a probability set by hand to the new stage’s', () => {
      const override: DealEvent = {
        type: 'sales.deal-probability-changed',
        data: {
          dealId: DEAL,
          pipelineId: DEFAULT_PIPELINE_ID,
          stageId: 'lead',
          amount: 120_000,
          currency: 'EUR',
          probability: 30,
          previousProbability: 10,
          changedAt: at(HOUR),
        },
      };
      spec
        .given([dealOpened(), override])
        .when({ type: 'move-deal', stageId: 'qualified', pipeline, now: at(DAY) })
        .thenEvents(([event]) => expect(event.data).toMatchObject({ probability: 25, previousProbability: 30 }));
    });

    it('changes nothing when moved to the stage it is in', () => {
      spec
        .given([dealOpened()])
        .when({ type: 'move-deal', stageId: 'lead', pipeline, now: at(DAY) })
        .thenNothing();
    });

    it('refuses won and lost (win or lose instead), retired stages, closed and unknown deals', () => {
      spec
        .given([dealOpened()])
        .when({ type: 'move-deal', stageId: 'won', pipeline, now: at(DAY) })
        .thenThrows('sales.use-win-or-lose', 'invalid');
      spec
        .given([dealOpened()])
        .when({ type: 'move-deal', stageId: 'proposal', pipeline: withRetired(pipeline, 'proposal'), now: at(DAY) })
        .thenThrows('sales.stage-retired');
      spec
        .given([dealOpened(), won(at(DAY))])
        .when({ type: 'move-deal', stageId: 'proposal', pipeline, now: at(2 * DAY) })
        .thenThrows('sales.deal-closed', 'conflict');
      spec
        .given([])
        .when({ type: 'move-deal', stageId: 'proposal', pipeline, now: at(DAY) })
        .thenThrows('sales.deal-not-found', 'not-found');
    });

    it('lets a deal leave a stage that was retired while it sat there', () => {
      spec
        .given([dealOpened()])
        .when({ type: 'move-deal', stageId: 'qualified', pipeline: withRetired(pipeline, 'lead'), now: at(DAY) })
        .thenEvents(([event]) => expect(event.type).toBe('sales.deal-stage-changed'));
    });

    it('refuses a pipeline that is not the deal’s', () => {
      spec
        .given([dealOpened()])
        .when({
          type: 'move-deal',
          stageId: 'proposal',
          pipeline: { ...pipeline, pipelineId: '0190a5c4-0000-7000-8000-0000000000ff' },
          now: at(DAY),
        })
        .thenThrows('sales.pipeline-mismatch', 'conflict');
    });
  });

  describe('winning and losing', () => {
    it('wins with a reason: the contract fields for loyalty, the cycle time and the time in the last stage', () => {
      spec
        .given([dealOpened(), moved('lead', 'negotiation', 75, 10, DAY, at(DAY))])
        .when({ type: 'win-deal', reason: 'Best offer', pipeline, now: at(10 * DAY) })
        .then([
          {
            type: 'sales.deal-won',
            data: {
              dealId: DEAL,
              customerId: CUSTOMER,
              amount: 120_000,
              currency: 'EUR',
              ownerId: AGENT,
              pipelineId: DEFAULT_PIPELINE_ID,
              stageId: 'won',
              fromStageId: 'negotiation',
              previousProbability: 75,
              reason: 'Best offer',
              openedAt: T0,
              cycleTimeMs: 10 * DAY,
              timeInStageMs: 9 * DAY,
              wonAt: at(10 * DAY),
            },
          },
        ]);
    });

    it('loses with a reason', () => {
      spec
        .given([dealOpened()])
        .when({ type: 'lose-deal', reason: 'Went with a competitor', pipeline, now: at(2 * DAY) })
        .thenEvents(([event]) =>
          expect(event).toMatchObject({
            type: 'sales.deal-lost',
            data: { stageId: 'lost', fromStageId: 'lead', reason: 'Went with a competitor', lostAt: at(2 * DAY), cycleTimeMs: 2 * DAY },
          }),
        );
    });

    it('needs a reason either way', () => {
      expect(
        spec
          .given([dealOpened()])
          .when({ type: 'lose-deal', reason: ' ', pipeline, now: at(DAY) })
          .thenThrows('sales.invalid-text').details,
      ).toEqual({ field: 'reason' });
      spec
        .given([dealOpened()])
        .when({ type: 'win-deal', reason: '', pipeline, now: at(DAY) })
        .thenThrows('sales.invalid-text');
    });

    it('wins only a deal with an amount (it records a purchase of that amount)', () => {
      spec
        .given([dealOpened({ amount: 0 })])
        .when({ type: 'win-deal', reason: 'Signed', pipeline, now: at(DAY) })
        .thenThrows('sales.deal-amount-required', 'invalid');
    });

    it('closes a deal once', () => {
      spec
        .given([dealOpened(), won(at(DAY))])
        .when({ type: 'lose-deal', reason: 'Oops', pipeline, now: at(2 * DAY) })
        .thenThrows('sales.deal-closed', 'conflict');
      spec
        .given([dealOpened(), won(at(DAY))])
        .when({ type: 'win-deal', reason: 'Again', pipeline, now: at(2 * DAY) })
        .thenThrows('sales.deal-closed');
    });
  });

  describe('reopening', () => {
    it('reopens a won deal into the stage it was won from, saying what it undoes', () => {
      spec
        .given([dealOpened(), moved('lead', 'proposal', 50, 10, DAY, at(DAY)), won(at(4 * DAY), 'proposal')])
        .when({ type: 'reopen-deal', reason: 'Contract not signed after all', pipeline, now: at(5 * DAY) })
        .then([
          {
            type: 'sales.deal-reopened',
            data: {
              dealId: DEAL,
              customerId: CUSTOMER,
              pipelineId: DEFAULT_PIPELINE_ID,
              fromStageId: 'won',
              stageId: 'proposal',
              probability: 50,
              amount: 120_000,
              currency: 'EUR',
              ownerId: AGENT,
              previousOutcome: 'won',
              previousClosedAt: at(4 * DAY),
              previousCycleTimeMs: 4 * DAY,
              reason: 'Contract not signed after all',
              timeInStageMs: DAY,
              reopenedAt: at(5 * DAY),
            },
          },
        ]);
    });

    it('reopens a lost deal into a named stage, or the first open one when its old stage was retired', () => {
      spec
        .given([dealOpened(), lost(at(DAY))])
        .when({ type: 'reopen-deal', stageId: 'negotiation', pipeline, now: at(2 * DAY) })
        .thenEvents(([event]) =>
          expect(event.data).toMatchObject({ stageId: 'negotiation', probability: 75, previousOutcome: 'lost', reason: null }),
        );
      spec
        .given([dealOpened(), lost(at(DAY))])
        .when({ type: 'reopen-deal', pipeline: withRetired(pipeline, 'lead'), now: at(2 * DAY) })
        .thenEvents(([event]) => expect(event.data).toMatchObject({ stageId: 'qualified' }));
    });

    it('reopens only a closed deal', () => {
      spec
        .given([dealOpened()])
        .when({ type: 'reopen-deal', pipeline, now: at(DAY) })
        .thenThrows('sales.deal-already-open', 'conflict');
      spec
        .given([])
        .when({ type: 'reopen-deal', pipeline, now: at(DAY) })
        .thenThrows('sales.deal-not-found', 'not-found');
    });

    it('is open again after a reopen, with its figures as before', () => {
      const reopened: DealEvent = {
        type: 'sales.deal-reopened',
        data: {
          dealId: DEAL,
          customerId: CUSTOMER,
          pipelineId: DEFAULT_PIPELINE_ID,
          fromStageId: 'won',
          stageId: 'lead',
          probability: 10,
          amount: 120_000,
          currency: 'EUR',
          ownerId: AGENT,
          previousOutcome: 'won',
          previousClosedAt: at(DAY),
          previousCycleTimeMs: DAY,
          reason: null,
          timeInStageMs: DAY,
          reopenedAt: at(2 * DAY),
        },
      };
      const state = spec.given([dealOpened(), won(at(DAY)), reopened]).state();
      expect(state).toMatchObject({ status: 'open', stageId: 'lead', probability: 10, amount: 120_000, stageEnteredAt: at(2 * DAY) });
      expect(state).not.toHaveProperty('closedAt');
    });
  });
});
