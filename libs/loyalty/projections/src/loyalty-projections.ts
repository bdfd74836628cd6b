import type { AnyDocumentProjection } from '@c360/kernel';
import { loyaltyBalanceProjection } from './loyalty-balance.projection';
import { loyaltyFraudReviewProjection } from './loyalty-fraud-review.projection';
import { loyaltyLedgerProjection } from './loyalty-ledger.projection';
import { loyaltyMemberActivityProjection } from './loyalty-member-activity.projection';
import {
  loyaltyPartnerCredentialsProjection,
  loyaltyPartnerSettlementProjection,
  loyaltyPartnersProjection,
} from './loyalty-partners.projection';
import { loyaltyRewardRedemptionsProjection, loyaltyRewardsProjection } from './loyalty-rewards.projection';

/** Every loyalty read model, each with its own indexes (the context definition lists them). */
export const LOYALTY_PROJECTIONS: readonly AnyDocumentProjection[] = [
  loyaltyBalanceProjection,
  loyaltyLedgerProjection,
  loyaltyRewardsProjection,
  loyaltyRewardRedemptionsProjection,
  loyaltyPartnerCredentialsProjection,
  loyaltyPartnersProjection,
  loyaltyPartnerSettlementProjection,
  loyaltyMemberActivityProjection,
  loyaltyFraudReviewProjection,
];
