import type { Command } from 'commander';
import { DEFAULT_PORT, DEFAULT_TIMEOUT_MS, type MotifClientOptions } from '../../core/motif-api/motif-client';
import { trustFrom } from '../../core/motif-api/tls-trust';
import { UsageError } from './command-context';
import { findNamedRig, keyForNamedRig, namedRigEnv } from './named-rig';

export interface ConnectionFlags {
  rig?: string;
  host?: string;
  port?: string;
  apiKey?: string;
  ca?: string;
  fingerprint?: string;
  timeout?: string;
}

/** The flags every rig command takes. */
export function addConnectionFlags(cmd: Command): Command {
  return cmd
    .option('--rig <name>', 'a rig from the rig list (motifctl rigs list), its key from the keychain (env MOTIF_RIG)')
    .option('--host <host>', 'rig address (env MOTIF_HOST, default 127.0.0.1)')
    .option('--port <port>', `rig HTTPS port (env MOTIF_PORT, default ${DEFAULT_PORT})`)
    .option('--api-key <key>', 'API key; recnode-apikey prints it on the rig (env MOTIF_API_KEY)')
    .option('--ca <file>', "trust the rig's certificate file, e.g. server.crt (env MOTIF_CA)")
    .option('--fingerprint <sha256>', 'trust the rig by its pinned SHA-256 certificate fingerprint (env MOTIF_FINGERPRINT)')
    .option('--timeout <seconds>', 'connect and response timeout in seconds (default 10)');
}

/**
 * Connection options from flags, then the vendor client's environment variables, then
 * defaults. The single place where `--rig NAME` (the rig registry) will plug in.
 */
export function resolveConnectionOptions(
  flags: ConnectionFlags,
  env: Record<string, string | undefined>,
): MotifClientOptions {
  const { host, port, timeoutMs } = resolveRigAddress(flags, env);
  const apiKey = flags.apiKey || env.MOTIF_API_KEY;
  if (!apiKey) {
    throw new UsageError('No API key: pass --api-key or set MOTIF_API_KEY (run recnode-apikey on the rig to see it).');
  }
  const caFile = flags.ca || env.MOTIF_CA;
  const fingerprint = flags.fingerprint || env.MOTIF_FINGERPRINT;
  return {
    host,
    port,
    apiKey,
    trust: trustFrom({ caFile, fingerprint }),
    connectTimeoutMs: timeoutMs,
    responseTimeoutMs: timeoutMs,
  };
}

/**
 * `resolveConnectionOptions`, or for `--rig NAME` (env MOTIF_RIG) the rig list and the
 * keychain, with explicit flags still winning over the stored rig.
 */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: Record<string, string | undefined>,
): Promise<MotifClientOptions> {
  const name = flags.rig || env.MOTIF_RIG;
  if (!name) return resolveConnectionOptions(flags, env);
  const rig = findNamedRig(name, env);
  if (!rig.trust && !flags.ca && !flags.fingerprint) {
    throw new UsageError(
      `Rig "${rig.name}" has no trusted certificate yet: see it with "motifctl trust --rig '${rig.name}'", ` +
        `then "motifctl rigs edit '${rig.name}' --fingerprint SHA256" (or --ca FILE).`,
    );
  }
  const apiKey = flags.apiKey || (await keyForNamedRig(rig));
  return resolveConnectionOptions({ ...flags, rig: undefined, apiKey }, namedRigEnv(rig, flags));
}

/** How the audit log names the rig of a command: the registry's rig, or host:port. */
export function auditTargetFor(
  flags: ConnectionFlags,
  env: Record<string, string | undefined>,
  options: Pick<MotifClientOptions, 'host' | 'port'>,
): { rigId: string; rigName: string } {
  const name = flags.rig || env.MOTIF_RIG;
  if (name) {
    const rig = findNamedRig(name, env);
    return { rigId: rig.id, rigName: rig.name };
  }
  const address = `${options.host}:${options.port ?? DEFAULT_PORT}`;
  return { rigId: address, rigName: address };
}

/** Where the rig is and how long to wait; enough for `trust`, which sends no key. */
export function resolveRigAddress(
  flags: ConnectionFlags,
  processEnv: Record<string, string | undefined>,
): { host: string; port: number; timeoutMs: number } {
  const name = flags.rig || processEnv.MOTIF_RIG;
  const env = name ? namedRigEnv(findNamedRig(name, processEnv), flags) : processEnv;
  return {
    host: flags.host || env.MOTIF_HOST || '127.0.0.1',
    port: parsePort(flags.port ?? env.MOTIF_PORT),
    timeoutMs: parseTimeoutMs(flags.timeout) ?? DEFAULT_TIMEOUT_MS,
  };
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`Port "${text}" is not a number from 1 to 65535.`);
  return port;
}

function parseTimeoutMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`Timeout "${text}" is not a positive number of seconds.`);
  return Math.round(seconds * 1000);
}
