import { CoreError } from '../errors';
import { Protocol, protocolProblems } from './model';
import { issueWords } from '../issue-words';

/**
 * Per-rig parameters: every `{{name}}` in a string of the protocol becomes the rig's value
 * (else the parameter's default), so one protocol serves rigs whose outputs, codecs or
 * animals differ. The filled-in protocol is checked again, as a file would be.
 */

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export type ParameterValues = Record<string, string>;

/** The names a protocol's strings use, in order of first use. */
export function usedParameters(protocol: Protocol): string[] {
  const seen = new Set<string>();
  walk(protocol, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) seen.add(m[1]!);
    return s;
  });
  return [...seen];
}

/** The protocol with its parameters filled in for one rig; throws a sentence naming what is missing. */
export function fillParameters(protocol: Protocol, values: ParameterValues = {}, rigName = 'this rig'): Protocol {
  const undeclared = usedParameters(protocol).filter((n) => !Object.hasOwn(protocol.parameters, n));
  if (undeclared.length > 0) {
    throw new CoreError('invalid-args', `Protocol "${protocol.name}" uses {{${undeclared.join('}}, {{')}}} without declaring ${undeclared.length === 1 ? 'it' : 'them'} under "parameters".`);
  }
  const missing: string[] = [];
  const filled = walk(protocol, (s) =>
    s.replace(PLACEHOLDER, (_m, name: string) => {
      const value = values[name] ?? protocol.parameters[name]?.default;
      if (value === undefined) {
        missing.push(name);
        return '';
      }
      return value;
    }),
  );
  if (missing.length > 0) {
    const names = [...new Set(missing)];
    throw new CoreError('invalid-args', `Protocol "${protocol.name}" needs ${names.map((n) => `"${n}"`).join(', ')} for ${rigName}: give ${names.length === 1 ? 'a value' : 'values'} for the rig, or a default in the protocol.`);
  }
  const checked = Protocol.safeParse(filled, { error: issueWords });
  if (!checked.success) {
    throw new CoreError('invalid-args', `With the values for ${rigName}, protocol "${protocol.name}" is not valid: ${protocolProblems(checked.error).join(' ')}`);
  }
  return checked.data;
}

function walk(value: unknown, onString: (s: string) => string): unknown {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, onString));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, onString)]));
  }
  return value;
}
