import { describe, expect, it } from 'vitest';
import { RigConnectionState } from '../../../src-main/contract/requests/status';
import { rigStateWords } from '../../../src-shared/rig-state-words';

describe('rig state words', () => {
  it('has one row for each connection state of the contract, no more', () => {
    expect(Object.keys(rigStateWords).sort()).toEqual([...RigConnectionState.options].sort());
  });

  it('keeps the words of the badge and of the tray apart where they differ', () => {
    expect(rigStateWords.online).toEqual({ badge: 'online', color: 'teal', tray: 'idle' });
    expect(rigStateWords['no-key']).toMatchObject({ badge: 'no key', tray: 'no API key' });
  });
});
