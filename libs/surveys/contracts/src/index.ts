export * from './surveys.integration-events';
export * from './surveys.shared-events';
export * from './surveys.timeline';
