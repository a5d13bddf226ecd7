import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/node_modules', '**/dist', '.nx', 'infra/kafka/.dist', '.data', 'coverage'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Services never import each other; libs never import services; contracts import no other lib.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // Config classes annotate property types: class-transformer converts env strings by them.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
    },
  },
  {
    // Test factories (fake personal data), the manual clock and the test harness stay out of
    // what services and libraries run in production: only specs, testing folders, the
    // harness itself, the benchmark and the demo may import them.
    files: ['services/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/testing/**',
      'libs/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@complaints/testing',
              message: 'The test harness is for tests only, not production code.',
            },
          ],
          patterns: [
            {
              regex: '^@complaints/[^/]+/testing(/.*)?$',
              message: 'Testing entry points (fake data, ManualClock) are for tests only.',
            },
            {
              regex: '^\\.\\.?/(.*/)?testing(/.*)?$',
              message: 'Testing folders (fake data, ManualClock) are for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    // No library file over 300 lines: a longer one is doing more than one job.
    files: ['libs/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    // Command-line scripts print to the terminal on purpose.
    files: ['**/scripts/**/*.ts', 'infra/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
