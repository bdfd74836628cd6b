import { defineTimeline, groupThousands } from '@c360/kernel';
import { loyaltyCustomerOfStream, type LoyaltySharedEvent } from './loyalty.shared-events';

const points = (n: number) => `${n < 0 ? '-' : ''}${groupThousands(Math.abs(n))} point${Math.abs(n) === 1 ? '' : 's'}`;

/**
 * How loyalty's account events read on the customer timeline: points, tiers, reward and redemption
 * ids. Bookkeeping events (unlocks, debt repayments, merge snapshots) are left out: they explain a
 * balance, which the ledger shows; the timeline tells what happened to the customer.
 */
export const LOYALTY_TIMELINE = defineTimeline<LoyaltySharedEvent>()({
  'loyalty.account-enrolled': (event) => ({
    customerId: event.data.customerId,
    kind: 'loyalty',
    summary: `Joined the loyalty club (${event.data.source})`,
    at: event.data.enrolledAt,
  }),
  'loyalty.points-earned': (event) => ({
    customerId: event.data.customerId,
    kind: 'points',
    summary: `Earned ${points(event.data.points)} (${event.data.source.kind})${event.data.status === 'pending' ? `, pending until ${event.data.unlockAt.slice(0, 10)}` : ''}`,
    at: event.data.earnedAt,
  }),
  'loyalty.points-expired': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'points',
    summary: `${points(event.data.points)} expired`,
    at: event.data.expiredAt,
  }),
  'loyalty.points-redeemed': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'redemption',
    summary: `Redeemed ${points(event.data.points)}${event.data.purpose.kind === 'reward' ? ' for a reward' : ''}`,
    links: {
      redemptionId: event.data.redemptionId,
      ...(event.data.purpose.kind === 'reward' ? { rewardId: event.data.purpose.rewardId } : {}),
    },
    at: event.data.redeemedAt,
  }),
  'loyalty.redemption-held': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'redemption',
    summary: `Redemption of ${points(event.data.points)} held for fraud review`,
    links: { redemptionId: event.data.redemptionId },
    at: event.data.heldAt,
  }),
  'loyalty.redemption-cancelled': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'redemption',
    summary: `Redemption cancelled, ${points(event.data.points)} given back`,
    links: { redemptionId: event.data.redemptionId },
    at: event.data.cancelledAt,
  }),
  'loyalty.points-clawed-back': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'points',
    summary: `${points(event.data.points)} taken back after a refund`,
    links: { purchaseId: event.data.purchaseId },
    at: event.data.clawedBackAt,
  }),
  'loyalty.points-adjusted': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'points',
    summary: `Points adjusted by ${event.data.points > 0 ? '+' : ''}${event.data.points} (${event.data.reason})`,
    at: event.data.adjustedAt,
  }),
  'loyalty.points-transferred-out': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'points',
    summary: `Gave ${points(event.data.points)} to customer ${event.data.toCustomerId}`,
    at: event.data.transferredAt,
  }),
  'loyalty.points-transferred-in': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'points',
    summary: `Received ${points(event.data.points)} from customer ${event.data.fromCustomerId}`,
  }),
  'loyalty.tier-changed': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'tier',
    summary: `Tier changed from ${event.data.from} to ${event.data.to} (${event.data.reason})`,
    at: event.data.changedAt,
  }),
  'loyalty.account-closed': (event) => ({
    customerId: loyaltyCustomerOfStream(event.streamId),
    kind: 'loyalty',
    summary: `Loyalty account closed (${event.data.reason}), ${points(event.data.forfeitedPoints)} forfeited`,
    at: event.data.closedAt,
  }),
});
