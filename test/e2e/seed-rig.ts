/**
 * Adds one rig to the registry of MOTIF_CONTROL_CONFIG_DIR through the core API, the key
 * read from stdin: what `motifctl rigs add` does, for e2e tests. Run with `npx tsx`.
 * Usage: seed-rig.ts NAME HOST PORT FINGERPRINT < key
 */
import { openRigs } from '../../src-main/core/registry/open-rigs';

async function main() {
  const [name, host, port, fingerprint] = process.argv.slice(2);
  if (!name || !host || !port || !fingerprint) throw new Error('usage: seed-rig.ts NAME HOST PORT FINGERPRINT < key');
  let apiKey = '';
  for await (const chunk of process.stdin) apiKey += String(chunk);
  const rigs = openRigs();
  try {
    const saved = rigs.registry.add({ name, host, port: Number(port), trust: { kind: 'fingerprint', sha256: fingerprint }, simulated: true });
    await rigs.secrets.setKey(saved.id, apiKey.trim());
    console.log(saved.id);
  } finally {
    await rigs.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
