// Shared Jest settings: SWC compiles TypeScript (with decorator metadata, which NestJS,
// TypeORM and class-validator read), and tsconfig paths map to the libs' sources.
const { pathsToModuleNameMapper } = require('./infra/jest/paths');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
          },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  testMatch: ['**/?(*.)+(spec|int-spec|e2e-spec).ts'],
  setupFiles: ['reflect-metadata'],
};
