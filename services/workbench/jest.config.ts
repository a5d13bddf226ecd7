export default {
  displayName: 'workbench',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/workbench',
};
