export * from './platform.module';
export * from './health/readiness';
export * from './health/public-route';
export * from './logging/logger-options';
export * from './bootstrap/run-service';
export * from './bootstrap/proto-root';
export * from './grpc/grpc-error';
export * from './grpc/grpc-client';
