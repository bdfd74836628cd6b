export * from './sample-events';
export * from './event-store.contract';
export * from './document-store.contract';
export * from './checkpoint-store.contract';
export * from './key-store.contract';
