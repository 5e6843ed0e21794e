/**
 * JSON as the Motif wire speaks it: Python's `json` module on both ends, so the
 * bare tokens `Infinity`, `-Infinity` and `NaN` are legal numbers (output toggling
 * uses ±Infinity), and requests use Python's default separators and ASCII escapes.
 */

export type WireValue =
  | null
  | boolean
  | number
  | string
  | WireValue[]
  | { [key: string]: WireValue };

/** Serialise like Python's `json.dumps(obj)` with default options. */
export function stringifyWire(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
  } else if (typeof value === 'number') {
    // Motif expects a bare Infinity token; JSON.stringify would write null.
    if (Number.isNaN(value)) out.push('NaN');
    else if (value === Infinity) out.push('Infinity');
    else if (value === -Infinity) out.push('-Infinity');
    else out.push(JSON.stringify(value));
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'string') {
    out.push(asciiString(value));
  } else if (typeof value === 'bigint') {
    out.push(value.toString());
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(', ');
      write(item, out);
    });
    out.push(']');
  } else if (value instanceof Date) {
    out.push(asciiString(value.toISOString()));
  } else if (typeof value === 'object') {
    out.push('{');
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function') continue;
      if (!first) out.push(', ');
      first = false;
      out.push(asciiString(key), ': ');
      write(item, out);
    }
    out.push('}');
  } else {
    throw new TypeError(`Cannot send a ${typeof value} to a rig`);
  }
}

/** A JSON string literal with non-ASCII escaped as \uXXXX (Python's ensure_ascii). */
function asciiString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const NONCE = `\u0000wire-${Math.random().toString(36).slice(2)}:`;
const TOKENS: Record<string, number> = {
  Infinity: Infinity,
  '-Infinity': -Infinity,
  NaN: NaN,
};

/**
 * Parse a rig's JSON body, accepting the non-finite tokens. Throws SyntaxError on
 * anything else that is not JSON.
 */
export function parseWire(text: string): WireValue {
  if (!/Infinity|NaN/.test(text)) return JSON.parse(text) as WireValue;
  const rewritten = replaceBareTokens(text);
  return JSON.parse(rewritten, (_key, v: unknown) =>
    typeof v === 'string' && v.startsWith(NONCE) ? TOKENS[v.slice(NONCE.length)] : v,
  ) as WireValue;
}

/** Replace Infinity/-Infinity/NaN outside string literals by sentinel strings. */
function replaceBareTokens(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i += 1;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i += 1;
      continue;
    }
    const token = ['-Infinity', 'Infinity', 'NaN'].find((t) => text.startsWith(t, i));
    if (token) {
      out += JSON.stringify(NONCE + token);
      i += token.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}
