export * from './contacts.integration-events';
export * from './contacts.shared-events';
