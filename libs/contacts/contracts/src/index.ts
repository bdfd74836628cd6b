export * from './contacts.integration-events';
