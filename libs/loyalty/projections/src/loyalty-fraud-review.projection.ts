import { projectionCollection, type DocumentProjection, type EventEnvelope } from '@c360/kernel';
import type { AccountEvent } from '@c360/loyalty-domain';
import { ACCOUNT_STREAM_PREFIX, idFromStream } from './stream-ids';

/** The supervisors' fraud review queue: one document per flag, with the points held behind it. */
export interface FraudReviewDocument {
  readonly customerId: string;
  readonly flagId: string;
  readonly reason: string;
  readonly details: Readonly<Record<string, string | number>>;
  readonly raisedAt: string;
  readonly status: 'open' | 'confirmed' | 'cleared';
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
}

export const loyaltyFraudReviewProjection: DocumentProjection<FraudReviewDocument> = {
  name: 'loyalty-fraud-review',
  version: 1,
  handles: ['loyalty.fraud-flag-raised', 'loyalty.fraud-flag-confirmed', 'loyalty.fraud-flag-cleared'],
  documentIds: (event) => [`${idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX)}/${(event.data as { flagId: string }).flagId}`],
  evolve(doc, event: EventEnvelope) {
    const flagEvent = { type: event.type, data: event.data } as AccountEvent;
    switch (flagEvent.type) {
      case 'loyalty.fraud-flag-raised':
        return {
          customerId: idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX),
          flagId: flagEvent.data.flagId,
          reason: flagEvent.data.reason,
          details: flagEvent.data.details,
          raisedAt: flagEvent.data.raisedAt,
          status: 'open',
          reviewedBy: null,
          reviewedAt: null,
        };
      case 'loyalty.fraud-flag-confirmed':
        return doc && { ...doc, status: 'confirmed', reviewedBy: flagEvent.data.actorId, reviewedAt: flagEvent.data.confirmedAt };
      case 'loyalty.fraud-flag-cleared':
        return doc && { ...doc, status: 'cleared', reviewedBy: flagEvent.data.actorId, reviewedAt: flagEvent.data.clearedAt };
      default:
        return doc;
    }
  },
};

export const LOYALTY_FRAUD_REVIEW_COLLECTION = projectionCollection(loyaltyFraudReviewProjection);
