import { projectionCollection, type DocumentProjection } from '@c360/kernel';
import type { AccountEventOf } from '@c360/loyalty-domain';
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

type FlagEvent = AccountEventOf<'loyalty.fraud-flag-raised' | 'loyalty.fraud-flag-confirmed' | 'loyalty.fraud-flag-cleared'>;

export const loyaltyFraudReviewProjection: DocumentProjection<FraudReviewDocument, FlagEvent> = {
  name: 'loyalty-fraud-review',
  version: 1,
  handles: ['loyalty.fraud-flag-raised', 'loyalty.fraud-flag-confirmed', 'loyalty.fraud-flag-cleared'],
  // The review queue: flags of one status, oldest first; a customer's flags (the access export).
  indexes: [{ fields: ['status', 'raisedAt'] }, { fields: ['customerId', 'raisedAt'] }],
  documentIds: (event) => [`${idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX)}/${event.data.flagId}`],
  evolve(doc, event) {
    switch (event.type) {
      case 'loyalty.fraud-flag-raised':
        return {
          customerId: idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX),
          flagId: event.data.flagId,
          reason: event.data.reason,
          details: event.data.details,
          raisedAt: event.data.raisedAt,
          status: 'open',
          reviewedBy: null,
          reviewedAt: null,
        };
      case 'loyalty.fraud-flag-confirmed':
        return doc && { ...doc, status: 'confirmed', reviewedBy: event.data.actorId, reviewedAt: event.data.confirmedAt };
      case 'loyalty.fraud-flag-cleared':
        return doc && { ...doc, status: 'cleared', reviewedBy: event.data.actorId, reviewedAt: event.data.clearedAt };
    }
  },
};

export const LOYALTY_FRAUD_REVIEW_COLLECTION = projectionCollection(loyaltyFraudReviewProjection);
