export * from './tickets.context';
