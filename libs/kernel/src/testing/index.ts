export * from './fake-clock';
export * from './sequential-ids';
export * from './decider-specification';
