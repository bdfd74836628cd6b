import type { DocumentProjection } from '@c360/kernel';
import { DEAL_EVENT_TYPES, type DealEvent } from '@c360/sales-domain';

export interface StageVisit {
  readonly stageId: string;
  readonly enteredAt: string;
  /** Null while the deal is still in the stage. */
  readonly leftAt: string | null;
  readonly durationMs: number | null;
}

export interface DealDocument {
  readonly dealId: string;
  readonly customerId: string;
  readonly pipelineId: string;
  readonly title: string;
  readonly amount: number;
  readonly currency: string;
  readonly ownerId: string;
  readonly expectedCloseDate: string;
  readonly source: string;
  readonly stageId: string;
  readonly probability: number;
  readonly status: 'open' | 'won' | 'lost';
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  /** Every stage the deal has been in, in order, with the time spent there (from the events). */
  readonly stageHistory: readonly StageVisit[];
  readonly activityCount: number;
  readonly lastActivityAt: string | null;
  /** The deal stream's revision: send it back as If-Match. */
  readonly version: number;
  readonly updatedAt: string;
}

function enter(history: readonly StageVisit[], stageId: string, at: string, timeInStageMs: number): StageVisit[] {
  const closed = history.map((visit, index) =>
    index === history.length - 1 && visit.leftAt === null ? { ...visit, leftAt: at, durationMs: timeInStageMs } : visit,
  );
  return [...closed, { stageId, enteredAt: at, leftAt: null, durationMs: null }];
}

/** One document per deal: what the deal screen and the deal lists show. */
export const dealViewProjection: DocumentProjection<DealDocument, DealEvent> = {
  name: 'sales-deals',
  version: 1,
  handles: DEAL_EVENT_TYPES,
  indexes: [{ fields: ['pipelineId', 'stageId', 'openedAt'] }, { fields: ['ownerId', 'openedAt'] }, { fields: ['customerId', 'openedAt'] }],
  documentIds: (event) => [event.data.dealId],
  evolve(doc, event) {
    const stamp = { version: event.revision, updatedAt: event.occurredAt };
    if (event.type === 'sales.deal-opened') {
      const d = event.data;
      return {
        dealId: d.dealId,
        customerId: d.customerId,
        pipelineId: d.pipelineId,
        title: d.title,
        amount: d.amount,
        currency: d.currency,
        ownerId: d.ownerId,
        expectedCloseDate: d.expectedCloseDate,
        source: d.source,
        stageId: d.stageId,
        probability: d.probability,
        status: 'open',
        openedAt: d.openedAt,
        closedAt: null,
        closeReason: null,
        stageHistory: [{ stageId: d.stageId, enteredAt: d.openedAt, leftAt: null, durationMs: null }],
        activityCount: 0,
        lastActivityAt: null,
        ...stamp,
      };
    }
    if (doc === null) return null;
    switch (event.type) {
      case 'sales.deal-stage-changed': {
        const d = event.data;
        return {
          ...doc,
          ...stamp,
          stageId: d.toStageId,
          probability: d.probability,
          stageHistory: enter(doc.stageHistory, d.toStageId, d.changedAt, d.timeInStageMs),
        };
      }
      case 'sales.deal-won':
      case 'sales.deal-lost': {
        const d = event.data;
        const closedAt = event.type === 'sales.deal-won' ? event.data.wonAt : event.data.lostAt;
        return {
          ...doc,
          ...stamp,
          status: event.type === 'sales.deal-won' ? 'won' : 'lost',
          stageId: d.stageId,
          probability: event.type === 'sales.deal-won' ? 100 : 0,
          closedAt,
          closeReason: d.reason,
          stageHistory: enter(doc.stageHistory, d.stageId, closedAt, d.timeInStageMs),
        };
      }
      case 'sales.deal-reopened': {
        const d = event.data;
        return {
          ...doc,
          ...stamp,
          status: 'open',
          stageId: d.stageId,
          probability: d.probability,
          closedAt: null,
          closeReason: null,
          stageHistory: enter(doc.stageHistory, d.stageId, d.reopenedAt, d.timeInStageMs),
        };
      }
      case 'sales.deal-amount-changed':
        return { ...doc, ...stamp, amount: event.data.amount, currency: event.data.currency };
      case 'sales.deal-owner-changed':
        return { ...doc, ...stamp, ownerId: event.data.ownerId };
      case 'sales.deal-probability-changed':
        return { ...doc, ...stamp, probability: event.data.probability };
      case 'sales.deal-close-date-changed':
        return { ...doc, ...stamp, expectedCloseDate: event.data.expectedCloseDate };
      case 'sales.deal-activity-logged': {
        const at = event.data.activityAt;
        return {
          ...doc,
          ...stamp,
          activityCount: doc.activityCount + 1,
          lastActivityAt: doc.lastActivityAt && doc.lastActivityAt > at ? doc.lastActivityAt : at,
        };
      }
      default:
        return doc;
    }
  },
};
