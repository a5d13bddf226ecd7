export default {
  displayName: 'analytics',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/analytics',
  // Merged with the preset's mapper. thrift (under @dsnp/parquetjs) requires uuid 13, which is
  // ES modules only: Node loads it with require(esm), Jest's CommonJS sandbox cannot. The
  // root's uuid 11 has the same parse/stringify and a CommonJS build.
  moduleNameMapper: { '^uuid$': '<rootDir>/../../node_modules/uuid/dist/cjs/index.js' },
};
