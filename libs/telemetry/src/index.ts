export * from './http-route';
export * from './start-telemetry';
export * from './trace-context';
