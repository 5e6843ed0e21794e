import { describe, expect, it } from 'vitest';
import { parseCliValue, parseKeyValues, parseNumber } from '../../../../../src-main/cli/commands/key-values';

describe('command-line values', () => {
  it('reads JSON, inf/-inf, and falls back to text', () => {
    expect(parseCliValue('5')).toBe(5);
    expect(parseCliValue('0.25')).toBe(0.25);
    expect(parseCliValue('true')).toBe(true);
    expect(parseCliValue('null')).toBe(null);
    expect(parseCliValue('{"fly": 7}')).toEqual({ fly: 7 });
    expect(parseCliValue('[1, "a"]')).toEqual([1, 'a']);
    expect(parseCliValue('inf')).toBe(Infinity);
    expect(parseCliValue('+INF')).toBe(Infinity);
    expect(parseCliValue('-inf')).toBe(-Infinity);
    expect(parseCliValue('-Infinity')).toBe(-Infinity);
    expect(parseCliValue('high')).toBe('high');
    expect(parseCliValue('"5"')).toBe('5');
    expect(parseCliValue('my file.mp4')).toBe('my file.mp4');
  });

  it('splits key=value at the first equals sign', () => {
    expect(parseKeyValues(['codec=high', 'duration=30', 'filename=a=b', 'metadata={"x": 1}'])).toEqual({
      codec: 'high',
      duration: 30,
      filename: 'a=b',
      metadata: { x: 1 },
    });
    expect(parseKeyValues([])).toEqual({});
  });

  it('rejects pairs without a key, with an example', () => {
    expect(() => parseKeyValues(['duration'])).toThrow(/not key=value/);
    expect(() => parseKeyValues(['=5'])).toThrow(/not key=value/);
  });

  it('reads numbers or says which option was wrong', () => {
    expect(parseNumber('30', '--duration')).toBe(30);
    expect(parseNumber('-inf', 'value')).toBe(-Infinity);
    expect(() => parseNumber('ten', '--duration')).toThrow(/--duration must be a number/);
  });
});
