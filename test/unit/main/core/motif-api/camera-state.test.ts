import { describe, expect, it } from 'vitest';
import { isCopyingStatus, isExportingStatus, isRecordingStatus } from '../../../../../src-main/core/motif-api/camera-state';

describe('camera status readings', () => {
  it('is recording with a filename or while pending', () => {
    expect(isRecordingStatus({ camera_info: { filename: '/data/rec_20240101.mp4' } })).toBe(true);
    expect(isRecordingStatus({ camera_info: { status: 'pending' } })).toBe(true);
    expect(isRecordingStatus({ camera_info: { filename: null, status: 'idle' } })).toBe(false);
    expect(isRecordingStatus({ camera_info: { filename: '' } })).toBe(false);
    expect(isRecordingStatus({})).toBe(false);
  });

  it('is copying only with status "copying"', () => {
    expect(isCopyingStatus({ playback_info: { status: 'copying' } })).toBe(true);
    expect(isCopyingStatus({ playback_info: { status: 'exporting' } })).toBe(false);
    expect(isCopyingStatus({})).toBe(false);
  });

  it('is exporting while the status starts with "export" and is not finished', () => {
    expect(isExportingStatus({ playback_info: { status: 'exporting' } })).toBe(true);
    expect(isExportingStatus({ playback_info: { status: 'export 3/5' } })).toBe(true);
    expect(isExportingStatus({ playback_info: { status: 'export finished' } })).toBe(false);
    expect(isExportingStatus({ playback_info: { status: 'copying' } })).toBe(false);
    expect(isExportingStatus({ playback_info: {} })).toBe(false);
  });
});
