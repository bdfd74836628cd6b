import {
  NO_SALES,
  type CustomerFactsDocument,
  type FeedbackFacts,
  type LoyaltyFacts,
  type SalesFacts,
  type SurveyScoreFact,
} from '@c360/customer360-projections';

/**
 * One customer as its survivor answers for it: the survivor's own record (profile, consent, tier)
 * with the business facts of every customer merged into it added in. Loyalty moves the absorbed
 * account's lots to the survivor itself, so adding accounts never counts a point twice.
 */
export interface CombinedFacts {
  readonly survivor: CustomerFactsDocument | undefined;
  readonly sales: SalesFacts;
  readonly loyalty: readonly LoyaltyFacts[];
  readonly primaryLoyalty: LoyaltyFacts | undefined;
  readonly lastInteractionAt: string | null;
  readonly lastInteractionKind: string | null;
  readonly firstRedemptionAt: string | null;
  /** The latest NPS and CSAT answers of any of the merged ids. */
  readonly feedback: FeedbackFacts;
}

export function combineFacts(survivorId: string, docs: readonly CustomerFactsDocument[]): CombinedFacts {
  const survivor = docs.find((doc) => doc.customerId === survivorId);
  let sales: SalesFacts = NO_SALES;
  let last: CustomerFactsDocument | undefined;
  for (const doc of docs) {
    sales = addSales(sales, doc.sales);
    if (doc.lastInteractionAt !== null && (last?.lastInteractionAt ?? '') < doc.lastInteractionAt) last = doc;
  }
  const loyalty = docs.flatMap((doc) => (doc.loyalty ? [doc.loyalty] : []));
  const firsts = loyalty
    .map((account) => account.firstRedemptionAt)
    .filter((at): at is string => at !== null)
    .sort();
  return {
    survivor,
    sales,
    loyalty,
    primaryLoyalty: survivor?.loyalty ?? undefined,
    lastInteractionAt: last?.lastInteractionAt ?? null,
    lastInteractionKind: last?.lastInteractionKind ?? null,
    firstRedemptionAt: firsts[0] ?? null,
    feedback: {
      lastNps: latest(docs.map((doc) => doc.feedback?.lastNps ?? null)),
      lastCsat: latest(docs.map((doc) => doc.feedback?.lastCsat ?? null)),
    },
  };
}

function latest(answers: readonly (SurveyScoreFact | null)[]): SurveyScoreFact | null {
  let found: SurveyScoreFact | null = null;
  for (const answer of answers) if (answer && (found === null || answer.at > found.at)) found = answer;
  return found;
}

function addSales(a: SalesFacts, b: SalesFacts): SalesFacts {
  if (b.purchases === 0 && b.refunds === 0) return a;
  if (a.purchases === 0 && a.refunds === 0) return b;
  const byCurrency: Record<string, SalesFacts['byCurrency'][string]> = { ...a.byCurrency };
  for (const [currency, value] of Object.entries(b.byCurrency)) {
    const before = byCurrency[currency] ?? { purchased: 0, refunded: 0, net: 0 };
    byCurrency[currency] = {
      purchased: before.purchased + value.purchased,
      refunded: before.refunded + value.refunded,
      net: before.net + value.net,
    };
  }
  return {
    purchases: a.purchases + b.purchases,
    refunds: a.refunds + b.refunds,
    firstPurchaseAt: min(a.firstPurchaseAt, b.firstPurchaseAt),
    lastPurchaseAt: max(a.lastPurchaseAt, b.lastPurchaseAt),
    byCurrency,
    purchaseMonths: [...new Set([...a.purchaseMonths, ...b.purchaseMonths])].sort(),
  };
}

const min = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
const max = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);
