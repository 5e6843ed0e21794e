import { appConfigDir } from '../../core/config-dir';
import { NoticeBoard } from '../../core/notice-board';
import { ConfigFile } from '../../core/registry/config-file';
import { confStoreFactory } from '../../core/registry/conf-store-factory';
import { isCoreError } from '../../core/errors';
import { RigRegistry, type RigConfig } from '../../core/registry/rig-registry';
import { SecretStore } from '../../core/secrets/secret-store';
import { UsageError } from './command-context';

/** A rig from the shared rig list by name (any case) or id, for `--rig NAME`. */
export function findNamedRig(name: string, env: Record<string, string | undefined>): RigConfig {
  const notices = new NoticeBoard();
  const registry = new RigRegistry(new ConfigFile({ configDir: appConfigDir(env), factory: confStoreFactory, notices }));
  const rig = registry.findByName(name) ?? registry.get(name);
  if (rig) return rig;
  const known = registry.list().map((r) => r.name);
  const problems = notices.list().map((n) => ` ${n.message}`).join('');
  throw new UsageError(
    `There is no rig named "${name}" in ${registry.configPath}` +
      `${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (the rig list is empty; add one with motifctl rigs add)'}.${problems}`,
  );
}

/** The rig as the MOTIF_* variables the connection flags fall back to; explicit flags still win. */
export function namedRigEnv(rig: RigConfig, flags: { ca?: string; fingerprint?: string }): Record<string, string | undefined> {
  const ownTrust = flags.ca || flags.fingerprint;
  return {
    MOTIF_HOST: rig.host,
    MOTIF_PORT: String(rig.port),
    MOTIF_CA: !ownTrust && rig.trust?.kind === 'ca' ? rig.trust.caPath : undefined,
    MOTIF_FINGERPRINT: !ownTrust && rig.trust?.kind === 'fingerprint' ? rig.trust.sha256 : undefined,
  };
}

/** The rig's key from the OS keychain, or a sentence saying how to provide one. */
export async function keyForNamedRig(rig: RigConfig, secrets: SecretStore = new SecretStore()): Promise<string> {
  let key: string | null;
  try {
    key = await secrets.getKey(rig.id);
  } catch (e) {
    if (!isCoreError(e)) throw e;
    throw new UsageError(`${e.message} For this command, --api-key or MOTIF_API_KEY also works.`);
  }
  if (!key) {
    throw new UsageError(
      `No API key for rig "${rig.name}" in the keychain: store one with "motifctl rigs edit '${rig.name}' --set-key", or pass --api-key.`,
    );
  }
  return key;
}
