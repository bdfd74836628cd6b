export * from './replay-stores';
export * from './projection-catalog';
export * from './fold-log';
export * from './collection-diff';
export * from './verify-read-models';
export * from './event-history';
export * from './customer-as-of';
export * from './rebuild-projection';
