export * from './platform-contexts';
