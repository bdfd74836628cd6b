export * from './connect-mongo-read-models';
export * from './documents/mongo-document-store';
export * from './checkpoints/mongo-checkpoint-store';
export { isTransientMongoError } from './mongo-errors';
export { MongoConnection } from './mongo-connection';
