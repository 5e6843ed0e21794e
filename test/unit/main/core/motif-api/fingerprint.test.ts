import { describe, expect, it } from 'vitest';
import { normalizeFingerprint, sameFingerprint } from '../../../../../src-main/core/motif-api/fingerprint';

const colons = 'AF:EC:31:5F:EE:59:67:1D:5B:BF:ED:5A:F5:72:D4:60:7A:BE:34:DD:AC:77:9B:EB:F5:B1:5B:10:10:EA:EC:0D';

describe('normalizeFingerprint', () => {
  it('accepts colons or none, any case, spaces and a sha256 prefix', () => {
    const bare = colons.replace(/:/g, '');
    expect(normalizeFingerprint(colons)).toBe(colons);
    expect(normalizeFingerprint(bare.toLowerCase())).toBe(colons);
    expect(normalizeFingerprint(colons.toLowerCase())).toBe(colons);
    expect(normalizeFingerprint(` sha256:${bare} `)).toBe(colons);
    expect(normalizeFingerprint(bare.match(/..../g)!.join(' '))).toBe(colons);
  });

  it('rejects what is not 32 bytes of hex, saying what it expects', () => {
    expect(() => normalizeFingerprint(colons.slice(3))).toThrow(/64 hexadecimal digits/);
    expect(() => normalizeFingerprint(colons.replace('AF', 'ZZ'))).toThrow(RangeError);
    expect(() => normalizeFingerprint('')).toThrow(RangeError);
  });

  it('compares fingerprints whatever their spelling', () => {
    expect(sameFingerprint(colons, colons.replace(/:/g, '').toLowerCase())).toBe(true);
    expect(sameFingerprint(colons, colons.replace('AF', 'AE'))).toBe(false);
  });
});
