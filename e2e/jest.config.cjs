const { jestConfig } = require('../jest.preset.cjs');

/** Tests across services: built services as processes, real PostgreSQL and Kafka. */
module.exports = jestConfig({
  rootDir: __dirname,
  displayName: 'e2e',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120000,
  forceExit: true,
});
