import { describe, expect, it } from 'vitest';
import { ageWords, formatLastSeen } from '../../../../src-renderer/ui/format-time';

const at = new Date(2026, 11, 8, 18, 10, 25).getTime();

describe('times in words', () => {
  it('says how long ago something was seen', () => {
    expect(formatLastSeen(at, at + 12_000)).toBe('18:10:25 (12 s ago)');
    expect(formatLastSeen(at, at + 3 * 60_000)).toBe('18:10:25 (3 min ago)');
    expect(ageWords(at, at + 2 * 3600_000)).toBe('2 h ago');
  });

  it('never points to the future: a time ahead of this clock (skew, a clock not re-read yet) is "just now"', () => {
    expect(formatLastSeen(at, at - 46_000)).toBe('18:10:25 (just now)');
    expect(ageWords(at, at - 5 * 60_000)).toBe('just now');
    // Seen just after midnight by a clock still before it: the same day as what was seen, no date.
    const afterMidnight = new Date(2026, 11, 9, 0, 0, 10).getTime();
    expect(formatLastSeen(afterMidnight, afterMidnight - 30_000)).toBe('00:00:10 (just now)');
  });
});
