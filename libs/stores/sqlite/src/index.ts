export * from './sqlite-connection';
export * from './event-store/sqlite-event-store';
export * from './documents/sqlite-document-store';
export * from './documents/apply-update';
export * from './checkpoints/sqlite-checkpoint-store';
export * from './keys/sqlite-key-store';
export * from './documents/open-read-model-file';
export * from './event-store/event-chain';
