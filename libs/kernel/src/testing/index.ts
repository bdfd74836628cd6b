export * from './fake-clock';
export * from './sequential-ids';
export * from './decider-specification';
export * from './in-memory-event-store';
export * from './toy-account';
export * from './in-memory-checkpoint-store';
export * from './workflow-specification';
