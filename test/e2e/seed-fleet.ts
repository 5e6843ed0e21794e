/**
 * Adds many rigs to the registry of MOTIF_CONTROL_CONFIG_DIR through the core API in one
 * process, for e2e tests of a whole fleet. Run with `npx tsx`; stdin: a JSON array of
 * {name, host, port, fingerprint, apiKey}.
 */
import { openRigs } from '../../src-main/core/registry/open-rigs';

interface Seed {
  name: string;
  host: string;
  port: number;
  fingerprint: string;
  apiKey: string;
}

async function main() {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const seeds = JSON.parse(text) as Seed[];
  const rigs = openRigs();
  try {
    for (const s of seeds) {
      const saved = rigs.registry.add({ name: s.name, host: s.host, port: s.port, trust: { kind: 'fingerprint', sha256: s.fingerprint } });
      await rigs.secrets.setKey(saved.id, s.apiKey);
    }
  } finally {
    await rigs.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
