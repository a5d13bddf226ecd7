export default {
  displayName: 'feedback',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/feedback',
};
