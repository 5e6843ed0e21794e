import { readFileSync } from 'node:fs';
import { createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { normalizeFingerprint } from './fingerprint';
import { FingerprintMismatchError } from './rig-call-error';

/** How a rig's certificate is trusted. Rigs share one vendor self-signed certificate. */
export type RigTrust =
  | { kind: 'ca'; caPem: string | Buffer }
  | { kind: 'fingerprint'; fingerprint256: string }
  /** The platform's CA store: only for rigs given a properly issued certificate. */
  | { kind: 'system' };

/** Trust from the usual user inputs: a CA file path or a pinned fingerprint (either, not both). */
export function trustFrom(input: { caFile?: string; fingerprint?: string }): RigTrust {
  if (input.caFile && input.fingerprint) {
    throw new RangeError('Give either a CA file or a pinned fingerprint, not both.');
  }
  if (input.fingerprint) return { kind: 'fingerprint', fingerprint256: normalizeFingerprint(input.fingerprint) };
  if (input.caFile) {
    try {
      return { kind: 'ca', caPem: readFileSync(input.caFile) };
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new RangeError(`Cannot read the CA file ${input.caFile} (${reason}).`);
    }
  }
  return { kind: 'system' };
}

let defaults: SecureContext | undefined;
/** Node's default TLS settings, made once: a pinned rig is trusted by its certificate, not a CA. */
const sharedContext = () => (defaults ??= createSecureContext({}));

// The vendor client does not check the host name: every rig serves the same certificate.
const skipHostName = (): undefined => undefined;

/** An undici connector that applies `trust` during the TLS handshake. */
export function buildTrustingConnector(
  trust: RigTrust,
  connectTimeoutMs: number,
  /** Told the end of the pinned certificate's validity at each connection it is accepted on. */
  onPinnedCertificate?: (validTo: Date) => void,
): buildConnector.connector {
  if (trust.kind === 'ca') {
    return buildConnector({ timeout: connectTimeoutMs, secureContext: createSecureContext({ ca: trust.caPem }), checkServerIdentity: skipHostName });
  }
  if (trust.kind === 'system') {
    return buildConnector({ timeout: connectTimeoutMs, checkServerIdentity: skipHostName });
  }
  const expected = normalizeFingerprint(trust.fingerprint256);
  // The chain cannot be verified (self-signed), so trust rests on the exact certificate.
  // No session resumption: a resumed TLS session shows no certificate to compare.
  // One TLS context for every connection to the rig: made per connection, it cost more than the handshake's own work.
  const connect = buildConnector({ timeout: connectTimeoutMs, rejectUnauthorized: false, maxCachedSessions: 0, secureContext: sharedContext() });
  return (options, callback) => {
    connect(options, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('connect failed'), null);
        return;
      }
      const peer = (socket as TLSSocket).getPeerX509Certificate?.();
      const actual = peer?.fingerprint256 ?? '(no certificate)';
      if (actual !== expected) {
        socket.destroy();
        callback(new FingerprintMismatchError(expected, actual), null);
        return;
      }
      // The pin is the trust, so an expired certificate is still accepted; its end is passed on
      // so the user is told (the rig card, motifctl) rather than it being accepted silently.
      if (peer) onPinnedCertificate?.(new Date(peer.validTo));
      callback(null, socket);
    });
  };
}
