export * from './access-export-part';
export * from './access-exports';
export * from './access-export-document';
