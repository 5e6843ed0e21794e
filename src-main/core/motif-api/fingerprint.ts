import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { classifyTransportFailure } from './failure-mapping';

/**
 * Normalise a SHA-256 certificate fingerprint typed by a user ("abcd...", "AB:CD:...",
 * spaces allowed) to Node's `X509Certificate.fingerprint256` form. Throws on anything else.
 */
export function normalizeFingerprint(input: string): string {
  const hex = input.replace(/[\s:]/g, '').replace(/^sha-?256[=:]?/i, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new RangeError(
      `"${input}" is not a SHA-256 fingerprint: expected 64 hexadecimal digits, with or without colons.`,
    );
  }
  return hex.match(/../g)!.join(':');
}

export function sameFingerprint(a: string, b: string): boolean {
  return normalizeFingerprint(a) === normalizeFingerprint(b);
}

export interface PeerCertificateInfo {
  host: string;
  port: number;
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Whether the platform's CA store trusts the certificate (a rig's self-signed one: no). */
  trustedBySystem: boolean;
  pem: string;
}

/**
 * Connect to a rig and read its certificate without trusting it, for trust-on-first-use.
 * No request is sent, so the API key never leaves this computer here.
 */
export function fetchPeerCertificate(
  host: string,
  port: number,
  timeoutMs = 10_000,
): Promise<PeerCertificateInfo> {
  const ctx = { rig: `${host}:${port}`, endpoint: '(TLS handshake)', method: 'CONNECT', connectTimeoutMs: timeoutMs, responseTimeoutMs: timeoutMs };
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, rejectUnauthorized: false, servername: isIP(host) ? undefined : host });
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' }));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerX509Certificate();
      const trustedBySystem = socket.authorized;
      socket.end();
      if (!cert) {
        reject(classifyTransportFailure(Object.assign(new Error('no certificate'), { code: 'ERR_TLS_NO_PEER_CERT' }), ctx));
        return;
      }
      resolve({
        host,
        port,
        fingerprint256: cert.fingerprint256,
        subject: cert.subject,
        issuer: cert.issuer,
        validFrom: cert.validFrom,
        validTo: cert.validTo,
        trustedBySystem,
        pem: cert.toString(),
      });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(classifyTransportFailure(err, ctx));
    });
  });
}
