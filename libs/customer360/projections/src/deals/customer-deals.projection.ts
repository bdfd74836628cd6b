import { projectionCollection, type DocumentProjection } from '@c360/kernel';
import type { SalesSharedEvent } from '@c360/sales-contracts';

/**
 * Deals as the 360 view needs them: who, how much, which stage, open or closed, by whom. One per deal,
 * because stage and amount changes name the deal, not the customer. `title` stays as the event holds
 * it (sealed once sales seals it) and is opened at query time.
 */
export interface CustomerDealDocument {
  readonly dealId: string;
  readonly customerId: string;
  readonly status: 'open' | 'won' | 'lost';
  readonly stageId: string;
  readonly amount: number;
  readonly currency: string;
  readonly probability: number;
  readonly ownerId: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly title: unknown;
}

type DealEvent = Extract<
  SalesSharedEvent,
  {
    type:
      | 'sales.deal-opened'
      | 'sales.deal-stage-changed'
      | 'sales.deal-amount-changed'
      | 'sales.deal-won'
      | 'sales.deal-lost'
      | 'sales.deal-reopened';
  }
>;

export const CUSTOMER_DEALS = { name: 'c360-deals', version: 1 } as const;
export const CUSTOMER_DEALS_COLLECTION = projectionCollection(CUSTOMER_DEALS);

export const customerDealsProjection: DocumentProjection<CustomerDealDocument, DealEvent> = {
  ...CUSTOMER_DEALS,
  handles: [
    'sales.deal-opened',
    'sales.deal-stage-changed',
    'sales.deal-amount-changed',
    'sales.deal-won',
    'sales.deal-lost',
    'sales.deal-reopened',
  ],
  // Open deals per customer (the 360 view); won deals per owner and period (team performance).
  indexes: [{ fields: ['customerId', 'status'] }, { fields: ['status', 'closedAt'] }],
  documentIds: (event) => [event.data.dealId],
  evolve(doc, event) {
    if (event.type === 'sales.deal-opened') {
      const d = event.data;
      return {
        dealId: d.dealId,
        customerId: d.customerId,
        status: 'open',
        stageId: d.stageId,
        amount: d.amount,
        currency: d.currency,
        probability: d.probability,
        ownerId: d.ownerId,
        openedAt: d.openedAt,
        closedAt: null,
        title: d.title,
      };
    }
    if (!doc) return null;
    switch (event.type) {
      case 'sales.deal-stage-changed':
        return {
          ...doc,
          stageId: event.data.toStageId,
          probability: event.data.probability,
          amount: event.data.amount,
          currency: event.data.currency,
        };
      case 'sales.deal-amount-changed':
        return { ...doc, amount: event.data.amount, currency: event.data.currency, probability: event.data.probability };
      case 'sales.deal-won':
        return {
          ...doc,
          status: 'won',
          stageId: event.data.stageId,
          amount: event.data.amount,
          ownerId: event.data.ownerId,
          closedAt: event.data.wonAt,
        };
      case 'sales.deal-lost':
        return { ...doc, status: 'lost', stageId: event.data.stageId, ownerId: event.data.ownerId, closedAt: event.data.lostAt };
      case 'sales.deal-reopened':
        return {
          ...doc,
          status: 'open',
          stageId: event.data.stageId,
          probability: event.data.probability,
          amount: event.data.amount,
          closedAt: null,
        };
      default:
        return doc;
    }
  },
};
