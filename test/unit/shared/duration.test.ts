import { describe, expect, it } from 'vitest';
import { formatDurationSeconds } from '../../../src-shared/duration';

describe('formatDurationSeconds', () => {
  it('writes hours only when there are any', () => {
    expect(formatDurationSeconds(3725)).toBe('1:02:05');
    expect(formatDurationSeconds(65)).toBe('1:05');
    expect(formatDurationSeconds(0)).toBe('0:00');
  });

  it('always writes hours when asked, as the tray does', () => {
    expect(formatDurationSeconds(3723, { alwaysHours: true })).toBe('1:02:03');
    expect(formatDurationSeconds(65, { alwaysHours: true })).toBe('0:01:05');
  });

  it('drops fractions and reads negative numbers as zero', () => {
    expect(formatDurationSeconds(59.9)).toBe('0:59');
    expect(formatDurationSeconds(-5, { alwaysHours: true })).toBe('0:00:00');
  });
});
