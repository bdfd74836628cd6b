export * from './integration-event';
export * from './field-schema';
export * from './contracts';
export * from './map-to-integration-event';
export * from './topics-doc';
export * from './asyncapi';
