import { describe, expect, it } from 'vitest';
import { parse, next } from '../../../../../src-main/core/cron';
import { cronAtLocalDateTime, cronAtOffset, formatFireTime, formatRigTime, rigNowSeconds } from '../../../../../src-renderer/features/schedule/rig-clock';

describe('rig clock helpers', () => {
  it('extrapolates the rig clock with the PC time elapsed since the reading', () => {
    expect(rigNowSeconds(1_700_000_000, 10_000, 12_500)).toBe(1_700_000_002.5);
  });

  it('writes the vendor one-shot form from a wall-clock time in the rig zone', () => {
    expect(cronAtLocalDateTime('2025-03-01T14:30:05', 'Europe/Vienna')).toBe('5 30 14 1 3 ?');
    expect(cronAtLocalDateTime('2025-07-09T08:00', 'America/New_York')).toBe('0 0 8 9 7 ?');
    expect(cronAtLocalDateTime('not a date', 'UTC')).toBeNull();
  });

  it('fires the one-shot at that instant in the rig zone, as the cron engine reads it', () => {
    const expression = cronAtLocalDateTime('2031-03-01T14:30:05', 'Asia/Tokyo')!;
    const parsed = parse(expression);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const found = next(parsed.value, new Date('2031-01-01T00:00:00Z'), 1, { timeZone: 'Asia/Tokyo' });
    expect(found.times[0]?.toISOString()).toBe('2031-03-01T05:30:05.000Z');
  });

  it('writes camera-relative offsets as datetime_to_cron(epoch + offset) does', () => {
    expect(cronAtOffset(17)).toBe('17 0 0 1 1 ?');
    expect(cronAtOffset(3725)).toBe('5 2 1 1 1 ?');
  });

  it('shows times on the rig wall clock', () => {
    expect(formatRigTime(0, 'UTC')).toBe('1970-01-01 00:00:00');
    expect(formatRigTime(1_700_000_000.9, 'Europe/Berlin')).toBe('2023-11-14 23:13:20');
    expect(formatFireTime('2025-03-01T05:30:05+00:00', 'Asia/Tokyo')).toBe('Sat 2025-03-01 14:30:05');
  });
});
