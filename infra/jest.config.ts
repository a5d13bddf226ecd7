export default {
  displayName: 'infra',
  preset: '../jest.preset.js',
  rootDir: '.',
  // The Kafka jars and broker data are not sources.
  modulePathIgnorePatterns: ['<rootDir>/kafka/.dist'],
};
