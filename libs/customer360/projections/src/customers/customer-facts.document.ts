/**
 * The 360 read model's own record of one customer id (not merged with anything: merges are followed
 * at query time, ADR 0014), folded from contacts', sales' and loyalty's shared-event contracts. It
 * keeps facts only; everything that depends on "now" (spendable points, recency, churn risk, RFM) is
 * computed by the query, so a rebuild gives the same documents whenever it runs.
 */
export interface ConsentFact {
  readonly channel: string;
  readonly purpose: string;
  readonly granted: boolean;
  readonly at: string;
}

export interface CurrencyTotals {
  readonly purchased: number;
  readonly refunded: number;
  /** purchased − refunded: lifetime value in this currency. */
  readonly net: number;
}

export interface SalesFacts {
  readonly purchases: number;
  readonly refunds: number;
  readonly firstPurchaseAt: string | null;
  readonly lastPurchaseAt: string | null;
  readonly byCurrency: Readonly<Record<string, CurrencyTotals>>;
  /** Distinct `YYYY-MM` months with a purchase, ascending: retention and repeat-purchase reports read them. */
  readonly purchaseMonths: readonly string[];
}

export interface LotFact {
  readonly lotId: string;
  readonly remaining: number;
  readonly unlockAt: string;
  readonly expiresAt: string;
  readonly status: 'pending' | 'available' | 'expired';
}

export interface LoyaltyFacts {
  readonly status: 'active' | 'merged' | 'closed';
  readonly enrolledAt: string;
  readonly tier: string;
  readonly debt: number;
  /** Lots with points left (spent and expired lots are dropped once they can no longer be restored). */
  readonly lots: readonly LotFact[];
  readonly redemptions: number;
  readonly firstRedemptionAt: string | null;
  readonly lastRedemptionAt: string | null;
}

/** A survey answer as the 360 shows it: the score, its category, when (never the comment). */
export interface SurveyScoreFact {
  readonly score: number;
  readonly category: string | null;
  readonly at: string;
  readonly invitationId: string;
}

export interface FeedbackFacts {
  readonly lastNps: SurveyScoreFact | null;
  readonly lastCsat: SurveyScoreFact | null;
}

export interface CustomerFactsDocument {
  readonly customerId: string;
  readonly status: 'active' | 'merged' | 'erased';
  readonly registeredAt: string | null;
  readonly acquisitionSource: string | null;
  readonly mergedInto: string | null;
  readonly erasedAt: string | null;
  /** Latest decision per `channel:purpose`. */
  readonly consents: Readonly<Record<string, ConsentFact>>;
  readonly sales: SalesFacts;
  readonly loyalty: LoyaltyFacts | null;
  readonly lastInteractionAt: string | null;
  readonly lastInteractionKind: string | null;
  /** The latest NPS and CSAT answers (from surveys' published answers); absent on documents written before surveys. */
  readonly feedback?: FeedbackFacts;
}

export const NO_SALES: SalesFacts = {
  purchases: 0,
  refunds: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  byCurrency: {},
  purchaseMonths: [],
};

export function newCustomerFacts(customerId: string): CustomerFactsDocument {
  return {
    customerId,
    status: 'active',
    registeredAt: null,
    acquisitionSource: null,
    mergedInto: null,
    erasedAt: null,
    consents: {},
    sales: NO_SALES,
    loyalty: null,
    lastInteractionAt: null,
    lastInteractionKind: null,
  };
}
