export * from './sales.integration-events';
export * from './sales.shared-events';
export * from './sales.timeline';
