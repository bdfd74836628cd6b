export * from './customer360.context';
