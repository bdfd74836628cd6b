export * from './loyalty.module';
