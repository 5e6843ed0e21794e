import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../../../src-main/contract/errors';
import { EXIT, exitCodeFor, formatJson } from '../../../../../src-main/cli/commands/command-context';

describe('exit codes', () => {
  it('map each rig failure to its documented code', () => {
    expect(exitCodeFor('rig-error')).toBe(1);
    expect(exitCodeFor('rig-bad-response')).toBe(1);
    expect(exitCodeFor('invalid-args')).toBe(2);
    expect(exitCodeFor('rig-unreachable')).toBe(3);
    expect(exitCodeFor('rig-timeout')).toBe(3);
    expect(exitCodeFor('tls-untrusted')).toBe(4);
    expect(exitCodeFor('tls-fingerprint-changed')).toBe(4);
    expect(exitCodeFor('key-rejected')).toBe(5);
  });

  it('never gives 0 for a failure', () => {
    for (const code of errorCodes) expect(exitCodeFor(code)).not.toBe(EXIT.ok);
  });
});

describe('formatJson', () => {
  it('prints indented JSON and keeps Infinity tokens', () => {
    const text = formatJson({ value: Infinity, low: -Infinity, name: 'Infinity', n: [1] });
    expect(text).toBe('{\n  "value": Infinity,\n  "low": -Infinity,\n  "name": "Infinity",\n  "n": [\n    1\n  ]\n}\n');
  });
});
