export default {
  displayName: 'bench',
  preset: '../jest.preset.js',
  rootDir: '.',
  // Only the harness's own logic is unit-tested; the benchmark itself measures, it never asserts timings.
  testMatch: ['**/src/**/*.spec.ts'],
};
