export * from './key-store.port';
export * from './personal-data-cipher';
export * from './personal-data-protector';
export * from './protected-event-store';
export * from './revealing-processor';
export * from './in-memory-key-store';
export * from './event-field-classification';
