import { OPERATIONS, PathSegment, type HttpMethod, type OperationName, type OperationSpec } from './operation-table';

/** Where a concrete path lands in the table: the operation, which form, and the path's parameters. */
export interface PathMatch {
  name: OperationName;
  spec: OperationSpec;
  /** The camera of a one-camera form; undefined for the whole rig. */
  serial?: string;
  params: Record<string, string>;
}

/** Path parameters other than the camera's serial, e.g. `name` of `io/<name>/set`. */
export type PathParams = Record<string, string>;

/** The camera's `<serial>` only selects the one-camera form; other parameters are the operation's own. */
const CAMERA_SELECTOR = /^(schedule\/)?camera\/<serial>\//;

interface CompiledPath {
  name: OperationName;
  template: string;
  form: 'rig' | 'camera';
  pattern: RegExp;
  names: string[];
  literals: number;
}

const compiled: CompiledPath[] = (Object.keys(OPERATIONS) as OperationName[])
  .flatMap((name) => {
    const { path } = OPERATIONS[name] as OperationSpec;
    return (['rig', 'camera'] as const).flatMap((form) => {
      const template = path[form];
      if (template === undefined) return [];
      const names: string[] = [];
      const source = template
        .split('/')
        .map((seg) => {
          const m = /^<([a-z_]+)>$/.exec(seg);
          if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(m[1]!);
          return '([^/]+)';
        })
        .join('/');
      const literals = template.split('/').filter((s) => !s.startsWith('<')).length;
      return [{ name, template, form, pattern: new RegExp(`^${source}$`), names, literals }];
    });
  })
  // A literal segment beats a parameter: `schedule/clear` is not the task named "clear".
  .sort((a, b) => b.literals - a.literals);

/** Strip what a user may type around an endpoint ("/api/1/cameras/" -> "cameras"). */
export function normalizeEndpoint(path: string): string {
  return path
    .trim()
    .replace(/^\/+/, '')
    .replace(/^api\/1\//, '')
    .replace(/\/+$/, '');
}

/** The table entry a concrete path belongs to, or undefined for an endpoint the table does not know. */
export function matchPath(path: string): PathMatch | undefined {
  const endpoint = normalizeEndpoint(path);
  for (const c of compiled) {
    const m = c.pattern.exec(endpoint);
    if (!m) continue;
    const params: Record<string, string> = {};
    let serial: string | undefined;
    c.names.forEach((n, i) => {
      const value = m[i + 1]!;
      if (n === 'serial' && c.form === 'camera' && CAMERA_SELECTOR.test(c.template)) serial = value;
      else params[n] = value;
    });
    return { name: c.name, spec: OPERATIONS[c.name], serial, params };
  }
  return undefined;
}

/** The HTTP method for any path; endpoints the table does not know are POSTs, as in the vendor client. */
export function methodFor(path: string): HttpMethod {
  return matchPath(path)?.spec.method ?? 'POST';
}

/** URL path of an endpoint: `/version` is the one endpoint outside `/api/1/`. */
export function urlPathFor(path: string): string {
  const p = normalizeEndpoint(path);
  return p === 'version' ? '/version' : `/api/1/${p}`;
}

/** Thrown for a path segment Motif could not route: the caller's input, never the rig's fault. */
export class PathSegmentError extends RangeError {
  override readonly name = 'PathSegmentError';
}

function segment(name: string, value: string | undefined): string {
  const checked = PathSegment.safeParse(value ?? '');
  if (!checked.success) {
    const label = name === 'io_serial' ? 'IO device' : name === 'io_port' ? 'IO port' : name.replace('_', ' ');
    throw new PathSegmentError(`"${value ?? ''}" is not a valid ${label}: it ${checked.error.issues[0]?.message ?? 'is not allowed'}.`);
  }
  return value!;
}

/**
 * The concrete path of an operation: the one-camera form when `serial` is given, else the
 * whole-rig form. Every parameter is checked as a path segment here, the one place paths are built.
 */
export function pathFor(name: OperationName, serial: string | undefined, params: PathParams = {}): string {
  const { path } = OPERATIONS[name] as OperationSpec;
  const form = serial !== undefined && path.camera !== undefined ? 'camera' : 'rig';
  const template = path[form] ?? path.camera;
  if (template === undefined) throw new PathSegmentError(`${name} has no form for a whole rig.`);
  if (form === 'rig' && serial !== undefined && !template.includes('<serial>')) {
    throw new PathSegmentError(`${name} acts on the whole rig; it takes no camera serial.`);
  }
  const values: Record<string, string | undefined> = { ...params, ...(serial === undefined ? {} : { serial }) };
  return template.replace(/<([a-z_]+)>/g, (_m, n: string) => segment(n, values[n]));
}

/**
 * A whole endpoint path checked segment by segment, for paths that come as text (the
 * vendor-style `call(path)`): anything Motif could not route is refused before it is sent.
 */
export function checkedEndpoint(path: string): string {
  const endpoint = normalizeEndpoint(path);
  const segments = endpoint.split('/');
  segments.forEach((s, i) => segment(i === 0 ? 'endpoint' : `part ${i + 1} of the endpoint`, s));
  return endpoint;
}
