import { projectionCollection, type DocumentProjection, type EventEnvelope } from '@c360/kernel';
import { ACCOUNT_EVENT_TYPES, dueDates, evolveAccount, type Account, type AccountEvent, type TierName } from '@c360/loyalty-domain';
import { ACCOUNT_STREAM_PREFIX, idFromStream } from './stream-ids';

/**
 * The platform's "loyalty balances" read model: one document per member holding the account as the
 * domain folds it (so the API computes spendable/pending/expiring exactly as the decider would, as of
 * the time of the query) plus the next due instants the scheduler looks for.
 */
export interface LoyaltyBalanceDocument {
  readonly customerId: string;
  /** Stream revision of the last event applied: the account's version for If-Match. */
  readonly version: number;
  readonly status: Account['status'];
  readonly tier: TierName;
  readonly account: Account;
  readonly nextDueAt: string | null;
  readonly nextUnlockAt: string | null;
  readonly nextExpiryAt: string | null;
  readonly nextWarningAt: string | null;
  readonly tierReviewAt: string | null;
  readonly updatedAt: string;
}

export const loyaltyBalanceProjection: DocumentProjection<LoyaltyBalanceDocument> = {
  name: 'loyalty-balance',
  version: 1,
  handles: ACCOUNT_EVENT_TYPES,
  documentIds: (event) => [idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX)],
  evolve(doc, event: EventEnvelope) {
    const state = evolveAccount(doc?.account ?? { status: 'none' }, { type: event.type, data: event.data } as AccountEvent);
    if (state.status === 'none') return doc;
    return {
      customerId: state.customerId,
      version: event.revision,
      status: state.status,
      tier: state.tier,
      account: state,
      ...dueDates(state),
      updatedAt: event.occurredAt,
    };
  },
};

export const LOYALTY_BALANCE_COLLECTION = projectionCollection(loyaltyBalanceProjection);
