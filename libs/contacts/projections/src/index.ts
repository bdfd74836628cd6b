export * from './customer-profile.projection';
export * from './customer-profile.view';
export * from './customer-consents.projection';
export * from './customer-aliases.projection';
