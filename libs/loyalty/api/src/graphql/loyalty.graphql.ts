import { ACCESS, graphqlCommand as command, graphqlQuery as read, type GraphqlOperations } from '@c360/runtime';

const manage = { roles: ACCESS.manage };

/** Loyalty on the GraphQL gateway: each field is answered by the loyalty route named beside it. */
export const LOYALTY_GRAPHQL: GraphqlOperations = [
  read('loyaltyAccount', 'A loyalty account: balance, tier and its points lots with their expiry', '/loyalty/accounts/:customerId'),
  read('loyaltyLedger', "An account's ledger, newest first", '/loyalty/accounts/:customerId/ledger', { filter: true, connection: true }),
  read('loyaltyRedemptions', "An account's reward redemptions", '/loyalty/accounts/:customerId/reward-redemptions', {
    filter: true,
    connection: true,
  }),
  read('loyaltyProgram', 'The programme rules in force: spend rule, engagement rules, tiers, policies', '/loyalty/program'),
  read('rewardsCatalogue', 'The rewards catalogue', '/loyalty/rewards', { filter: true, connection: true }),
  read('reward', 'A reward', '/loyalty/rewards/:rewardId'),
  read('fraudFlags', 'Fraud flags waiting for review', '/loyalty/fraud-flags', { roles: ACCESS.oversee, filter: true, connection: true }),
  read('loyaltyRewardEffectiveness', 'Which rewards bring customers back', '/loyalty/reports/reward-effectiveness', {
    roles: ACCESS.oversee,
    filter: true,
  }),
  read('loyaltyPartners', 'Coalition partners', '/loyalty/partners', { roles: ACCESS.oversee, filter: true }),
  read('partnerSettlement', "A partner's settlement for a period", '/loyalty/partners/:partnerId/settlement', {
    roles: ACCESS.oversee,
    filter: true,
  }),
  command('enrolLoyaltyAccount', 'Enrol a customer', 'POST', '/loyalty/accounts'),
  command('redeemPoints', 'Redeem points', 'POST', '/loyalty/accounts/:customerId/redemptions'),
  command(
    'cancelRedemption',
    'Cancel a redemption (the points come back)',
    'POST',
    '/loyalty/accounts/:customerId/redemptions/:redemptionId/cancellation',
    {
      input: false,
    },
  ),
  command('adjustPoints', 'Adjust points by hand (supervisors)', 'POST', '/loyalty/accounts/:customerId/adjustments', manage),
  command('transferPoints', 'Transfer points to another account', 'POST', '/loyalty/accounts/:customerId/transfers'),
  command('recordEngagement', 'Record an engagement that earns points', 'POST', '/loyalty/accounts/:customerId/engagements'),
  command('setTierFloor', 'Set a tier floor (supervisors)', 'PUT', '/loyalty/accounts/:customerId/tier-floor', manage),
  command(
    'reviewFraudFlag',
    'Review a fraud flag (supervisors)',
    'POST',
    '/loyalty/accounts/:customerId/fraud-flags/:flagId/review',
    manage,
  ),
  command('redeemReward', 'Redeem a reward from the catalogue', 'POST', '/loyalty/rewards/:rewardId/redemptions'),
  command('createReward', 'Add a reward to the catalogue', 'POST', '/loyalty/rewards', manage),
  command('changeReward', 'Change a reward', 'PUT', '/loyalty/rewards/:rewardId', manage),
  command('addCouponCodes', "Add coupon codes to a reward's stock", 'POST', '/loyalty/rewards/:rewardId/coupon-codes', manage),
  command('retireReward', 'Retire a reward', 'POST', '/loyalty/rewards/:rewardId/retirement', { ...manage, input: false }),
  command('setSpendRule', 'Change the spend rule', 'PUT', '/loyalty/program/spend-rule', manage),
  command('setEngagementRule', 'Define or change an engagement rule', 'PUT', '/loyalty/program/engagement-rules/:rule', manage),
  command('setTiers', 'Change the tiers', 'PUT', '/loyalty/program/tiers', manage),
  command('setPointsPolicy', 'Change the points policy (expiry, rounding)', 'PUT', '/loyalty/program/points-policy', manage),
  command('setTransferPolicy', 'Change the transfer policy', 'PUT', '/loyalty/program/transfer-policy', manage),
  command('setFraudPolicy', 'Change the fraud policy', 'PUT', '/loyalty/program/fraud-policy', manage),
  command('registerPartner', 'Register a coalition partner', 'POST', '/loyalty/partners', manage),
  command('rotatePartnerKey', "Rotate a partner's key", 'POST', '/loyalty/partners/:partnerId/key-rotation', { ...manage, input: false }),
  command('deactivatePartner', 'Deactivate a partner', 'POST', '/loyalty/partners/:partnerId/deactivation', { ...manage, input: false }),
  command('recordSurveyAnswerPoints', 'Award the points of a survey answer', 'POST', '/loyalty/survey-answers', { roles: ACCESS.feed }),
  command('runLoyaltyScheduler', 'Run the loyalty scheduler now (expiry, tier reviews)', 'POST', '/loyalty/scheduler/runs', {
    roles: ACCESS.jobs,
    input: false,
  }),
];
