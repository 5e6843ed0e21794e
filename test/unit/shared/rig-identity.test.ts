import { describe, expect, it } from 'vitest';
import { findRigClash, formatRigAddress } from '../../../src-shared/rig-identity';

const rigs = [
  { id: 'a', name: 'Arena 1', host: 'Rig-3.lab.local', port: 6083 },
  { id: 'b', name: 'Six', host: '::1', port: 4443 },
];

describe('rig identity', () => {
  it('finds a name used by another rig, regardless of case and spaces', () => {
    expect(findRigClash(rigs, { name: ' arena 1 ', host: 'x', port: 1 })).toEqual({
      field: 'name',
      message: 'There is already a rig named "Arena 1"; rig names must be unique.',
    });
  });

  it('finds an address used by another rig, however the host is written', () => {
    expect(findRigClash(rigs, { name: 'New', host: 'rig-3.LAB.local.', port: 6083 })).toEqual({
      field: 'host',
      message: 'rig-3.lab.local:6083 is already configured as rig "Arena 1"; each rig is added once.',
    });
    expect(findRigClash(rigs, { name: 'New', host: '[::1]', port: 4443 })?.message).toMatch(/^\[::1\]:4443 is already configured as rig "Six"/);
  });

  it('lets a rig keep its own name and address, and another port through', () => {
    expect(findRigClash(rigs, { id: 'a', name: 'Arena 1', host: 'rig-3.lab.local', port: 6083 })).toBeNull();
    expect(findRigClash(rigs, { name: 'New', host: 'rig-3.lab.local', port: 6084 })).toBeNull();
  });

  it('writes IPv6 addresses in brackets', () => {
    expect(formatRigAddress('fe80::1', 80)).toBe('[fe80::1]:80');
    expect(formatRigAddress('10.0.0.5', 6083)).toBe('10.0.0.5:6083');
  });
});
