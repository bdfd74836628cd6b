export * from './tickets.integration-events';
export * from './tickets.shared-events';
export * from './tickets.timeline';
