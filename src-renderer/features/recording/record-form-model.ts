import type { RecordingOptions } from '../../../src-main/contract/requests/operations';
import type { RecordingPreset } from '../../../src-main/contract/requests/rigs';
import type { JsonValue } from '../../../src-main/contract/requests/targets';
import { recordToStoreChoice, recordToStoreValue, type RecordToStoreChoice } from '../../ui/record-to-store';

export type MetadataType = 'text' | 'number' | 'boolean';
export interface MetadataRow {
  key: string;
  type: MetadataType;
  /** As typed; 'true' / 'false' for booleans. */
  value: string;
}

export interface RecordFormValues {
  codec: string;
  durationSeconds: number | '';
  filename: string;
  recordToStore: RecordToStoreChoice;
  metadata: MetadataRow[];
}

export function recordFormFromPreset(preset: RecordingPreset | undefined): RecordFormValues {
  return {
    codec: preset?.codec ?? '',
    durationSeconds: preset?.durationSeconds ?? '',
    filename: preset?.filenamePattern ?? '',
    recordToStore: recordToStoreChoice(preset?.recordToStore),
    metadata: Object.entries(preset?.metadataTemplate ?? {}).map(([key, value]) => ({ key, type: 'text', value })),
  };
}

/** "{date}" -> 2024-05-17, "{time}" -> 13-14-00 (local; no ":" so the name is a valid file name everywhere). */
export function expandFilename(pattern: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  return pattern.replaceAll('{date}', date).replaceAll('{time}', time);
}

/** Why a metadata row cannot be sent, or null. */
export function metadataRowProblem(row: MetadataRow, index: number, rows: MetadataRow[]): string | null {
  const key = row.key.trim();
  if (key === '') return row.value.trim() === '' ? null : 'Give this value a name.';
  if (rows.findIndex((r) => r.key.trim() === key) !== index) return `"${key}" is used twice.`;
  if (row.type === 'number' && (row.value.trim() === '' || !Number.isFinite(Number(row.value)))) return 'Not a number.';
  return null;
}

function metadataValue(row: MetadataRow): JsonValue {
  if (row.type === 'number') return Number(row.value);
  if (row.type === 'boolean') return row.value === 'true';
  return row.value;
}

/** The options sent to `recording.start`, or the first problem found. */
export function recordingOptionsFromForm(v: RecordFormValues, at: Date): { ok: true; options: RecordingOptions } | { ok: false; problem: string } {
  const problems = v.metadata.map((row, i) => metadataRowProblem(row, i, v.metadata)).filter((p) => p !== null);
  if (problems.length > 0) return { ok: false, problem: `Metadata: ${problems[0]}` };
  const options: RecordingOptions = {};
  if (v.codec.trim()) options.codec = v.codec.trim();
  if (typeof v.durationSeconds === 'number' && v.durationSeconds > 0) options.durationSeconds = v.durationSeconds;
  const filename = expandFilename(v.filename.trim(), at);
  if (filename) options.filename = filename;
  const recordToStore = recordToStoreValue(v.recordToStore);
  if (recordToStore !== undefined) options.recordToStore = recordToStore;
  const rows = v.metadata.filter((r) => r.key.trim() !== '');
  if (rows.length > 0) options.metadata = Object.fromEntries(rows.map((r) => [r.key.trim(), metadataValue(r)]));
  return { ok: true, options };
}
