import { describe as suite, expect, it } from 'vitest';
import { describe, parse } from '../../../../../src-main/core/cron';

function say(text: string, cameraRelative = false): string {
  const r = parse(text);
  if (!r.ok) throw new Error(r.error.message);
  return describe(r.value, { cameraRelative });
}

suite('describe', () => {
  it.each([
    ['0 15,45 * ? * * *', true, 'at second 0 of minutes 15 and 45 of every hour, relative to the recording start'],
    ['* * * * * *', false, 'every second'],
    ['0 30 9 ? * MON-FRI', false, 'at 09:30:00, on Monday through Friday'],
    ['0 0 12 L * ?', false, 'at 12:00:00, on the last day of the month'],
    ['0 0 12 ? * 5L', false, 'at 12:00:00, on the last Friday of the month'],
    ['0 0 12 ? * 2#3', false, 'at 12:00:00, on the 3rd Tuesday of the month'],
    ['0 0 12 15W * ?', false, 'at 12:00:00, on the weekday nearest day 15 of the month'],
    ['0 0 12 1 * MON', false, 'at 12:00:00, on day 1 of the month or on Monday'],
    ['0 0 12 1 JAN,JUL ? 2027', false, 'at 12:00:00, on day 1 of the month, in January and July, in year 2027'],
    ['*/5 * * * * *', false, 'at every 5th second from 0 through 55 of every minute'],
    ['0 0 22-2 * * *', false, 'at second 0 of minute 0 of hours 22 through 2'],
    ['0 0 %9 * * *', true, 'at second 0 of minute 0 of every 9th hour counted from the recording start, relative to the recording start'],
    ['0 0 0 ? %5 * %2', false, 'at 00:00:00, in every 5th month counted from 1970-01-01 00:00:00, in every 2nd year counted from 1970-01-01 00:00:00'],
    ['@daily', false, 'at 00:00:00'],
  ] as const)('%s', (text, relative, expected) => {
    expect(say(text, relative)).toBe(expected);
  });
});
