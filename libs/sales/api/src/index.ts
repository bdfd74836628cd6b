export * from './sales.context';
