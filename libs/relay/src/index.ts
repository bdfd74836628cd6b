export * from './topic-publisher.port';
export * from './file-topic-publisher';
export * from './kafka-topic-publisher';
export * from './relay.processor';
export * from './relay.module';
export * from './dedupe-window';
