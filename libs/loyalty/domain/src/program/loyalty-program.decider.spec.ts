import { deciderSpec } from '@c360/kernel/testing';
import { AGENT, SUPERVISOR } from '../testing/account-fixtures';
import { loyaltyProgramDecider, type ProgramCommand } from './loyalty-program.decider';
import { DEFAULT_PROGRAM_SETTINGS, type SpendRule } from './program-settings';

const spec = deciderSpec(loyaltyProgramDecider);
const at = '2026-03-01T00:00:00.000Z';
const spendRule: SpendRule = { ...DEFAULT_PROGRAM_SETTINGS.spendRule, minimumOrderValue: 200_000, excludedCategories: ['gift-cards'] };
const changeSpend = (overrides: Partial<SpendRule> = {}, actor = SUPERVISOR): ProgramCommand => ({
  type: 'change-spend-rule',
  spendRule: { ...spendRule, ...overrides },
  actor,
  changedAt: at,
});

describe('loyalty programme: configurable, versioned earning rules', () => {
  it('starts from the documented defaults at version 0', () => {
    expect(spec.given([]).state()).toMatchObject({
      version: 0,
      spendRule: { pointsPerStep: 10, stepAmount: 100_000 },
      tiers: { thresholds: { bronze: 0, silver: 1_000, gold: 5_000 }, gracePeriodDays: 90, windowMonths: 12 },
      points: { returnWindowDays: 14, expiryMonths: 12, expiryMode: 'after-unlock', warningDays: 30 },
    });
  });

  it('records each change as an event with the next version', () => {
    spec
      .given([])
      .when(changeSpend())
      .then([{ type: 'loyalty.spend-rule-changed', data: { version: 1, changedBy: SUPERVISOR.id, changedAt: at, spendRule } }]);
    const given = [
      { type: 'loyalty.spend-rule-changed' as const, data: { version: 1, changedBy: SUPERVISOR.id, changedAt: at, spendRule } },
    ];
    spec
      .given(given)
      .when({
        type: 'change-tier-policy',
        tiers: { thresholds: { bronze: 0, silver: 2_000, gold: 8_000 }, windowMonths: 12, gracePeriodDays: 30 },
        actor: SUPERVISOR,
        changedAt: at,
      })
      .thenEvents(([event]) => expect(event).toMatchObject({ type: 'loyalty.tier-policy-changed', data: { version: 2 } }));
    expect(spec.given(given).state()).toMatchObject({ version: 1, spendRule: { minimumOrderValue: 200_000 } });
  });

  it('does not record settings that are already in force', () => {
    spec.given([]).when(changeSpend(DEFAULT_PROGRAM_SETTINGS.spendRule)).thenNothing();
  });

  it('is changed by supervisors only', () => {
    spec.given([]).when(changeSpend({}, AGENT)).thenThrows('loyalty.supervisor-required', 'forbidden');
  });

  it('refuses settings that make no sense, naming the field', () => {
    expect(
      spec
        .given([])
        .when(changeSpend({ stepAmount: 0 }))
        .thenThrows('loyalty.invalid-program-settings').details,
    ).toMatchObject({ field: 'spendRule.stepAmount' });
    spec
      .given([])
      .when({
        type: 'change-tier-policy',
        tiers: { thresholds: { bronze: 0, silver: 5_000, gold: 1_000 }, windowMonths: 12, gracePeriodDays: 90 },
        actor: SUPERVISOR,
        changedAt: at,
      })
      .thenThrows('loyalty.invalid-program-settings');
    spec
      .given([])
      .when({
        type: 'change-engagement-rule',
        rule: 'birthday',
        settings: { enabled: true, points: -1, caps: { day: null, week: null, month: null, year: 1 } },
        actor: SUPERVISOR,
        changedAt: at,
      })
      .thenThrows('loyalty.invalid-program-settings');
  });
});
