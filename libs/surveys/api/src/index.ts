export * from './surveys.context';
