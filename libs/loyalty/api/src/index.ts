export * from './loyalty.context';
