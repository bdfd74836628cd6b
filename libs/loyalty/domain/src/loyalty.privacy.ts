import { classifyEventFields, personalDataPolicyOf, type PersonalDataPolicy } from '@c360/kernel';
import type { AccountEvent } from './account/account.events';
import type { IdentityEvent } from './fraud/loyalty-identity.decider';
import type { PartnerEvent } from './partners/loyalty-partner.decider';
import type { ProgramEvent } from './program/loyalty-program.decider';
import type { ReferralEvent } from './referrals/loyalty-referral.decider';
import type { RewardEvent } from './rewards/loyalty-reward.types';

/** Every event the loyalty context writes. */
export type LoyaltyEvent = AccountEvent | ProgramEvent | RewardEvent | PartnerEvent | ReferralEvent | IdentityEvent;

/** Account events carry no customer id: the stream `loyalty-account-<customerId>` names whose they are. */
const accountHolder = (_data: unknown, streamId: string) => streamId.slice('loyalty-account-'.length);

/**
 * Every text field of every loyalty event, personal or plain (GUIDE "Privacy", ADR 0013). Loyalty
 * holds ids, points, codes and instants; the one piece of free text an agent types about a customer —
 * the reference of a manual points adjustment ("call with …") — is personal, sealed with the
 * account holder's key. Reason codes, tiers, coupon codes, partner names and key hashes are plain;
 * identity keys are hashes of payment fingerprints and device ids, never raw values.
 */
