import { CoreError } from '../errors';
import { callPhrase, requestInWords, rigMessageInWords } from './call-words';
import { FingerprintMismatchError, RigCallError, type RigErrorDetails } from './rig-call-error';

/** What the client knew about a call when it failed. */
export interface CallContext {
  rig: string; // "host:port"
  endpoint: string;
  method: string;
  /** The call's arguments, so its words name what it was about (the task of a schedule call). */
  args?: Record<string, unknown>;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  /** Longest wait for a free connection; the response timeout when not given. */
  queueTimeoutMs?: number;
  /** Removes secrets (the API key) from the rig's own words before they are quoted. */
  scrub?: (text: string) => string;
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const NAME_LOOKUP = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
/** The connection broke after it was made: safe to retry only for reads. */
const CONNECTION_DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'UND_ERR_CLOSED']);
/** The client's own queue: no connection came free in time, so nothing was sent. */
export const QUEUE_TIMEOUT = 'MOTIF_QUEUE_TIMEOUT';
const CONNECT_TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const RESPONSE_TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/**
 * Refused on this computer before anything was sent: the request itself cannot be put on
 * the wire (a header or path character HTTP does not allow). The caller's input, never the
 * rig's state: no retry, no queueing.
 */
const CLIENT_SIDE = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_INVALID_RETURN_VALUE',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_UNESCAPED_CHARACTERS',
]);
/** What OpenSSL says when the other end answers the TLS hello with something that is not TLS (plain HTTP). */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'ERR_SSL_UNKNOWN_PROTOCOL']);
/** OpenSSL verification codes Node reports as `err.code`, plus Node's own TLS errors. */
const TLS_TRUST = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|CERT_|ERR_TLS_|ERR_SSL_|INVALID_CA|INVALID_PURPOSE|HOSTNAME_MISMATCH)/;

/** Every error code in an error, its causes and (happy-eyeballs) aggregated attempts. */
export function errorCodesOf(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const codes: string[] = [];
  const { code, cause, errors, name } = error as { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown };
  if (typeof code === 'string') codes.push(code);
  if (name === 'TimeoutError') codes.push('TimeoutError');
  if (name === 'AbortError') codes.push('AbortError');
  codes.push(...errorCodesOf(cause, depth + 1));
  if (Array.isArray(errors)) for (const e of errors) codes.push(...errorCodesOf(e, depth + 1));
  return codes;
}

/** True when a GET may be sent again: the connection dropped, nothing says the rig acted twice. */
export function isConnectionDropped(error: unknown): boolean {
  return errorCodesOf(error).some((c) => CONNECTION_DROPPED.has(c));
}

