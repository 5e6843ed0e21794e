import { describe, expect, it } from 'vitest';
import { parseWire, stringifyWire } from '../../../../src-main/core/python-json';

describe('stringifyWire', () => {
  it('writes Python json.dumps output, Infinity tokens included', () => {
    expect(stringifyWire({ value: Infinity })).toBe('{"value": Infinity}');
    expect(stringifyWire({ value: -Infinity, a: [1, 'x'] })).toBe('{"value": -Infinity, "a": [1, "x"]}');
    expect(stringifyWire({ codec: 'high', duration: 5, metadata: { foo: 1, bar: 'bob' } })).toBe(
      '{"codec": "high", "duration": 5, "metadata": {"foo": 1, "bar": "bob"}}',
    );
  });
  it('escapes non-ASCII like ensure_ascii and drops undefined members', () => {
    expect(stringifyWire({ name: 'Zürich µ', skip: undefined })).toBe('{"name": "Z\\u00fcrich \\u00b5"}');
  });
  it('round-trips through parseWire', () => {
    const v = { a: Infinity, b: -Infinity, s: 'Infinity is a word', n: [0.5, -2, true, null] };
    expect(parseWire(stringifyWire(v))).toEqual(v);
  });
});

describe('parseWire', () => {
  it('reads bare tokens but leaves strings alone', () => {
    const v = parseWire('{"x": Infinity, "y": "-Infinity", "z": [NaN, -Infinity], "q": "a\\"Infinity"}');
    expect(v).toEqual({ x: Infinity, y: '-Infinity', z: [NaN, -Infinity], q: 'a"Infinity' });
  });
  it('rejects what is not JSON', () => {
    expect(() => parseWire('<html>')).toThrow(SyntaxError);
    expect(() => parseWire('{"x": Infinityy}')).toThrow(SyntaxError);
  });
});
