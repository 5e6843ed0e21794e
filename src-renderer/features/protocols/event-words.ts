import { DateTime } from 'luxon';
import type { PlanEvent } from '../../../src-main/core/protocols/plan';

/** A plan's events in words, for the list under the timeline: when (in the rig's zone), where, what. */

/** "Tue 1 Dec 10:01:30" on the rig's wall clock. */
export const eventTime = (atMs: number, timeZone: string) => DateTime.fromMillis(atMs, { zone: timeZone }).toFormat('ccc d LLL HH:mm:ss');

export function durationWords(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/** The output rule of a value: ±Infinity on the wire toggles. */
function outputWords(output: string, value: unknown): string {
  if (value === Infinity) return `toggles output ${output} (starting high)`;
  if (value === -Infinity) return `toggles output ${output} (starting low)`;
  return `sets output ${output} to ${text(value)}`;
}

export function eventWords(e: PlanEvent): string {
  const a = e.args;
  switch (e.kind) {
    case 'recording': {
      const how = [typeof a.duration === 'number' ? `for ${durationWords(a.duration)}` : 'until stopped', a.codec !== undefined && `codec ${text(a.codec)}`];
      return `starts recording ${how.filter(Boolean).join(', ')}`;
    }
    case 'output':
      return outputWords(e.output ?? e.action.split('/').at(-2) ?? '?', a.value);
    case 'configure':
      return `sets ${Object.entries(a).map(([k, v]) => `${k} = ${text(v)}`).join(', ')}`;
    case 'copy':
      return `copies recordings${a.location !== undefined ? ` to ${text(a.location)}` : ''}${a.delete_after === true ? ', deleting them after' : ''}`;
    case 'export':
      return `exports recordings${a.path !== undefined ? ` to ${text(a.path)}` : ''}${a.codec !== undefined ? ` (codec ${text(a.codec)})` : ''}`;
    case 'other':
      return `calls ${e.action}`;
  }
}

export const cameraWords = (camera: string | null) => (camera === null ? 'all cameras' : `camera ${camera}`);
