// @ts-check
import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const infrastructurePackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  '@grpc/*',
  '@elastic/*',
  '@opentelemetry/*',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.local',
      '**/.nx',
      'libs/contracts/src/generated/**',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // A service depends on shared libraries only, never on another service.
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:infra',
                'type:domain',
                'type:testing',
                'type:util',
              ],
            },
            // type:testing only from *.integration-spec.ts files of a library.
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: [
                'type:infra',
                'type:contracts',
                'type:testing',
                'type:util',
              ],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
            },
            // The web app talks to the gateway's public API only: no service, no infrastructure.
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:util'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:infra',
                'type:contracts',
                'type:domain',
                'type:util',
              ],
            },
            // Language-level helpers (libs/lang) depend on nothing but each other: no npm package.
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util'],
              allowedExternalImports: [],
            },
            // A scope sees itself and shared code only.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:tickets',
              onlyDependOnLibsWithTags: ['scope:tickets', 'scope:shared'],
            },
            {
              sourceTag: 'scope:sla',
              onlyDependOnLibsWithTags: ['scope:sla', 'scope:shared'],
            },
            {
              sourceTag: 'scope:routing',
              onlyDependOnLibsWithTags: ['scope:routing', 'scope:shared'],
            },
            {
              sourceTag: 'scope:cmdb',
              onlyDependOnLibsWithTags: ['scope:cmdb', 'scope:shared'],
            },
            {
              sourceTag: 'scope:knowledge',
              onlyDependOnLibsWithTags: ['scope:knowledge', 'scope:shared'],
            },
            {
              sourceTag: 'scope:gateway',
              onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // NestJS reads constructor parameter types at run time (decorator metadata).
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../libs/*', '../../../libs/*', '**/libs/*/src/*'],
              message: 'Import libraries through their @itsm/* alias.',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code is pure TypeScript: no framework, database, broker or transport.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: infrastructurePackages,
              message: 'Domain code must stay free of framework and I/O imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', 'e2e/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
    },
  },
);
