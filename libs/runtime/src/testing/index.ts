export * from './test-platform';
export * from './test-tokens';
export * from './role-table-probe';
