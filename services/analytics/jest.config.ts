export default {
  displayName: 'analytics',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/analytics',
};
