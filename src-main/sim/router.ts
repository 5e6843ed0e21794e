/**
 * Endpoint patterns to handlers, each with the one HTTP method it answers on. The
 * methods are the rig's, as the vendor documents them (docs/wire.md, "Endpoints and
 * methods"): GET for reads, PATCH for configure, DELETE for `schedule/<task_name>/clear`,
 * POST for every other endpoint. They are written here, not taken from the client, so
 * the simulator checks what a client sends instead of agreeing with it by construction.
 */
import type { WireValue } from '../core/python-json';
import type { Args } from './args';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type RouteParams = Record<string, string>;
export type RouteHandler = (params: RouteParams, args: Args) => WireValue | Promise<WireValue>;

export interface Route {
  /** The method the endpoint answers on; any other gets 405. */
  method: HttpMethod;
  pattern: RegExp;
  /** Names of the pattern's capture groups, in order. */
  names: string[];
  handle: RouteHandler;
}

/**
 * `route('GET', 'camera/:serial/read/:name', ...)`: a `:name` is one path segment
 * (serials, parameter and task names never contain a slash).
 */
export function route(method: HttpMethod, template: string, handle: RouteHandler): Route {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}$`), names, handle };
}

export function findRoute(routes: Route[], endpoint: string): { route: Route; params: RouteParams } | undefined {
  for (const r of routes) {
    const m = r.pattern.exec(endpoint);
    if (!m) continue;
    const params: RouteParams = {};
    r.names.forEach((n, i) => {
      params[n] = safeDecode(m[i + 1] ?? '');
    });
    return { route: r, params };
  }
  return undefined;
}

/**
 * An endpoint as routes name it: without the slashes around it or the `/api/1/` prefix
 * ("/api/1/cameras/" -> "cameras").
 */
export function normalizeEndpoint(path: string): string {
  return path
    .trim()
    .replace(/^\/+/, '')
    .replace(/^api\/1\//, '')
    .replace(/\/+$/, '');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
