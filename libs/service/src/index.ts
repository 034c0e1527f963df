export * from './service.module';