function findMismatch(error: unknown, depth = 0): FingerprintMismatchError | undefined {
  if (error instanceof FingerprintMismatchError) return error;
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  return findMismatch((error as { cause?: unknown }).cause, depth + 1);
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What an OpenSSL verification code means, for the few a lab meets; the code itself stays in the details. */
function tlsWords(code: string): string {
  if (/SELF_SIGNED/.test(code)) return ' (it is self-signed)';
  if (/CERT_HAS_EXPIRED/.test(code)) return ' (it has expired)';
  if (/CERT_NOT_YET_VALID/.test(code)) return ' (it is not valid yet: check the clocks)';
  if (/HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID/.test(code)) return ' (it is made out for another name)';
  return '';
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/**
 * Turn a transport failure (socket, TLS, timer) into an error a lab user can act on: a
 * RigCallError, or 'invalid-args' for a request refused on this computer before it was sent.
 */
export function classifyTransportFailure(error: unknown, ctx: CallContext): CoreError {
  if (error instanceof CoreError) return error;
  const base: RigErrorDetails = { rig: ctx.rig, endpoint: ctx.endpoint, method: ctx.method };
  const clientSide = errorCodesOf(error).find((c) => CLIENT_SIDE.has(c));
  if (clientSide) return refusedBeforeSending(error, clientSide, ctx);
  const mismatch = findMismatch(error);
  if (mismatch) {
    return new RigCallError(
      'tls-fingerprint-changed',
      `The rig at ${ctx.rig} presented a different certificate than the one pinned: ` +
        `this may be another machine posing as the rig. Expected SHA-256 fingerprint ` +
        `${mismatch.expected}, got ${mismatch.actual}. Pin the new fingerprint only if you ` +
        `know the rig's certificate was replaced.`,
      { ...base, causeCode: mismatch.code, expectedFingerprint: mismatch.expected, actualFingerprint: mismatch.actual },
      { cause: error },
    );
  }
  const codes = errorCodesOf(error);
  const causeCode = codes[0] ?? (error instanceof Error ? error.name : 'unknown');
  const details = { ...base, causeCode };
  const has = (set: Set<string>) => codes.some((c) => set.has(c));

  const notTls = codes.find((c) => NOT_TLS.has(c));
  if (notTls) {
    return new RigCallError(
      'rig-bad-response',
      `The rig at ${ctx.rig} answers plain HTTP, not HTTPS. Check the port: Motif's API is served over HTTPS (6083 by default).`,
      { ...details, causeCode: notTls },
      { cause: error },
    );
  }
  const tlsCode = codes.find((c) => TLS_TRUST.test(c));
  if (tlsCode) {
    return new RigCallError(
      'tls-untrusted',
      `The rig at ${ctx.rig} presented a certificate this computer does not trust${tlsWords(tlsCode)}. ` +
        `Trust it with the rig's certificate file, or pin its SHA-256 fingerprint after checking it on the rig.`,
      { ...details, causeCode: tlsCode },
      { cause: error },
    );
  }
  if (has(NAME_LOOKUP)) {
    return new RigCallError(
      'rig-unreachable',
      `Could not find the rig host ${ctx.rig} (name lookup failed). Check the host name, or use the rig's IP address.`,
      details,
      { cause: error },
    );
  }
  if (has(REFUSED)) {
    return new RigCallError(
      'rig-unreachable',
      `Could not connect to the rig at ${ctx.rig} (connection refused). Check that Motif is running and that host and port are right.`,
      details,
      { cause: error },
    );
  }
  if (codes.includes(QUEUE_TIMEOUT)) {
    return new RigCallError(
      'rig-timeout',
      `${capital(requestInWords(ctx.endpoint, ctx.args))} was not sent: no connection to the rig at ${ctx.rig} came free within ` +
        `${seconds(ctx.queueTimeoutMs ?? ctx.responseTimeoutMs)}, because earlier requests to it are still waiting for answers. The rig may be busy or slow.`,
      details,
      { cause: error },
    );
  }
  if (has(CONNECT_TIMEOUT)) {
    return new RigCallError(
      'rig-timeout',
      `The rig at ${ctx.rig} did not accept a connection within ${seconds(ctx.connectTimeoutMs)}. Check that it is switched on and on the network.`,
      details,
      { cause: error },
    );
  }
  if (has(RESPONSE_TIMEOUT) || codes.includes('TimeoutError')) {
    return new RigCallError(
      'rig-timeout',
      `The rig at ${ctx.rig} did not answer ${requestInWords(ctx.endpoint, ctx.args)} within ${seconds(ctx.responseTimeoutMs)}. ` +
        `It may be busy; check its state before trying again.`,
      details,
      { cause: error },
    );
  }
  if (has(CONNECTION_DROPPED)) {
    return new RigCallError(
      'rig-unreachable',
      `The rig at ${ctx.rig} closed the connection during ${requestInWords(ctx.endpoint, ctx.args)}. ` +
        (ctx.method === 'GET'
          ? 'Check that Motif is running, then try again.'
          : 'Check the rig before trying again: the command may or may not have been carried out.'),
      details,
      { cause: error },
    );
  }
  return new RigCallError(
    'rig-unreachable',
    `Motif is not running or not reachable at ${ctx.rig}.`,
    details,
    { cause: error },
  );
}

function refusedBeforeSending(error: unknown, causeCode: string, ctx: CallContext): CoreError {
  const said = error instanceof Error ? error.message : String(error);
  const text = ctx.scrub ? ctx.scrub(said) : said;
  const what = /api-key/i.test(text)
    ? 'the API key stored for this rig holds characters an HTTP header cannot carry (only printable ASCII); set the key again'
    : `it cannot be put into an HTTP request (${text})`;
  return new CoreError(
    'invalid-args',
    `${capital(requestInWords(ctx.endpoint, ctx.args))} was not sent to the rig at ${ctx.rig}: ${what}.`,
    { rig: ctx.rig, endpoint: ctx.endpoint, method: ctx.method, causeCode },
    { cause: error },
  );
}

/** Turn an HTTP answer that is not a success into an error; `body` is the raw response text. */
export function classifyHttpFailure(status: number, body: string, ctx: CallContext): RigCallError {
  const details: RigErrorDetails = { rig: ctx.rig, endpoint: ctx.endpoint, method: ctx.method, httpStatus: status };
  const said = errorMessageOf(body);
  const rigMessage = said === undefined || !ctx.scrub ? said : ctx.scrub(said);
  if (status === 401 || status === 403) {
    return new RigCallError(
      'key-rejected',
      `The rig at ${ctx.rig} rejected the API key${rigMessage ? ` ("${rigMessage}")` : ''}. ` +
        `Check the key; on the rig, "recnode-apikey" prints it.`,
      rigMessage === undefined ? details : { ...details, rigMessage },
    );
  }
  if (rigMessage === undefined) {
    return new RigCallError(
      'rig-bad-response',
      `The rig at ${ctx.rig} refused ${requestInWords(ctx.endpoint, ctx.args)} without saying why in Motif's words (unknown API error).`,
      details,
    );
  }
  return new RigCallError(
    'rig-error',
    `The rig at ${ctx.rig} did not ${callPhrase(ctx.endpoint, ctx.args)}: ${rigMessageInWords(rigMessage)}.`,
    { ...details, rigMessage },
  );
}

/** The `error` of Motif's `{"error": ..., "status_code": ...}` body, if the body is that. */
function errorMessageOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const { error } = parsed as { error: unknown };
      return typeof error === 'string' ? error : JSON.stringify(error);
    }
  } catch {
    // not JSON: the caller reports an unknown API error
  }
  return undefined;
}

/** A success status whose body is not JSON. */
export function badSuccessBody(status: number, ctx: CallContext): RigCallError {
  return new RigCallError(
    'rig-bad-response',
    `The rig at ${ctx.rig} answered ${requestInWords(ctx.endpoint, ctx.args)} with something that is not Motif's JSON (unknown API error). ` +
      `Check that the host and port belong to a Motif rig.`,
    { rig: ctx.rig, endpoint: ctx.endpoint, method: ctx.method, httpStatus: status },
  );
}
