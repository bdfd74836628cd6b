import { DomainError } from '@c360/kernel';
import type { EngagementRuleName, ProgramSettings } from '../program/program-settings';
import { ENGAGEMENT_RULES } from '../program/program-settings';
import { evaluateEngagement } from '../rules/engagement-rule';
import type { PurchaseFacts } from '../rules/purchase-facts';
import { evaluateSpendRule } from '../rules/spend-rule';
import { requirePositivePoints, requireReference } from '../shared/actor';
import { addDays, normaliseInstant } from '../shared/time';
import type { Decision } from './decision';
import { tierConsequences } from './decide-tier';
import { availableLotFacts, lotIdFor, newLotFacts } from './lot-math';
import { settleDebt } from './debt';
import { checkEarningVelocity } from './decide-fraud';

/** After new points arrive: pay debt, check velocity, apply tier consequences. */
function afterEarning(decision: Decision, now: string, program: ProgramSettings): void {
  settleDebt(decision, now);
  checkEarningVelocity(decision, now, program.fraud);
  tierConsequences(decision, now, program.tiers);
}

/**
 * The spend rule on a purchase: points locked for the return window from the purchase date, then
 * valid by the points policy. A purchase earns once; one that earns nothing leaves no trace.
 */
export function earnForPurchase(decision: Decision, purchase: PurchaseFacts, now: string, program: ProgramSettings): void {
  const account = decision.account;
  if (account.purchases.some((record) => record.purchaseId === purchase.purchaseId)) return;
  const evaluation = evaluateSpendRule(program.spendRule, purchase, account.tier);
  if (evaluation.points === 0) return;
  const lot = newLotFacts(
    lotIdFor(account.customerId, 'purchase', purchase.purchaseId),
    evaluation.points,
    normaliseInstant(purchase.purchasedAt),
    now,
    program.points.returnWindowDays,
    program.points,
  );
  decision.emit({
    type: 'loyalty.points-earned',
    data: {
      ...lot,
      customerId: account.customerId,
      source: {
        kind: 'purchase',
        purchaseId: purchase.purchaseId,
        orderId: purchase.orderId,
        channel: purchase.channel,
        total: purchase.total,
        currency: purchase.currency,
        eligibleAmount: evaluation.eligibleAmount,
        eligibleSkus: evaluation.eligibleSkus,
        rate: evaluation.rate,
      },
      countsForTier: true,
      programVersion: program.version,
    },
  });
  afterEarning(decision, now, program);
}

/** An engagement rule's bonus, cut to what its caps allow this day/week/month/year. One award per rule and reference. */
export function earnForEngagement(
  decision: Decision,
  command: { rule: EngagementRuleName; reference: string; now: string; program: ProgramSettings },
): void {
  const { rule: ruleName, reference, now, program } = command;
  if (!ENGAGEMENT_RULES.includes(ruleName)) {
    throw new DomainError('loyalty.unknown-engagement-rule', `No engagement rule "${ruleName}"`, 'invalid', { field: 'rule' });
  }
  requireReference(reference);
  const rule = program.engagementRules[ruleName];
  if (!rule.enabled || rule.points === 0) {
    throw new DomainError('loyalty.engagement-rule-disabled', `The ${ruleName} rule earns no points`, 'conflict', { rule: ruleName });
  }
  const account = decision.account;
  if (account.engagements.some((award) => award.rule === ruleName && award.reference === reference)) {
    throw new DomainError('loyalty.engagement-already-rewarded', `${ruleName} "${reference}" was rewarded before`, 'conflict', {
      rule: ruleName,
      reference,
    });
  }
  const evaluation = evaluateEngagement(ruleName, rule, account.engagements, now);
  if (evaluation.points === 0) {
    throw new DomainError('loyalty.engagement-cap-reached', `The ${ruleName} cap per ${evaluation.cappedBy} is reached`, 'conflict', {
      rule: ruleName,
      period: evaluation.cappedBy,
    });
  }
  const lot = newLotFacts(
    lotIdFor(account.customerId, 'engagement', `${ruleName}/${reference}`),
    evaluation.points,
    now,
    now,
    0,
    program.points,
  );
  decision.emit({
    type: 'loyalty.points-earned',
    data: {
      ...lot,
      customerId: account.customerId,
      source: { kind: 'engagement', rule: ruleName, reference, rulePoints: rule.points, cappedBy: evaluation.cappedBy },
      countsForTier: true,
      programVersion: program.version,
    },
  });
  afterEarning(decision, now, program);
}

/** Coalition partners credit points they sold; available at once (returns are the partner's affair), counting for the tier. */
export function earnFromPartner(
  decision: Decision,
  command: { partnerId: string; reference: string; points: number; now: string; program: ProgramSettings },
): void {
  const { partnerId, reference, points, now, program } = command;
  requirePositivePoints(points);
  requireReference(reference);
  const account = decision.account;
  if (account.partnerEarnings.includes(`${partnerId}/${reference}`)) {
    throw new DomainError('loyalty.duplicate-partner-reference', `Partner reference "${reference}" was credited before`, 'conflict', {
      reference,
    });
  }
  const lot = newLotFacts(lotIdFor(account.customerId, 'partner', `${partnerId}/${reference}`), points, now, now, 0, program.points);
  decision.emit({
    type: 'loyalty.points-earned',
    data: {
      ...lot,
      customerId: account.customerId,
      source: { kind: 'partner', partnerId, reference },
      countsForTier: true,
      programVersion: program.version,
    },
  });
  afterEarning(decision, now, program);
}

/**
 * The receiving side of a transfer: each portion keeps the expiry of the lot it came from (a
 * transfer never extends the life of points); a portion that expired in transit gets the restored-
 * points validity. Transferred points do not count for the receiver's tier.
 */
export function receiveTransfer(
  decision: Decision,
  command: {
    transferId: string;
    fromCustomerId: string;
    portions: readonly { points: number; expiresAt: string }[];
    now: string;
    program: ProgramSettings;
  },
): void {
  const { transferId, now, program } = command;
  const account = decision.account;
  if (account.transferInIds.includes(transferId)) return;
  const byExpiry = new Map<string, number>();
  for (const portion of command.portions) {
    requirePositivePoints(portion.points);
    const expiresAt =
      portion.expiresAt > now ? normaliseInstant(portion.expiresAt) : addDays(now, program.points.restoredPointsValidityDays);
    byExpiry.set(expiresAt, (byExpiry.get(expiresAt) ?? 0) + portion.points);
  }
  const lots = [...byExpiry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([expiresAt, points], index) =>
      availableLotFacts(lotIdFor(account.customerId, 'transfer', `${transferId}/${index}`), points, now, expiresAt, program.points),
    );
  const points = lots.reduce((sum, lot) => sum + lot.points, 0);
  decision.emit({ type: 'loyalty.points-transferred-in', data: { transferId, fromCustomerId: command.fromCustomerId, points, lots } });
  settleDebt(decision, now);
}
