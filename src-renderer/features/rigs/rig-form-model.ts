import type { Args, RigSummary } from '../../../src-main/contract/requests';
import type { RecordingPreset } from '../../../src-main/contract/requests/rigs';
import { formatDurationWords, parseDurationText } from '../../../src-shared/duration';
import { recordToStoreChoice, recordToStoreValue, type RecordToStoreChoice } from '../../ui/record-to-store';

export const DEFAULT_MOTIF_PORT = 6083;

export interface TemplateRow {
  key: string;
  value: string;
}

/** What the add/edit form holds: strings and numbers as the inputs give them. Never the API key. */
export interface RigFormValues {
  name: string;
  host: string;
  port: number | '';
  tags: string[];
  notes: string;
  codec: string;
  /** As typed ("30 min", "1h30m"); empty: until stopped. */
  duration: string;
  filenamePattern: string;
  /** 'default' leaves the choice to the rig's configuration. */
  recordToStore: RecordToStoreChoice;
  metadataTemplate: TemplateRow[];
}

export const emptyRigForm = (): RigFormValues => ({
  name: '',
  host: '',
  port: DEFAULT_MOTIF_PORT,
  tags: [],
  notes: '',
  codec: '',
  duration: '',
  filenamePattern: '',
  recordToStore: 'default',
  metadataTemplate: [],
});

export function formFromRig(rig: RigSummary): RigFormValues {
  const p = rig.preset;
  return {
    name: rig.name,
    host: rig.host,
    port: rig.port,
    tags: rig.tags,
    notes: rig.notes,
    codec: p.codec ?? '',
    duration: p.durationSeconds ? formatDurationWords(p.durationSeconds) : '',
    filenamePattern: p.filenamePattern ?? '',
    recordToStore: recordToStoreChoice(p.recordToStore),
    metadataTemplate: Object.entries(p.metadataTemplate ?? {}).map(([key, value]) => ({ key, value })),
  };
}

/** What keeps the preset from being saved as typed (the field says it too), or null. */
export function presetProblem(v: RigFormValues): string | null {
  const duration = v.duration.trim() === '' ? null : parseDurationText(v.duration);
  return duration && !duration.ok ? `Preset duration: ${duration.problem}` : null;
}

/** The preset as the contract stores it: unset fields left out, empty template rows dropped. */
export function presetFromForm(v: RigFormValues): RecordingPreset {
  const preset: RecordingPreset = {};
  if (v.codec.trim()) preset.codec = v.codec.trim();
  const duration = v.duration.trim() === '' ? null : parseDurationText(v.duration);
  if (duration?.ok) preset.durationSeconds = duration.seconds;
  if (v.filenamePattern.trim()) preset.filenamePattern = v.filenamePattern.trim();
  const recordToStore = recordToStoreValue(v.recordToStore);
  if (recordToStore !== undefined) preset.recordToStore = recordToStore;
  const rows = v.metadataTemplate.filter((r) => r.key.trim() !== '');
  if (rows.length > 0) preset.metadataTemplate = Object.fromEntries(rows.map((r) => [r.key.trim(), r.value]));
  return preset;
}

/**
 * A pasted address split into host and port: "https://rig-3:6090/", "rig-3:6090",
 * "https://rig-3/" (Motif's port), "[::1]:4443". Null when the text is a plain host
 * (or nothing this can read), which is then left as typed for the core to judge.
 */
export function splitPastedAddress(text: string): { host: string; port: number } | null {
  const m = /^\s*(?:([a-z][a-z0-9+.-]*):\/\/)?(?:[^@/?#]*@)?(\[[0-9a-f:.]+\]|[^:/?#[\]\s]+)(?::(\d{1,5}))?([/?#]\S*)?\s*$/i.exec(text);
  if (!m) return null;
  const [, scheme, host, port, rest] = m;
  if (!host || (scheme === undefined && port === undefined && rest === undefined)) return null;
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port: port === undefined ? DEFAULT_MOTIF_PORT : Number(port) };
}

/** Fields shared by add and update; core checks names, hosts and ports and answers with sentences. */
export function rigFieldsFromForm(v: RigFormValues) {
  return {
    name: v.name.trim(),
    host: v.host.trim(),
    port: typeof v.port === 'number' ? v.port : DEFAULT_MOTIF_PORT,
    tags: v.tags.map((t) => t.trim()).filter(Boolean),
    notes: v.notes,
    preset: presetFromForm(v),
  } satisfies Partial<Args<'rigs.add'>>;
}
