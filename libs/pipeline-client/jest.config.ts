export default {
  displayName: 'pipeline-client',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/libs/pipeline-client',
};
