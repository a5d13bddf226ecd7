export default {
  displayName: 'archiving',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/archiving',
};
