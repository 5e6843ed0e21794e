import { randomUUID } from 'node:crypto';
import { KEYCHAIN_SERVICE, keytarKeychain } from '../../../../../src-main/core/secrets/keychain';

/** Whether the real OS keychain answers here (the suite runs it under dbus-run-session + gnome-keyring). */
export async function probeKeychain(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const account = `probe-${randomUUID()}`;
  try {
    await keytarKeychain.setPassword(KEYCHAIN_SERVICE, account, 'probe');
    const back = await keytarKeychain.getPassword(KEYCHAIN_SERVICE, account);
    await keytarKeychain.deletePassword(KEYCHAIN_SERVICE, account);
    return back === 'probe' ? { ok: true } : { ok: false, reason: 'the keychain did not return what was stored' };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

export const KEYCHAIN_HELP =
  "run under: dbus-run-session -- bash -c 'eval \"$(printf pw | gnome-keyring-daemon --unlock --components=secrets)\"; npx vitest run ...'";

/**
 * Keychain tests fail loudly in CI when no keychain is reachable, and are skipped with a
 * message elsewhere (a developer shell without a Secret Service).
 */
export async function keychainGate(): Promise<{ skip: boolean }> {
  const probe = await probeKeychain();
  if (probe.ok) return { skip: false };
  if (process.env.CI) throw new Error(`No OS keychain reachable in CI (${probe.reason}); ${KEYCHAIN_HELP}`);
  console.warn(`[keychain tests skipped] no OS keychain reachable (${probe.reason}); ${KEYCHAIN_HELP}`);
  return { skip: true };
}
