export * from './contacts.integration-events';
export * from './contacts.shared-events';
export * from './contacts.customer-directory';
export * from './customer-registration.fixtures';
export * from './contacts.timeline';
export * from './contacts.customer-aliases';
