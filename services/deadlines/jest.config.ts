export default {
  displayName: 'deadlines',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/deadlines',
};
