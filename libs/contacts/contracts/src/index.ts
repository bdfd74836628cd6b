export * from './contacts.integration-events';
export * from './contacts.shared-events';
export * from './contacts.timeline';
export * from './contacts.customer-aliases';
