import { describe, expect, it } from 'vitest';
import type { CameraStatusView, RigStatus } from '../../../../../src-main/contract/requests/status';
import { codecChoice, recordFormFromPreset, recordingOptionsFromForm, type RecordFormValues } from '../../../../../src-renderer/features/recording/record-form-model';
import { cameraView } from '../../../fixtures/camera-view';

const form = (over: Partial<RecordFormValues> = {}): RecordFormValues => ({ ...recordFormFromPreset(undefined), ...over });

const camera = (serial: string, codecs?: string[]): CameraStatusView => cameraView({ serial, ...(codecs ? { codecs } : {}) });

const rig = (rigId: string, cameras: CameraStatusView[]): RigStatus => ({
  rigId,
  rigName: rigId,
  state: 'online',
  stale: false,
  problem: null,
  lastSeenAtMs: 0,
  checkedAtMs: 0,
  retryDelayMs: null,
  version: '5',
  clockOffsetMs: 0,
  cameras,
});
const names = { r1: 'rig-1', r2: 'rig-2', r3: 'rig-3' };
const statuses = {
  r1: rig('r1', [camera('A', ['high', 'low', 'h264']), camera('B', ['high', 'low', 'h264'])]),
  r2: rig('r2', [camera('C', ['low', 'high'])]),
  r3: rig('r3', [camera('D')]),
};

describe('record form', () => {
  it('starts from the rig preset, the duration with units and template values as text rows', () => {
    const v = recordFormFromPreset({ codec: 'h264-fast', durationSeconds: 5400, filenamePattern: 'arena', recordToStore: false, metadataTemplate: { animal: 'm1' } });
    expect(v).toEqual({ codec: 'h264-fast', duration: '1 h 30 min', filename: 'arena', recordToStore: 'no', metadata: [{ key: 'animal', type: 'text', value: 'm1' }] });
  });

  it('sends only what was set, leaving the rest to the rig', () => {
    expect(recordingOptionsFromForm(form(), null)).toEqual({ ok: true, options: {} });
  });

  it('types metadata values, reads the duration with its units and sends the file name as typed', () => {
    const r = recordingOptionsFromForm(
      form({
        codec: ' high ',
        duration: '1h30m',
        filename: ' run_3 ',
        recordToStore: 'yes',
        metadata: [
          { key: 'trial', type: 'number', value: '3.5' },
          { key: 'dark', type: 'boolean', value: 'false' },
          { key: 'who', type: 'text', value: '42' },
          { key: '', type: 'text', value: '' },
        ],
      }),
      ['high', 'low'],
    );
    expect(r).toEqual({
      ok: true,
      options: { codec: 'high', durationSeconds: 5400, filename: 'run_3', recordToStore: true, metadata: { trial: 3.5, dark: false, who: '42' } },
    });
    expect(recordingOptionsFromForm(form({ duration: '30 min' }), null)).toEqual({ ok: true, options: { durationSeconds: 1800 } });
  });

  it('refuses a timestamp of its own in the file name: Motif adds one', () => {
    expect(recordingOptionsFromForm(form({ filename: 'run_{date}_{time}' }), null)).toEqual({
      ok: false,
      problem: 'Motif adds the date and time to every file name itself; take {date} and {time} out of "run_{date}_{time}".',
    });
  });

  it('refuses a path separator or a control character in the file name', () => {
    expect(recordingOptionsFromForm(form({ filename: 'runs/3' }), null)).toEqual({
      ok: false,
      problem: 'A file name cannot hold "/" or "\\": it names one file in the rig\'s recording folder, not a folder ("runs/3").',
    });
    expect(recordingOptionsFromForm(form({ filename: 'a\nb' }), null)).toEqual({
      ok: false,
      problem: 'A file name cannot hold control characters (a line break, tab or NUL); "a\\nb" has one.',
    });
  });

  it('refuses a duration without a unit, and a codec the rig does not have', () => {
    expect(recordingOptionsFromForm(form({ duration: '30' }), null)).toEqual({ ok: false, problem: 'Duration: "30" has no unit: write 30 s, 30 min or 30 h.' });
    expect(recordingOptionsFromForm(form({ codec: 'h265' }), ['high', 'low'])).toEqual({
      ok: false,
      problem: 'Codec "h265" is not configured here (high, low); pick one of those or leave it empty for the default.',
    });
  });

  it('refuses a number row that is not a number, and a name used twice', () => {
    expect(recordingOptionsFromForm(form({ metadata: [{ key: 'n', type: 'number', value: 'ten' }] }), null)).toEqual({ ok: false, problem: 'Metadata: Not a number.' });
    const twice = recordingOptionsFromForm(form({ metadata: [{ key: 'a', type: 'text', value: '1' }, { key: 'a', type: 'text', value: '2' }] }), null);
    expect(twice.ok).toBe(false);
  });
});

describe('codec choice', () => {
  it('offers the codecs one rig reports', () => {
    expect(codecChoice([{ rigId: 'r1' }], statuses, names)).toEqual({ codecs: ['high', 'low', 'h264'], note: null });
    expect(codecChoice([{ rigId: 'r1', serial: 'B' }], statuses, names)).toEqual({ codecs: ['high', 'low', 'h264'], note: null });
  });

  it('offers only the codecs common to all selected rigs, and says so', () => {
    expect(codecChoice([{ rigId: 'r1' }, { rigId: 'r2', serial: 'C' }], statuses, names)).toEqual({ codecs: ['high', 'low'], note: 'The codecs all 2 rigs have.' });
  });

  it('names a rig that did not report codecs', () => {
    expect(codecChoice([{ rigId: 'r2' }, { rigId: 'r3' }], statuses, names)).toEqual({
      codecs: ['low', 'high'],
      note: 'rig-3 did not report codecs; these are the codecs of rig-2.',
    });
  });

  it('names at most three rigs of each kind in that note, counting the rest (200 rigs)', () => {
    const many: Record<string, RigStatus> = {};
    const manyNames: Record<string, string> = {};
    const targets = Array.from({ length: 200 }, (_, i) => {
      many[`m${i}`] = { ...statuses.r2!, rigId: `m${i}`, ...(i >= 197 ? { cameras: [] } : {}) };
      manyNames[`m${i}`] = `Rig ${i + 1}`;
      return { rigId: `m${i}` };
    });
    expect(codecChoice(targets, many, manyNames).note).toBe(
      'Rig 198, Rig 199 and Rig 200 did not report codecs; these are the codecs of Rig 1, Rig 2, Rig 3 and 194 others.',
    );
  });

  it('leaves the codec to be typed when no rig reports any', () => {
    expect(codecChoice([{ rigId: 'r3' }], statuses, names)).toEqual({
      codecs: null,
      note: 'The rig does not report its codecs: type one configured on it, or leave it empty for its default.',
    });
    expect(codecChoice([{ rigId: 'r3' }, { rigId: 'gone' }], statuses, names).codecs).toBeNull();
  });
});
