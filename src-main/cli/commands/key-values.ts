import { parseWire, type WireValue } from '../../core/python-json';
import { UsageError } from './command-context';

const INFINITY_WORDS: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
};

/** A command-line value: JSON if it parses (`5`, `true`, `{"a":1}`), `inf`/`-inf`, else the text itself. */
export function parseCliValue(text: string): WireValue {
  const word = INFINITY_WORDS[text.trim().toLowerCase()];
  if (word !== undefined) return word;
  try {
    return parseWire(text);
  } catch {
    return text;
  }
}

/** `["codec=high", "duration=5"]` -> `{codec: "high", duration: 5}`. */
export function parseKeyValues(pairs: readonly string[]): Record<string, WireValue> {
  const out: Record<string, WireValue> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`"${pair}" is not key=value (for example duration=5 or value=inf).`);
    out[pair.slice(0, eq)] = parseCliValue(pair.slice(eq + 1));
  }
  return out;
}

/** A number option (`--duration 30`); throws a usage error otherwise. */
export function parseNumber(text: string, what: string): number {
  const value = parseCliValue(text);
  if (typeof value !== 'number' || Number.isNaN(value)) throw new UsageError(`${what} must be a number, not "${text}".`);
  return value;
}
