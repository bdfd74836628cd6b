export * from './contacts.context';
