import { describe, expect, it } from 'vitest';
import { allowsCameraRelative, emptyOperation, toScheduledOperation } from '../../../../../src-renderer/features/schedule/operation-draft';

describe('the new-task form as a scheduled operation', () => {
  it('sets outputs with the toggle rule, on/off or a value', () => {
    expect(toScheduledOperation({ ...emptyOperation, outputName: ' led ' })).toEqual({ kind: 'outputs.set', name: 'led', value: 'toggle-start-high' });
    expect(toScheduledOperation({ ...emptyOperation, outputMode: 'off' })).toEqual({ kind: 'outputs.set', name: 'led', value: 0 });
    expect(toScheduledOperation({ ...emptyOperation, outputMode: 'value', outputValue: 0.25 })).toEqual({ kind: 'outputs.set', name: 'led', value: 0.25 });
  });

  it('types configure values and says what is missing', () => {
    expect(toScheduledOperation({ ...emptyOperation, kind: 'cameras.configure', paramValue: '12.5' })).toEqual({
      kind: 'cameras.configure',
      name: 'ExposureTime',
      value: 12.5,
    });
    expect(toScheduledOperation({ ...emptyOperation, kind: 'cameras.configure', paramValue: '' })).toMatch(/value/);
    expect(toScheduledOperation({ ...emptyOperation, outputName: 'a/b' })).toMatch(/no "\/"/);
  });

  it('leaves unset record and copy options to the rig', () => {
    expect(toScheduledOperation({ ...emptyOperation, kind: 'recording.start', record: { codec: 'low', durationSeconds: 30, filename: '', recordToStore: 'default' } })).toEqual({
      kind: 'recording.start',
      options: { codec: 'low', durationSeconds: 30, filename: undefined, recordToStore: undefined },
    });
    expect(toScheduledOperation({ ...emptyOperation, kind: 'recordings.copy', copy: { location: '', move: true } })).toEqual({
      kind: 'recordings.copy',
      options: { location: undefined, deleteAfter: true },
    });
  });

  it('offers camera-relative only where the rig takes it', () => {
    expect(allowsCameraRelative('outputs.set')).toBe(true);
    expect(allowsCameraRelative('recording.start')).toBe(false);
  });
});
