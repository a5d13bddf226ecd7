export default {
  displayName: 'classification',
  preset: '../../jest.preset.js',
  rootDir: '.',
  coverageDirectory: '../../coverage/services/classification',
  // onnxruntime's tensors need the host's typed arrays (see the file).
  testEnvironment: '<rootDir>/test/host-realm.environment.js',
};
