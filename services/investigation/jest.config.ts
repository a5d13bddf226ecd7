export default {
  displayName: 'investigation',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/investigation',
};
