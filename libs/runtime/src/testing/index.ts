export * from './test-platform';
export * from '../observability/logging/log-capture';
