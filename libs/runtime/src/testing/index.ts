export * from './test-platform';
export * from '../observability/logging/log-capture';
export * from './test-tokens';
export * from './role-table-probe';
export * from './invalid-requests';
export * from './foreign-events';