export const loyaltyEventFields = classifyEventFields<LoyaltyEvent>()({
  'loyalty.account-enrolled': { fields: { customerId: 'plain', enrolledAt: 'plain', source: 'plain' } },
  'loyalty.points-earned': {
    fields: {
      lotId: 'plain',
      earnedAt: 'plain',
      unlockAt: 'plain',
      expiresAt: 'plain',
      warnAt: 'plain',
      status: 'plain',
      customerId: 'plain',
    },
  },
  'loyalty.debt-repaid': { fields: { lotId: 'plain' } },
  'loyalty.points-unlocked': { fields: { lotId: 'plain', unlockedAt: 'plain', expiresAt: 'plain' } },
  'loyalty.expiry-warning-issued': { fields: { expiresAt: 'plain', lotIds: 'plain', warnedAt: 'plain' } },
  'loyalty.points-expired': { fields: { lotId: 'plain', expiredAt: 'plain' } },
  'loyalty.points-redeemed': { fields: { redemptionId: 'plain', redeemedAt: 'plain' } },
  'loyalty.redemption-held': { fields: { redemptionId: 'plain', heldAt: 'plain', flagIds: 'plain' } },
  'loyalty.held-redemption-released': { fields: { redemptionId: 'plain', releasedAt: 'plain' } },
  'loyalty.held-redemption-rejected': { fields: { redemptionId: 'plain', rejectedAt: 'plain' } },
  'loyalty.redemption-cancelled': { fields: { redemptionId: 'plain', cancelledAt: 'plain' } },
  'loyalty.redemption-voided': { fields: { redemptionId: 'plain', voidedAt: 'plain' } },
  'loyalty.points-clawed-back': { fields: { refundId: 'plain', purchaseId: 'plain', clawedBackAt: 'plain' } },
  'loyalty.points-adjusted': {
    subject: accountHolder,
    fields: { adjustmentId: 'plain', reason: 'plain', reference: 'personal', actorId: 'plain', adjustedAt: 'plain' },
  },
  'loyalty.points-transferred-out': { fields: { transferId: 'plain', toCustomerId: 'plain', transferredAt: 'plain' } },
  'loyalty.points-transferred-in': { fields: { transferId: 'plain', fromCustomerId: 'plain' } },
  'loyalty.tier-changed': { fields: { from: 'plain', to: 'plain', reason: 'plain', changedAt: 'plain' } },
  'loyalty.tier-floor-set': { fields: { tier: 'plain', reason: 'plain', actorId: 'plain', setAt: 'plain' } },
  'loyalty.tier-grace-started': { fields: { tier: 'plain', graceEndsAt: 'plain', startedAt: 'plain' } },
  'loyalty.tier-grace-ended': { fields: { tier: 'plain', endedAt: 'plain' } },
  'loyalty.tier-review-scheduled': { fields: { reviewAt: 'plain' } },
  'loyalty.lots-moved-out': { fields: { mergeId: 'plain', toCustomerId: 'plain', movedAt: 'plain' } },
  'loyalty.lots-moved-in': { fields: { mergeId: 'plain', fromCustomerId: 'plain', movedAt: 'plain' } },
  'loyalty.merged-lots-returned': { fields: { mergeId: 'plain', toCustomerId: 'plain', returnedAt: 'plain' } },
  'loyalty.merged-lots-restored': { fields: { mergeId: 'plain', fromCustomerId: 'plain', restoredAt: 'plain' } },
  'loyalty.account-closed': { fields: { reason: 'plain', closedAt: 'plain' } },
  'loyalty.fraud-flag-raised': { fields: { flagId: 'plain', reason: 'plain', raisedAt: 'plain' } },
  'loyalty.fraud-flag-confirmed': { fields: { flagId: 'plain', actorId: 'plain', confirmedAt: 'plain' } },
  'loyalty.fraud-flag-cleared': { fields: { flagId: 'plain', actorId: 'plain', clearedAt: 'plain' } },
  'loyalty.spend-rule-changed': { fields: { changedBy: 'plain', changedAt: 'plain' } },
  'loyalty.engagement-rule-changed': { fields: { changedBy: 'plain', changedAt: 'plain', rule: 'plain' } },
  'loyalty.tier-policy-changed': { fields: { changedBy: 'plain', changedAt: 'plain' } },
  'loyalty.points-policy-changed': { fields: { changedBy: 'plain', changedAt: 'plain' } },
  'loyalty.transfer-policy-changed': { fields: { changedBy: 'plain', changedAt: 'plain' } },
  'loyalty.fraud-policy-changed': { fields: { changedBy: 'plain', changedAt: 'plain' } },
  'loyalty.reward-created': { fields: { rewardId: 'plain', actorId: 'plain', createdAt: 'plain' } },
  'loyalty.reward-changed': { fields: { rewardId: 'plain', actorId: 'plain', changedAt: 'plain' } },
  'loyalty.reward-coupons-added': { fields: { rewardId: 'plain', codes: 'plain', actorId: 'plain', addedAt: 'plain' } },
  'loyalty.reward-retired': { fields: { rewardId: 'plain', actorId: 'plain', retiredAt: 'plain' } },
  'loyalty.reward-reserved': {
    fields: { rewardId: 'plain', redemptionId: 'plain', customerId: 'plain', couponCode: 'plain', reservedAt: 'plain' },
  },
  'loyalty.reward-redemption-confirmed': {
    fields: { rewardId: 'plain', redemptionId: 'plain', customerId: 'plain', confirmedAt: 'plain' },
  },
  'loyalty.reward-reservation-released': {
    fields: { rewardId: 'plain', redemptionId: 'plain', couponCode: 'plain', reason: 'plain', releasedAt: 'plain' },
  },
  'loyalty.reward-redemption-cancelled': {
    fields: { rewardId: 'plain', redemptionId: 'plain', customerId: 'plain', voidedCouponCode: 'plain', cancelledAt: 'plain' },
  },
  'loyalty.partner-registered': {
    fields: { partnerId: 'plain', name: 'plain', keyHash: 'plain', actorId: 'plain', registeredAt: 'plain' },
  },
  'loyalty.partner-key-rotated': {
    fields: { partnerId: 'plain', keyHash: 'plain', previousKeyHash: 'plain', actorId: 'plain', rotatedAt: 'plain' },
  },
  'loyalty.partner-deactivated': { fields: { partnerId: 'plain', keyHash: 'plain', actorId: 'plain', deactivatedAt: 'plain' } },
  'loyalty.referral-recorded': {
    fields: { refereeId: 'plain', referrerId: 'plain', referredAt: 'plain', suspicion: 'plain', ringMembers: 'plain' },
  },
  'loyalty.referral-qualified': { fields: { refereeId: 'plain', referrerId: 'plain', purchaseId: 'plain', qualifiedAt: 'plain' } },
  'loyalty.identity-observed': {
    fields: { identityKey: 'plain', kind: 'plain', customerId: 'plain', otherCustomerIds: 'plain', observedAt: 'plain' },
  },
});

/** The sealing policy that follows from the classification. */
export const loyaltyPersonalData: PersonalDataPolicy = personalDataPolicyOf(loyaltyEventFields);
