export default {
  displayName: 'intake',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/intake',
};
