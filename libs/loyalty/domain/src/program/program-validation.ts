import { DomainError } from '@c360/kernel';
import { TIERS } from '../shared/tiers';
import type { EngagementRule, FraudPolicy, PointsPolicy, SpendRule, TierPolicy, TransferPolicy } from './program-settings';

/** Broken programme settings are `loyalty.invalid-program-settings`, naming the field. */
function check(condition: boolean, field: string, problem: string): void {
  if (!condition) {
    throw new DomainError('loyalty.invalid-program-settings', `${field} ${problem}`, 'invalid', { field, problem });
  }
}

const wholeAtLeast = (value: number, min: number) => Number.isSafeInteger(value) && value >= min;
const CURRENCY = /^[A-Z]{3}$/;

export function validateSpendRule(rule: SpendRule): void {
  check(wholeAtLeast(rule.pointsPerStep, 0), 'spendRule.pointsPerStep', 'must be a whole number ≥ 0');
  check(wholeAtLeast(rule.stepAmount, 1), 'spendRule.stepAmount', 'must be a whole number ≥ 1 (minor units)');
  check(wholeAtLeast(rule.minimumOrderValue, 0), 'spendRule.minimumOrderValue', 'must be a whole number ≥ 0 (minor units)');
  rule.currencies.forEach((currency, index) => check(CURRENCY.test(currency), `spendRule.currencies.${index}`, 'must be an ISO-4217 code'));
  for (const tier of TIERS) {
    check(
      wholeAtLeast(rule.tierMultipliers[tier], 0) && rule.tierMultipliers[tier] <= 1_000,
      `spendRule.tierMultipliers.${tier}`,
      'must be a percent from 0 to 1000',
    );
  }
}

export function validateEngagementRule(name: string, rule: EngagementRule): void {
  check(wholeAtLeast(rule.points, 0), `engagementRules.${name}.points`, 'must be a whole number ≥ 0');
  for (const period of ['day', 'week', 'month', 'year'] as const) {
    const cap = rule.caps[period];
    check(cap === null || wholeAtLeast(cap, 0), `engagementRules.${name}.caps.${period}`, 'must be null or a whole number ≥ 0');
  }
}

export function validateTierPolicy(policy: TierPolicy): void {
  check(policy.thresholds.bronze === 0, 'tiers.thresholds.bronze', 'must be 0 (every member is at least bronze)');
  check(wholeAtLeast(policy.thresholds.silver, 1), 'tiers.thresholds.silver', 'must be a whole number ≥ 1');
  check(
    wholeAtLeast(policy.thresholds.gold, 1) && policy.thresholds.gold > policy.thresholds.silver,
    'tiers.thresholds.gold',
    'must be a whole number above the silver threshold',
  );
  check(wholeAtLeast(policy.windowMonths, 1) && policy.windowMonths <= 60, 'tiers.windowMonths', 'must be from 1 to 60');
  check(wholeAtLeast(policy.gracePeriodDays, 0) && policy.gracePeriodDays <= 730, 'tiers.gracePeriodDays', 'must be from 0 to 730');
}

export function validatePointsPolicy(policy: PointsPolicy): void {
  check(wholeAtLeast(policy.returnWindowDays, 0) && policy.returnWindowDays <= 365, 'points.returnWindowDays', 'must be from 0 to 365');
  check(
    ['after-unlock', 'end-of-month', 'end-of-year'].includes(policy.expiryMode),
    'points.expiryMode',
    'must be after-unlock, end-of-month or end-of-year',
  );
  check(wholeAtLeast(policy.expiryMonths, 1) && policy.expiryMonths <= 120, 'points.expiryMonths', 'must be from 1 to 120');
  check(wholeAtLeast(policy.warningDays, 0) && policy.warningDays <= 365, 'points.warningDays', 'must be from 0 to 365');
  check(
    wholeAtLeast(policy.restoredPointsValidityDays, 1) && policy.restoredPointsValidityDays <= 365,
    'points.restoredPointsValidityDays',
    'must be from 1 to 365',
  );
}

export function validateTransferPolicy(policy: TransferPolicy): void {
  check(wholeAtLeast(policy.minPoints, 1), 'transfers.minPoints', 'must be a whole number ≥ 1');
  check(wholeAtLeast(policy.maxPointsPerTransfer, policy.minPoints), 'transfers.maxPointsPerTransfer', 'must be ≥ transfers.minPoints');
  check(
    wholeAtLeast(policy.maxPointsPerMonth, policy.maxPointsPerTransfer),
    'transfers.maxPointsPerMonth',
    'must be ≥ transfers.maxPointsPerTransfer',
  );
}

export function validateFraudPolicy(policy: FraudPolicy): void {
  check(wholeAtLeast(policy.maxPointsPer24Hours, 1), 'fraud.maxPointsPer24Hours', 'must be a whole number ≥ 1');
  check(wholeAtLeast(policy.earlyRedemptionDays, 0), 'fraud.earlyRedemptionDays', 'must be a whole number ≥ 0');
  check(wholeAtLeast(policy.newAccountDays, 0), 'fraud.newAccountDays', 'must be a whole number ≥ 0');
  check(wholeAtLeast(policy.referralRingDepth, 2) && policy.referralRingDepth <= 20, 'fraud.referralRingDepth', 'must be from 2 to 20');
}
