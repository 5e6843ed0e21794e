import { CoreError } from '../errors';
import { requestInWords } from './call-words';

/**
 * The largest request body sent to a rig. A rig refuses far larger ones itself (the simulator,
 * like the rig's web server, at this size), but only after the whole body crossed the network,
 * and a change queued in the outbox would wait to be refused; so it is checked here first.
 * Metadata is the only field that can grow this large.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** Throws invalid-args, before anything is sent or queued, when the body is larger than a rig takes. */
export function checkBodySize(endpoint: string, body: string | undefined, args: Record<string, unknown> = {}): void {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most bodies need no encoding to tell.
  if (body === undefined || body.length * 3 <= MAX_REQUEST_BODY_BYTES) return;
  const bytes = new TextEncoder().encode(body).length;
  if (bytes <= MAX_REQUEST_BODY_BYTES) return;
  const words = requestInWords(endpoint, args);
  throw new CoreError(
    'invalid-args',
    `${words.charAt(0).toUpperCase()}${words.slice(1)} was not sent: its arguments are ${megabytes(bytes)}, more than the ` +
      `${megabytes(MAX_REQUEST_BODY_BYTES)} a rig takes in one request. Make the metadata smaller.`,
    { endpoint, bytes, limit: MAX_REQUEST_BODY_BYTES },
  );
}

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
