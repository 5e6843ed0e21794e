/**
 * `--self-test`: the packed app checks what users install and exits with a code: its window
 * opens on the built renderer, the preload bridge answers through the IPC gate, the tray is
 * made, the live-stream utility process starts (zeromq loads inside it) and the keychain
 * module loads. CI runs it on each OS's packed app (scripts/self-test-packed.mjs).
 */
export const SELF_TEST_FLAG = '--self-test';

/** A check: resolves with what it saw, rejects with what went wrong. */
export type SelfTestCheck = [name: string, run: () => Promise<string>];

/** Exit codes: 0 every check passed, 1 one failed, 2 one did not finish in time. */
export async function runSelfTest(checks: readonly SelfTestCheck[], log: (line: string) => void, timeoutMs = 30_000): Promise<0 | 1 | 2> {
  for (const [name, run] of checks) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, timeoutMs, 'timeout')));
    try {
      const seen = await Promise.race([run(), timeout]);
      if (seen === 'timeout') {
        log(`self-test: ${name}: no answer within ${timeoutMs / 1000} s`);
        return 2;
      }
      log(`self-test: ${name}: ok (${seen})`);
    } catch (e) {
      log(`self-test: ${name}: FAILED: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    } finally {
      clearTimeout(timer);
    }
  }
  log('self-test: passed');
  return 0;
}
