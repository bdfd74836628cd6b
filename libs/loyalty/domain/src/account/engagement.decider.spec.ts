import { deciderSpec } from '@c360/kernel/testing';
import type { EngagementRuleName } from '../program/program-settings';
import { CUSTOMER, PROGRAM, enrol, history, lotId, typesOf, withProgram } from '../testing/account-fixtures';
import type { AccountCommand } from './account.commands';
import { loyaltyAccountDecider } from './loyalty-account.decider';

const spec = deciderSpec(loyaltyAccountDecider);
const T0 = '2026-03-10T09:00:00.000Z';
const engage = (rule: EngagementRuleName, reference: string, now = T0, program = PROGRAM, autoEnrol = false): AccountCommand => ({
  type: 'earn-for-engagement',
  customerId: CUSTOMER,
  rule,
  reference,
  autoEnrol,
  now,
  program,
});

describe('engagement rules through the account', () => {
  it('awards the rule’s points as an available lot, counting for the tier', () => {
    spec
      .given(history(enrol(T0)))
      .when(engage('survey-answered', 'response-1'))
      .then([
        {
          type: 'loyalty.points-earned',
          data: {
            lotId: lotId('engagement', 'survey-answered/response-1'),
            points: 20,
            earnedAt: T0,
            unlockAt: T0,
            expiresAt: '2027-03-10T09:00:00.000Z',
            warnAt: '2027-02-08T09:00:00.000Z',
            status: 'available',
            customerId: CUSTOMER,
            source: { kind: 'engagement', rule: 'survey-answered', reference: 'response-1', rulePoints: 20, cappedBy: null },
            countsForTier: true,
            programVersion: 0,
          },
        },
      ]);
  });

  it('refuses once the daily cap is reached, and awards again the next day', () => {
    const given = history(enrol(T0), engage('survey-answered', 'response-1'));
    const error = spec.given(given).when(engage('survey-answered', 'response-2')).thenThrows('loyalty.engagement-cap-reached', 'conflict');
    expect(error.details).toEqual({ rule: 'survey-answered', period: 'day' });
    spec
      .given(given)
      .when(engage('survey-answered', 'response-2', '2026-03-11T00:00:00.000Z'))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.points-earned']));
  });

  it('cuts an award to the monthly cap', () => {
    const program = withProgram((p) => ({
      engagementRules: {
        ...p.engagementRules,
        'review-written': { enabled: true, points: 25, caps: { day: null, week: null, month: 60, year: null } },
      },
    }));
    const given = history(
      enrol(T0),
      engage('review-written', 'rv-1', '2026-03-01T00:00:00.000Z', program),
      engage('review-written', 'rv-2', '2026-03-02T00:00:00.000Z', program),
    );
    spec
      .given(given)
      .when(engage('review-written', 'rv-3', T0, program))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ points: 10, source: { rulePoints: 25, cappedBy: 'month' } }));
  });

  it('rewards one engagement once', () => {
    spec
      .given(history(enrol(T0), engage('birthday', '2026')))
      .when(engage('birthday', '2026', '2027-01-01T00:00:00.000Z'))
      .thenThrows('loyalty.engagement-already-rewarded');
  });

  it('refuses a switched-off rule', () => {
    const program = withProgram((p) => ({
      engagementRules: { ...p.engagementRules, birthday: { ...p.engagementRules.birthday, enabled: false } },
    }));
    spec
      .given(history(enrol(T0)))
      .when(engage('birthday', '2026', T0, program))
      .thenThrows('loyalty.engagement-rule-disabled');
  });

  it('enrols on the way when asked (reactions), not otherwise (API)', () => {
    spec
      .given([])
      .when(engage('contract-renewed', 'contract-1/2026-03-10', T0, PROGRAM, true))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.account-enrolled', 'loyalty.points-earned']));
    spec.given([]).when(engage('contract-renewed', 'contract-1/2026-03-10')).thenThrows('loyalty.account-not-found');
  });
});
