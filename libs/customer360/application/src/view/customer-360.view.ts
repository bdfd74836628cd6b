import type { ConsentFact, CustomerDealDocument, SurveyScoreFact } from '@c360/customer360-projections';
import { churnRisk, type ChurnRisk } from './churn-risk';
import type { CombinedFacts } from './combined-facts';
import { loyaltyBalanceAt, type LoyaltyBalanceView } from './loyalty-balance';
import { scoreRfm, type RfmScale, type RfmScore } from './rfm';
import { rfmInputOf } from './rfm-scale.service';
import type { OpenTicket } from './ticket-sla';

export interface OpenDeal {
  readonly dealId: string;
  readonly stageId: string;
  readonly amount: number;
  readonly currency: string;
  readonly probability: number;
  readonly ownerId: string;
  readonly openedAt: string;
  /** Opened per request; absent when the customer's key is gone. */
  readonly title?: unknown;
}

/**
 * The one picture of a customer every team sees. Tickets are the open ones with their SLA state (from
 * tickets' shared events); feedback is the latest NPS and CSAT answers, from surveys' published answers.
 */
export interface Customer360View {
  readonly customerId: string;
  readonly requestedId: string;
  readonly customerIds: readonly string[];
  readonly profile: {
    readonly status: 'active' | 'erased' | 'unregistered';
    readonly registeredAt: string | null;
    readonly acquisitionSource: string | null;
    readonly erasedAt: string | null;
  };
  readonly consent: readonly ConsentFact[];
  readonly loyalty: LoyaltyBalanceView | null;
  readonly deals: {
    readonly open: readonly OpenDeal[];
    readonly openCount: number;
    /** Per currency: the open amount and the amount weighted by each deal's probability. */
    readonly pipelineValue: readonly { readonly currency: string; readonly total: number; readonly weighted: number }[];
  };
  readonly tickets: {
    readonly tracked: true;
    /** The newest open tickets (at most 50), each with its SLA state now. */
    readonly open: readonly OpenTicket[];
    readonly openCount: number;
    /** Open tickets whose SLA was missed. */
    readonly breached: number;
  };
  readonly feedback: { readonly tracked: true; readonly lastNps: SurveyScoreFact | null; readonly lastCsat: SurveyScoreFact | null };
  readonly lifetimeValue: readonly {
    readonly currency: string;
    readonly purchased: number;
    readonly refunded: number;
    readonly net: number;
  }[];
  readonly purchases: number;
  readonly refunds: number;
  readonly firstPurchaseAt: string | null;
  readonly lastPurchaseAt: string | null;
  readonly lastInteraction: { readonly at: string; readonly kind: string } | null;
  readonly rfm: RfmScore | null;
  readonly churnRisk: ChurnRisk;
  readonly asOf: { readonly at: string; readonly position: number | null };
}

export interface ViewInputs {
  readonly requestedId: string;
  readonly customerId: string;
  readonly customerIds: readonly string[];
  readonly facts: CombinedFacts;
  readonly openDeals: readonly (CustomerDealDocument & { readonly title?: unknown })[];
  readonly openDealCount: number;
  readonly openTickets: readonly OpenTicket[];
  readonly openTicketCount: number;
  readonly scale: RfmScale;
  readonly now: Date;
  readonly position: number | null;
}

export function customer360View(input: ViewInputs): Customer360View {
  const { facts, now } = input;
  const survivor = facts.survivor;
  const loyalty = loyaltyBalanceAt(facts.loyalty, now, facts.primaryLoyalty);
  const rfm = scoreRfm(rfmInputOf(facts.sales), input.scale, now);
  const breached = input.openTickets.filter((ticket) => ticket.slaState === 'breached').length;
  const consent = Object.values(survivor?.consents ?? {}).sort((a, b) =>
    `${a.channel}:${a.purpose}`.localeCompare(`${b.channel}:${b.purpose}`),
  );
  const pipeline = new Map<string, { total: number; weighted: number }>();
  for (const deal of input.openDeals) {
    const before = pipeline.get(deal.currency) ?? { total: 0, weighted: 0 };
    pipeline.set(deal.currency, {
      total: before.total + deal.amount,
      weighted: before.weighted + Math.round((deal.amount * deal.probability) / 100),
    });
  }
  return {
    customerId: input.customerId,
    requestedId: input.requestedId,
    customerIds: input.customerIds,
    profile: {
      status:
        survivor === undefined || survivor.registeredAt === null
          ? survivor?.status === 'erased'
            ? 'erased'
            : 'unregistered'
          : survivor.status === 'erased'
            ? 'erased'
            : 'active',
      registeredAt: survivor?.registeredAt ?? null,
      acquisitionSource: survivor?.acquisitionSource ?? null,
      erasedAt: survivor?.erasedAt ?? null,
    },
    consent,
    loyalty,
    deals: {
      open: input.openDeals.map(({ dealId, stageId, amount, currency, probability, ownerId, openedAt, title }) => ({
        dealId,
        stageId,
        amount,
        currency,
        probability,
        ownerId,
        openedAt,
        ...(title === undefined ? {} : { title }),
      })),
      openCount: input.openDealCount,
      pipelineValue: [...pipeline.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, value]) => ({ currency, ...value })),
    },
    tickets: { tracked: true, open: input.openTickets, openCount: input.openTicketCount, breached },
    feedback: { tracked: true, lastNps: facts.feedback.lastNps, lastCsat: facts.feedback.lastCsat },
    lifetimeValue: Object.entries(facts.sales.byCurrency)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, value]) => ({ currency, ...value })),
    purchases: facts.sales.purchases,
    refunds: facts.sales.refunds,
    firstPurchaseAt: facts.sales.firstPurchaseAt,
    lastPurchaseAt: facts.sales.lastPurchaseAt,
    lastInteraction:
      facts.lastInteractionAt === null ? null : { at: facts.lastInteractionAt, kind: facts.lastInteractionKind ?? 'unknown' },
    rfm,
    churnRisk: churnRisk(
      {
        purchases: facts.sales.purchases,
        refunds: facts.sales.refunds,
        firstPurchaseAt: facts.sales.firstPurchaseAt,
        lastPurchaseAt: facts.sales.lastPurchaseAt,
        rfm,
        marketingConsentRevoked: consent.some((decision) => decision.purpose === 'marketing' && !decision.granted),
        pointsExpiringSoon: loyalty?.expiringSoon.reduce((sum, lot) => sum + lot.points, 0) ?? 0,
        lastNpsScore: facts.feedback.lastNps?.score ?? null,
        breachedTickets: breached,
      },
      now,
    ),
    asOf: { at: now.toISOString(), position: input.position },
  };
}
