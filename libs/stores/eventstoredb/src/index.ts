export * from './eventstoredb-event-store';
export * from './client/esdb-client';
export { GrpcEsdbClient } from './client/grpc-esdb-client';
