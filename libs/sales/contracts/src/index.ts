export * from './sales.integration-events';
export * from './sales.shared-events';
