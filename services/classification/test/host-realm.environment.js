// Jest runs each test file in its own V8 context, whose typed-array constructors differ from
// the ones onnxruntime's native binding creates its tensors with, so its `instanceof` checks
// fail and the embedding models would never load under test. The service itself runs in one
// realm; this environment gives the tests the same typed arrays.
const { TestEnvironment } = require('jest-environment-node');

const TYPED = [
  'ArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class HostRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED) this.global[name] = globalThis[name];
  }
}

module.exports = HostRealmEnvironment;
