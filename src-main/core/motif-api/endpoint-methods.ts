/**
 * Which HTTP method each Motif endpoint answers on, and where its URL lives.
 * Patterns are matched at the start of the path, as the vendor client does.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const SEGMENT = '[^/]+';

const GET_PATTERNS = [
  /^version$/,
  /^cameras$/,
  new RegExp(`^cameras/read/${SEGMENT}$`),
  new RegExp(`^camera/${SEGMENT}$`),
  new RegExp(`^camera/${SEGMENT}/read/${SEGMENT}$`),
  new RegExp(`^camera/${SEGMENT}/recordings$`),
  /^recordings$/,
  /^schedule$/,
  /^io\/read$/,
  new RegExp(`^camera/${SEGMENT}/io/read$`),
];
const PATCH_PATTERNS = [/^cameras\/configure$/, new RegExp(`^camera/${SEGMENT}/configure$`)];
const DELETE_PATTERNS = [new RegExp(`^schedule/${SEGMENT}/clear$`)];

/** Strip slashes a user may type around an endpoint ("/api/1/cameras/" -> "cameras"). */
export function normalizeEndpoint(path: string): string {
  return path
    .trim()
    .replace(/^\/+/, '')
    .replace(/^api\/1\//, '')
    .replace(/\/+$/, '');
}

export function methodFor(path: string): HttpMethod {
  const p = normalizeEndpoint(path);
  if (GET_PATTERNS.some((r) => r.test(p))) return 'GET';
  if (PATCH_PATTERNS.some((r) => r.test(p))) return 'PATCH';
  if (DELETE_PATTERNS.some((r) => r.test(p))) return 'DELETE';
  return 'POST';
}

/** URL path of an endpoint: `/version` is the one endpoint outside `/api/1/`. */
export function urlPathFor(path: string): string {
  const p = normalizeEndpoint(path);
  return p === 'version' ? '/version' : `/api/1/${p}`;
}
