import { describe, expect, it } from 'vitest';
import { formatDurationSeconds, formatDurationWords, parseDurationText } from '../../../src-shared/duration';

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

describe('parseDurationText', () => {
  it.each([
    ['30 min', 1800],
    ['1h30m', 5400],
    ['1 h 30 min', 5400],
    ['90 s', 90],
    ['1.5h', 5400],
    ['2 hours 5 seconds', 7205],
    ['1:30:00', 5400],
    ['1:05', 65],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDurationText(text)).toEqual({ ok: true, seconds });
  });

  it('refuses a number without a unit, words it does not know and zero', () => {
    expect(parseDurationText('30')).toEqual({ ok: false, problem: '"30" has no unit: write 30 s, 30 min or 30 h.' });
    expect(parseDurationText('1h30')).toEqual({ ok: false, problem: '"1h30" is not a duration; write it like 90 s, 30 min, 1h30m or 1:30:00.' });
    expect(parseDurationText('3 days')).toMatchObject({ ok: false });
    expect(parseDurationText('0 min')).toEqual({ ok: false, problem: 'A duration must be longer than zero.' });
  });

  it('reads back what formatDurationWords writes', () => {
    for (const s of [45, 90, 3600, 3661, 5400]) expect(parseDurationText(formatDurationWords(s))).toEqual({ ok: true, seconds: s });
    expect(formatDurationWords(5400)).toBe('1 h 30 min');
  });
});
