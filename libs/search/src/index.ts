export * from './search.error';
export * from './search-client';
export * from './index-definition';
export * from './bulk-index';
export * from './analysis';
