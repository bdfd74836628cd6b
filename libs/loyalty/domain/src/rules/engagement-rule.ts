import { startOfPeriod, type CalendarPeriod } from '../shared/time';
import type { EngagementRule, EngagementRuleName } from '../program/program-settings';

/** One engagement award the account remembers, for caps and duplicate checks. */
export interface EngagementAward {
  readonly rule: EngagementRuleName;
  readonly reference: string;
  readonly at: string;
  readonly points: number;
}

export interface EngagementEvaluation {
  /** Points awarded now (the rule's points, cut down to what the caps still allow). */
  readonly points: number;
  /** The period whose cap limited the award, when one did. */
  readonly cappedBy: CalendarPeriod | null;
}

const PERIODS: readonly CalendarPeriod[] = ['day', 'week', 'month', 'year'];

/** Pure cap arithmetic: points of the same rule already awarded in the current calendar day/week/month/year (UTC). */
export function evaluateEngagement(
  ruleName: EngagementRuleName,
  rule: EngagementRule,
  history: readonly EngagementAward[],
  now: string,
): EngagementEvaluation {
  let points = rule.points;
  let cappedBy: CalendarPeriod | null = null;
  for (const period of PERIODS) {
    const cap = rule.caps[period];
    if (cap === null) continue;
    const from = startOfPeriod(now, period);
    const used = history
      .filter((award) => award.rule === ruleName && award.at >= from && award.at <= now)
      .reduce((sum, award) => sum + award.points, 0);
    const allowed = Math.max(0, cap - used);
    if (allowed < points) {
      points = allowed;
      cappedBy = period;
    }
  }
  return { points, cappedBy };
}
