import type { z } from 'zod';
import type { CopyOptions, ExportOptions, RecordingOptions } from '../../../src-main/contract/requests/operations';
import { parseDurationText } from '../../../src-shared/duration';
import { codecProblem } from '../recording/record-form-model';

/** Form state of copy/export/record options: text as typed, turned into the contract's options on submit. */
export interface CopyDraft {
  location: string;
  move: boolean;
}
export interface ExportDraft {
  toStore: TriState;
  codec: string;
  deleteAfter: boolean;
  path: string;
}
export interface RecordDraft {
  codec: string;
  /** As typed ("30 min", "1h30m"); empty: until stopped. */
  duration: string;
  filename: string;
  recordToStore: TriState;
}
/** "default" leaves the choice to the rig's configuration (the argument is not sent). */
export type TriState = 'default' | 'yes' | 'no';

export const emptyCopy: CopyDraft = { location: '', move: false };
export const emptyExport: ExportDraft = { toStore: 'default', codec: '', deleteAfter: false, path: '' };
export const emptyRecord: RecordDraft = { codec: '', duration: '', filename: '', recordToStore: 'default' };

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
const tri = (t: TriState) => (t === 'default' ? undefined : t === 'yes');

export const copyOptions = (d: CopyDraft): z.infer<typeof CopyOptions> => ({
  location: text(d.location),
  deleteAfter: d.move ? true : undefined,
});

export const exportOptions = (d: ExportDraft): z.infer<typeof ExportOptions> => ({
  toStore: tri(d.toStore),
  codec: text(d.codec),
  deleteAfter: d.deleteAfter ? true : undefined,
  path: text(d.path),
});

/** The options, or a sentence saying what is wrong with them (`codecs`: the rig's, null when not known). */
export function recordOptions(d: RecordDraft, codecs: string[] | null): RecordingOptions | string {
  const duration = d.duration.trim() === '' ? null : parseDurationText(d.duration);
  if (duration && !duration.ok) return `Duration: ${duration.problem}`;
  const codec = codecProblem(d.codec, codecs);
  if (codec) return codec;
  return { codec: text(d.codec), durationSeconds: duration?.seconds, filename: text(d.filename), recordToStore: tri(d.recordToStore) };
}
