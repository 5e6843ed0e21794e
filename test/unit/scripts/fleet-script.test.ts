import { afterEach, describe, expect, it } from 'vitest';
import { startChild, type ChildResult } from '../reliability/run-child';
import type { ChildProcess } from 'node:child_process';

let running: ChildProcess | null = null;

afterEach(() => {
  running?.kill('SIGKILL');
  running = null;
});

/** Resolves with what the script printed once it says where to open the window, or once it ended. */
function startedOrEnded(child: ChildProcess, done: Promise<ChildResult>): Promise<{ started: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (/simulated rigs in .*: open http/.test(output)) resolve({ started: true, output });
    });
    void done.then((r) => resolve({ started: false, output: `${r.stdout}\n${r.stderr}` }));
  });
}

describe('scripts/fleet.ts', () => {
  it('starts with rigs that have a problem when no keychain answers (keytar not built, no Secret Service)', async () => {
    // No D-Bus to reach: the keychain refuses every call, as on a machine where keytar is not built.
    const { child, done } = startChild('scripts/fleet.ts', ['--rigs', '2', '--problems', '1'], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    running = child;
    const first = await startedOrEnded(child, done);
    expect(first.output).not.toMatch(/keychain could not/);
    expect(first.started, first.output).toBe(true);
    child.kill('SIGTERM');
    const ended = await done;
    running = null;
    expect(ended.code).toBe(0);
  }, 60_000);
});
