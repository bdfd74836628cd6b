import { projectionCollection, type DocumentProjection } from '@c360/kernel';
import { ACCOUNT_EVENT_TYPES, dueDates, type AccountEvent, type DueDates } from '@c360/loyalty-domain';
import type { LoyaltyBalanceDocument } from './loyalty-balance.document';
import { enrolledBalance, evolveBalance, type BalanceFacts } from './loyalty-balance.evolve';
import { ACCOUNT_STREAM_PREFIX, idFromStream } from './stream-ids';

export type { BalanceLot, LoyaltyBalanceDocument } from './loyalty-balance.document';

/**
 * Version 2 folds the read model's own document (v1 stored the decider's state): built beside v1
 * as `loyalty-balance_v2`, which readers switched to.
 */
export const loyaltyBalanceProjection: DocumentProjection<LoyaltyBalanceDocument, AccountEvent> = {
  name: 'loyalty-balance',
  version: 2,
  handles: ACCOUNT_EVENT_TYPES,
  // The scheduler pages through accounts by their next due instant.
  indexes: [{ fields: ['nextDueAt'] }],
  documentIds: (event) => [idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX)],
  evolve(doc, event) {
    let facts: BalanceFacts | null;
    if (event.type === 'loyalty.account-enrolled') facts = doc ?? enrolledBalance(event.data.customerId, event.data.enrolledAt);
    else facts = doc && evolveBalance(doc, event);
    if (!facts) return doc;
    return balanceDocument(facts, dueDates(facts), event.revision, event.occurredAt);
  },
};

/**
 * The stored document: the facts (without the derived fields a stored document carries, recomputed on
 * every event) and the due dates, in one object literal. Not `{ ...facts, version, … }`: V8 spreading a
 * 15-field object and adding six new fields took 10–12 µs an event here (measured), the literal 0.7 µs —
 * a fifth of the balance projection's catch-up time.
 */
function balanceDocument(facts: BalanceFacts, due: DueDates, version: number, updatedAt: string): LoyaltyBalanceDocument {
  return {
    customerId: facts.customerId,
    status: facts.status,
    mergedInto: facts.mergedInto,
    enrolledAt: facts.enrolledAt,
    tier: facts.tier,
    tierFloor: facts.tierFloor,
    graceEndsAt: facts.graceEndsAt,
    tierReviewAt: facts.tierReviewAt,
    debt: facts.debt,
    lots: facts.lots,
    tierEarnings: facts.tierEarnings,
    purchaseLots: facts.purchaseLots,
    heldRedemptions: facts.heldRedemptions,
    heldPoints: facts.heldPoints,
    flags: facts.flags,
    version,
    nextDueAt: due.nextDueAt,
    nextUnlockAt: due.nextUnlockAt,
    nextExpiryAt: due.nextExpiryAt,
    nextWarningAt: due.nextWarningAt,
    updatedAt,
  };
}

export const LOYALTY_BALANCE_COLLECTION = projectionCollection(loyaltyBalanceProjection);
