import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Who may talk to browser mode: same host:port (no DNS rebinding), our own origin, the run's token. */
export interface AccessPolicy {
  port: number;
  token: string;
  /** `npm run dev`: the Vite dev server's origin, whose page proxies /ws here; the token is still required. */
  devOrigin?: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

export function allowedHost(req: IncomingMessage, policy: AccessPolicy): boolean {
  const host = req.headers.host ?? '';
  return LOOPBACK_NAMES.some((name) => host === `${name}:${policy.port}`);
}

export function allowedOrigin(req: IncomingMessage, policy: AccessPolicy): boolean {
  const origin = req.headers.origin;
  if (policy.devOrigin !== undefined && origin === policy.devOrigin) return true;
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${policy.port}`);
}

export function tokenMatches(given: string | null, policy: AccessPolicy): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(policy.token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why an upgrade is refused, or null when it may proceed. */
export function refuseUpgrade(req: IncomingMessage, policy: AccessPolicy): string | null {
  if (!allowedHost(req, policy)) return 'unexpected Host header';
  if (!allowedOrigin(req, policy)) return 'foreign Origin';
  const url = requestUrl(req);
  if (!tokenMatches(url?.searchParams.get('token') ?? null, policy)) return 'missing or wrong token';
  return null;
}

/** The request's URL, or null when its target is no URL at all (`//`, `/\\`). */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

export function requestPath(req: IncomingMessage): string | null {
  return requestUrl(req)?.pathname ?? null;
}

/** A dev origin browser mode may accept: plain http on a loopback name with an explicit port, nothing else. */
export function isLoopbackOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && LOOPBACK_NAMES.includes(url.hostname) && url.port !== '' && url.origin === value;
  } catch {
    return false;
  }
}
