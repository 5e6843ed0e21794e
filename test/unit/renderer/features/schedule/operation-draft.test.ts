import { describe, expect, it } from 'vitest';
import { allowsCameraRelative, emptyOperation, toScheduledOperation } from '../../../../../src-renderer/features/schedule/operation-draft';

describe('the new-task form as a scheduled operation', () => {
  it('sets outputs with the toggle rule, on/off or a value', () => {
    expect(toScheduledOperation({ ...emptyOperation, outputName: ' led ' }, null)).toEqual({ kind: 'outputs.set', name: 'led', value: 'toggle-start-high' });
    expect(toScheduledOperation({ ...emptyOperation, outputMode: 'off' }, null)).toEqual({ kind: 'outputs.set', name: 'led', value: 0 });
    expect(toScheduledOperation({ ...emptyOperation, outputMode: 'value', outputValue: 0.25 }, null)).toEqual({ kind: 'outputs.set', name: 'led', value: 0.25 });
  });

  it('types configure values and says what is missing', () => {
    expect(toScheduledOperation({ ...emptyOperation, kind: 'cameras.configure', paramValue: '12.5' }, null)).toEqual({
      kind: 'cameras.configure',
      name: 'ExposureTime',
      value: 12.5,
    });
    expect(toScheduledOperation({ ...emptyOperation, kind: 'cameras.configure', paramValue: '' }, null)).toMatch(/value/);
    expect(toScheduledOperation({ ...emptyOperation, outputName: 'a/b' }, null)).toMatch(/no "\/"/);
  });

  it('leaves unset record and copy options to the rig', () => {
    expect(toScheduledOperation({ ...emptyOperation, kind: 'recording.start', record: { codec: 'low', duration: '', filename: '', recordToStore: 'default' } }, ['low', 'high'])).toEqual({
      kind: 'recording.start',
      options: { codec: 'low', durationSeconds: undefined, filename: undefined, recordToStore: undefined },
    });
    expect(toScheduledOperation({ ...emptyOperation, kind: 'recordings.copy', copy: { location: '', move: true } }, null)).toEqual({
      kind: 'recordings.copy',
      options: { location: undefined, deleteAfter: true },
    });
  });

  it('reads a recording duration with units, as the Record dialog does, and a codec among the rig\'s', () => {
    const record = (duration: string, codec = '') => toScheduledOperation({ ...emptyOperation, kind: 'recording.start', record: { codec, duration, filename: '', recordToStore: 'default' } }, ['low', 'high']);
    expect(record('1h30m')).toMatchObject({ options: { durationSeconds: 5400 } });
    expect(record('30 min', 'high')).toMatchObject({ options: { codec: 'high', durationSeconds: 1800 } });
    expect(record('90')).toBe('Duration: "90" has no unit: write 90 s, 90 min or 90 h.');
    expect(record('', 'h265')).toMatch(/^Codec "h265" is not configured here \(low, high\)/);
  });

  it('offers camera-relative only where the rig takes it', () => {
    expect(allowsCameraRelative('outputs.set')).toBe(true);
    expect(allowsCameraRelative('recording.start')).toBe(false);
  });
});
