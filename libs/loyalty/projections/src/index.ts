export * from './stream-ids';
export * from './loyalty-balance.projection';
export * from './loyalty-ledger.projection';
export * from './loyalty-rewards.projection';
export * from './loyalty-partners.projection';
export * from './loyalty-member-activity.projection';
export * from './loyalty-fraud-review.projection';
export * from './loyalty-projections';
