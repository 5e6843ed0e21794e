/** Run in a child process whose D-Bus has no Secret Service: what the real SecretStore does then. */
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';

const store = new SecretStore(undefined, { timeoutMs: 10_000 });
const out: Record<string, unknown> = {};
try {
  out.stored = await store.setKey('child-rig', 'child-secret-key');
} catch (e) {
  out.error = { code: (e as { code?: string }).code, message: (e as Error).message };
}
out.stateAfterFailure = await store.keyState('child-rig');
out.session = await store.setKey('child-rig', 'child-secret-key', { sessionOnly: true });
out.stateSession = await store.keyState('child-rig');
out.keyBack = (await store.getKey('child-rig')) === 'child-secret-key';
process.stdout.write(JSON.stringify(out));
