/** Endpoint patterns to handlers; the method each endpoint answers on comes from methodFor. */
import type { WireValue } from '../core/python-json';
import type { Args } from './args';

export type RouteParams = Record<string, string>;
export type RouteHandler = (params: RouteParams, args: Args) => WireValue | Promise<WireValue>;

export interface Route {
  pattern: RegExp;
  /** Names of the pattern's capture groups, in order. */
  names: string[];
  handle: RouteHandler;
}

/**
 * `route('camera/:serial/read/:name', ...)`: a `:name` is one path segment
 * (serials, parameter and task names never contain a slash).
 */
export function route(template: string, handle: RouteHandler): Route {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names, handle };
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

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
