import { projectionCollection, type DocumentProjection, type DomainEvent } from '@c360/kernel';
import type { AccountEventOf } from '@c360/loyalty-domain';
import { ACCOUNT_STREAM_PREFIX, idFromStream } from './stream-ids';

/**
 * Per member: purchases (from sales.purchase-recorded) and reward redemptions, the raw material of
 * the reward-effectiveness report (does redeeming bring customers back within 90 days?).
 */
export interface MemberActivityDocument {
  readonly customerId: string;
  /** Purchase instants, ascending, the latest MAX_PURCHASES kept. */
  readonly purchases: readonly { readonly purchaseId: string; readonly at: string }[];
  readonly redemptions: readonly {
    readonly redemptionId: string;
    readonly rewardId: string;
    readonly points: number;
    readonly at: string;
    readonly status: 'completed' | 'cancelled';
  }[];
}

export const MAX_PURCHASES = 500;
const PURCHASE_RECORDED = 'sales.purchase-recorded';

/** Sales' published event, read field by field below (its data is another context's contract). */
type PurchaseRecordedEvent = DomainEvent<typeof PURCHASE_RECORDED, unknown>;
type RedemptionEvent = AccountEventOf<'loyalty.points-redeemed' | 'loyalty.held-redemption-released' | 'loyalty.redemption-cancelled'>;
type MemberActivityEvent = PurchaseRecordedEvent | RedemptionEvent;

/** Only the two fields the report needs are read from sales' event; a malformed one is left to the sales reaction to report. */
function purchaseOf(event: PurchaseRecordedEvent): { customerId: string; purchaseId: string; at: string } | null {
  if (event.data === null || typeof event.data !== 'object') return null;
  const data: { customerId?: unknown; purchaseId?: unknown; purchasedAt?: unknown } = event.data;
  if (typeof data.customerId !== 'string' || typeof data.purchaseId !== 'string' || typeof data.purchasedAt !== 'string') return null;
  const at = new Date(data.purchasedAt);
  return Number.isNaN(at.getTime()) ? null : { customerId: data.customerId, purchaseId: data.purchaseId, at: at.toISOString() };
}

function rewardRedemption(
  event: RedemptionEvent,
): { redemptionId: string; rewardId: string; points: number; at: string; status: 'completed' | 'cancelled' } | null {
  switch (event.type) {
    case 'loyalty.points-redeemed':
      return event.data.purpose.kind === 'reward'
        ? {
            redemptionId: event.data.redemptionId,
            rewardId: event.data.purpose.rewardId,
            points: event.data.points,
            at: event.data.redeemedAt,
            status: 'completed',
          }
        : null;
    case 'loyalty.held-redemption-released':
      return event.data.purpose.kind === 'reward'
        ? {
            redemptionId: event.data.redemptionId,
            rewardId: event.data.purpose.rewardId,
            points: event.data.points,
            at: event.data.releasedAt,
            status: 'completed',
          }
        : null;
    case 'loyalty.redemption-cancelled':
      return event.data.purpose.kind === 'reward'
        ? {
            redemptionId: event.data.redemptionId,
            rewardId: event.data.purpose.rewardId,
            points: event.data.points,
            at: event.data.cancelledAt,
            status: 'cancelled',
          }
        : null;
  }
}

export const loyaltyMemberActivityProjection: DocumentProjection<MemberActivityDocument, MemberActivityEvent> = {
  name: 'loyalty-member-activity',
  version: 1,
  handles: [PURCHASE_RECORDED, 'loyalty.points-redeemed', 'loyalty.held-redemption-released', 'loyalty.redemption-cancelled'],
  documentIds(event) {
    if (event.type === PURCHASE_RECORDED) {
      const purchase = purchaseOf(event);
      return purchase ? [purchase.customerId] : [];
    }
    return rewardRedemption(event) ? [idFromStream(event.streamId, ACCOUNT_STREAM_PREFIX)] : [];
  },
  evolve(doc, event, customerId) {
    const current: MemberActivityDocument = doc ?? { customerId, purchases: [], redemptions: [] };
    if (event.type === PURCHASE_RECORDED) {
      const purchase = purchaseOf(event);
      if (!purchase || current.purchases.some((known) => known.purchaseId === purchase.purchaseId)) return current;
      const purchases = [...current.purchases, { purchaseId: purchase.purchaseId, at: purchase.at }]
        .sort((a, b) => a.at.localeCompare(b.at))
        .slice(-MAX_PURCHASES);
      return { ...current, purchases };
    }
    const redemption = rewardRedemption(event);
    if (!redemption) return current;
    if (redemption.status === 'cancelled') {
      return {
        ...current,
        redemptions: current.redemptions.map((known) =>
          known.redemptionId === redemption.redemptionId ? { ...known, status: 'cancelled' as const } : known,
        ),
      };
    }
    if (current.redemptions.some((known) => known.redemptionId === redemption.redemptionId)) return current;
    return { ...current, redemptions: [...current.redemptions, redemption] };
  },
};

export const LOYALTY_MEMBER_ACTIVITY_COLLECTION = projectionCollection(loyaltyMemberActivityProjection);
