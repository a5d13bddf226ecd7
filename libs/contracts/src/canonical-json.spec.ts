import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } };
    const b = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 };

    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('serialises dates as ISO strings and drops undefined like JSON does', () => {
    const value = { at: new Date('2025-03-03T01:00:00.000Z'), gone: undefined };
    expect(canonicalJson(value)).toBe('{"at":"2025-03-03T01:00:00.000Z"}');
  });

  it('indents when asked', () => {
    expect(canonicalJson({ b: 1, a: 2 }, 2)).toBe('{\n  "a": 2,\n  "b": 1\n}');
  });
});
