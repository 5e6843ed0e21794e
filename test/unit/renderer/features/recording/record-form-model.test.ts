import { describe, expect, it } from 'vitest';
import { expandFilename, recordFormFromPreset, recordingOptionsFromForm, type RecordFormValues } from '../../../../../src-renderer/features/recording/record-form-model';

const at = new Date(2024, 4, 17, 13, 4, 9);
const form = (over: Partial<RecordFormValues> = {}): RecordFormValues => ({ ...recordFormFromPreset(undefined), ...over });

describe('record form', () => {
  it('starts from the rig preset, template values as text rows', () => {
    const v = recordFormFromPreset({ codec: 'h264-fast', durationSeconds: 90, filenamePattern: 'arena_{date}', recordToStore: false, metadataTemplate: { animal: 'm1' } });
    expect(v).toEqual({ codec: 'h264-fast', durationSeconds: 90, filename: 'arena_{date}', recordToStore: 'no', metadata: [{ key: 'animal', type: 'text', value: 'm1' }] });
  });

  it('sends only what was set, leaving the rest to the rig', () => {
    expect(recordingOptionsFromForm(form(), at)).toEqual({ ok: true, options: {} });
  });

  it('types metadata values and fills date/time into the file name', () => {
    const r = recordingOptionsFromForm(
      form({
        codec: ' high ',
        durationSeconds: 30,
        filename: 'run_{date}_{time}',
        recordToStore: 'yes',
        metadata: [
          { key: 'trial', type: 'number', value: '3.5' },
          { key: 'dark', type: 'boolean', value: 'false' },
          { key: 'who', type: 'text', value: '42' },
          { key: '', type: 'text', value: '' },
        ],
      }),
      at,
    );
    expect(r).toEqual({
      ok: true,
      options: { codec: 'high', durationSeconds: 30, filename: 'run_2024-05-17_13-04-09', recordToStore: true, metadata: { trial: 3.5, dark: false, who: '42' } },
    });
  });

  it('refuses a number row that is not a number, and a name used twice', () => {
    expect(recordingOptionsFromForm(form({ metadata: [{ key: 'n', type: 'number', value: 'ten' }] }), at)).toEqual({ ok: false, problem: 'Metadata: Not a number.' });
    const twice = recordingOptionsFromForm(form({ metadata: [{ key: 'a', type: 'text', value: '1' }, { key: 'a', type: 'text', value: '2' }] }), at);
    expect(twice.ok).toBe(false);
  });

  it('expands placeholders wherever they occur', () => {
    expect(expandFilename('{date}/{date}', at)).toBe('2024-05-17/2024-05-17');
  });
});
