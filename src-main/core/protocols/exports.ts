import { stringifyWire, type WireValue } from '../python-json';
import type { CompiledProtocol } from './compile';

/**
 * A compiled protocol as scripts for lab notebooks and for rigs that cannot reach this
 * computer: Python for the vendor's client (`api.call(path, **arguments)`), curl commands,
 * and MATLAB `webwrite` calls, as the vendor documents them. Each creates the same tasks
 * with the same names as applying from the app, and runs unchanged: the rig comes from
 * MOTIF_HOST, MOTIF_PORT and MOTIF_API_KEY as the vendor client reads them (defaults: the
 * rig exported for, else the vendor client's own), its certificate from MOTIF_CA_CERT. The
 * key is never written into a script.
 */

export const EXPORT_FORMATS = ['python', 'curl', 'matlab'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The rig a script is exported for; without one, the vendor client's defaults. */
export interface ExportTarget {
  host?: string;
  port?: number;
}

// The vendor client's defaults: Motif on this computer (a script run as a Motif experiment).
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 6083;

export function exportProtocol(compiled: CompiledProtocol, format: ExportFormat, target: ExportTarget = {}): string {
  const rig = { host: target.host ?? DEFAULT_HOST, port: target.port ?? DEFAULT_PORT };
  switch (format) {
    case 'python':
      return python(compiled, rig);
    case 'curl':
      return curl(compiled, rig);
    case 'matlab':
      return matlab(compiled, rig);
  }
}

interface Rig {
  host: string;
  port: number;
}

const calls = (c: CompiledProtocol) =>
  c.tasks.map((t, i) => ({
    endpoint: t.command.endpoint,
    args: t.command.args ?? {},
    // One line per call, so a run shows how far it got.
    line: `task ${t.name} (${i + 1} of ${c.tasks.length}): ${t.command.endpoint}, at "${t.cronExpression}"${t.cameraRelative ? ' after each recording start' : ''}`,
  }));

const heading = (c: CompiledProtocol) => `Protocol "${c.protocol}": ${c.tasks.length} scheduled task${c.tasks.length === 1 ? '' : 's'} named mc-${c.slug}-<n>.`;

// ---- Python ------------------------------------------------------------------------------

function pyString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

export function pyValue(v: WireValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return "float('nan')";
    if (!Number.isFinite(v)) return v > 0 ? "float('+inf')" : "float('-inf')";
    return String(v);
  }
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyString(k)}: ${pyValue(x)}`).join(', ')}}`;
}

const PY_NAME = /^[A-Za-z_]\w*$/;

