import { X509Certificate } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import type { Schema } from 'conf';
import { z } from 'zod';
import { RecordingPreset, RigTrust } from '../../contract/requests/rigs';
import { DEFAULT_PORT } from '../motif-api/motif-client';
import { normalizeFingerprint } from '../motif-api/fingerprint';
import { CoreError } from '../errors';
import { fileNameProblem } from '../../../src-shared/file-name';

/** One rig as kept in the config file. No API key: keys live in the keychain only. */
export const StoredRig = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    host: z.string().min(1),
    port: z.int().min(1).max(65535),
    trust: RigTrust.nullable(),
    tags: z.array(z.string()),
    notes: z.string(),
    preset: RecordingPreset,
    simulated: z.boolean(),
    createdAt: z.string(),
  })
  .strict();

/** The config file, current format: a version number and the rigs. */
export const CONFIG_SCHEMA_VERSION = 1;
export const StoredConfig = z.object({
  schemaVersion: z.literal(CONFIG_SCHEMA_VERSION),
  rigs: z.array(StoredRig),
});

/** The same facts as JSON Schema, for conf's `schema` option (one property per key). */
export function confSchema(): Schema<z.infer<typeof StoredConfig>> {
  const json = z.toJSONSchema(StoredConfig, { target: 'draft-2020-12' });
  // zod writes JSON Schema's loose types; the shape is the one declared above.
  return json.properties as unknown as Schema<z.infer<typeof StoredConfig>>;
}

const MAX_NAME_LENGTH = 80;
// RFC 1123 host names: letters, digits and hyphens per label, no leading or trailing hyphen.
const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

const invalid = (message: string, field: string) => new CoreError('invalid-args', message, { field });

export function checkRigName(input: string): string {
  const name = input.trim();
  if (name === '') throw invalid('A rig needs a name.', 'name');
  if (name.length > MAX_NAME_LENGTH) throw invalid(`The rig name is too long (at most ${MAX_NAME_LENGTH} characters).`, 'name');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalid('The rig name must not contain control characters.', 'name');
  return name;
}

/** A host name or IP address, without scheme, port or path. IPv6 may be in brackets. */
export function checkHost(input: string): string {
  const raw = input.trim();
  const host = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (host === '') throw invalid('A rig needs a host: its name or IP address on the network.', 'host');
  if (isIP(host)) return host;
  const labels = host.replace(/\.$/, '').split('.');
  if (host.length > 253 || !labels.every((l) => HOST_LABEL.test(l))) {
    throw invalid(
      `"${raw}" is not a host name or IP address (give only the address, e.g. 192.168.1.20 or rig-3.lab.local, without https:// or a port).`,
      'host',
    );
  }
  return host.toLowerCase();
}

export function checkPort(input: number | string | undefined): number {
  if (input === undefined || input === '') return DEFAULT_PORT;
  const port = typeof input === 'number' ? input : Number(input);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalid(`Port ${JSON.stringify(input)} is not a whole number from 1 to 65535.`, 'port');
  }
  return port;
}

export function checkFingerprint(input: string): string {
  try {
    return normalizeFingerprint(input);
  } catch (e) {
    throw invalid((e as Error).message, 'fingerprint');
  }
}

export function checkTags(input: readonly string[] | undefined): string[] {
  const tags = (input ?? []).map((t) => t.trim()).filter((t) => t !== '');
  return [...new Set(tags)];
}

export function checkTrust(
  input: { kind: 'fingerprint'; sha256: string } | { kind: 'ca'; caPath: string } | null | undefined,
  resolvePath: (p: string) => string,
): z.infer<typeof RigTrust> | null {
  if (!input) return null;
  if (input.kind === 'fingerprint') return { kind: 'fingerprint', sha256: checkFingerprint(input.sha256) };
  const caPath = input.caPath.trim();
  if (caPath === '') throw invalid('Give the path of the CA certificate file.', 'caPath');
  return { kind: 'ca', caPath: resolvePath(caPath) };
}

export function checkPreset(input: unknown): z.infer<typeof RecordingPreset> {
  const parsed = RecordingPreset.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`The recording preset is not valid (${issue?.path.join('.') || 'preset'}: ${issue?.message}).`, 'preset');
  }
  const fileName = fileNameProblem(parsed.data.filenamePattern ?? '');
  if (fileName) throw invalid(`The recording preset's file name: ${fileName}`, 'preset');
  return parsed.data;
}

/** Larger than any CA certificate or bundle a rig needs. */
const MAX_CA_FILE_BYTES = 1024 * 1024;

/**
 * An absolute path to a readable PEM or DER certificate, or one sentence, the same whether
 * the file is missing, unreadable, not a regular file or no certificate: the answer tells
 * nothing about other files on this computer. A pipe or device is never waited on.
 */
export function checkCaFile(input: string): string {
  const file = path.resolve(input.trim());
  const pem = readSmallRegularFile(file, MAX_CA_FILE_BYTES);
  let isCertificate = false;
  if (pem !== null) {
    try {
      new X509Certificate(pem);
      isCertificate = true;
    } catch {
      // answered below, as for a missing file
    }
  }
  if (!isCertificate) {
    throw invalid(`${file} is not a readable CA certificate: give a PEM or DER certificate file, such as the rig's server.crt.`, 'caPath');
  }
  return file;
}

/** The file's bytes if it is a regular file of at most `maxBytes` that can be read, else null. */
function readSmallRegularFile(file: string, maxBytes: number): Buffer | null {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return null;
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
