import type { z } from 'zod';
import type { CopyOptions, ExportOptions, RecordingOptions } from '../../../src-main/contract/requests/operations';

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
  durationSeconds: number | '';
  filename: string;
  recordToStore: TriState;
}
/** "default" leaves the choice to the rig's configuration (the argument is not sent). */
export type TriState = 'default' | 'yes' | 'no';

export const emptyCopy: CopyDraft = { location: '', move: false };
export const emptyExport: ExportDraft = { toStore: 'default', codec: '', deleteAfter: false, path: '' };
export const emptyRecord: RecordDraft = { codec: '', durationSeconds: '', filename: '', recordToStore: 'default' };

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

export const recordOptions = (d: RecordDraft): RecordingOptions => ({
  codec: text(d.codec),
  durationSeconds: d.durationSeconds === '' || d.durationSeconds <= 0 ? undefined : d.durationSeconds,
  filename: text(d.filename),
  recordToStore: tri(d.recordToStore),
});
