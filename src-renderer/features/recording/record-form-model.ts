import type { RecordingOptions } from '../../../src-main/contract/requests/operations';
import type { RecordingPreset } from '../../../src-main/contract/requests/rigs';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { JsonValue, Target } from '../../../src-main/contract/requests/targets';
import { formatDurationWords, parseDurationText } from '../../../src-shared/duration';
import { fileNameProblem } from '../../../src-shared/file-name';
import { recordToStoreChoice, recordToStoreValue, type RecordToStoreChoice } from '../../ui/record-to-store';
import { namesInWords } from '../../ui/outcome-words';

export type MetadataType = 'text' | 'number' | 'boolean';
export interface MetadataRow {
  key: string;
  type: MetadataType;
  /** As typed; 'true' / 'false' for booleans. */
  value: string;
}

export interface RecordFormValues {
  codec: string;
  /** As typed ("30 min", "1h30m"); empty: until stopped. */
  duration: string;
  /** Without a timestamp: Motif adds one. */
  filename: string;
  recordToStore: RecordToStoreChoice;
  metadata: MetadataRow[];
}

export function recordFormFromPreset(preset: RecordingPreset | undefined): RecordFormValues {
  return {
    codec: preset?.codec ?? '',
    duration: preset?.durationSeconds ? formatDurationWords(preset.durationSeconds) : '',
    filename: preset?.filenamePattern ?? '',
    recordToStore: recordToStoreChoice(preset?.recordToStore),
    metadata: Object.entries(preset?.metadataTemplate ?? {}).map(([key, value]) => ({ key, type: 'text', value })),
  };
}

/**
 * The codecs a recording on `targets` may ask for: those every targeted rig reports
 * (`codecs` null when none reports any, so the name is typed), and a sentence on how
 * the list was made when that is not obvious.
 */
export interface CodecChoice {
  codecs: string[] | null;
  note: string | null;
}

export function codecChoice(targets: Target[], statuses: Record<string, RigStatus | undefined>, rigNames: Record<string, string>): CodecChoice {
  // Each rig's targets once (a whole-rig target is every camera), not a search per rig: 200 rigs.
  const byRig = new Map<string, Set<string> | 'all'>();
  for (const t of targets) {
    const seen = byRig.get(t.rigId);
    if (t.serial === undefined) byRig.set(t.rigId, 'all');
    else if (seen === undefined) byRig.set(t.rigId, new Set([t.serial]));
    else if (seen !== 'all') seen.add(t.serial);
  }
  const rigIds = [...byRig.keys()];
  const reported = rigIds.map((rigId) => ({ name: rigNames[rigId] ?? rigId, codecs: rigCodecs(byRig.get(rigId)!, statuses[rigId]) }));
  const known = reported.flatMap((r) => (r.codecs ? [{ name: r.name, codecs: r.codecs }] : []));
  const silent = reported.filter((r) => !r.codecs).map((r) => r.name);
  const several = rigIds.length > 1;
  if (known.length === 0) {
    return {
      codecs: null,
      note: several
        ? "None of these rigs reports its codecs: type one configured on all of them, or leave it empty for each rig's default."
        : "The rig does not report its codecs: type one configured on it, or leave it empty for its default.",
    };
  }
  const codecs = known.slice(1).reduce((common, r) => common.filter((c) => r.codecs.includes(c)), known[0]!.codecs);
  if (silent.length > 0) {
    return { codecs, note: `${namesInWords(silent)} did not report codecs; these are the codecs of ${namesInWords(known.map((r) => r.name))}.` };
  }
  if (!several) return { codecs, note: null };
  return {
    codecs,
    note: codecs.length > 0
      ? `The codecs all ${rigIds.length} rigs have.`
      : "These rigs have no codec in common: leave it empty so each uses its default, or start them separately.",
  };
}

/** The codecs every targeted camera of one rig reports, or null when none reports them. */
function rigCodecs(serials: Set<string> | 'all', status: RigStatus | undefined): string[] | null {
  const lists = (status?.cameras ?? []).filter((c) => serials === 'all' || serials.has(c.serial)).flatMap((c) => (c.codecs ? [c.codecs] : []));
  if (lists.length === 0) return null;
  return lists.slice(1).reduce((common, l) => common.filter((c) => l.includes(c)), lists[0]!);
}

/** Why the chosen codec cannot be asked for, or null (empty: the rig's default). */
export function codecProblem(codec: string, codecs: string[] | null): string | null {
  const c = codec.trim();
  if (c === '' || codecs === null || codecs.includes(c)) return null;
  return codecs.length > 0
    ? `Codec "${c}" is not configured here (${codecs.join(', ')}); pick one of those or leave it empty for the default.`
    : `Codec "${c}" is not configured on every rig; leave it empty for each rig's default.`;
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

/** The options sent to `recording.start`, or the first problem found; `codecs` as codecChoice gives them. */
export function recordingOptionsFromForm(v: RecordFormValues, codecs: string[] | null): { ok: true; options: RecordingOptions } | { ok: false; problem: string } {
  const duration = v.duration.trim() === '' ? null : parseDurationText(v.duration);
  const problem = codecProblem(v.codec, codecs)
    ?? (duration && !duration.ok ? `Duration: ${duration.problem}` : null)
    ?? fileNameProblem(v.filename)
    ?? v.metadata.map((row, i) => metadataRowProblem(row, i, v.metadata)).filter((p) => p !== null).map((p) => `Metadata: ${p}`)[0]
    ?? null;
  if (problem) return { ok: false, problem };
  const options: RecordingOptions = {};
  if (v.codec.trim()) options.codec = v.codec.trim();
  if (duration?.ok) options.durationSeconds = duration.seconds;
  if (v.filename.trim()) options.filename = v.filename.trim();
  const recordToStore = recordToStoreValue(v.recordToStore);
  if (recordToStore !== undefined) options.recordToStore = recordToStore;
  const rows = v.metadata.filter((r) => r.key.trim() !== '');
  if (rows.length > 0) options.metadata = Object.fromEntries(rows.map((r) => [r.key.trim(), metadataValue(r)]));
  return { ok: true, options };
}
