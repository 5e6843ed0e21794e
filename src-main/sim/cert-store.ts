/**
 * The TLS pair the simulator serves: given files, or a self-signed pair generated
 * once and kept in the data folder so a pinned fingerprint stays valid across runs.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TlsPair {
  cert: string;
  key: string;
  certPath: string;
  fingerprint256: string;
}

const PAIR_FILE = 'server.pem';
const CERT_FILE = 'server.crt';
const VALID_YEARS = 20;

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'motif-sim');
}

export async function loadTlsPair(opts: { certFile?: string; keyFile?: string; dataDir?: string }): Promise<TlsPair> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile) throw new Error('--cert and --key go together');
    const [cert, key] = await Promise.all([fs.readFile(opts.certFile, 'utf8'), fs.readFile(opts.keyFile, 'utf8')]);
    return { cert, key, certPath: path.resolve(opts.certFile), fingerprint256: fingerprintOf(cert) };
  }
  const dir = opts.dataDir ?? defaultDataDir();
  await fs.mkdir(dir, { recursive: true });
  const pairPath = path.join(dir, PAIR_FILE);
  const pem = (await readIfExists(pairPath)) ?? (await generateOnce(pairPath));
  const cert = pemBlock(pem, 'CERTIFICATE');
  const key = pemBlock(pem, 'PRIVATE KEY');
  const certPath = path.join(dir, CERT_FILE);
  if ((await readIfExists(certPath)) !== cert) await writeAtomically(certPath, cert);
  return { cert, key, certPath, fingerprint256: fingerprintOf(cert) };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Key and certificate in one file, published by link(): of racing processes one wins, all read it. */
async function generateOnce(pairPath: string): Promise<string> {
  const notAfterDate = new Date();
  notAfterDate.setFullYear(notAfterDate.getFullYear() + VALID_YEARS);
  // Loaded when a certificate is made (a new simulator's first start), not with the app.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'motif-sim' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const tmp = tmpName(pairPath);
  await fs.writeFile(tmp, `${pems.private.trim()}\n${pems.cert.trim()}\n`, { mode: 0o600 });
  try {
    await fs.link(tmp, pairPath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await fs.rm(tmp, { force: true });
  }
  return fs.readFile(pairPath, 'utf8');
}

function pemBlock(pem: string, label: string): string {
  const m = new RegExp(`-----BEGIN ([A-Z ]*${label})-----[\\s\\S]+?-----END \\1-----`).exec(pem);
  if (!m) throw new Error(`no ${label} in the kept certificate file`);
  return `${m[0]}\n`;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const tmpName = (file: string) => `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;

async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = tmpName(file);
  await fs.writeFile(tmp, text);
  await fs.rename(tmp, file);
}
