/** Keeping secrets out of what is written down: the audit log, events, outbox views. */

// Any argument named like a credential: loopy_api_key, password, token, secret, auth...
const SECRET_NAME = /key|passw|pwd|token|secret|credential|auth/i;
export const REDACTED = '***';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * A copy of `value` with every secret-named field replaced by "***", at any depth, and any
 * of `secretValues` (the rig's API key), URL passwords (user:***@) and secret-named query
 * parameters (?token=***) cut out of strings. Non-finite numbers become their
 * names, so the copy is plain JSON, unless `keepNumbers` (a copy to put into words).
 */
export function redactSecrets(value: unknown, secretValues: readonly string[] = [], keepNumbers = false): unknown {
  if (typeof value === 'string') return scrub(value, secretValues);
  if (typeof value === 'number') return Number.isFinite(value) || keepNumbers ? value : String(value);
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secretValues, keepNumbers));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = isSecretName(k) ? REDACTED : redactSecrets(v, secretValues, keepNumbers);
    }
    return out;
  }
  return value;
}

/** A call in words, its secrets masked and its toggle values (±Infinity) still numbers. */
export function redactedWords(words: (args: Record<string, unknown>) => string, args: unknown, secretValues: readonly string[] = []): string {
  const masked = redactSecrets(args ?? {}, secretValues, true);
  return words(masked !== null && typeof masked === 'object' && !Array.isArray(masked) ? (masked as Record<string, unknown>) : {});
}

/** The names of secret-looking fields anywhere in `value`. */
export function secretFieldNames(value: unknown): string[] {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) {
        if (isSecretName(k)) found.push(k);
        else visit(item);
      }
  };
  visit(value);
  return found;
}

// The password of a URL's user info: scheme://user:PASSWORD@host (the user name is kept).
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*):[^\s/?#@]*@/gi;
// A query parameter: ?name=value or &name=value (masked when the name is a secret's).
const QUERY_PARAMETER = /([?&;])([^\s=&;#?]+)=([^\s&;#]*)/g;

function scrub(text: string, secretValues: readonly string[]): string {
  let out = text;
  for (const s of secretValues) if (s.length >= 4) out = out.split(s).join(REDACTED);
  if (out.includes('://')) out = out.replace(URL_PASSWORD, `$1:${REDACTED}@`);
  if (out.includes('=')) out = out.replace(QUERY_PARAMETER, (whole, sep: string, name: string) => (isSecretName(name) ? `${sep}${name}=${REDACTED}` : whole));
  return out;
}
