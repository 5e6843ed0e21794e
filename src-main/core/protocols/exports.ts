import { stringifyWire, type WireValue } from '../python-json';
import type { CompiledProtocol } from './compile';

/**
 * A compiled protocol as scripts for lab notebooks and for rigs that cannot reach this
 * computer: Python for the vendor's client (`api.call(path, **arguments)`), curl commands,
 * and MATLAB `webwrite` calls, as the vendor documents them. Each creates the same tasks
 * with the same names as applying from the app.
 */

export const EXPORT_FORMATS = ['python', 'curl', 'matlab'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportTarget {
  host?: string;
  port?: number;
}

const DEFAULT_PORT = 6083;

export function exportProtocol(compiled: CompiledProtocol, format: ExportFormat, target: ExportTarget = {}): string {
  switch (format) {
    case 'python':
      return python(compiled, target);
    case 'curl':
      return curl(compiled, target);
    case 'matlab':
      return matlab(compiled, target);
  }
}

const calls = (c: CompiledProtocol) => c.tasks.map((t) => ({ endpoint: t.command.endpoint, args: t.command.args ?? {} }));

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

function python(c: CompiledProtocol, target: ExportTarget): string {
  const lines = [
    `# Protocol "${c.protocol}": ${c.tasks.length} scheduled task${c.tasks.length === 1 ? '' : 's'} named mc-${c.slug}-<n>.`,
    '# Needs the vendor client motifapi. A task of the same name on the rig is replaced.',
    'from motifapi import MotifApi',
    '',
    `IP_ADDRESS = ${pyString(target.host ?? '10.11.12.13')}  # the rig's address`,
    "API_KEY = 'abcdef123456abcdef123456abcdef12'  # recnode-apikey on the rig prints it",
    '',
    'api = MotifApi(IP_ADDRESS, API_KEY)',
    '',
  ];
  for (const { endpoint, args } of calls(c)) {
    const entries = Object.entries(args);
    // Arguments go as keywords; a name Python cannot take as one goes in a ** dict.
    const kw = entries.filter(([k]) => PY_NAME.test(k)).map(([k, v]) => `${k}=${pyValue(v)}`);
    const other = entries.filter(([k]) => !PY_NAME.test(k));
    if (other.length > 0) kw.push(`**${pyValue(Object.fromEntries(other))}`);
    lines.push(`api.call(${[pyString(endpoint), ...kw].join(',\n         ')})`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- curl --------------------------------------------------------------------------------

const shQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

function curl(c: CompiledProtocol, target: ExportTarget): string {
  const lines = [
    '#!/bin/sh',
    `# Protocol "${c.protocol}": ${c.tasks.length} scheduled task${c.tasks.length === 1 ? '' : 's'} named mc-${c.slug}-<n>.`,
    '# Set MOTIF_API_KEY (recnode-apikey on the rig prints it); MOTIF_CA is the rig certificate file.',
    `MOTIF_HOST="\${MOTIF_HOST:-${target.host ?? '10.11.12.13'}}"`,
    `MOTIF_PORT="\${MOTIF_PORT:-${target.port ?? DEFAULT_PORT}}"`,
    'MOTIF_CA="${MOTIF_CA:-server.crt}"',
    'set -e',
    '',
  ];
  for (const { endpoint, args } of calls(c)) {
    // The rig reads Python's json: the toggle value Infinity travels as the bare token.
    lines.push(
      `curl --fail-with-body --max-time 10 --cacert "$MOTIF_CA" -H "X-Api-Key: $MOTIF_API_KEY" -H 'Content-Type: application/json' \\\n` +
        `  -X POST "https://$MOTIF_HOST:$MOTIF_PORT/api/1/${endpoint}" \\\n  -d ${shQuote(stringifyWire(args))}`,
    );
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

function matlab(c: CompiledProtocol, target: ExportTarget): string {
  const lines = [
    `% Protocol "${c.protocol}": ${c.tasks.length} scheduled task${c.tasks.length === 1 ? '' : 's'} named mc-${c.slug}-<n>.`,
    "% server.crt: the rig certificate file; API_KEY: recnode-apikey on the rig prints it.",
    `BASE = 'https://${target.host ?? '10.11.12.13'}:${target.port ?? DEFAULT_PORT}/api/1/';`,
    "API_KEY = 'abcdef123456abcdef123456abcdef12';",
    "o = weboptions('CertificateFilename', 'server.crt', ...",
    "               'HeaderFields', {'X-Api-Key', API_KEY}, ...",
    "               'MediaType', 'application/json', 'Timeout', 10);",
    '',
  ];
  for (const { endpoint, args } of calls(c)) {
    // jsonencode writes Inf as null; a toggle (value Inf) goes as the JSON text the rig reads.
    const body = hasNonFinite(args) ? mString(stringifyWire(args)) : mValue(args);
    lines.push(`arguments = ${body};`, `webwrite([BASE ${mString(endpoint)}], arguments, o);`);
  }
  return `${lines.join('\n')}\n`;
}
