export default {
  displayName: 'pipeline-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
