export * from './sales.integration-events';