function python(c: CompiledProtocol, rig: Rig): string {
  const lines = [
    `# ${heading(c)}`,
    '# Needs the vendor client motifapi. A task of the same name on the rig is replaced.',
    '# The rig: MOTIF_HOST, MOTIF_PORT and MOTIF_API_KEY when set (as the vendor client reads them), else the',
    '# values below; without a key the vendor client asks recnode-apikey, which works on the rig itself.',
    "# MOTIF_CA_CERT: the rig's certificate file; unset, the one that comes with the vendor client.",
    'import os',
    '',
    'from motifapi import MotifApi',
    '',
    `HOST = os.environ.get('MOTIF_HOST') or ${pyString(rig.host)}`,
    `PORT = int(os.environ.get('MOTIF_PORT') or ${rig.port})`,
    "API_KEY = os.environ.get('MOTIF_API_KEY') or None",
    "CA_CERT = os.environ.get('MOTIF_CA_CERT') or None",
    '',
    'api = MotifApi(HOST, API_KEY, port=PORT, ca_cert=CA_CERT)',
    '',
  ];
  for (const { endpoint, args, line } of calls(c)) {
    const entries = Object.entries(args);
    // Arguments go as keywords; a name Python cannot take as one goes in a ** dict.
    const kw = entries.filter(([k]) => PY_NAME.test(k)).map(([k, v]) => `${k}=${pyValue(v)}`);
    const other = entries.filter(([k]) => !PY_NAME.test(k));
    if (other.length > 0) kw.push(`**${pyValue(Object.fromEntries(other))}`);
    lines.push(`print(${pyString(line)})`, `api.call(${[pyString(endpoint), ...kw].join(',\n         ')})`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- curl --------------------------------------------------------------------------------

const shQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

function curl(c: CompiledProtocol, rig: Rig): string {
  const lines = [
    '#!/bin/sh',
    `# ${heading(c)}`,
    '# The rig: MOTIF_HOST, MOTIF_PORT and MOTIF_API_KEY (recnode-apikey on the rig prints the key), as the vendor',
    "# client reads them; MOTIF_CA_CERT: the rig's certificate file (the vendor client's server.crt).",
    'set -eu',
    `MOTIF_HOST="\${MOTIF_HOST:-${rig.host}}"`,
    `MOTIF_PORT="\${MOTIF_PORT:-${rig.port}}"`,
    ': "${MOTIF_API_KEY:?set MOTIF_API_KEY to the rig key (recnode-apikey on the rig prints it)}"',
    'MOTIF_CA_CERT="${MOTIF_CA_CERT:-server.crt}"',
    '',
    '# call WHAT ENDPOINT JSON: one line each, the rig\'s answer only when it refuses.',
    'call() {',
    '  echo "$1"',
    '  if ! answer=$(curl -sS --fail-with-body --max-time 10 --cacert "$MOTIF_CA_CERT" -H "X-Api-Key: $MOTIF_API_KEY" \\',
    '    -H \'Content-Type: application/json\' -X POST "https://$MOTIF_HOST:$MOTIF_PORT/api/1/$2" -d "$3"); then',
    '    echo "  refused: $answer" >&2',
    '    exit 1',
    '  fi',
    '}',
    '',
  ];
  for (const { endpoint, args, line } of calls(c)) {
    // The rig reads Python's json: the toggle value Infinity travels as the bare token.
    lines.push(`call ${shQuote(line)} ${shQuote(endpoint)} \\\n  ${shQuote(stringifyWire(args))}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- MATLAB ------------------------------------------------------------------------------

const mString = (s: string) => `'${s.replace(/'/g, "''").replace(/\n/g, "' newline '")}'`;

function mValue(v: WireValue): string {
  if (v === null) return '[]';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : v === -Infinity ? '-Inf' : String(v);
  if (typeof v === 'string') return mString(v);
  if (Array.isArray(v)) return `{${v.map(mValue).join(', ')}}`;
  return `struct(${Object.entries(v).map(([k, x]) => `${mString(k)}, ${Array.isArray(x) ? `{${mValue(x)}}` : mValue(x)}`).join(', ')})`;
}

const hasNonFinite = (v: WireValue): boolean =>
  typeof v === 'number' ? !Number.isFinite(v) : Array.isArray(v) ? v.some(hasNonFinite) : v !== null && typeof v === 'object' ? Object.values(v).some(hasNonFinite) : false;

function matlab(c: CompiledProtocol, rig: Rig): string {
  const lines = [
    `% ${heading(c)}`,
    '% The rig: MOTIF_HOST, MOTIF_PORT and MOTIF_API_KEY (recnode-apikey on the rig prints the key), as the vendor',
    "% client reads them; MOTIF_CA_CERT: the rig's certificate file (the vendor client's server.crt).",
    `host = getenv('MOTIF_HOST'); if isempty(host), host = ${mString(rig.host)}; end`,
    `port = getenv('MOTIF_PORT'); if isempty(port), port = '${rig.port}'; end`,
    "apiKey = getenv('MOTIF_API_KEY'); if isempty(apiKey), error('Set MOTIF_API_KEY to the rig key (recnode-apikey on the rig prints it).'); end",
    "caCert = getenv('MOTIF_CA_CERT'); if isempty(caCert), caCert = 'server.crt'; end",
    "BASE = ['https://' host ':' port '/api/1/'];",
    "o = weboptions('CertificateFilename', caCert, ...",
    "               'HeaderFields', {'X-Api-Key', apiKey}, ...",
    "               'MediaType', 'application/json', 'Timeout', 10);",
    '',
  ];
  for (const { endpoint, args, line } of calls(c)) {
    // jsonencode writes Inf as null; a toggle (value Inf) goes as the JSON text the rig reads.
    const body = hasNonFinite(args) ? mString(stringifyWire(args)) : mValue(args);
    lines.push(`disp(${mString(line)});`, `arguments = ${body};`, `webwrite([BASE ${mString(endpoint)}], arguments, o);`);
  }
  return `${lines.join('\n')}\n`;
}
