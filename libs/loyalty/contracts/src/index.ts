export * from './loyalty.integration-events';
