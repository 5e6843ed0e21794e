import { describe, expect, it } from 'vitest';
import type { RigSummary } from '../../../../../src-main/contract/requests';
import { emptyRigForm, formFromRig, presetFromForm, presetProblem, rigFieldsFromForm, splitPastedAddress } from '../../../../../src-renderer/features/rigs/rig-form-model';

const rig: RigSummary = {
  id: 'r1',
  name: 'Arena 1',
  host: '10.0.0.5',
  port: 6084,
  tags: ['lab-a'],
  simulated: false,
  notes: 'left bench',
  trust: null,
  preset: { codec: 'low', recordToStore: true, metadataTemplate: { box: '3' } },
  keyState: 'keychain',
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('rig form model', () => {
  it('round-trips a rig through the form unchanged', () => {
    const fields = rigFieldsFromForm(formFromRig(rig));
    expect(fields).toEqual({ name: rig.name, host: rig.host, port: rig.port, tags: rig.tags, notes: rig.notes, preset: rig.preset });
  });

  it('defaults the port to Motif 6083 and trims what was typed', () => {
    const f = rigFieldsFromForm({ ...emptyRigForm(), name: ' Rig ', host: ' 127.0.0.1 ', port: '', tags: [' a ', ''] });
    expect(f).toMatchObject({ name: 'Rig', host: '127.0.0.1', port: 6083, tags: ['a'] });
  });

  it('leaves unset preset fields out and drops template rows without a name', () => {
    const preset = presetFromForm({ ...emptyRigForm(), duration: '', recordToStore: 'default', metadataTemplate: [{ key: '', value: 'x' }] });
    expect(preset).toEqual({});
  });

  it('takes the preset duration with units, as the Record dialog does, and says when it cannot read it', () => {
    expect(presetFromForm({ ...emptyRigForm(), duration: '1h30m' })).toEqual({ durationSeconds: 5400 });
    expect(formFromRig({ ...rig, preset: { durationSeconds: 1800 } }).duration).toBe('30 min');
    expect(presetProblem({ ...emptyRigForm(), duration: '30' })).toBe('Preset duration: "30" has no unit: write 30 s, 30 min or 30 h.');
    expect(presetProblem({ ...emptyRigForm(), duration: '' })).toBeNull();
  });
});

describe('a pasted address', () => {
  it.each([
    ['https://rig-3.lab:6090/', { host: 'rig-3.lab', port: 6090 }],
    ['rig-3:6090', { host: 'rig-3', port: 6090 }],
    ['https://rig-3/', { host: 'rig-3', port: 6083 }],
    ['[::1]:4443', { host: '::1', port: 4443 }],
    [' https://[fe80::1]:4443/cameras?x=1 ', { host: 'fe80::1', port: 4443 }],
    ['https://admin@10.0.0.5:6084', { host: '10.0.0.5', port: 6084 }],
  ])('%s is split into host and port', (text, split) => {
    expect(splitPastedAddress(text)).toEqual(split);
  });

  it.each(['10.0.0.5', 'rig-3.lab.local', '::1', 'fe80::1', 'rig 3:5', ''])('%j is a plain host (or unreadable) and left as typed', (text) => {
    expect(splitPastedAddress(text)).toBeNull();
  });
});
