export * from './sales.module';
