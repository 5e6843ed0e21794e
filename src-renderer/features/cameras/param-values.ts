import type { JsonValue } from '../../../src-main/contract/requests/targets';

/** One parameter's value per camera serial ('' = the only camera asked). */
export type ParamReading = Record<string, JsonValue>;

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/**
 * Rigs answer `read/<name>` as `{value}` for one camera or `{values: {serial: value}}` for
 * all; tolerate both, a bare value, and answers keyed by parameter name.
 */
export function readingFor(answer: Record<string, JsonValue>, name: string): ParamReading | undefined {
  // A single raw answer ({name, value}) when the rig was asked for one parameter.
  const entry = Object.hasOwn(answer, name) ? answer[name] : answer.name === name ? answer : undefined;
  if (entry === undefined) return undefined;
  if (isObject(entry)) {
    if (isObject(entry.values)) return entry.values;
    if (Object.hasOwn(entry, 'value')) return { '': entry.value ?? null };
  }
  return { '': entry };
}

/** The value to put in the field: the single camera's, or the one all cameras share. */
export function commonValue(reading: ParamReading | undefined): JsonValue | undefined {
  if (!reading) return undefined;
  const values = Object.values(reading);
  if (values.length === 0) return undefined;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : undefined;
}

export const showValue = (v: JsonValue | undefined) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
