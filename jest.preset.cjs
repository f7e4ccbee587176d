// Shared Jest setup: SWC transpiles TypeScript (with decorator metadata for NestJS),
// tsconfig path aliases map to library sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

const ESM_ONLY_PACKAGES = ['jose'];

/** @param {{ rootDir: string, testMatch: string[], testTimeout?: number, displayName: string, forceExit?: boolean }} options */
function jestConfig({ rootDir, testMatch, testTimeout, displayName, forceExit = false }) {
  return {
    displayName,
    forceExit,
    rootDir,
    testEnvironment: 'node',
    testMatch,
    testTimeout: testTimeout ?? 5000,
    moduleNameMapper,
    // ESM-only packages (jose) are compiled to CommonJS with the project's code.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
    transform: {
      '^.+\\.(ts|js)$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2023',
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
  };
}

/** Unit tests: pure logic and use cases with typed fakes, no I/O. */
const unit = (rootDir, displayName) =>
  jestConfig({ rootDir, displayName, testMatch: ['<rootDir>/src/**/*.spec.ts'] });

/** Integration tests: real PostgreSQL, Kafka and OpenSearch started by deploy/local/infra.sh. */
const integration = (rootDir, displayName) =>
  jestConfig({
    rootDir,
    displayName: `${displayName}:integration`,
    testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
    testTimeout: 60000,
    // kafkajs keeps timers after disconnect; never let them hold a run open.
    forceExit: true,
  });

module.exports = { jestConfig, unit, integration };
