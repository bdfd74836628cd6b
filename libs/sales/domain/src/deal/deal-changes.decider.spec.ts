import { deciderSpec } from '@c360/kernel/testing';
import { DEFAULT_PIPELINE_ID } from '../pipeline/default-pipeline';
import { AGENT, CUSTOMER, DAY, DEAL, HOUR, T0, at, dealOpened } from '../testing/sales-fixtures';
import { dealDecider } from './deal.decider';
import type { DealCommand } from './deal.commands';
import type { ActivityKind, DealEvent } from './deal.events';

type LogActivity = Extract<DealCommand, { type: 'log-deal-activity' }>;

const spec = deciderSpec(dealDecider);
const lost: DealEvent = {
  type: 'sales.deal-lost',
  data: {
    dealId: DEAL,
    customerId: CUSTOMER,
    amount: 120_000,
    currency: 'EUR',
    ownerId: AGENT,
    pipelineId: DEFAULT_PIPELINE_ID,
    stageId: 'lost',
    fromStageId: 'lead',
    previousProbability: 10,
    reason: 'No budget',
    openedAt: T0,
    cycleTimeMs: DAY,
    timeInStageMs: DAY,
    lostAt: at(DAY),
  },
};

describe('changing an open deal', () => {
  it('changes the amount and currency, with what they were and the stage’s figures', () => {
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-amount', amount: 150_000, currency: 'SEK', now: at(HOUR) })
      .then([
        {
          type: 'sales.deal-amount-changed',
          data: {
            dealId: DEAL,
            pipelineId: DEFAULT_PIPELINE_ID,
            stageId: 'lead',
            probability: 10,
            amount: 150_000,
            currency: 'SEK',
            previousAmount: 120_000,
            previousCurrency: 'EUR',
            changedAt: at(HOUR),
          },
        },
      ]);
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-amount', amount: 120_000, currency: 'EUR', now: at(HOUR) })
      .thenNothing();
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-amount', amount: -5, currency: 'EUR', now: at(HOUR) })
      .thenThrows('sales.invalid-amount', 'invalid');
  });

  it('hands the deal to another owner', () => {
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-owner', ownerId: 'agent-bo', now: at(HOUR) })
      .then([
        {
          type: 'sales.deal-owner-changed',
          data: { dealId: DEAL, pipelineId: DEFAULT_PIPELINE_ID, ownerId: 'agent-bo', previousOwnerId: AGENT, changedAt: at(HOUR) },
        },
      ]);
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-owner', ownerId: AGENT, now: at(HOUR) })
      .thenNothing();
  });

  it('sets the probability by hand, 0–100', () => {
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-probability', probability: 35, now: at(HOUR) })
      .then([
        {
          type: 'sales.deal-probability-changed',
          data: {
            dealId: DEAL,
            pipelineId: DEFAULT_PIPELINE_ID,
            stageId: 'lead',
            amount: 120_000,
            currency: 'EUR',
            probability: 35,
            previousProbability: 10,
            changedAt: at(HOUR),
          },
        },
      ]);
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-probability', probability: 101, now: at(HOUR) })
      .thenThrows('sales.invalid-probability');
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-probability', probability: 10, now: at(HOUR) })
      .thenNothing();
  });

  it('moves the expected close date, never before the day the deal opened', () => {
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-close-date', expectedCloseDate: '2026-06-30', now: at(HOUR) })
      .then([
        {
          type: 'sales.deal-close-date-changed',
          data: { dealId: DEAL, expectedCloseDate: '2026-06-30', previousExpectedCloseDate: '2026-04-30', changedAt: at(HOUR) },
        },
      ]);
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-close-date', expectedCloseDate: '2026-03-01', now: at(HOUR) })
      .thenThrows('sales.close-date-in-past');
    spec
      .given([dealOpened()])
      .when({ type: 'change-deal-close-date', expectedCloseDate: '30/06/2026', now: at(HOUR) })
      .thenThrows('sales.invalid-date');
  });

  it('keeps a closed deal’s figures as they closed: reopen first', () => {
    spec
      .given([dealOpened(), lost])
      .when({ type: 'change-deal-amount', amount: 1, currency: 'EUR', now: at(2 * DAY) })
      .thenThrows('sales.deal-closed', 'conflict');
    spec
      .given([dealOpened(), lost])
      .when({ type: 'change-deal-owner', ownerId: 'agent-bo', now: at(2 * DAY) })
      .thenThrows('sales.deal-closed');
    spec
      .given([dealOpened(), lost])
      .when({ type: 'change-deal-probability', probability: 50, now: at(2 * DAY) })
      .thenThrows('sales.deal-closed');
    spec
      .given([dealOpened(), lost])
      .when({ type: 'change-deal-close-date', expectedCloseDate: '2026-09-01', now: at(2 * DAY) })
      .thenThrows('sales.deal-closed');
  });

  it('answers not-found for a deal that was never opened', () => {
    spec.given([]).when({ type: 'change-deal-owner', ownerId: 'agent-bo', now: T0 }).thenThrows('sales.deal-not-found', 'not-found');
  });
});

describe('activities on a deal', () => {
  const ACTIVITY = '0190a5c4-0000-7000-8000-0000000000e1';
  const log = (overrides: Partial<LogActivity> = {}): LogActivity => ({
    type: 'log-deal-activity',
    activityId: ACTIVITY,
    kind: 'call',
    subject: ' Discovery call ',
    notes: 'Needs 40 vans by June',
    activityAt: '2026-03-02T10:30:00+01:00',
    loggedBy: 'agent-bo',
    now: at(2 * HOUR),
    ...overrides,
  });

  it('logs a call, meeting, e-mail or note against the deal and its customer', () => {
    spec
      .given([dealOpened()])
      .when(log())
      .then([
        {
          type: 'sales.deal-activity-logged',
          data: {
            dealId: DEAL,
            customerId: CUSTOMER,
            activityId: ACTIVITY,
            kind: 'call',
            subject: 'Discovery call',
            notes: 'Needs 40 vans by June',
            activityAt: '2026-03-02T09:30:00.000Z',
            loggedBy: 'agent-bo',
            loggedAt: at(2 * HOUR),
          },
        },
      ]);
  });

  it('logs on a closed deal too (follow-ups happen after a close)', () => {
    spec
      .given([dealOpened(), lost])
      .when(log({ kind: 'note', notes: undefined, now: at(3 * DAY) }))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ kind: 'note', notes: null }));
  });

  it('logs an activity once', () => {
    const logged = dealDecider.decide(log(), dealDecider.evolve(dealDecider.initialState, dealOpened()));
    spec
      .given([dealOpened(), ...logged])
      .when(log())
      .thenNothing();
  });

  it('refuses an unknown kind, a missing subject and an activity that has not happened yet', () => {
    spec
      .given([dealOpened()])
      .when(log({ kind: 'fax' as ActivityKind }))
      .thenThrows('sales.invalid-activity-kind');
    spec
      .given([dealOpened()])
      .when(log({ subject: '' }))
      .thenThrows('sales.invalid-text');
    spec
      .given([dealOpened()])
      .when(log({ activityAt: at(DAY) }))
      .thenThrows('sales.activity-in-future');
    spec
      .given([dealOpened()])
      .when(log({ activityAt: 'yesterday' }))
      .thenThrows('sales.invalid-date');
    spec.given([]).when(log()).thenThrows('sales.deal-not-found', 'not-found');
  });
});
