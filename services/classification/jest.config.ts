export default {
  displayName: 'classification',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/classification',
};
