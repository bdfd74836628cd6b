import type { EngagementRule } from '../program/program-settings';
import { evaluateEngagement, type EngagementAward } from './engagement-rule';

const rule = (caps: Partial<EngagementRule['caps']>, points = 20): EngagementRule => ({
  enabled: true,
  points,
  caps: { day: null, week: null, month: null, year: null, ...caps },
});
const award = (at: string, points = 20, reference = at): EngagementAward => ({ rule: 'survey-answered', reference, at, points });

describe('engagement caps per calendar day, week, month and year (UTC)', () => {
  it('awards the rule points when no cap is reached', () => {
    expect(evaluateEngagement('survey-answered', rule({ day: 40 }), [], '2026-03-10T09:00:00.000Z')).toEqual({
      points: 20,
      cappedBy: null,
    });
  });

  it('cuts the award to what the daily cap still allows, and to nothing once reached', () => {
    const history = [award('2026-03-10T08:00:00.000Z', 30)];
    expect(evaluateEngagement('survey-answered', rule({ day: 40 }), history, '2026-03-10T09:00:00.000Z')).toEqual({
      points: 10,
      cappedBy: 'day',
    });
    const full = [...history, award('2026-03-10T08:30:00.000Z', 10)];
    expect(evaluateEngagement('survey-answered', rule({ day: 40 }), full, '2026-03-10T23:59:59.999Z')).toEqual({
      points: 0,
      cappedBy: 'day',
    });
    expect(evaluateEngagement('survey-answered', rule({ day: 40 }), full, '2026-03-11T00:00:00.000Z').points).toBe(20);
  });

  it('counts a week from Monday', () => {
    const history = [award('2026-03-09T10:00:00.000Z'), award('2026-03-11T10:00:00.000Z')]; // Monday, Wednesday
    const weekly = rule({ week: 40 });
    expect(evaluateEngagement('survey-answered', weekly, history, '2026-03-15T10:00:00.000Z').points).toBe(0); // Sunday
    expect(evaluateEngagement('survey-answered', weekly, history, '2026-03-16T10:00:00.000Z').points).toBe(20); // next Monday
  });

  it('applies the tightest of several caps, and ignores other rules', () => {
    const history = [
      award('2026-03-02T10:00:00.000Z'),
      award('2026-03-05T10:00:00.000Z'),
      { ...award('2026-03-10T10:00:00.000Z'), rule: 'review-written' as const },
    ];
    expect(evaluateEngagement('survey-answered', rule({ day: 100, month: 50 }), history, '2026-03-20T10:00:00.000Z')).toEqual({
      points: 10,
      cappedBy: 'month',
    });
  });

  it('supports a yearly cap (birthday once a year)', () => {
    const birthday = rule({ year: 100 }, 100);
    const history: EngagementAward[] = [{ rule: 'birthday', reference: '2026', at: '2026-05-01T00:00:00.000Z', points: 100 }];
    expect(evaluateEngagement('birthday', birthday, history, '2026-12-31T00:00:00.000Z').points).toBe(0);
    expect(evaluateEngagement('birthday', birthday, history, '2027-05-01T00:00:00.000Z').points).toBe(100);
  });
});
