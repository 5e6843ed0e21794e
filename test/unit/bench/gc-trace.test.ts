import { describe, expect, it } from 'vitest';
import { GcTally, gcKind } from '../../../bench/gc-trace';

describe("garbage collections from --trace-gc lines", () => {
  it('tells major from minor, for any isolate, and ignores other lines', () => {
    expect(gcKind('[27250:0xaf54080]      474 ms: Mark-Compact 59.7 (77.8) -> 49.9 (84.6) MB, 31.26 / 0.00 ms  (+ 17.1 ms in 26 steps)')).toBe('major');
    expect(gcKind('[27250:0x7feda8000f00]      303 ms: Mark-Compact (reduce) 58.4 (90.5) -> 48.8 (82.3) MB')).toBe('major');
    expect(gcKind('[27250:0xaf54080]       53 ms: Scavenge 3.8 (4.0) -> 3.4 (5.0) MB, 1.69 / 0.00 ms')).toBe('minor');
    expect(gcKind('[27250:0xaf54080]       53 ms: Minor Mark-Sweep 3.8 (4.0) -> 3.4 (5.0) MB')).toBe('minor');
    expect(gcKind('Motif Control 0.1.0 in browser mode: open http://127.0.0.1:1/#token=x')).toBeNull();
    const tally = new GcTally();
    for (const line of ['[1:0xa]  1 ms: Scavenge 1 (2) -> 1 (2) MB', '[1:0xb]  2 ms: Mark-Compact 1 (2) -> 1 (2) MB', 'other']) tally.line(line);
    tally.line('[1:0xa]  3 ms: Mark-Compact 1 (2) -> 1 (2) MB');
    expect(tally.snapshot()).toEqual({ major: 2, minor: 1, majorMain: 1, majorOthers: 1 });
  });
});
