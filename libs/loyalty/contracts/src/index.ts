export * from './loyalty.integration-events';
export * from './loyalty.shared-events';
export * from './loyalty.timeline';
